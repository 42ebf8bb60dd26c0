"""Documents the text cites by number: "Kế hoạch số 06/KH-TLĐ ngày 22/2/2016", "Chỉ thị 22-CT/TW".

A reference is a number "N/SYMBOL" (or "N-SYMBOL/…", "N/YYYY/SYMBOL") whose symbol
starts with a capital letter — how Nghị định 30/2020/NĐ-CP numbers documents and
how Party documents ("22-CT/TW") are numbered. `kind` is the document type
printed just before the number, else the type the symbol encodes (KH, CT, NQ,
QĐ, NĐ, TT, CTr, HD, TB, BC, TTr, KL), else the nearest type named earlier in
the sentence, else "Công văn" (a công văn's symbol names only its issuer).
`date` is the "ngày …" right after the number. A number whose slashes OCR lost is read
back when its parts can be told apart ("số 122019NQ-HĐND": a year part and a type code). The document's own number (the
header's "Số" line, as `header.find_number` reads it) is not a reference; each number is listed once.
"""
from __future__ import annotations

import re

from extractors.lexicon import DOCUMENT_KINDS
from extractors.parse import join_lines
from extractors.vntext import date_at, fold, fold_same_length
from models.record import Reference

_UPPER = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠ"
# A symbol wrapped after its hyphen ("30/2020/NĐ-" / "CP") comes joined with a space: "NĐ- CP".
_NUMBER = re.compile(
    rf"(?<![\w/.-])(\d{{1,6}}[a-z]?(?:\s*/\s*(?:19|20)\d\d)?)\s*([/-])\s*"
    rf"([{_UPPER}](?:[\w&.\-/]|(?<=[-/])\s+(?=[{_UPPER}]{{2}}))*[\w&])"
)
# Folded kind words as printed, and the kind they name (longest first: "chương trình hành động" before "chương trình").
_KIND_NAMES = {key: kind.name for kind in DOCUMENT_KINDS if kind.cited for key in (fold(kind.name), *kind.spellings)}
_KIND_WORDS = "|".join(sorted(_KIND_NAMES, key=len, reverse=True))
# Type codes at the head of a symbol part (Nghị định 30/2020/NĐ-CP, Phụ lục III), longest first; a code two kinds
# share ("CTr") names the first.
_SYMBOL_KINDS = sorted({kind.code: kind.name for kind in reversed(DOCUMENT_KINDS) if kind.code}.items(),
                       key=lambda pair: len(pair[0]), reverse=True)


_TYPE_CODES = "|".join(sorted({code for code, _ in _SYMBOL_KINDS}, key=len, reverse=True))
# A number whose slashes OCR lost ("số 122019NQ-HĐND", "Số 12 2019 NQ HĐND" for 12/2019/NQ-HĐND):
# only after "số", with the year part and a type code, so that the parts can be told apart.
_SLASHLESS = re.compile(
    rf"(?<!\w)(?i:số|so)\s*:?\s*(\d{{1,4}})\s*((?:19|20)\d\d)\s*({_TYPE_CODES})\s*[-–]?\s*([{_UPPER}][{_UPPER}&]{{1,9}})\b"
)


def _symbol_kind(symbol: str) -> str | None:
    for part in re.split(r"[-/.]", symbol):
        for code, kind in _SYMBOL_KINDS:
            if part == code or (part.startswith(code) and part[len(code):].startswith(("TTg", "TW"))):
                return kind
    return None


def _kind(folded_before: str, symbol: str) -> str:
    direct = re.search(rf"\b({_KIND_WORDS})(?:\s+lien tich)?\s*(?:so\s*)?:?\s*$", folded_before)
    if direct:
        return _KIND_NAMES[direct.group(1)]
    by_symbol = _symbol_kind(symbol)
    if by_symbol:
        return by_symbol
    sentence = re.split(r"[.;]\s", folded_before)[-1]
    named = list(re.finditer(rf"\b({_KIND_WORDS})\b", sentence))
    return _KIND_NAMES[named[-1].group(1)] if named else "Công văn"


def _date_after(folded: str, pos: int) -> str | None:
    m = re.compile(r"\s*,?\s*(?:ban hanh\s*|ky\s*)?(?=ngay)").match(folded, pos)
    if not m:
        return None
    date = date_at(folded, m.end())
    return date.iso() if date and date.day is not None else None


def extract_references(lines: list[str], own: tuple[str | None, str | None] = (None, None)) -> list[Reference]:
    """The documents cited in `lines` (a dispatch's citing lines), first mention first, each number once,
    the document's own number and symbol (`own`) left out."""
    seen = _own_keys(*own)
    refs: list[Reference] = []
    for _, text in join_lines(lines):
        folded = fold_same_length(text)
        for m in _NUMBER.finditer(text):
            symbol = m.group(3).rstrip(".-/")
            if sum(c.isupper() for c in symbol) < 2 or _key(m) in seen:
                continue
            named = re.search(rf"\b(?:{_KIND_WORDS}|so)\s*:?\s*$", folded[: m.start()])
            if not named and not re.search(r"[-/.]", symbol) and sum(c.isupper() for c in symbol) < 3:
                continue  # "mục 2/KH": a bare two-letter symbol is a reference only when named as one
            seen.add(_key(m))
            refs.append(Reference(
                kind=_kind(folded[: m.start()], symbol),
                number=re.sub(r"\s+", "", f"{m.group(1)}{m.group(2)}{symbol}"),
                date=_date_after(folded, m.start(3) + len(symbol)),
            ))
        for m in _SLASHLESS.finditer(text):
            number = f"{m.group(1)}/{m.group(2)}/{m.group(3)}-{m.group(4)}"
            if fold(number) in seen:
                continue
            seen.add(fold(number))
            refs.append(Reference(kind=_kind(folded[: m.start()], f"{m.group(3)}-{m.group(4)}"), number=number,
                                  date=_date_after(folded, m.end())))
    return refs


def _own_keys(number: str | None, symbol: str | None) -> set[str]:
    """The document's own number keyed like a reference."""
    if not number or not symbol:
        return set()
    return {fold(f"{number}{sep}{symbol}") for sep in "/-"}


def _key(m: re.Match) -> str:
    """A number's identity: no spaces, no case, no diacritics."""
    return fold(re.sub(r"\s+", "", f"{m.group(1)}{m.group(2)}{m.group(3).rstrip('.-/')}"))
