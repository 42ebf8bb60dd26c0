"""Reading order of a page from positioned words (PDF text layer or OCR boxes).

Administrative documents (Nghị định 30/2020/NĐ-CP) put two columns side by side
in the header (issuer, "Số:", "V/v" on the left; quốc hiệu, tiêu ngữ and the
place–date line on the right) and in the footer ("Nơi nhận" on the left; the
signature block on the right). Text layers and OCR hand those over row by row,
interleaved. `reading_order` rebuilds the order a reader follows:

1. words are grouped into rows by vertical overlap; OCR words come with the line
   Tesseract put them on, and each such line, split at wide gaps, moves as one
   piece, on coordinates straightened by the page's residual skew (measured on
   those lines' baselines), so a tilted header row is not torn word by word;
2. each row is split into segments at gaps far wider than a word space;
3. a row with two or more segments opens a two-column region at its widest gap;
   the region grows up and down over rows whose segments each lie on one side of
   the gap, and stops at a row with a segment across it (a full-width body line,
   a centred title such as "Kính gửi: …" or "KẾ HOẠCH") or at a title centred on
   the page (a label and its items, "Kính gửi:   - Ban …", open a region whose
   gap lies far to the left, which a title would not cross);
4. a region is read left column first, then right column; other rows in order; each line
   says where it stood (ACROSS, LEFT, RIGHT: `placed_lines`), so the parse finds the
   footer's two parts by position.

Page numbers ("2", "- 2 -", "Trang 2") alone on the first or last row of a page
and the text of e-signature stamps ("Ký bởi: …", "Thời gian ký: …") are dropped.
"""
from __future__ import annotations

import re
import statistics
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from extractors.vntext import nfc
from models.document import ACROSS, LEFT, RIGHT, Word

# A gap wider than this many row heights separates segments; justified body text
# stretches word spaces to about one row height at most, while the narrowest
# header column gap seen in real documents is close to two.
SEGMENT_GAP_HEIGHTS = 1.6
# ...and never narrower than this fraction of the page width.
SEGMENT_GAP_PAGE = 0.03
# Words overlapping a row's band by this fraction of the smaller height belong to it.
ROW_OVERLAP = 0.5
# A word far to the side of every word of a row joins it with this smaller overlap:
# the two columns of a header are often set on slightly different baselines.
SIDE_ROW_OVERLAP = 0.2
# A row of one segment whose centre lies this close to the page's (a fraction of its width) is a centred title:
# a two-column region opened by a label and its items ("Kính gửi:   - Ban …"), its gap in this left part of the
# page, does not grow over it (a header's or footer's gap lies near the middle).
CENTRED_FRACTION = 0.04
LABEL_GAP_FRACTION = 0.35
# The text's margins are taken from at least this many rows (else the sheet's middle is the text's).
MARGIN_ROWS = 10
# ...of at least this many words and letters ("BÁO CÁO").
TITLE_WORDS, TITLE_LETTERS = 2, 5
# Page numbers are looked for on the first/last row only when it lies in this
# top/bottom fraction of the page (when the page height is known).
MARGIN_FRACTION = 0.15
# Residual skew is measured from word pairs of one OCR line at least this many word
# heights apart (closer pairs give noisy slopes), and only when this many pairs exist.
SLOPE_PAIR_HEIGHTS = 4.0
SLOPE_MIN_PAIRS = 8

_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3}|(?:trang|page)\s*\d{1,3}(?:\s*/\s*\d{1,3})?|\d{1,3}\s*/\s*\d{1,3})$",
    re.IGNORECASE,
)
_STAMP_START = re.compile(r"^(?:ký bởi|người ký|thời gian ký|ngày ký)\s*:", re.IGNORECASE)
_STAMP_DETAIL = re.compile(r"^(?:email|cơ quan|chức vụ|thời gian)\s*:", re.IGNORECASE)


@dataclass
class _Segment:
    words: list[Word]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class _Row:
    words: list[Word] = field(default_factory=list)
    segments: list[_Segment] = field(default_factory=list)
    # (number of words, top, bottom, height) when last measured: rows are measured against every word that
    # comes (`_row_for`) and only ever grow, so the medians are recomputed only when words were added.
    _measured: tuple[int, float, float, float] = (0, 0.0, 0.0, 0.0)

    def _measure(self) -> tuple[int, float, float, float]:
        if self._measured[0] != len(self.words):
            self._measured = (len(self.words), statistics.median(w.top for w in self.words),
                              statistics.median(w.bottom for w in self.words),
                              statistics.median(w.bottom - w.top for w in self.words))
        return self._measured

    @property
    def top(self) -> float:
        return self._measure()[1]

    @property
    def bottom(self) -> float:
        return self._measure()[2]

    @property
    def height(self) -> float:
        return self._measure()[3]

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)


def reading_order(words: list[Word], page_width: float, page_height: float | None = None,
                  line_ids: Sequence[Hashable] | None = None) -> list[str]:
    """The page's lines in reading order, two-column regions read column by column (`placed_lines`' text)."""
    return placed_lines(words, page_width, page_height, line_ids)[0]


def placed_lines(words: list[Word], page_width: float, page_height: float | None = None,
                 line_ids: Sequence[Hashable] | None = None) -> tuple[list[str], list[str]]:
    """The page's lines in reading order, two-column regions read column by column, and where each stood:
    ACROSS the text, or in the LEFT or RIGHT column of a two-column region.

    line_ids, when given, is the OCR line of each word (Tesseract's block, paragraph
    and line numbers): the pieces of one OCR line stay together when rows are formed.
    """
    keys = list(line_ids) if line_ids is not None else [None] * len(words)
    kept = [(Word(nfc(w.text.strip()), w.x0, w.top, w.x1, w.bottom, w.conf), key)
            for w, key in zip(words, keys) if w.text.strip()]
    if line_ids is None:
        units = [[word] for word, _ in kept]
    else:
        units = _line_pieces(kept, page_width)
    rows = _group_rows(units, page_width)
    rows = _drop_page_numbers(rows, page_height)
    placed = _drop_signature_stamps(_emit(rows, page_width))
    return [text for text, _ in placed], [column for _, column in placed]


def _line_pieces(kept: list[tuple[Word, Hashable]], page_width: float) -> list[list[Word]]:
    """The OCR lines on straightened coordinates, each split at gaps wider than a column gap."""
    lines: dict[Hashable, list[Word]] = {}
    for word, key in kept:
        lines.setdefault(key, []).append(word)
    slope = _residual_slope(list(lines.values()))
    pieces = []
    for line in lines.values():
        straight = sorted((_straightened(w, slope) for w in line), key=lambda w: w.x0)
        pieces += [seg.words for seg in _split(_Row(straight), page_width)]
    return pieces


def _residual_slope(lines: list[list[Word]]) -> float:
    """The page's text slope (dy/dx) from the word bottoms of OCR lines; 0 when too little text says.

    The median over word pairs of a line lies on the baseline although single words
    reach below it (descenders, dots under vowels).
    """
    slopes = []
    for line in lines:
        height = statistics.median(w.bottom - w.top for w in line)
        for a, b in combinations(sorted(line, key=lambda w: w.x0), 2):
            dx = (b.x0 + b.x1) / 2 - (a.x0 + a.x1) / 2
            if dx >= SLOPE_PAIR_HEIGHTS * height:
                slopes.append((b.bottom - a.bottom) / dx)
    return statistics.median(slopes) if len(slopes) >= SLOPE_MIN_PAIRS else 0.0


def _straightened(word: Word, slope: float) -> Word:
    """The word moved up or down to where it would sit on a page with no skew."""
    shift = slope * (word.x0 + word.x1) / 2
    return Word(word.text, word.x0, word.top - shift, word.x1, word.bottom - shift, word.conf)


def _group_rows(units: list[list[Word]], page_width: float) -> list[_Row]:
    """Rows of units (a word, or a piece of an OCR line), each unit whole in one row."""
    rows: list[_Row] = []
    for unit in sorted(units, key=lambda u: (_centre(u), u[0].x0)):
        row = _row_for(unit, rows[-4:], page_width)
        if row is None:
            row = _Row()
            rows.append(row)
        row.words.extend(unit)
    rows.sort(key=lambda r: r.top)
    for row in rows:
        row.words.sort(key=lambda w: w.x0)
        row.segments = _split(row, page_width)
    return rows


def _centre(unit: list[Word]) -> float:
    return statistics.median((w.top + w.bottom) / 2 for w in unit)


def _row_for(unit: list[Word], candidates: list[_Row], page_width: float) -> _Row | None:
    """The recent row this unit sits on, if any."""
    top = statistics.median(w.top for w in unit)
    bottom = statistics.median(w.bottom for w in unit)
    best, best_overlap = None, 0.0
    for row in candidates:
        overlap = min(row.bottom, bottom) - max(row.top, top)
        smaller = max(min(row.bottom - row.top, bottom - top), 1e-6)
        ratio = overlap / smaller
        if ratio < ROW_OVERLAP:
            gap = _gap_threshold(max(row.height, bottom - top), page_width)
            far = all(u.x0 - w.x1 > gap or w.x0 - u.x1 > gap for u in unit for w in row.words)
            if not (far and ratio >= SIDE_ROW_OVERLAP):
                continue
        if ratio > best_overlap:
            best, best_overlap = row, ratio
    return best


def _gap_threshold(row_height: float, page_width: float) -> float:
    return max(SEGMENT_GAP_HEIGHTS * row_height, SEGMENT_GAP_PAGE * page_width)


def _split(row: _Row, page_width: float) -> list[_Segment]:
    gap = _gap_threshold(row.height, page_width)
    segments = [_Segment([row.words[0]])]
    for word in row.words[1:]:
        if word.x0 - segments[-1].x1 > gap:
            segments.append(_Segment([word]))
        else:
            segments[-1].words.append(word)
    return segments


def _drop_page_numbers(rows: list[_Row], page_height: float | None) -> list[_Row]:
    def is_page_number(row: _Row, at_top: bool) -> bool:
        if not _PAGE_NUMBER.match(row.text.strip()):
            return False
        if not page_height:
            return True
        return row.bottom <= MARGIN_FRACTION * page_height if at_top else row.top >= (1 - MARGIN_FRACTION) * page_height

    if rows and is_page_number(rows[-1], at_top=False):
        rows = rows[:-1]
    if rows and is_page_number(rows[0], at_top=True):
        rows = rows[1:]
    return rows


class _Region:
    """Rows read as two columns, split by a vertical band no word crosses."""

    def __init__(self, lo: float, hi: float):
        self.lo, self.hi = lo, hi
        self.sides: dict[int, tuple[list[_Segment], list[_Segment]]] = {}

    def place(self, row: _Row) -> tuple[list[_Segment], list[_Segment]] | None:
        """Each segment of the row on its side, narrowing the band; None if one crosses it."""
        lo, hi = self.lo, self.hi
        left, right = [], []
        for seg in row.segments:
            fits_left, fits_right = seg.x1 < hi, seg.x0 > lo
            if fits_left and fits_right:
                fits_left = (seg.x0 + seg.x1) / 2 < (lo + hi) / 2
                fits_right = not fits_left
            if fits_left:
                left.append(seg)
                lo = max(lo, seg.x1)
            elif fits_right:
                right.append(seg)
                hi = min(hi, seg.x0)
            else:
                return None
        if hi <= lo:
            return None
        self.lo, self.hi = lo, hi
        return left, right


def _open_region(row: _Row) -> _Region:
    gaps = [(row.segments[i + 1].x0 - row.segments[i].x1, i) for i in range(len(row.segments) - 1)]
    _, i = max(gaps)
    region = _Region(max(s.x1 for s in row.segments[: i + 1]), min(s.x0 for s in row.segments[i + 1:]))
    return region


def _text_centre(rows: list[_Row], page_width: float) -> float:
    """The middle of the page's text between its margins (the body's lines, justified, reach both; a scan's
    text may sit off the sheet's middle), robust to a speck or a page number in a margin."""
    lefts = sorted(r.segments[0].x0 for r in rows if r.segments)
    rights = sorted(r.segments[-1].x1 for r in rows if r.segments)
    if len(lefts) < MARGIN_ROWS:
        return page_width / 2
    return (lefts[len(lefts) // 10] + rights[len(rights) * 9 // 10]) / 2


def _page_centred(row: _Row, centre: float, page_width: float) -> bool:
    """A row of one segment centred on the page's text (`centre`: a scan's text may sit off the sheet's middle):
    a title ("BÁO CÁO" and its trích yếu), never one column's line (a column's lines are centred in their half)."""
    if len(row.segments) != 1:
        return False
    seg = row.segments[0]
    if len(seg.words) < TITLE_WORDS or sum(c.isalpha() for c in seg.text) < TITLE_LETTERS:
        return False  # a seal's speck (":") is no title
    return abs((seg.x0 + seg.x1) / 2 - centre) <= CENTRED_FRACTION * page_width


def _emit(rows: list[_Row], page_width: float) -> list[tuple[str, str]]:
    owner: dict[int, _Region] = {}  # row index -> its region
    centre = _text_centre(rows, page_width)
    for start, row in enumerate(rows):
        if start in owner or len(row.segments) < 2:
            continue
        region = _open_region(row)
        region.sides[start] = region.place(row)
        owner[start] = region
        for step in (-1, 1):
            i = start + step
            while 0 <= i < len(rows) and i not in owner and not (
                    region.hi <= LABEL_GAP_FRACTION * page_width and _page_centred(rows[i], centre, page_width)):
                placed = region.place(rows[i])
                if placed is None:
                    break
                region.sides[i] = placed
                owner[i] = region
                i += step

    lines: list[tuple[str, str]] = []
    done: set[int] = set()
    for i, row in enumerate(rows):
        region = owner.get(i)
        if region is None:
            lines.append((row.text, ACROSS))
            continue
        if id(region) in done:
            continue
        done.add(id(region))
        order = sorted(region.sides)
        for column, side in ((0, LEFT), (1, RIGHT)):
            for j in order:
                segs = region.sides[j][column]
                if segs:
                    lines.append((" ".join(s.text for s in segs), side))
    return lines


def _drop_signature_stamps(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop e-signature stamp text: "Ký bởi: …", "Thời gian ký: …" and the details around them."""
    stamp = [bool(_STAMP_START.match(text)) for text, _ in lines]
    keep = []
    for i, (text, column) in enumerate(lines):
        near_stamp = any(stamp[max(0, i - 3): i + 4])
        if stamp[i] or (near_stamp and _STAMP_DETAIL.match(text)):
            continue
        keep.append((text, column))
    return keep
