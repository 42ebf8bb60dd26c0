"""The text of one input document, as the parsers hand it to the extractors.

A parser (PDF text layer, OCR, Word, plain text) fills one `PageText` per page:
the positioned words where it has them, and `lines`, the page's text in
reading order with two-column regions (header: issuer | quốc hiệu; footer:
Nơi nhận | signature) already taken apart, left column first, and ruled tables
one row a line, and `columns`, where each line stood (across the text, or in the left or right column of such
a region). `extractors.parse` reads the pages' lines into the dispatch's zones, by those columns where the
parser had positions; nothing past the parsers looks at files.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# How a page's text was obtained.
TEXT_LAYER = "text-layer"
OCR = "ocr"
WORD = "word"
PLAIN = "plain"

# Where a line stood, as the parser saw it by position (`PageText.columns`): across the text's width, or in the
# left or right column of a two-column region (the header's issuer | quốc hiệu, the footer's Nơi nhận | signing
# block, a Word table's two columns). A parser without positions (plain text) says nothing.
ACROSS = "across"
LEFT = "left"
RIGHT = "right"
UNPLACED = ""


@dataclass
class Word:
    """A word with its box in page units (PDF points or image pixels), top-left origin."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    conf: float | None = None  # OCR confidence 0–100; None for text layers


@dataclass
class PageText:
    number: int  # 1-based
    lines: list[str]
    method: str  # TEXT_LAYER, OCR, WORD or PLAIN
    width: float = 0.0
    height: float = 0.0
    words: list[Word] = field(default_factory=list)
    confidence: float | None = None  # mean OCR word confidence 0–100; None when not OCR
    route: str = ""  # why the page was read the way it was ("pdfplumber failed (…); pypdfium2 text layer")
    columns: list[str] = field(default_factory=list)  # each line's ACROSS, LEFT or RIGHT; empty when unplaced

    def placed_columns(self) -> list[str]:
        """Each line's column, UNPLACED for every line when the parser had no positions."""
        return self.columns if len(self.columns) == len(self.lines) else [UNPLACED] * len(self.lines)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class DocumentText:
    source: Path
    pages: list[PageText]

    @property
    def lines(self) -> list[str]:
        return [line for page in self.pages for line in page.lines]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def methods(self) -> list[str]:
        return [p.method for p in self.pages]

    @property
    def ocr_confidence(self) -> float | None:
        """Mean confidence over OCR pages, or None when no page was OCR'd."""
        confs = [p.confidence for p in self.pages if p.confidence is not None]
        return sum(confs) / len(confs) if confs else None
