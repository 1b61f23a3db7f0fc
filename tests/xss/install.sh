#!/usr/bin/env bash
# The sanitizer attack corpus of the feed XSS test (tests/e2e/feed-xss.test.mjs): the test
# feeds feedparser ships in its sdist under tests/wellformed/sanitize (745 small feeds, each
# carrying one payload: scripts, event handlers, frames, objects, styles, malformed comments…).
# The sdist is pinned by version and sha256, fetched from PyPI with pip into $FERRY_CACHE/xss,
# checked, and only those files and the licence are kept. feedparser and its tests are
# BSD-2-Clause (Kurt McKee, Mark Pilgrim); the licence is kept beside the files.
# Stamped: a second run is instant.
#
#   tests/xss/install.sh          # prints nothing when the corpus is already there
#   tests/xss/install.sh --where  # prints the corpus folder, or fails if it is not installed
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
FERRY_CACHE=${FERRY_CACHE:-$HOME/.cache/ferry}
version=6.0.14
sha256=088679b0c4b543ee211a820dd544698c76a402122eae7473c04a43425f283d06
dir=$FERRY_CACHE/xss
corpus=$dir/feedparser-$version
stamp=$dir/feedparser-$version.stamp
want=$(cat "$0" | sha256sum)
if [[ -f $stamp && $(cat "$stamp") == "$want" && -d $corpus/sanitize ]]; then
  [[ ${1:-} == --where ]] && echo "$corpus"
  exit 0
fi
if [[ ${1:-} == --where ]]; then
  echo "error: the XSS corpus is not installed; run tests/xss/install.sh (make e2e-deps does)" >&2
  exit 1
fi

mkdir -p "$dir"
[[ -x $dir/venv/bin/pip ]] || python3 -m venv "$dir/venv"
rm -rf "$dir/sdist" "$corpus.tmp"
"$dir/venv/bin/pip" download -q --no-binary :all: --no-deps "feedparser==$version" -d "$dir/sdist"
echo "$sha256  $dir/sdist/feedparser-$version.tar.gz" | sha256sum -c --quiet -
mkdir -p "$corpus.tmp/sanitize"
tar -xzf "$dir/sdist/feedparser-$version.tar.gz" -C "$corpus.tmp/sanitize" --strip-components=4 \
  "feedparser-$version/tests/wellformed/sanitize"
tar -xzf "$dir/sdist/feedparser-$version.tar.gz" -C "$corpus.tmp" --strip-components=1 \
  "feedparser-$version/LICENSE"
count=$(find "$corpus.tmp/sanitize" -name '*.xml' | wc -l)
(( count > 700 )) || { echo "error: only $count sanitizer cases in feedparser $version" >&2; exit 1; }
rm -rf "$corpus" "$dir/sdist"
mv "$corpus.tmp" "$corpus"
echo "$want" > "$stamp"
echo "xss corpus: $count feeds from feedparser $version in $corpus" >&2
