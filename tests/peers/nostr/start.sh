#!/usr/bin/env bash
# Starts two nostr-relay instances on free 127.0.0.1 ports, each with a fresh SQLite file in
# STATE_DIR (the Nostr timeline reads some authors on one and some on the other, as the
# outbox model does across real relays). Prints the environment lines for with-peers on
# stdout once both answer NIP-11.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../common.sh"
state=$1
packaged=$("$PEERS_HOME/nostr/venv/bin/python" -c \
  'import nostr_relay, os; print(os.path.join(os.path.dirname(nostr_relay.__file__), "config.yaml"))')

# configure DIR PORT: the packaged config with our port, a database in DIR, and no gunicorn
# control socket (it would be created in the working directory and collide between runs).
configure() {
  local dir=$1 port=$2
  mkdir -p "$dir"
  sed -e "s#sqlite+aiosqlite:///nostr.sqlite3#sqlite+aiosqlite:///$dir/relay.sqlite3#" \
      -e "s#^  bind: 127.0.0.1:6969#  bind: 127.0.0.1:$port\n  control_socket_disable: true#" \
      -e "s#^  port: 6969#  port: $port#" \
      "$packaged" > "$dir/config.yaml"
}
port1=$(free_port)
port2=$(free_port)
configure "$state/nostr" "$port1"
configure "$state/nostr2" "$port2"

# One session for both, so with-peers stops them together through nostr.pid's process group.
relay=$PEERS_HOME/nostr/venv/bin/nostr-relay
setsid bash -c '
  for dir in "$@"; do
    (cd "$dir" && exec "'"$relay"'" -c "$dir/config.yaml" serve > "$dir/relay.log" 2>&1) &
  done
  wait' _ "$state/nostr" "$state/nostr2" &
echo $! > "$state/nostr.pid"
for port in "$port1" "$port2"; do
  wait_ready $! 30 curl -fsS -H 'Accept: application/nostr+json' "http://127.0.0.1:$port/" \
    || { echo "nostr relay on $port did not start; logs:" >&2;
         cat "$state/nostr/relay.log" "$state/nostr2/relay.log" >&2; exit 1; }
done
echo "FERRY_TEST_NOSTR_RELAY=ws://127.0.0.1:$port1"
echo "FERRY_TEST_NOSTR_RELAY2=ws://127.0.0.1:$port2"
# The relay's own Python, which can sign events (tests/peers/nostr/event.py) for the window tests.
echo "FERRY_TEST_NOSTR_PYTHON=$PEERS_HOME/nostr/venv/bin/python"
