#!/usr/bin/env bash
# Starts the reference PDS + PLC (pds.mjs) on free 127.0.0.1 ports, state under STATE_DIR.
# Accounts: alice.test / alice-pass and bob.test / bob-pass. PLC keeps DIDs in memory, so
# they change on every start. Prints the environment lines for with-peers on stdout.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../common.sh"
source "$PEERS_SRC/node/env.sh"
state=$1
mkdir -p "$state/bluesky/tmp"
cp "$here/pds.mjs" "$PEERS_HOME/bluesky/pds.mjs"   # beside its node_modules
plc=$(free_port)
pds=$(free_port)
# dev-env keeps the PDS's SQLite files and blobs under os.tmpdir().
TMPDIR=$state/bluesky/tmp LOG_ENABLED=false PLC_PORT=$plc PDS_PORT=$pds \
  setsid node "$PEERS_HOME/bluesky/pds.mjs" > "$state/bluesky/pds.log" 2>&1 &
echo $! > "$state/bluesky.pid"
wait_ready $! 60 grep -q READY "$state/bluesky/pds.log" \
  || { echo "Bluesky PDS did not start; its log:" >&2; cat "$state/bluesky/pds.log" >&2; exit 1; }
echo "FERRY_TEST_BSKY_PDS=http://127.0.0.1:$pds"
echo "FERRY_TEST_BSKY_PLC=http://127.0.0.1:$plc"
