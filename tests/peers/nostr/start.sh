#!/usr/bin/env bash
# Starts nostr-relay on a free 127.0.0.1 port with a fresh SQLite file in STATE_DIR.
# Prints the environment lines for with-peers on stdout once the relay answers NIP-11.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../common.sh"
state=$1
port=$(free_port)
mkdir -p "$state/nostr"
packaged=$("$PEERS_HOME/nostr/venv/bin/python" -c \
  'import nostr_relay, os; print(os.path.join(os.path.dirname(nostr_relay.__file__), "config.yaml"))')
# The packaged config with our port, a state-dir database, and no gunicorn control socket
# (it would be created in the working directory and collide between runs).
sed -e "s#sqlite+aiosqlite:///nostr.sqlite3#sqlite+aiosqlite:///$state/nostr/relay.sqlite3#" \
    -e "s#^  bind: 127.0.0.1:6969#  bind: 127.0.0.1:$port\n  control_socket_disable: true#" \
    -e "s#^  port: 6969#  port: $port#" \
    "$packaged" > "$state/nostr/config.yaml"
cd "$state/nostr"
setsid "$PEERS_HOME/nostr/venv/bin/nostr-relay" -c "$state/nostr/config.yaml" serve \
  > "$state/nostr/relay.log" 2>&1 &
echo $! > "$state/nostr.pid"
wait_ready $! 30 curl -fsS -H 'Accept: application/nostr+json' "http://127.0.0.1:$port/" \
  || { echo "nostr relay did not start; its log:" >&2; cat "$state/nostr/relay.log" >&2; exit 1; }
echo "FERRY_TEST_NOSTR_RELAY=ws://127.0.0.1:$port"
