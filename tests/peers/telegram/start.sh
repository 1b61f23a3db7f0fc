#!/usr/bin/env bash
# Starts the FAKE Telegram Bot API on a free 127.0.0.1 port; prints
# FERRY_TEST_TELEGRAM=http://127.0.0.1:<port> for with-peers. Its bot token is
# ferry_test_support::telegram_bot_api::GOOD_TOKEN; its chats are @ferry_news (the bot may
# post), @no_rights and @readers.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../common.sh"
start_fake telegram fake-telegram FERRY_TEST_TELEGRAM "$1"
