#!/usr/bin/env bash
# The reference Bluesky PDS from npm @atproto/dev-env (pinned by package-lock.json), installed
# under $FERRY_CACHE/peers/bluesky with Node 24. better-sqlite3 compiles from source (no
# prebuilt downloads are reachable), which takes a few minutes the first time.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../common.sh"
"$PEERS_SRC/node/install.sh"
stamp_ok bluesky "$0" "$here/package.json" "$here/package-lock.json" && exit 0
source "$PEERS_SRC/node/env.sh"
dir=$PEERS_HOME/bluesky
mkdir -p "$dir"
cp "$here/package.json" "$here/package-lock.json" "$dir/"
(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
# Prove the addon loads in this Node before calling the install done.
(cd "$dir" && node -e "require('better-sqlite3')(':memory:').prepare('select 1').get()")
stamp_write bluesky "$0" "$here/package.json" "$here/package-lock.json"
