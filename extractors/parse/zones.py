"""The zones of a main document's lines (Nghị định 30/2020/NĐ-CP, Phụ lục I), found once:

    header      agency | quốc hiệu; Số | place–date         (extractors.parse.header)
    salutation  "Kính gửi:" and its list                     → addressees
    body        from the header's end to the footer          → phases, targets, theme
    footer      "Nơi nhận:" | the signing block              → recipients, signatory

The footer opens at the first footer mark (a "Nơi nhận:" line or a signing authority "TM.", "KT.", …)
among the document's last lines; a chức vụ and typed name printed above "Nơi nhận" with no authority
(a head signing in their own name) is taken in by stepping back over the short, unpunctuated lines
right above the mark. A document with no footer mark has its signing block, if any, among its last
lines: the footer is those lines, and the body runs to the end.

The footer's two parts are found by position where the parser had positions (`models.document` columns): when
its "Nơi nhận:" stood in the left column of a two-column region, Nơi nhận is the footer's lines but those placed
in the right column, and the signing block its lines but those placed in the left one (lines across the text,
or not placed, belong to both). Otherwise both parts are the whole footer, and each extractor steps over the
other part's lines (a footer whose columns the parser could not take apart, a plain-text file).
"""
from __future__ import annotations

from dataclasses import dataclass

from extractors.parse.marks import BULLET, KINH_GUI, NOI_NHAN, authority_match
from extractors.vntext import fold_same_length
from models.document import LEFT, RIGHT, UNPLACED

SALUTATION_REACH = 40  # "Kính gửi" belongs to the first lines of page one
SALUTATION_LINES = 16  # the list after it is at most this long
FOOTER_REACH = 60  # the footer lies within the document's last lines
# A signing block above "Nơi nhận" with no authority: a chức vụ, a name, seal text — at most this many lines,
# each at most this many words and none ending a sentence.
_STEP_BACK_LINES = 4
_STEP_BACK_WORDS = 6


@dataclass
class Zones:
    salutation: list[int]  # the "Kính gửi" line and the lines that may hold its list, past the header's
    body: tuple[int, int]
    footer: tuple[int, int]
    recipients: list[int]  # the footer's Nơi nhận part
    signing: list[int]  # the footer's signing block


def _is_footer_mark(line: str) -> bool:
    return bool(NOI_NHAN.match(fold_same_length(line)) or authority_match(line))


def _signing_line(line: str) -> bool:
    """A line that may belong to a signing block printed above its footer mark (a chức vụ, a name)."""
    text = line.strip()
    return (0 < len(text.split()) <= _STEP_BACK_WORDS and not text.endswith((".", ";", ":", "!", "/", ","))
            and not BULLET.match(text))


def find_zones(lines: list[str], header_end: int, columns: list[str] | None = None) -> Zones:
    """The zones of `lines`; `columns`, when the parser placed them, says where each line stood."""
    columns = columns if columns is not None and len(columns) == len(lines) else [UNPLACED] * len(lines)
    start = next((i for i, line in enumerate(lines[:SALUTATION_REACH]) if KINH_GUI.match(fold_same_length(line))),
                 None)
    # OCR may read "Kính gửi:" in among the title's lines (a label beside its list): those stay the header's
    salutation = [] if start is None else [start] + [
        i for i in range(start + 1, min(len(lines), start + 1 + SALUTATION_LINES)) if i >= header_end]
    body_start = header_end
    tail = max(body_start, len(lines) - FOOTER_REACH)
    mark = next((i for i in range(tail, len(lines)) if _is_footer_mark(lines[i])), None)
    if mark is None:
        footer = (tail, len(lines))
        return Zones(salutation, (body_start, len(lines)), footer, *_footer_parts(lines, columns, footer))
    start = mark
    while start > body_start and mark - start < _STEP_BACK_LINES and _signing_line(lines[start - 1]):
        start -= 1
    footer = (start, len(lines))
    return Zones(salutation, (body_start, start), footer, *_footer_parts(lines, columns, footer))


def _footer_parts(lines: list[str], columns: list[str], footer: tuple[int, int]) -> tuple[list[int], list[int]]:
    """(Nơi nhận, the signing block) as line indexes: by column when "Nơi nhận:" stood in the left one."""
    span = range(*footer)
    if not any(columns[i] == LEFT and NOI_NHAN.match(fold_same_length(lines[i])) for i in span):
        return list(span), list(span)
    return [i for i in span if columns[i] != RIGHT], [i for i in span if columns[i] != LEFT]
