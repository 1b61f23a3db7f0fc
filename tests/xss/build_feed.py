#!/usr/bin/env python3
"""Builds the RSS feed of tests/e2e/feed-xss.test.mjs from feedparser's sanitizer corpus.

Usage: build_feed.py --corpus DIR [--extra FILE] --canary URL --out FILE   (prints a JSON summary)

--corpus is the folder tests/xss/install.sh keeps (feedparser's tests/wellformed/sanitize,
BSD-2-Clause). Each of its files is a small feed carrying one payload in one place (an Atom
entry's content or summary, a title, an RSS description, content:encoded, xhtml:body…); the
large Atom feed among them carries one per entry. --extra adds one payload per line of a
text file (tests/xss/extra-payloads.txt; `#` starts a comment line). Every payload becomes one item of one RSS
feed, as HTML in the item's description (content:encoded for the content:encoded cases; the
title cases in the title as well), after three rewrites that keep its markup as it was:

- every script body and event handler starts with the canary call, and `javascript:` URLs run
  it: if anything runs, it counts in `window.__xss` and names its payload in
  `window.__xssFrom`; `location.href = …` assignments become `void 0`, so nothing navigates;
- every absolute URL (and protocol-relative one in an attribute) points at the canary
  location, CANARY/<n>/<host and path>, whose nginx access log counts any request;
- the item's link is CANARY/item/<n>, so the engine resolves relative URLs there too.

Items are dated a minute apart, payload 0 newest, so the window lists them in corpus order.
"""

import argparse
import base64
import json
import re
import sys
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from xml.dom import minidom
from xml.sax.saxutils import escape

sys.dont_write_bytecode = True

# Elements that hold entries (their children are the payload's candidates, not payloads).
CONTAINERS = {"feed", "rss", "RDF", "channel", "entry", "item"}
ENTRIES = {"entry", "item"}
TITLE_CASES = ("entry_title_", "feed_title_", "feed_tagline_", "feed_subtitle_", "feed_info_",
               "feed_copyright_", "xml_")


def canary_call(n: int) -> str:
    """A statement with no quotes or spaces, so it fits any script, handler or URL."""
    return f"window.__xss=(window.__xss||0)+1,(window.__xssFrom=window.__xssFrom||[]).push({n})"


def content_of(element) -> str:
    """The payload an element carries: base64 decoded, inline XHTML as written, else its text."""
    if element.getAttribute("mode") == "base64":
        return base64.b64decode("".join(n.data for n in element.childNodes if n.nodeType in (3, 4))).decode()
    if any(n.nodeType == 1 for n in element.childNodes):
        return "".join(n.toxml() for n in element.childNodes).strip()
    return "".join(n.data for n in element.childNodes if n.nodeType in (3, 4)).strip()


def children(element):
    return [n for n in element.childNodes if n.nodeType == 1]


def local(element) -> str:
    return element.localName or element.tagName.split(":")[-1]


def candidates(container):
    """(name, payload) of a container's own fields that carry something."""
    found = []
    for child in children(container):
        if local(child) in CONTAINERS:
            continue
        text = content_of(child)
        if text:
            found.append((local(child), text))
    return found


def walk(element):
    yield element
    for child in children(element):
        yield from walk(child)


def payloads_of(path: Path):
    """The payloads of one corpus file: one per entry that carries one, else the feed's own."""
    doc = minidom.parse(str(path))
    entries = [e for e in walk(doc.documentElement) if local(e) in ENTRIES]
    found = []
    for entry in entries:
        fields = candidates(entry)
        if fields:
            found.append(max(fields, key=lambda f: len(f[1])))
    if found:
        return found
    feed_level = [c for e in walk(doc.documentElement) if local(e) in CONTAINERS - ENTRIES for c in candidates(e)]
    return [max(feed_level, key=lambda f: len(f[1]))] if feed_level else []


URL = re.compile(r"https?://[^\s\"'<>()\\]+", re.I)
SCHEMELESS = re.compile(r"(=\s*[\"']?)//(?=[a-z0-9])", re.I)
NAVIGATION = re.compile(
    r"(?:(?:window|document|top|self|parent)\.)?location(?:\.href)?\s*=\s*"
    r"(?:'[^']*'|\"[^\"]*\")(?:\s*\+\s*(?:'[^']*'|\"[^\"]*\"))*",
    re.I,
)
SCRIPT_OPEN = re.compile(r"<script\b[^>]*>", re.I)
HANDLER_QUOTED = re.compile(r"(\bon[a-z]+\s*=\s*)([\"'])", re.I)
HANDLER_BARE = re.compile(r"(\bon[a-z]+\s*=\s*)(?=[^\s\"'>])", re.I)
JAVASCRIPT_URL = re.compile(r"javascript:", re.I)


def rewrite(payload: str, n: int, canary: str) -> str:
    call = canary_call(n)
    out = NAVIGATION.sub("void 0", payload)
    out = SCRIPT_OPEN.sub(lambda m: f"{m.group(0)}{call};", out)
    out = HANDLER_QUOTED.sub(lambda m: f"{m.group(1)}{m.group(2)}{call};", out)
    out = HANDLER_BARE.sub(lambda m: f"{m.group(1)}{call};", out)
    out = JAVASCRIPT_URL.sub(f"javascript:{call};", out)
    out = URL.sub(lambda m: f"{canary}/{n}/{m.group(0).split('://', 1)[1]}", out)
    out = SCHEMELESS.sub(lambda m: f"{m.group(1)}{canary}/{n}/", out)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", required=True, type=Path)
    parser.add_argument("--extra", type=Path)
    parser.add_argument("--canary", required=True, help="http://127.0.0.1:PORT/canary")
    parser.add_argument("--out", required=True, type=Path)
    args = parser.parse_args()
    canary = args.canary.rstrip("/")
    files = sorted(args.corpus.glob("*.xml"))
    if not files:
        sys.exit(f"error: no corpus in {args.corpus}; run tests/xss/install.sh")
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    items, names = [], []
    cases = [(path.stem, path.name.startswith(TITLE_CASES), payloads_of(path)) for path in files]
    empty = [f"{stem}.xml" for stem, _, found in cases if not found]
    if args.extra:
        lines = [line for line in args.extra.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
        cases += [(f"ferry-extra-{k}", False, [("description", line)]) for k, line in enumerate(lines)]
    for stem, in_title, found in cases:
        for k, (field, payload) in enumerate(found):
            n = len(names)
            name = stem if len(found) == 1 else f"{stem}#{k}"
            names.append(name)
            html = rewrite(payload, n, canary)
            title = html if in_title else f"{n} {name}"
            body = "content:encoded" if field == "encoded" else "description"
            items.append(
                "<item>"
                f"<title>{escape(title)}</title>"
                f"<link>{canary}/item/{n}</link>"
                f'<guid isPermaLink="false">xss-{n}-{escape(name)}</guid>'
                f"<pubDate>{format_datetime(start - timedelta(minutes=n))}</pubDate>"
                f"<{body}>{escape(html)}</{body}>"
                "</item>"
            )
    feed = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<channel><title>feedparser sanitizer corpus</title>"
        f"<link>{canary}/channel</link><description>feedparser tests, BSD-2-Clause</description>"
        + "\n".join(items)
        + "</channel></rss>\n"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(feed, encoding="utf-8")
    json.dump({"files": len(files), "payloads": len(names), "names": names, "empty": empty,
               "bytes": len(feed.encode())}, sys.stdout)


if __name__ == "__main__":
    main()
