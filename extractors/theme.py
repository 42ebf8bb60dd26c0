"""The campaign's theme (chủ đề thi đua), when the document states one.

Either a heading "Chủ đề thi đua" (or just "Chủ đề") with the theme after it, on
the same line or the next item; a heading naming the campaign ("Chủ đề Tháng
Công nhân năm 2023:", "Chủ đề cuộc thi:") with the quoted theme after it; or
"chủ đề thi đua (năm …) (là): “…”" in running text. A heading opens an item: a
chủ đề merely mentioned inside a sentence (often another programme's) is not
the document's theme. The theme of a school year ("chủ đề năm học") or of the
year's routine work ("chủ đề hoạt động công đoàn năm …") is not a campaign's.
"""
from __future__ import annotations

import re

from extractors.body import fold_same_length, items
from extractors.vntext import squash

_QUOTED = re.compile(r"[“\"]([^”\"]{3,400})[”\"]")
_HEADING = re.compile(r"^chu de(?: thi dua)?(?:\s+nam\s+\d{4}(?:\s*[-–]\s*\d{4})?)?\s*:?\s*(?=[“\"]|$)")
# "Chủ đề Tháng Công nhân năm 2023:", "Chủ đề của Cuộc thi:": the campaign named, then a colon
_NAMED_HEADING = re.compile(r"^chu de\s+(?!nam hoc\b|hoat dong\b)[^:“”\".;]{3,80}:\s*(?=[“\"]|$)")
_INLINE = re.compile(r"\bchu de thi dua(?:\s+nam\s+\d{4})?(?:\s+la)?\s*:?\s*(?=[“\"])")


def _clean(theme: str) -> str | None:
    theme = squash(theme).strip(" .;,")
    return theme or None


def extract_theme(lines: list[str]) -> str | None:
    doc = items(lines)
    for i, item in enumerate(doc):
        folded = fold_same_length(item.text)
        heading = _HEADING.match(folded)
        named = None if heading else _NAMED_HEADING.match(folded)
        if heading or named:
            rest = item.text[(heading or named).end():]
            if not rest.strip() and i + 1 < len(doc):
                rest = doc[i + 1].text
            quoted = _QUOTED.match(rest.strip()) if named else _QUOTED.search(rest)
            if quoted:
                return _clean(quoted.group(1))
            if heading and rest.strip() and len(rest.split()) <= 40:
                return _clean(rest)
    for item in doc:
        folded = fold_same_length(item.text)
        inline = _INLINE.search(folded)
        if inline:
            quoted = _QUOTED.match(item.text, inline.end())
            if quoted:
                return _clean(quoted.group(1))
    return None
