#!/usr/bin/env bash
# The FAKE Telegram Bot API (tests/support/src/telegram_bot_api, from the Bot API's
# documentation; no real one runs here) is a binary of the test-support crate: built here
# unless make test-e2e built it already.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${CARGO_TARGET_DIR:-$HOME/.cache/ferry/target}/debug/fake-telegram
[[ -x $bin ]] || (cd "$here/../../.." && cargo build -p ferry-test-support --bin fake-telegram --locked)
