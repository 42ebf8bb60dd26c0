"""The campaign's theme (chủ đề thi đua), when the document states one.

Either a heading "Chủ đề thi đua" (or just "Chủ đề") with the theme after it, on
the same line or the next item; a heading naming the campaign ("Chủ đề Tháng
Công nhân năm 2023:", "Chủ đề cuộc thi:") with the quoted theme after it; or
a quoted theme right after "chủ đề" in running text: "chủ đề thi đua (năm …) (là):
“…”", "Tháng hành động được tổ chức … với chủ đề “…”", "chủ đề: “…”". A chủ đề
that the text ties its work to or answers ("gắn với chủ đề …", "hưởng ứng … với chủ
đề …", a "Thực hiện …/Căn cứ …" sentence citing another programme) is that
programme's, not the document's. As GOLD.md reads it, the chủ đề of a year counts as
the campaign's: a school year's ("Chủ đề năm học 2023 - 2024: “…”", "thực hiện tốt chủ đề
năm học “…”") when the document states it as its own. A heading may give the quote
with no colon, wrapped onto the next lines ("a) Chủ đề Tháng hành động năm 2025 / “…”").
"""
from __future__ import annotations

import re

from extractors.parse import Item
from extractors.vntext import fold_same_length, squash

_QUOTED = re.compile(r"[“\"]([^”\"]{3,400})[”\"]")
# the year a chủ đề is for: "năm 2024", "năm học 2023 - 2024", "năm học"
_YEAR = r"(?:\s+nam(?:\s+hoc)?(?:\s+\d{4}(?:\s*[-–]\s*\d{4})?)?)?"
_HEADING = re.compile(rf"^chu de(?: thi dua)?{_YEAR}\s*:?\s*(?=[“\"]|$)")
# "Chủ đề Tháng Công nhân năm 2023:", "Chủ đề của Cuộc thi:": the campaign named, then a colon
_NAMED_HEADING = re.compile(r"^chu de\s+(?!hoat dong\b)[^:“”\".;]{3,80}:?\s*(?=[“\"]|$)")
_INLINE = re.compile(rf"\bchu de(?: thi dua| hoat dong)?{_YEAR}(?:\s+la)?\s*:?\s*(?=[“\"])")
# A sentence that cites or answers another programme, or ties the work to a theme set elsewhere.
_CITING_SENTENCE = re.compile(r"^\W*(?:thuc hien|can cu|theo|huong ung|trien khai)\b")
_CITING_BEFORE = re.compile(r"\b(?:gan voi|huong ung|theo)\b[^.;:]*$")


# The document's own main clause after its "Căn cứ …, Thực hiện …," preamble: "…, Ban Thường vụ Huyện đoàn
# xây dựng Kế hoạch … với chủ đề “…”" names this document's chủ đề, not a cited one's.
_OWN_VERB = re.compile(r"\b(?:xay dung|ban hanh|phat dong|trien khai)\b")


def _own_clause(sentence: str) -> bool:
    """Whether the folded sentence's last clause (after its last comma or semicolon) is the document's own."""
    last = re.split(r"[,;]", sentence)[-1]
    return bool(_OWN_VERB.search(last)) and not _CITING_SENTENCE.match(last) and not _CITING_BEFORE.search(last)


def _clean(theme: str) -> str | None:
    theme = squash(theme).strip(" .;,")
    return theme or None


def extract_theme(body: list[Item]) -> str | None:
    """The campaign's chủ đề or khẩu hiệu, from the body's items."""
    doc = body
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
            if (_CITING_SENTENCE.match(sentence) or _CITING_BEFORE.search(sentence)) and not _own_clause(sentence):
                continue
            # a quote left open runs on into the next item (a wrapped line taken for a new paragraph)
            text = " ".join([item.text] + [d.text for d in doc[i + 1: i + 3]])
            quoted = _QUOTED.match(text, inline.end())
            if quoted:
                return _clean(quoted.group(1))
    return None
