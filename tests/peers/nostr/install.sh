#!/usr/bin/env bash
# nostr-relay (Python, SQLite) from PyPI, in its own venv under $FERRY_CACHE/peers/nostr.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../common.sh"
stamp_ok nostr "$0" && exit 0
dir=$PEERS_HOME/nostr
mkdir -p "$dir"
[[ -x $dir/venv/bin/pip ]] || python3 -m venv "$dir/venv"
"$dir/venv/bin/pip" install -q 'nostr-relay==1.14'
stamp_write nostr "$0"
