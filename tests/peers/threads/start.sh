#!/usr/bin/env bash
# Starts the FAKE Threads API on a free 127.0.0.1 port; prints
# FERRY_TEST_THREADS=http://127.0.0.1:<port> for with-peers. Its token is
# ferry_test_support::threads_graph_api::GOOD_TOKEN; its one account is @ferry_writer.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../common.sh"
start_fake threads fake-threads FERRY_TEST_THREADS "$1"
