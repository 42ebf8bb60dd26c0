"""The "Nơi nhận:" list at the foot of a dispatch.

Each item is a recipient with an optional purpose in brackets, written as a code
("T/h", "b/c", "c/đ", "đ/b", "p/h", "t/d") or in words ("(báo cáo)",
"(để thực hiện)"); the purpose is spelled out. The archive line ("Lưu: VT, …",
"Lưu VT") is not a recipient, nor are sub-headings ("Bản điện tử:"). Where the
footer's two columns were not taken apart, signature-block lines sit between
the items; they are stepped over.
"""
from __future__ import annotations

import re

from extractors.lexicon import COMMON_PURPOSE_CODES, PURPOSES, TITLE_WORDS
from extractors.parse.marks import BULLET, NOI_NHAN, authority_match, is_person_name
from extractors.vntext import fold_same_length, squash
from models.record import Recipient

# the bracket that ends an item; OCR may leave specks after it ("(thực hiện)À\\", "(p/h); cm", "(thực hiện) vỏ DÀCđ"):
# at most two short tokens
_TRAILING_BRACKET = re.compile(r"\(([^()]{1,40})\)\s*[;.,]?(?=.{0,12}$)(?:\s*[^()\s]{1,6}){0,2}\s*$")
_ARCHIVE = re.compile(r"^\W*luu\b")
_MAX_LINES = 40


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether `a` turns into `b` by one substitution, insertion or deletion."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return len(long_) - len(short) == 1 and any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))


def _misread_code(key: str) -> str | None:
    """The code OCR misread as `key` ("b/e" for "b/c"); None when two codes are as close."""
    near = [code for code in COMMON_PURPOSE_CODES if _one_edit_apart(key, code)]
    return near[0] if len(near) == 1 else None


def purpose_of(words: str) -> str | None:
    """Spelled-out purpose of a bracket's content, or None when it is not a purpose."""
    found = []
    for part in re.split(r"[,;&+]|\bva\b", fold_same_length(words)):
        key = re.sub(r"\s+", "", part)
        if key.startswith("de") and key != "debiet":
            key = key[2:]
        if not key:
            continue
        key = key if key in PURPOSES else _misread_code(key)
        if key is None:
            return None
        found.append(PURPOSES[key])
    return ", ".join(dict.fromkeys(found)) or None


def parse_item(text: str) -> Recipient | None:
    text = squash(BULLET.sub("", text)).strip()
    purpose = None
    m = _TRAILING_BRACKET.search(text)
    if m:
        purpose = purpose_of(m.group(1))
        if purpose:
            text = text[: m.start()]
    name = text.strip(" ;,.:")
    return Recipient(name=name, purpose=purpose) if name else None


def _closed(item: str) -> bool:
    """An item ends with ";" or "." or with its purpose bracket."""
    m = _TRAILING_BRACKET.search(item)
    return item.rstrip().endswith((";", ".")) or bool(m and purpose_of(m.group(1)))


def _signature_line(line: str) -> bool:
    f = fold_same_length(line)
    words = line.split()
    return bool(authority_match(line) or is_person_name(line)
                or (len(words) <= 8 and line.isupper() and not BULLET.match(line))
                or (len(words) <= 6 and TITLE_WORDS.match(f)))


def extract_recipients(footer: list[str]) -> list[Recipient]:
    """The recipients listed under the footer zone's (last) "Nơi nhận:"."""
    start = None
    for i, line in enumerate(footer):
        if NOI_NHAN.match(fold_same_length(line)):
            start = i
    if start is None:
        return []
    first = footer[start][NOI_NHAN.match(fold_same_length(footer[start])).end():].strip()
    items: list[str] = []
    open_item = False  # whether the last item may continue on the next line
    for line in ([first] if first else []) + footer[start + 1: start + 1 + _MAX_LINES]:
        f = fold_same_length(line)
        if BULLET.match(line):
            if _ARCHIVE.match(fold_same_length(BULLET.sub("", line))):
                open_item = False
                continue
            items.append(line)
            open_item = not _closed(line)
            continue
        if _ARCHIVE.match(f) or (line.rstrip().endswith(":") and len(line) <= 30):
            open_item = False
            continue
        if _signature_line(line):
            continue
        if items and open_item and len(line) <= 80:
            items[-1] += " " + line.strip()
            open_item = not _closed(line)
            continue
        if len(line) > 80:
            break  # the body or an annex, not the list
        if line.rstrip().endswith((";", ".")):
            items.append(line)  # an unbulleted list, or an item whose bullet OCR lost
            open_item = False
        # anything else (stamp text, seal fragments) is stepped over
    return [r for r in (parse_item(t) for t in items) if r]
