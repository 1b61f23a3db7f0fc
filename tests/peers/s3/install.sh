#!/usr/bin/env bash
# An S3-compatible server: moto (PyPI, Apache-2.0) in server mode, in its own venv under
# $FERRY_CACHE/peers/s3. It speaks the S3 REST API (PutObject, GetObject, policies) on
# 127.0.0.1 with any credentials.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../common.sh"
stamp_ok s3 "$0" && exit 0
dir=$PEERS_HOME/s3
mkdir -p "$dir"
[[ -x $dir/venv/bin/pip ]] || python3 -m venv "$dir/venv"
"$dir/venv/bin/pip" install -q 'moto[server]==5.1.17'
stamp_write s3 "$0"
