#!/usr/bin/env bash
# Starts the FAKE Threads API on a free 127.0.0.1 port; prints
# FERRY_TEST_THREADS=http://127.0.0.1:<port> for with-peers. Its token is
# ferry_test_support::threads_graph_api::GOOD_TOKEN; its one account is @ferry_writer.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../common.sh"
state=$1
bin=${CARGO_TARGET_DIR:-$HOME/.cache/ferry/target}/debug/fake-threads
port=$(free_port)
setsid "$bin" "127.0.0.1:$port" > "$state/threads.out" 2> "$state/threads.log" &
echo $! > "$state/threads.pid"
for _ in $(seq 1 100); do
  if grep -q '^FERRY_TEST_THREADS=' "$state/threads.out" 2>/dev/null; then
    grep '^FERRY_TEST_THREADS=' "$state/threads.out"
    exit 0
  fi
  sleep 0.1
done
echo "the fake Threads API did not start: $(cat "$state/threads.log")" >&2
exit 1
