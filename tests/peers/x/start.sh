#!/usr/bin/env bash
# Starts the FAKE X API on a free 127.0.0.1 port; prints FERRY_TEST_X=http://127.0.0.1:<port>
# for with-peers. The same address serves the API (/2/...) and the consent page
# (/i/oauth2/authorize); its app is ferry_test_support::x_api::CLIENT_ID, its one account
# @ferry_writer.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../common.sh"
start_fake x fake-x FERRY_TEST_X "$1"
