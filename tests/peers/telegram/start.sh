#!/usr/bin/env bash
# Starts the FAKE Telegram Bot API on a free 127.0.0.1 port; prints
# FERRY_TEST_TELEGRAM=http://127.0.0.1:<port> for with-peers. Its bot token is
# ferry_test_support::telegram_bot_api::GOOD_TOKEN; its chats are @ferry_news (the bot may
# post), @no_rights and @readers.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../common.sh"
state=$1
bin=${CARGO_TARGET_DIR:-$HOME/.cache/ferry/target}/debug/fake-telegram
port=$(free_port)
setsid "$bin" "127.0.0.1:$port" > "$state/telegram.out" 2> "$state/telegram.log" &
echo $! > "$state/telegram.pid"
for _ in $(seq 1 100); do
  if grep -q '^FERRY_TEST_TELEGRAM=' "$state/telegram.out" 2>/dev/null; then
    grep '^FERRY_TEST_TELEGRAM=' "$state/telegram.out"
    exit 0
  fi
  sleep 0.1
done
echo "the fake Telegram Bot API did not start: $(cat "$state/telegram.log")" >&2
exit 1
