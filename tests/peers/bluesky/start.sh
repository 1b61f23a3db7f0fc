#!/usr/bin/env bash
# Starts the reference Bluesky network (pds.mjs: PLC, PDS and AppView) on free 127.0.0.1 ports,
# with the AppView's PostgreSQL and Redis (Debian's packages, installed by `make test`) started
# here for this run only, state under STATE_DIR. Accounts: alice.test / alice-pass (follows
# bob) and bob.test / bob-pass. PLC keeps DIDs in memory, so they change on every start.
# Prints the environment lines for with-peers on stdout.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../common.sh"
source "$PEERS_SRC/node/env.sh"
state=$1
dir=$state/bluesky
mkdir -p "$dir/tmp" "$dir/run"
cp "$here/pds.mjs" "$PEERS_HOME/bluesky/pds.mjs"   # beside its node_modules

# PostgreSQL refuses to run as root: then its files belong to the postgres user, who must be
# able to reach them through the (private) state directory.
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x $pgbin/initdb ]] || { echo "PostgreSQL is not installed (Debian package postgresql)" >&2; exit 1; }
command -v redis-server >/dev/null || { echo "redis-server is not installed (Debian package redis-server)" >&2; exit 1; }
as_pg=()
if [[ $(id -u) -eq 0 ]]; then
  as_pg=(runuser -u postgres --)
  chmod 711 "$state" "$dir"
  chown postgres "$dir/run"
fi
pg=$(free_port)
"${as_pg[@]}" "$pgbin/initdb" -D "$dir/run/pg" -U pg --auth=trust -E UTF8 --no-sync > "$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$dir/run/pg" -l "$dir/run/pg.log" -w -s \
  -o "-c listen_addresses=127.0.0.1 -p $pg -k $dir/run -c max_connections=200 -c fsync=off" start \
  || { cat "$dir/run/pg.log" >&2; exit 1; }
redis=$(free_port)
redis-server --bind 127.0.0.1 --port "$redis" --save '' --appendonly no --daemonize yes \
  --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --dir "$dir"

plc=$(free_port)
pds=$(free_port)
bsky=$(free_port)
# dev-env keeps the PDS's SQLite files and blobs under os.tmpdir().
TMPDIR=$dir/tmp LOG_ENABLED=false PLC_PORT=$plc PDS_PORT=$pds BSKY_PORT=$bsky \
  DB_POSTGRES_URL=postgresql://pg@127.0.0.1:$pg/postgres DB_POSTGRES_SCHEMA=ferry_peer \
  REDIS_HOST=127.0.0.1:$redis \
  setsid node --no-deprecation "$PEERS_HOME/bluesky/pds.mjs" > "$dir/pds.log" 2>&1 &
echo $! > "$state/bluesky.pid"
wait_ready $! 120 grep -q READY "$dir/pds.log" \
  || { echo "Bluesky network did not start; its log:" >&2; cat "$dir/pds.log" >&2; exit 1; }
echo "FERRY_TEST_BSKY_PDS=http://127.0.0.1:$pds"
echo "FERRY_TEST_BSKY_PLC=http://127.0.0.1:$plc"
echo "FERRY_TEST_BSKY_APPVIEW=http://127.0.0.1:$bsky"
