#!/usr/bin/env bash
# Starts mastodon-mock (in-memory) on a free 127.0.0.1 port and names the real-server
# recordings. Prints the environment lines for with-peers on stdout.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../common.sh"
state=$1
port=$(free_port)
mkdir -p "$state/mastodon"
cd "$state/mastodon"
# The seeded account is `testuser` (token `mock_token`); OAuth codes are `mockcode_<user>`.
setsid "$PEERS_HOME/mastodon/venv/bin/mastodon_mock" serve --in-memory --host 127.0.0.1 \
  --port "$port" --domain "127.0.0.1:$port" --log-level warning > "$state/mastodon/mock.log" 2>&1 &
echo $! > "$state/mastodon.pid"
wait_ready $! 30 curl -fsS "http://127.0.0.1:$port/api/v1/instance" \
  || { echo "mastodon-mock did not start; its log:" >&2; cat "$state/mastodon/mock.log" >&2; exit 1; }
echo "FERRY_TEST_MASTODON=http://127.0.0.1:$port"
echo "FERRY_TEST_MASTODON_CASSETTES=$PEERS_HOME/mastodon/cassettes"
