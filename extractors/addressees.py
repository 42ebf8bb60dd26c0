"""The "Kính gửi:" block: whom a công văn is addressed to.

Offices write one addressee on the same line, several as "- " bullets (the first
often on the "Kính gửi:" line itself), several separated by ";", or one long
name wrapped over two lines; "Kính gửi" sometimes lacks its colon and the
southern "Kính gởi" is common. The block ends where the body begins.
"""
from __future__ import annotations

import re

from extractors.parse.marks import KINH_GUI, NOI_NHAN, is_header_mark, opens_body
from extractors.vntext import fold_same_length, squash

BULLET = re.compile(r"^\s*[-–+•*]\s*")
# A bullet inside a line, after the item before it closed ("- Sở A; - Sở B"); a dash inside a name
# ("Phòng Lao động - Thương binh và Xã hội") is none.
_INLINE_BULLET = re.compile(r"(?<=[;,.])\s+[-–]\s+(?=[^\W\d_])")
# A bulleted item wrapped onto lines starting with a capital ("… Trung học phổ thông" / "Nguyễn Thị Diệu;")
# goes on while, within this many lines of at most this width, the item closes with ";" or a bullet follows.
_WRAP_REACH = 3
_WRAP_WIDTH = 100
_LEAST_LETTERS = 2  # an addressee's name has at least this many letters
_CLOSING_WIDTH = 60  # a short line ending with "." closes the list's last item (a body's first line is full)


_DATE_REMAINDER = re.compile(r"^\W*(?:thang\s+\d{1,2}\s+)?nam\s+(?:19|20)\d\d\W*$")


def _tidy(item: str) -> str:
    return squash(BULLET.sub("", item)).strip(" ;,.:")


def _ends_item(text: str) -> bool:
    return text.rstrip().endswith((";", "."))


def extract_addressees(salutation: list[str]) -> list[str]:
    """The addressees of the salutation zone: the "Kính gửi" line and the lines after it."""
    m = KINH_GUI.match(fold_same_length(salutation[0])) if salutation else None
    return _collect(*_wrapped_bullets([salutation[0][m.end():], *salutation[1:]])) if m else []


def _wrapped_bullets(lines: list[str]) -> tuple[str, list[str]]:
    """The lines with a bullet the line's end wrapped ("… Việt Hưng; -" / "Ban Giám đốc …") moved to the line
    it opens (dropped when that line has its own); as (first line, following lines)."""
    moved = list(lines)
    for k, line in enumerate(moved[:-1]):
        dangling = re.search(r"([;,])\s*[-–]\s*$", line)
        if dangling:
            moved[k] = line[: dangling.start()] + dangling.group(1)
            if not BULLET.match(moved[k + 1]):
                moved[k + 1] = "- " + moved[k + 1].lstrip()
    return moved[0], moved[1:]


def _collect(first: str, following: list[str]) -> list[str]:
    items: list[str] = []
    bulleted = bool(BULLET.match(first))

    def add(text: str, new: bool) -> None:
        pieces = _INLINE_BULLET.split(text) if BULLET.match(text) else [text]
        for k, piece in enumerate(pieces):
            for part in re.split(r";\s+(?=[^\d\s])", piece):  # ("khối 10; 11, 12": a comma OCR read as ";")
                if items and not new and k == 0:
                    items[-1] = items[-1].rstrip() + " " + part.strip()
                else:
                    items.append(part)
                new = True

    def ends_block(line: str) -> bool:
        f = fold_same_length(line)
        return bool(opens_body(line) or NOI_NHAN.match(f) or KINH_GUI.match(f) or is_header_mark(line))

    def inside_list(k: int) -> bool:
        """Whether the unbulleted lines from `following[k]` still belong to the bulleted list: within a
        few lines they close an item with ";" or lead to the next bullet."""
        for line in following[k: k + _WRAP_REACH]:
            if ends_block(line) or len(line) > _WRAP_WIDTH:
                return False
            if BULLET.match(line) or line.rstrip().endswith(";"):
                return True
            if line.rstrip().endswith(".") and len(line) <= _CLOSING_WIDTH:
                return True  # the list's last item closing: "… Công đoàn Viên chức tỉnh," / "Hội Cựu chiến binh Khối."
        return False

    if first.strip():
        add(first.strip(), True)
    for k, line in enumerate(following):
        if ends_block(line):
            break
        if not re.search(r"[^\W\d_]", line) or _DATE_REMAINDER.match(fold_same_length(line)):
            continue  # an OCR speck ("_"), or the year of a place–date line the header column wrapped
        if BULLET.match(line):
            bulleted = True
            add(line.strip(), True)
            continue
        if not items:
            if len(line) > 100:
                break
            add(line.strip(), True)
            continue
        last = items[-1]
        if last.rstrip().endswith(".") and not re.search(r"\b[A-ZĐ]{1,3}\.$", last.rstrip()):
            break
        starts_lower = line.lstrip()[:1].islower()
        if _ends_item(last):
            if len(line) > 80 or bulleted and not (last.rstrip().endswith(";") and inside_list(k)):
                break
            add(line.strip(), True)  # a list separated by ";" without bullets, or an item whose bullet OCR lost
        elif (starts_lower and len(line) <= _WRAP_WIDTH or not bulleted and len(line) <= 75
              or bulleted and inside_list(k)):
            add(line.strip(), False)  # a wrapped name
        else:
            break
    # OCR specks ("_", "l") name no one
    return [t for t in (_tidy(i) for i in items) if len(re.findall(r"[^\W\d_]", t)) >= _LEAST_LETTERS]
