#!/usr/bin/env bash
# Two Mastodon test sources, both from PyPI:
#  - mastodon-mock (a Mastodon-API server in Python) for live client flows;
#  - the recordings of a real Mastodon 4.6.4 server that ship in the Mastodon.py sdist
#    (tests/cassettes/*.yaml): the ground truth for response shapes. The sdist is pinned by
#    version and sha256 and only its cassettes are kept.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../common.sh"
stamp_ok mastodon "$0" && exit 0
dir=$PEERS_HOME/mastodon
mkdir -p "$dir"
[[ -x $dir/venv/bin/pip ]] || python3 -m venv "$dir/venv"
"$dir/venv/bin/pip" install -q 'mastodon-mock==0.6.1'

sdist=mastodon_py-2.3.3.tar.gz
sha256=a3cda3db86d65809957c978aef8ac7fb3dfc93abfeda3f1c6bdef4c79090ab7b
rm -rf "$dir/sdist" "$dir/cassettes.tmp"
"$dir/venv/bin/pip" download -q --no-binary :all: --no-deps 'Mastodon.py==2.3.3' -d "$dir/sdist"
echo "$sha256  $dir/sdist/$sdist" | sha256sum -c --quiet -
mkdir -p "$dir/cassettes.tmp"
tar -xzf "$dir/sdist/$sdist" -C "$dir/cassettes.tmp" --strip-components=3 mastodon_py-2.3.3/tests/cassettes
rm -rf "$dir/cassettes" "$dir/sdist"
mv "$dir/cassettes.tmp" "$dir/cassettes"
stamp_write mastodon "$0"
