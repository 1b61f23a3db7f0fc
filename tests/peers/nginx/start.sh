#!/usr/bin/env bash
# Starts nginx on a free 127.0.0.1 port serving the fixture feeds in tests/peers/nginx/feeds
# (static files, so nginx answers conditional requests with 304 from ETag/Last-Modified;
# images/ for feed items' images: a real PNG, one whose header claims 65,000² pixels, and an
# HTML page served as image/png),
# plus a few locations that fail on purpose: 429 and 503 with Retry-After, 403, and a body
# larger than Ferry's feed cap. Prints the environment line for with-peers.
# For the feed XSS test (tests/e2e/feed-xss.test.mjs): /generated/ serves a folder the test
# writes its feed into (FERRY_TEST_FEEDS_GENERATED), /canary/ answers 204 to anything, and
# every request is written to one access log with its user agent (FERRY_TEST_FEEDS_LOG), so
# the test sees any request a payload makes the webview send.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../common.sh"
PATH=$PATH:/usr/sbin
state=$1
port=$(free_port)
dir=$state/nginx
mkdir -p "$dir/tmp" "$dir/big" "$dir/generated"
# 5 MiB that starts like a feed: past the 4 MiB cap (crates/ferry-networks/src/rss/fetch.rs).
{ printf '<?xml version="1.0"?><rss version="2.0"><channel><title>huge</title><description>'
  head -c $((5 * 1024 * 1024)) /dev/zero | tr '\0' 'x'
  printf '</description></channel></rss>'; } > "$dir/big/huge.xml"
cat > "$dir/nginx.conf" <<CONF
# Workers as whoever runs the tests (ignored with a notice when that is not root), so the
# fixture folder needs no extra permissions.
user $(id -un) $(id -gn);
worker_processes 1;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  types {
    application/rss+xml rss;
    application/atom+xml atom;
    application/feed+json json;
    application/xml xml;
    text/html html;
    image/png png;
  }
  charset utf-8;
  charset_types application/rss+xml application/atom+xml application/feed+json application/xml;
  log_format agents '\$msec \$status "\$request" "\$http_user_agent" "\$http_referer"';
  server {
    listen 127.0.0.1:$port;
    access_log $dir/access.log agents;
    root $here/feeds;
    location = /limited.rss { add_header Retry-After 120 always; return 429; }
    location = /unavailable.rss { add_header Retry-After 120 always; return 503; }
    location = /forbidden.rss { return 403; }
    location = /huge.xml { root $dir/big; }
    location /generated/ { alias $dir/generated/; }
    location /canary/ { return 204; }
  }
}
CONF
setsid nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" > "$dir/stdout.log" 2>&1 &
echo $! > "$state/nginx.pid"
wait_ready $! 15 curl -fsS "http://127.0.0.1:$port/rss.rss" \
  || { echo "nginx did not start; its log:" >&2; cat "$dir/error.log" "$dir/stdout.log" >&2; exit 1; }
echo "FERRY_TEST_FEEDS=http://127.0.0.1:$port"
echo "FERRY_TEST_FEEDS_GENERATED=$dir/generated"
echo "FERRY_TEST_FEEDS_LOG=$dir/access.log"
