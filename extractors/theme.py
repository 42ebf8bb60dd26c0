"""The campaign's theme (chủ đề thi đua), when the document states one.

Either a heading "Chủ đề thi đua" (or just "Chủ đề") with the theme after it, on
the same line or the next item; a heading naming the campaign ("Chủ đề Tháng
Công nhân năm 2023:", "Chủ đề cuộc thi:") with the quoted theme after it; or
a quoted theme right after "chủ đề" in running text: "chủ đề thi đua (năm …) (là):
“…”", "Tháng hành động được tổ chức … với chủ đề “…”", "chủ đề: “…”". A chủ đề
that the text ties its work to or answers ("gắn với chủ đề …", "hưởng ứng … với chủ
đề …", a "Thực hiện …/Căn cứ …" sentence citing another programme) is that
programme's, not the document's. The theme of a school year ("chủ đề năm học") or
of the year's routine work ("chủ đề hoạt động công đoàn năm …") is not a campaign's.
"""
from __future__ import annotations

import re

from extractors.body import fold_same_length, items
from extractors.vntext import squash

_QUOTED = re.compile(r"[“\"]([^”\"]{3,400})[”\"]")
_HEADING = re.compile(r"^chu de(?: thi dua)?(?:\s+nam\s+\d{4}(?:\s*[-–]\s*\d{4})?)?\s*:?\s*(?=[“\"]|$)")
# "Chủ đề Tháng Công nhân năm 2023:", "Chủ đề của Cuộc thi:": the campaign named, then a colon
_NAMED_HEADING = re.compile(r"^chu de\s+(?!nam hoc\b|hoat dong\b)[^:“”\".;]{3,80}:\s*(?=[“\"]|$)")
_INLINE = re.compile(r"\bchu de(?: thi dua)?(?:\s+nam\s+\d{4})?(?:\s+la)?\s*:?\s*(?=[“\"])")
# A sentence that cites or answers another programme, or ties the work to a theme set elsewhere.
_CITING_SENTENCE = re.compile(r"^\W*(?:thuc hien|can cu|theo|huong ung|trien khai)\b")
_CITING_BEFORE = re.compile(r"\b(?:gan voi|huong ung|theo)\b[^.;:]*$")


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
    for i, item in enumerate(doc):
        folded = fold_same_length(item.text)
        for inline in _INLINE.finditer(folded):
            sentence_start = max(folded.rfind(". ", 0, inline.start()) + 1, 0)
            sentence = folded[sentence_start: inline.start()]
            if _CITING_SENTENCE.match(sentence) or _CITING_BEFORE.search(sentence):
                continue
            # a quote left open runs on into the next item (a wrapped line taken for a new paragraph)
            text = " ".join([item.text] + [d.text for d in doc[i + 1: i + 3]])
            quoted = _QUOTED.match(text, inline.end())
            if quoted:
                return _clean(quoted.group(1))
    return None
