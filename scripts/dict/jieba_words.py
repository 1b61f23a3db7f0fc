"""jieba's dictionary → jieba.txt, the word list crates/ferry-hints segments with (MIT, like
its source: jieba by Sun Junyi, as shipped in the jieba-rs crate).

The source is `src/data/dict.txt` of the jieba-rs crate the workspace already locks
(Cargo.lock pins the .crate's sha256; sources.toml pins it again with the file's own). cargo
keeps downloaded .crate files under $CARGO_HOME/registry/cache; when it is not there yet,
`cargo fetch --locked` brings it (every build needs it anyway).

Kept: every word with a frequency of at least `min_freq`, and rarer words CC-CEDICT knows (so
a word the panel can gloss stays one word). Dropped: ~235,000 rare words neither knows, mostly
compounds the panel would split into CC-CEDICT words anyway (on lingua's 729 Chinese test
sentences 62 of 20,011 hint words change). jieba-rs builds its trie from the result three
times faster (the trie is bound by cache misses, so size is speed); the
figures are in docs/BENCHMARKS.md. Lines keep jieba's order and format: `word freq tag`.
"""

import hashlib
import os
import subprocess
import tarfile
from pathlib import Path


def cargo_home() -> Path:
    return Path(os.environ.get("CARGO_HOME") or Path.home() / ".cargo")


def find_crate(name: str, version: str) -> Path | None:
    for path in sorted((cargo_home() / "registry" / "cache").glob(f"*/{name}-{version}.crate")):
        return path
    return None


def crate_file(src: dict, root: Path, fail) -> Path:
    """The pinned .crate from cargo's cache, fetched with `cargo fetch --locked` if needed."""
    name, version = src["crate"], src["version"]
    crate = find_crate(name, version)
    if crate is None:
        print(f"fetching {name} {version} with `cargo fetch --locked`")
        result = subprocess.run(["cargo", "fetch", "--locked"], cwd=root,
                                capture_output=True, text=True)
        if result.returncode != 0:
            fail(f"`cargo fetch --locked` failed:\n{result.stderr.strip()}")
        crate = find_crate(name, version)
        if crate is None:
            fail(f"cargo fetched the workspace but {name}-{version}.crate is not in "
                 f"{cargo_home() / 'registry' / 'cache'}; is Cargo.lock still on {version}?")
    got = hashlib.sha256(crate.read_bytes()).hexdigest()
    if got != src["crate_sha256"]:
        fail(f"{crate}: sha256 {got} does not match the pinned {src['crate_sha256']}")
    return crate


def extract(crate: Path, member: str, dest: Path, expected: str, fail) -> Path:
    with tarfile.open(crate, "r:gz") as archive:
        try:
            data = archive.extractfile(archive.getmember(member)).read()
        except KeyError:
            fail(f"{crate.name} has no file {member}")
    got = hashlib.sha256(data).hexdigest()
    if got != expected:
        fail(f"{member} in {crate.name}: sha256 {got} does not match the pinned {expected}")
    dest.write_bytes(data)
    return dest


def convert(source: Path, cedict_tsv: Path, out: Path, min_freq: int) -> None:
    known = set()
    with cedict_tsv.open(encoding="utf-8") as handle:
        for line in handle:
            known.add(line.split("\t", 1)[0])
    kept = total = 0
    with source.open(encoding="utf-8") as lines, \
            (out / "jieba.txt").open("w", encoding="utf-8", newline="\n") as handle:
        for number, line in enumerate(lines, 1):
            fields = line.split()
            if not fields:
                continue
            total += 1
            if len(fields) < 2 or not fields[1].isdigit():
                raise SystemExit(f"error: {source.name} line {number}: no frequency: {line!r}")
            if int(fields[1]) >= min_freq or fields[0] in known:
                handle.write(" ".join(fields) + "\n")
                kept += 1
    print(f"jieba: kept {kept} of {total} words")
