"""Ruled tables read row by row, wherever their rules come from (a PDF's drawn edges, a scan's ink).

A table is read a row a line, its cells joined by " | " (as Word tables and the body's table rows are):
read by position as text, a table's columns would pass for the two columns of a header or footer, and a
chỉ tiêu table's values would lose the row they belong to. `rows_as_words` turns the words inside one
table into one word per row spanning the table's width, so that the reading order keeps the row together
and stops any column region at it. The grid itself is found by the caller: pipeline.parsers.pdf from the
page's drawn rules (pdfplumber), `find_grids` from a scanned page's ink.

A table of two columns is taken only with TWO_COLUMN_TABLE_ROWS rows or more (a ruled header or footer has
one or two), a grid holding the quốc hiệu, "Nơi nhận" or a signing authority lays out a header or footer
and is read as columns, and only a grid with text in two cells or more of most rows, and in most of its
cells, is a table (rules drawn under or around running text are not).
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from extractors.parse.marks import NOI_NHAN, QUOC_HIEU, authority_match
from extractors.vntext import fold
from models.document import Word

TWO_COLUMN_TABLE_ROWS = 3
_RULE_GLYPHS = "|¦"
FILLED_SHARE = 0.6

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


def rows_as_words(words: list[Word], bbox: Box, rows: list[tuple[Box, list[Box]]]) -> list[Word]:
    """`words` with the words inside the table at `bbox` replaced by one word per row, or unchanged when
    the grid is no table. `rows`: each row's box and its cells' boxes, top to bottom, left to right."""
    width = max((len(cells) for _, cells in rows), default=0)
    if width < 2 or width == 2 and len(rows) < TWO_COLUMN_TABLE_ROWS:
        return words
    x0, top, x1, bottom = bbox
    held = [w for w in words if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom]
    # OCR reads a scan's rules as "|", alone or glued to a word ("|Nội"): no text of a cell
    inside = [Word(text, w.x0, w.top, w.x1, w.bottom, w.conf) for w in held if (text := w.text.strip(_RULE_GLYPHS))]
    texts = [[cell_text(cell, inside) for cell in cells] for _, cells in rows]
    if any(_lays_out_header_or_footer(c) for row in texts for c in row):
        return words  # a header or footer drawn as a ruled table: its columns are read as columns
    filled = sum(bool(c) for row in texts for c in row)
    if (sum(sum(bool(c) for c in row) >= 2 for row in texts) < max(2, len(texts) / 2)
            or filled < FILLED_SHARE * sum(len(row) for row in texts)):
        return words  # rules drawn under or around running text (underlines, shading): no table
    confidences = [w.conf for w in inside if w.conf is not None]
    conf = sum(confidences) / len(confidences) if confidences else None
    row_words = [Word(" | ".join(cells), x0, box[1], x1, box[3], conf)
                 for (box, _), cells in zip(rows, texts) if any(cells)]
    taken = {id(w) for w in held}
    return [w for w in words if id(w) not in taken] + row_words


def _lays_out_header_or_footer(cell: str) -> bool:
    """A cell holding the quốc hiệu, "Nơi nhận" or a signing authority: the table lays out a header or footer."""
    return bool(QUOC_HIEU.search(fold(cell)) or NOI_NHAN.match(fold(cell)) or authority_match(cell))


def cell_text(cell: Box, words: list[Word]) -> str:
    """A cell's words in reading order: lines top to bottom (a word starts a line when it lies below the
    line's middle), each left to right."""
    x0, top, x1, bottom = cell
    held = sorted((w for w in words if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom),
                  key=lambda w: w.top)
    lines: list[list[Word]] = []
    for w in held:
        if lines and w.top < (lines[-1][0].top + lines[-1][0].bottom) / 2:
            lines[-1].append(w)
        else:
            lines.append([w])
    return " ".join(w.text for line in lines for w in sorted(line, key=lambda w: w.x0))


# --- grids on a scanned page ----------------------------------------------------------------------------

# A rule is a run of ink at least this long (inches): longer than any letter's stroke, shorter than a cell.
RULE_MIN_INCHES = 0.25
# A table's grid is at least this wide and high (inches) and has rules that span most of it.
GRID_MIN_INCHES = (2.0, 0.5)
RULE_SPAN_SHARE = 0.8


@dataclass
class Grid:
    """A ruled table on a scanned page: the x of its vertical rules and the y of its horizontal ones."""

    columns: list[float]
    rows: list[float]

    @property
    def bbox(self) -> Box:
        return self.columns[0], self.rows[0], self.columns[-1], self.rows[-1]

    def cells(self) -> list[tuple[Box, list[Box]]]:
        x0, _, x1, _ = self.bbox
        return [((x0, top, x1, bottom), [(left, top, right, bottom) for left, right in zip(self.columns, self.columns[1:])])
                for top, bottom in zip(self.rows, self.rows[1:])]


def find_grids(grey: Image.Image, dpi: float) -> list[Grid]:
    """The ruled tables of a (deskewed) scanned page: long straight runs of ink, horizontal and vertical,
    grouped where they cross; a grid has three rules or more each way (two rows, two columns or more)."""
    pixels = np.asarray(grey, dtype=np.uint8)
    _, ink = cv2.threshold(pixels, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)  # ink = 1, as OCR sees it
    run = max(8, round(RULE_MIN_INCHES * dpi))
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (run, 1)))
    vertical = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, run)))
    # rules broken by scanning noise are closed along their length
    horizontal = cv2.morphologyEx(horizontal, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (run, 3)))
    vertical = cv2.morphologyEx(vertical, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (3, run)))
    joined = cv2.dilate(horizontal | vertical, np.ones((5, 5), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    horizontal_rules = _rules(horizontal)
    vertical_rules = _rules(vertical)
    grids = []
    min_w, min_h = (inches * dpi for inches in GRID_MIN_INCHES)
    for k in range(1, count):
        x, y, w, h = (int(v) for v in stats[k, :4])
        if w < min_w or h < min_h:
            continue
        inside = lambda r: x - 3 <= r[0] and r[0] + r[2] <= x + w + 3 and y - 3 <= r[1] and r[1] + r[3] <= y + h + 3
        rows = sorted(r[1] + r[3] / 2 for r in horizontal_rules if inside(r) and r[2] >= RULE_SPAN_SHARE * w)
        columns = sorted(r[0] + r[2] / 2 for r in vertical_rules if inside(r) and r[3] >= RULE_SPAN_SHARE * h)
        if len(columns) >= 3 and len(rows) >= 3:
            grids.append(Grid(columns, rows))
    return grids


def _rules(mask: np.ndarray) -> list[tuple[int, int, int, int]]:
    """The boxes (x, y, w, h) of the rules in a mask of long runs of ink: one per connected run (a rule
    tilted with the page stays one)."""
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    return [tuple(int(v) for v in stats[k, :4]) for k in range(1, count)]
