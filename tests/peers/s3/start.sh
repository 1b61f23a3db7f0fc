#!/usr/bin/env bash
# Starts moto's S3 server on a free 127.0.0.1 port with a bucket `ferry-media` whose objects
# anyone may read (the public media host a Nostr note's images are fetched from); prints
# FERRY_TEST_S3=http://127.0.0.1:<port> for with-peers.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../common.sh"
state=$1
port=$(free_port)
dir=$PEERS_HOME/s3
setsid "$dir/venv/bin/moto_server" -H 127.0.0.1 -p "$port" > "$state/s3.log" 2>&1 &
echo $! > "$state/s3.pid"
wait_ready $! 30 curl -fsS "http://127.0.0.1:$port/moto-api/" \
  || { echo "moto did not start; its log:" >&2; cat "$state/s3.log" >&2; exit 1; }
# The bucket, created unsigned (moto accepts any request), public-read.
curl -fsS -X PUT "http://127.0.0.1:$port/ferry-media" -H 'x-amz-acl: public-read' >/dev/null
echo "FERRY_TEST_S3=http://127.0.0.1:$port"
