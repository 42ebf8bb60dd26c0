"""The body of a dispatch as items, sections and dates, for the body extractors.

Lines come from text layers and OCR: a sentence wraps over several lines and a
new bullet ("- ", "+ "), enumeration ("1.", "2.1.", "a)", "II.") or paragraph
starts a new item. `items` joins the wrapped lines back into items and tags each
with the polarity of the section it sits in, read from the section headings:

- GOAL: "Chỉ tiêu", "Mục tiêu", "... phấn đấu" — what the document sets out to do;
- RESULT: "Kết quả", "Tình hình", "Đặc điểm", "Đánh giá" — what already is;
- NEUTRAL: everything else (content, measures, organisation).

Keyword matching is done on `fold_same_length`, which keeps character offsets so
that a span found in the folded text can be cut out of the printed text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.lexicon import AHEAD_WORDS, GOAL_WORDS, RESULT_WORDS
from extractors.parse.marks import BULLET
from extractors.vntext import fold, squash

GOAL, NEUTRAL, RESULT = 1, 0, -1
_AHEAD = 2  # a heading that looks ahead ("Phương hướng, nhiệm vụ …"): NEUTRAL, with the items marked `ahead`

_ROMAN = r"[IVXLC]{1,5}"
# An enumeration marker followed by a space: "II.", "2.", "2.1.", "a)", "b/", "1)".
ENUM = re.compile(
    rf"^\s*(?:(?P<roman>{_ROMAN})\s*[./)]|(?P<num>\d{{1,2}}(?:\.\d{{1,2}}){{0,3}})\s*[./)]|"
    r"(?P<letter>[a-zđA-ZĐ])\s*[.)/])\s+"
)
_SENTENCE_END = re.compile(r"[.!?:;…]\s*$")



@dataclass
class Item:
    """One bullet, enumerated item or paragraph, with its wrapped lines joined."""

    text: str  # without the bullet or enumeration marker
    marker: str | None  # the enumeration style ("LETTER" for "A.", "roman", "num1".."num4", "letter") or "bullet" or None
    polarity: int  # GOAL, NEUTRAL or RESULT: the section the item belongs to
    heading: str | None = None  # the item's own heading part ("Chỉ tiêu" of "b) Chỉ tiêu: ...")
    ahead: bool = False  # under a heading that looks ahead ("Phương hướng, nhiệm vụ 6 tháng cuối năm")


def _marker_style(line: str) -> tuple[str | None, int]:
    """The marker style of a line and the length of its marker (0 when none)."""
    m = ENUM.match(line)
    if m:
        if m.group("roman"):
            style = "roman"
        elif m.group("num"):
            style = f"num{m.group('num').count('.') + 1}"
        else:
            style = "LETTER" if m.group("letter").isupper() else "letter"
        return style, m.end()
    m = BULLET.match(line)
    if m and m.end() < len(line):
        return "bullet", m.end()
    return None, 0


def _starts_sentence(line: str) -> bool:
    c = line.lstrip(" :;.,'`")[:1]  # past OCR's specks before the first word (": Vòng 2 …")
    return c.isupper() or c.isdigit() or c in "“\"("


def _short_line_limit(lines: list[str]) -> int:
    """A line shorter than this ends its paragraph (it did not wrap)."""
    lengths = sorted(len(l.strip()) for l in lines if len(l.strip()) > 20)
    if not lengths:
        return 0
    typical = lengths[int(len(lengths) * 0.8)]
    return int(typical * 0.6)


_SYMBOL_CUT = re.compile(r"\d/(?:[\w&]+[-/])*[A-ZĐ][\w&]*-$")  # a line wrapped inside a ký hiệu: "… 30/2020/NĐ-"
_TABLE_ROW = re.compile(r"\S\s*\|\s*\S")  # "1 | Phát triển đoàn viên mới | 350 đoàn viên"
_SERIAL_CELL = re.compile(r"^\d{1,3}\s*\|\s*(?=\S)")  # a row's "TT" cell, which numbers it and says nothing


def _serial_column(lines: list[str], i: int) -> int:
    """The length of a run of bare serial numbers 1, 2, 3 … starting at line `i`: a table's "TT"
    column that the text layer read apart from its rows (0 when there is none, or only one)."""
    n = 0
    while i + n < len(lines) and lines[i + n].strip() == str(n + 1):
        n += 1
    return n if n >= 2 else 0


# words that need a number after them: a line ending on one goes on ("… có ít nhất" / "01 sáng kiến",
# "Phấn đấu năm" / "2025 đạt 60% …")
_NEEDS_NUMBER = re.compile(r"\b(?:it nhat|toi thieu|toi da|khong qua|khong duoi|tren|duoi|dat|tu|so|ngay|thang|nam)$")


def _wrapped(prev: str, line: str) -> bool:
    """Whether an item whose last line is short goes on in the next line (OCR cut a line early): it
    ends without a sentence mark and the next starts in lower case, or it ends on a word that
    needs the number the next starts with."""
    if _SENTENCE_END.search(prev):
        return False
    first = line.lstrip()[:1]
    return first.islower() or first.isdigit() and bool(_NEEDS_NUMBER.search(fold(prev.rstrip())))


def join_lines(lines: list[str]) -> list[tuple[str | None, str]]:
    """(marker style, text) for each item, wrapped lines joined with single spaces.

    A table row is an item of its own: a line with cell separators ("1 | … | …"), or, after a
    "TT" column read apart as a run of n bare serial numbers, each line that starts with a capital
    (the header row, the n rows and the text after the table; a wrapped cell's remainder starts in
    lower case)."""
    short = _short_line_limit(lines)
    out: list[list] = []  # [style, text, last line]
    rows_left, rows_from = 0, 0  # rows to come of a table whose serial column was read apart, from line
    for i, raw in enumerate(lines):
        line = raw.replace("\u00a0", " ").strip()
        if not line:
            if out:
                out[-1][2] = ""  # a blank line closes the item
            continue
        serials = _serial_column(lines, i) if i >= rows_from else 0
        if serials:
            rows_left, rows_from = serials + 2, i + serials  # the header row, the rows, the line after
        row_start = i >= rows_from and rows_left > 0 and line[:1].isupper()
        rows_left -= row_start
        style, cut = _marker_style(line)
        body = line[cut:].strip() if style else _SERIAL_CELL.sub("", line)
        prev = out[-1][2] if out else ""
        if prev and _SYMBOL_CUT.search(prev) and re.match(r"[A-ZĐ]{2}", line):
            out[-1][1] += line  # "Nghị định số 30/2020/NĐ-" / "CP ngày …": one symbol
            out[-1][2] = line
            continue
        new = (
            style is not None
            or not prev
            or len(prev) < short and not _wrapped(out[-1][1], line)
            or (_SENTENCE_END.search(prev) and _starts_sentence(line))
            or row_start
            or bool(_TABLE_ROW.search(line) or _TABLE_ROW.search(prev))
        )
        if new:
            out.append([style, body, line])
        else:
            out[-1][1] = f"{out[-1][1]} {line}"
            out[-1][2] = line
    return [(s, squash(t.replace("**", " "))) for s, t, _ in out]


def _heading_part(text: str) -> str | None:
    """The heading of an item: all of a short item, or the short lead before its colon; a short item stating a
    share ("Trên 70% chi đoàn được đánh giá, xếp loại vững mạnh.") is no heading."""
    words = text.split()
    if (len(words) <= 12 or text.isupper()) and not re.search(r"[.;]\s*\S|\d\s*%", text):
        return text.rstrip(" .:")
    m = re.match(r"^([^:]{2,60}):", text)
    if m and len(m.group(1).split()) <= 6:
        return m.group(1)
    return None


def heading_polarity(heading: str) -> int | None:
    """GOAL, RESULT, or `_AHEAD` (NEUTRAL, looking ahead) for a heading that sets one; None for one that
    inherits."""
    f = fold(heading)
    if re.search(r"\bket qua (?:can|phai) dat\b", f):  # "Kết quả cần đạt": expected results
        return GOAL
    if any(w in f for w in RESULT_WORDS):
        return RESULT
    if any(w in f for w in GOAL_WORDS):
        return GOAL
    if any(w in f for w in AHEAD_WORDS):
        return _AHEAD
    return None


def items(lines: list[str], base: int = NEUTRAL) -> list[Item]:
    """The document's items, each with the polarity of its section.

    Enumerated items form a hierarchy by marker style (the first style seen is
    the top level); a heading's polarity holds for everything under it until a
    heading of the same or a higher level. A short unnumbered line ending with
    a colon ("Chỉ tiêu:") is a heading one level below the current one. A report
    (báo cáo, tờ trình, biên bản: `base` RESULT) is read as results except under
    headings that look ahead ("Phương hướng", "Mục tiêu", "Chỉ tiêu"). A sentence that ends with a
    colon and introduces goals ("… đăng ký các chỉ tiêu thi đua như sau:") makes the
    list or table rows right below it goals (see `_goal_lead`).
    """
    joined = join_lines(lines)
    stack: list[tuple[str, int | None]] = []  # (style, polarity or None to inherit)
    result: list[Item] = []
    lead: list[str | None] | None = None  # a goal lead-in is in force: [marker of its list, once seen]; a table's
    # rows stay under it whatever marker OCR made of their serial cells
    for style, text in joined:
        heading, pol = None, None
        level_style = style if style not in (None, "bullet") else None
        if level_style is None and style is None and text.endswith(":") and len(text.split()) <= 6:
            level_style = "colon"
        if level_style:
            heading = _heading_part(text)
            pol = heading_polarity(heading) if heading else None
            del stack[_first_at_or_below(stack, level_style):]
            stack.append((level_style, pol))
        effective = next((p for _, p in reversed(stack) if p is not None), base)
        ahead = effective == _AHEAD
        effective = NEUTRAL if ahead else effective
        if lead is not None:
            if not lead:
                lead.append(style)
            table_row = lead[0] is None and " | " in text and " | " in result[-1].text  # a row, its serial however read
            if (table_row or style == lead[0] and pol is None
                    and not (style is None and re.search(r"\.\s*$", text))):
                effective = GOAL if effective == NEUTRAL else effective
            else:
                lead = None
        if lead is None and style != "bullet" and _goal_lead(text):
            lead = []
        result.append(Item(text=text, marker=style, polarity=effective, heading=heading, ahead=ahead))
    return result


# Enumeration levels, outermost first, as Vietnamese documents number their parts (Nghị định
# 30/2020/NĐ-CP: "A." parts, "I." sections, "1." then "1.1." items, "a)" points). The fixed order,
# not the order styles are first seen, keeps "II. CHỈ TIÊU" above its "1." items when OCR read the
# first section's "I." as "1.".
_LEVELS = {"LETTER": 0, "roman": 1, "num1": 2, "num2": 3, "num3": 4, "num4": 5, "letter": 6}


def _first_at_or_below(stack: list[tuple[str, int | None]], style: str) -> int:
    """Where a new heading of `style` cuts the stack of open headings: at the first one of the same
    or a lower level. A "colon" heading ("Chỉ tiêu:") sits just below the heading it follows (one
    that follows none, just below a section "I."), and ends at the next colon heading or at a
    heading of that one's level or higher."""
    if style == "colon":
        styles = [s for s, _ in stack]
        return styles.index("colon") if "colon" in styles else len(stack)
    new, level = _LEVELS[style], float(_LEVELS["roman"])
    for i, (s, _) in enumerate(stack):
        level = level + 0.5 if s == "colon" else _LEVELS[s]
        if level >= new:
            return i
    return len(stack)


def _goal_lead(text: str) -> bool:
    """A sentence that ends with a colon and introduces goals: "… phấn đấu đạt các chỉ tiêu sau:",
    "… đăng ký các chỉ tiêu thi đua năm 2024 như sau:". The list or table rows below it (same
    marker, until a paragraph ends with a full stop) are goals."""
    if not text.rstrip().endswith(":"):
        return False
    last = re.split(r"(?<=[.;!?])\s+", text.rstrip())[-1]
    return heading_polarity(last) == GOAL
