#!/usr/bin/env bash
# The FAKE X API (tests/support/src/x_api, from X's public API documentation; X runs no test
# server) is a binary of the test-support crate: built here unless make test-e2e built it
# already.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${CARGO_TARGET_DIR:-$HOME/.cache/ferry/target}/debug/fake-x
[[ -x $bin ]] || (cd "$here/../../.." && cargo build -p ferry-test-support --bin fake-x --locked)
