"""The incoming stamp ("dấu đến") the receiving office puts on a dispatch.

Nghị định 30/2020/NĐ-CP, Phụ lục IV, gives its form: the receiving
organisation's name, then "ĐẾN" with "Số: …", "Ngày: …", "Chuyển: …". Offices
print it as "CV ĐẾN" or "CÔNG VĂN ĐẾN", the number and date are handwritten:

    CÔNG ĐOÀN ĐẠI HỌC THÁI NGUYÊN
    CV      Số: 16
    ĐẾN     Ngày: 9 / 1 / 2017
"""
from __future__ import annotations

import re

from extractors.parse.marks import DATE_WORDS, is_header_mark
from extractors.vntext import fold_same_length, iso_date, squash
from models.record import Received

# a line of the stamp itself
_STAMP_ROW = re.compile(
    r"^\W*(?:c\.?\s*v\.?|cong\s*van)?\s*(?:den\b|so(?:\s*den)?\s*[:.]|ngay(?:\s*den)?\s*[:.]|chuyen\s*[:.]|"
    r"luu\s*ho\s*so|so\s*va\s*ky\s*hieu|c\.?\s*v\.?$|cong\s*van$)"
)
_NUMBER = re.compile(r"so(?:\s*den)?\s*[:.]?\s*(?P<n>\d{1,6}[a-z]?)\b(?!\s*/)")
_NUMERIC_DATE = re.compile(r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>(?:19|20)?\d\d)\b")


def _is_anchor(line: str) -> bool:
    """The "ĐẾN" word of the stamp (printed upper-case) or a "Số đến"/"Ngày đến" field."""
    f = fold_same_length(line)
    if re.search(r"\b(so|ngay)\s*den\b", f):
        return True
    m = re.match(r"^\W*(?:c\.?\s*v\.?\s*|cong\s*van\s*)?den\b", f)
    return bool(m) and line.strip()[m.start(): m.end()].strip(" .:").upper() == line.strip()[m.start(): m.end()].strip(" .:")


def find_received(lines: list[str]) -> tuple[Received | None, set[int]]:
    """The stamp's Received(org, number, date) and the indices of its lines (org included)."""
    for a, line in enumerate(lines):
        if not _is_anchor(line):
            continue
        lo, hi = a, a
        while lo - 1 >= max(0, a - 3) and _STAMP_ROW.match(fold_same_length(lines[lo - 1])):
            lo -= 1
        while hi + 1 < min(len(lines), a + 4) and _STAMP_ROW.match(fold_same_length(lines[hi + 1])):
            hi += 1
        text = " ".join(lines[lo: hi + 1])
        f = fold_same_length(text)
        number = date = None
        m = _NUMBER.search(f)
        if m:
            number = m.group("n")
        after = f[f.find("ngay"):] if "ngay" in f else f
        d = _NUMERIC_DATE.search(after) or DATE_WORDS.search(after)
        if d:
            date = iso_date(d.group("y"), d.group("m"), d.group("d"))
        if number is None and date is None:
            continue
        span = set(range(lo, hi + 1))
        org = None
        if lo > 0:
            above = lines[lo - 1]
            letters = [c for c in above if c.isalpha()]
            if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8 and not is_header_mark(above):
                org = squash(above)
                span.add(lo - 1)
        return Received(org=org, number=number, date=date), span
    return None, set()

