"""Vietnamese text primitives shared by the extractors and the pipeline.

- `nfc`: every string that enters the project goes through it.
- `fold`: the search key: lower case, no diacritics, đ→d. It also makes old and
  new tone placement equal ("hoà" and "hòa" both fold to "hoa").
- `parse_number`: Vietnamese numerals ("1.500", "1,7", "01") to float.
- `iso_date`: day/month/year parts to an ISO string as precise as printed.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Diacritic-, case- and đ-blind form of text, for search and keyword matching."""
    # The extractors fold the same characters and lines over and over: short strings are remembered
    # (a whole document's text, folded for the search index, is not).
    return _fold_short(text) if len(text) <= _REMEMBERED else _fold(text)


_REMEMBERED = 256


@lru_cache(maxsize=1 << 16)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", stripped).lower()


def squash(text: str) -> str:
    """Collapse runs of whitespace into one space and strip the ends."""
    return re.sub(r"\s+", " ", text).strip()


_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")  # 1.500 or 1.000.000: dots group thousands


def parse_number(token: str) -> float | None:
    """A Vietnamese numeral as a float: "1.500" → 1500, "1,7" → 1.7, "01" → 1.

    A dot followed by exactly three digits groups thousands; a comma is the decimal
    mark. A lone dot before one or two digits ("2.5") is read as a decimal mark,
    as offices sometimes type it.
    """
    s = token.strip().replace(" ", "")
    if not s:
        return None
    if _GROUPED.match(s):
        return float(s.replace(".", ""))
    if re.fullmatch(r"\d{1,3}(\.\d{3})+,\d+", s):
        return float(s.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d+,\d+", s):
        return float(s.replace(",", "."))
    if re.fullmatch(r"\d+(\.\d{1,2})?", s):
        return float(s)
    return None


def iso_date(year: int | str | None, month: int | str | None = None, day: int | str | None = None) -> str | None:
    """ISO 8601 as precise as printed; None when the year is missing or a part is out of range."""
    try:
        y = int(year) if year not in (None, "") else None
        m = int(month) if month not in (None, "") else None
        d = int(day) if day not in (None, "") else None
    except (TypeError, ValueError):
        return None
    if y is None:
        return None
    if y < 100:  # "20" for 2020 in hand-typed dates
        y += 2000
    if not 1900 <= y <= 2100:
        return None
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    if not 1 <= d <= 31:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def fold_same_length(text: str) -> str:
    """`fold(text)`, guaranteed to have the same length so that offsets in it index `text`."""
    f = fold(text)
    if len(f) == len(text):
        return f
    # Rare characters whose folding changes length: fold one by one, keep one char each.
    return "".join((fold(c) + c)[:1] for c in text)


# ---- dates -------------------------------------------------------------------------

_YEAR = r"((?:19|20)\d\d)"
# Date expressions on folded text, most precise first; each yields (day, month, year).
_DATE_FORMS = [
    (re.compile(rf"^(?:ngay\s*)?(\d{{1,2}})\s*[/.\-]\s*(\d{{1,2}})\s*[/.\-]\s*{_YEAR}"), ("d", "m", "y")),
    (re.compile(rf"^ngay\s*(\d{{1,2}})\s*(?:/\s*)?thang\s*(\d{{1,2}})\s*(?:/\s*)?(?:nam\s*{_YEAR})?"), ("d", "m", "y")),
    (re.compile(rf"^thang\s*(\d{{1,2}})\s*(?:[/.\-]\s*|nam\s*){_YEAR}"), ("m", "y")),
    (re.compile(rf"^(?:thang\s*)?(\d{{1,2}})\s*/\s*{_YEAR}"), ("m", "y")),
    (re.compile(r"^thang\s*(\d{1,2})\b"), ("m",)),
    (re.compile(rf"^nam\s*{_YEAR}\b(?!\s*[-–]\s*(?:19|20)\d\d)"), ("y",)),
    (re.compile(rf"^{_YEAR}\b(?!\s*[-–]\s*(?:19|20)\d\d)"), ("y",)),
    (re.compile(r"^(?:ngay\s*)?(\d{1,2})\s*/\s*(\d{1,2})\b(?!\s*/)"), ("d", "m")),
]


@dataclass
class DateParts:
    day: int | None
    month: int | None
    year: int | None
    end: int  # offset just after the expression in the folded text

    def iso(self) -> str | None:
        if self.year is None:
            return None
        if self.month is None:
            return iso_date(self.year)
        return iso_date(self.year, self.month, self.day)


def date_at(folded: str, pos: int) -> DateParts | None:
    """The date expression starting at `pos` of folded text ("ngày 5/3/2020", "tháng 01/2021", "năm 2016")."""
    rest = folded[pos:]
    for pattern, parts in _DATE_FORMS:
        m = pattern.match(rest)
        if not m:
            continue
        values = dict(zip(parts, m.groups()))
        d = {k: int(v) if v else None for k, v in values.items()}
        month, day = d.get("m"), d.get("d")
        if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
            continue
        return DateParts(day, month, d.get("y"), pos + m.end())
    return None
