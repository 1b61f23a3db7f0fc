"""ECDICT (MIT) → two sorted tab-separated tables of its most frequent English headwords.

ecdict.tsv        lower-cased headword, headword, phonetic, Chinese translation (its lines
                  joined by a literal "\\n"); sorted by the lower-cased headword.
ecdict-forms.tsv  inflected form → lower-cased headword ("banks" → "bank"), from ECDICT's
                  `exchange` column, for forms that are not headwords themselves.

Which headwords: the `limit` best ranked by ECDICT's COCA (`frq`) or BNC (`bnc`) rank, taking
the better of the two, plus multi-word phrases marked as core Oxford 3000 or Collins-starred,
which carry no rank of their own but are exactly the "common phrases" worth a hint.
"""

import sqlite3
from pathlib import Path

# Inflection kinds in `exchange`: past, past participle, -ing, 3rd person, plural, comparative,
# superlative. Kind 0 (lemma) and 1 (which kinds) are not forms.
FORM_KINDS = set("pdi3srt")


def clean(text: str | None) -> str:
    lines = [line.strip() for line in (text or "").replace("\r", "").split("\n")]
    return "\\n".join(line.replace("\t", " ") for line in lines if line)


def convert(database: Path, out: Path, limit: int) -> None:
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    ranked = db.execute(
        """
        SELECT word, phonetic, translation, exchange,
               MIN(CASE WHEN frq > 0 THEN frq ELSE 1000000000 END,
                   CASE WHEN bnc > 0 THEN bnc ELSE 1000000000 END) AS rank
        FROM stardict
        WHERE (frq > 0 OR bnc > 0) AND translation IS NOT NULL AND translation != ''
        ORDER BY rank, word
        LIMIT ?
        """,
        (limit,),
    ).fetchall()
    phrases = db.execute(
        """
        SELECT word, phonetic, translation, exchange, 0 FROM stardict
        WHERE word LIKE '% %' AND (oxford = 1 OR collins > 0)
          AND translation IS NOT NULL AND translation != ''
        ORDER BY word
        """
    ).fetchall()
    db.close()

    rows = {}
    forms = {}
    for word, phonetic, translation, exchange, _rank in ranked + phrases:
        key = word.lower().strip()
        if key in rows or "\t" in key:
            continue
        rows[key] = (key, word.strip(), clean(phonetic), clean(translation))
        for item in (exchange or "").split("/"):
            kind, _, form = item.partition(":")
            if kind in FORM_KINDS and form and form.lower() != key:
                forms.setdefault(form.lower(), key)
    forms = {form: lemma for form, lemma in forms.items() if form not in rows}

    with (out / "ecdict.tsv").open("w", encoding="utf-8", newline="\n") as handle:
        for key in sorted(rows):
            handle.write("\t".join(rows[key]) + "\n")
    with (out / "ecdict-forms.tsv").open("w", encoding="utf-8", newline="\n") as handle:
        for form in sorted(forms):
            handle.write(f"{form}\t{forms[form]}\n")
    print(f"ecdict: {len(rows)} headwords, {len(forms)} inflected forms")
