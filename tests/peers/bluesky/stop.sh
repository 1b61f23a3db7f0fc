#!/usr/bin/env bash
# Stops the AppView's PostgreSQL and Redis that start.sh daemonized for this run (with-peers
# kills the node process group itself). Quiet and idempotent: it runs whatever start reached.

dir=$1/bluesky
if [[ -f $dir/run/pg/postmaster.pid ]]; then
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  as_pg=()
  [[ $(id -u) -eq 0 ]] && as_pg=(runuser -u postgres --)
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$dir/run/pg" -m immediate -w -s stop >/dev/null 2>&1 || true
fi
if [[ -f $dir/redis.pid ]]; then
  pid=$(cat "$dir/redis.pid")
  kill "$pid" 2>/dev/null || true
  # Gone before with-peers removes the state directory it writes in.
  for _ in $(seq 1 25); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
fi

