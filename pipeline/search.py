"""`congvan search` and `congvan targets`: what analysts ask of the index.

Queries are folded like the index (`extractors.vntext.fold`), so "phat dong thi
dua", "PHÁT ĐỘNG thi đua" and an NFD "phát động" find the same documents. The
snippet is cut from the original text, with its diacritics, around the match.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TextIO

from extractors.vntext import fold, squash
from pipeline.names import located
from pipeline.store import Store


def query_words(text: str) -> list[str]:
    """The folded words of a query, as the index holds them."""
    return re.findall(r"\w+", fold(text))


_FOLDED: dict[int, str] = {}  # each character seen, folded on its own (for str.translate)


def _fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index of the character it came from."""
    for char in set(text):
        if ord(char) not in _FOLDED:
            _FOLDED[ord(char)] = fold(char)
    joined = text.translate(_FOLDED)
    if len(joined) == len(text):  # one character for one (no NFD marks, no ligatures): the common case, fast
        return joined, list(range(len(text)))
    folded, origin = [], []
    for i, char in enumerate(text):
        for f in _FOLDED[ord(char)]:
            folded.append(f)
            origin.append(i)
    return "".join(folded), origin


def snippet(text: str, words: list[str], width: int = 160) -> str:
    """About `width` characters of `text` around the first match of the words (as a phrase, else the first word)."""
    folded, origin = _fold_with_offsets(text)
    match = None
    for pattern in (r"\W+".join(map(re.escape, words)), *(re.escape(w) for w in words)):
        match = re.search(rf"(?<!\w){pattern}(?!\w)", folded)
        if match:
            break
    if not match or not origin:
        return squash(text[:width])
    start, end = origin[match.start()], origin[match.end() - 1] + 1
    margin = max(0, (width - (end - start)) // 2)
    lo, hi = max(0, start - margin), min(len(text), end + margin)
    while 0 < lo < start and not text[lo - 1].isspace():  # whole words only
        lo += 1
    while end < hi < len(text) and not text[hi].isspace():
        hi -= 1
    return ("… " if lo > 0 else "") + squash(text[lo:hi]) + (" …" if hi < len(text) else "")


def number_symbol(row: dict[str, Any]) -> str:
    """"708/LĐLĐ-CTCS" as printed; a blank number stays blank ("/PĐTĐ-LĐLĐ")."""
    if row.get("symbol"):
        return f"{row.get('number') or ''}/{row['symbol']}"
    return row.get("number") or "(no number)"


def directive_line(row: dict[str, Any]) -> str:
    return " · ".join([number_symbol(row), row.get("date") or "(no date)", row.get("issuer") or "(no issuer)"])


def format_value(value: float) -> str:
    """A Vietnamese numeral: 1500 → "1.500", 1.7 → "1,7"."""
    if value == int(value):
        return f"{int(value):,}".replace(",", ".")
    return str(value).replace(".", ",")


def print_search(store: Store, text: str, limit: int, out: TextIO) -> int:
    """Print the documents matching `text`; returns how many matched."""
    words = query_words(text)
    hits = store.search(words, limit)
    print(f'{len(hits)} document(s) match "{text}"', file=out)
    for hit in hits:
        print(f"\n{directive_line(hit)}", file=out)
        subject = hit.get("subject") or "(no subject)"
        print(f"  {hit['doc_type']}: {subject}" if hit.get("doc_type") else f"  {subject}", file=out)
        print(f"  {snippet(hit['body'], words)}", file=out)
        print(f"  [{hit['source_name']}]", file=out)
    return len(hits)


def print_targets(store: Store, out: TextIO, words: str | None = None, unit: str | None = None,
                  since: int | None = None, issuer: str | None = None) -> int:
    """Print targets grouped under their directive; returns how many were printed."""
    rows = store.targets(words=words, unit=unit, since=since, issuer=issuer)
    print(f"{len(rows)} target(s)", file=out)
    current = None
    for row in rows:
        if row["document_id"] != current:
            current = row["document_id"]
            print(f"\n{directive_line(row)}", file=out)
            if row.get("subject"):
                print(f"  {row['subject']}", file=out)
        comparator = "" if row["comparator"] in (None, "=") else f"{row['comparator']} "
        goal = f"{comparator}{format_value(row['value'])} {row['unit'] or ''}".strip()
        print(f"  - {goal:<24} {row['text']}", file=out)
    return len(rows)


def print_review(store: Store, review_confidence: float, processed: Path, out: TextIO) -> int:
    """Print the records marked for review: why, how each page was read, where the original is, and the
    commands that act on each; returns how many."""
    docs = store.for_review(review_confidence)
    print(f"{len(docs)} record(s) need review (a page read below {review_confidence:g}% confidence)", file=out)
    for d in docs:
        print(f"\nrecord {d['id']}: {directive_line(d)}  [{d['source_name']}]", file=out)
        if d.get("subject"):
            print(f"  {d['subject']}", file=out)
        low = ", ".join(f"p.{p['number']} ({p['confidence']:.0f}%)" for p in d["low_pages"])
        why = f"OCR read {low} below {review_confidence:g}%" if low else "(no page below the current threshold)"
        print(f"  why: {why}", file=out)
        for page in store.document_text(d["id"]).pages:
            confidence = f", {page.confidence:.0f}%" if page.confidence is not None else ""
            print(f"  p.{page.number}: {page.method}{confidence}: {page.route or '(route not recorded)'}", file=out)
        stored_as = store.original_of(d["id"])
        print(f"  original: {located(stored_as, processed) if stored_as else '(not in the ledger)'}", file=out)
        print(f"  read it again, sharper:   congvan reread {d['id']} --dpi 400"
              f"   (add --tessdata data/tessdata for the better model)", file=out)
        print(f"  re-extract from its text: congvan reprocess {d['id']}", file=out)
    return len(docs)
