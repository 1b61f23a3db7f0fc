#!/usr/bin/env bash
# The FAKE Threads API (tests/support/src/threads_graph_api, from Meta's Threads API
# documentation; no real one runs here) is a binary of the test-support crate: built here
# unless make test-e2e built it already.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${CARGO_TARGET_DIR:-$HOME/.cache/ferry/target}/debug/fake-threads
[[ -x $bin ]] || (cd "$here/../../.." && cargo build -p ferry-test-support --bin fake-threads --locked)
