"""A dispatch parsed once into its zones, which the extractors read: each gets its zone and nothing else.

The order follows Nghị định 30/2020/NĐ-CP: the incoming stamp (written over the header on arrival) is
found first so that the header's fields are read around it; the header gives the document's own
number (left out of its citations), its year (a statement dated before it is a result, not a target)
and where it ends; then the salutation ("Kính gửi"), the body, read once into items with the polarity
of their sections, and the footer (Nơi nhận, the signing block). Matter appended after the signing
block (a second document, a form, an appendix) is set apart first.
"""
from __future__ import annotations

from dataclasses import dataclass

from extractors.parse.appended import split_appended
from extractors.lexicon import DOCUMENT_KINDS
from extractors.parse.body import NEUTRAL, RESULT, Item, items
from extractors.parse.clean import clean_placed, strip_lead_junk
from extractors.parse.header import Header, extract_header
from extractors.parse.marks import KINH_GUI
from extractors.parse.received import find_received
from extractors.parse.zones import Zones, find_zones
from extractors.vntext import fold_same_length
from models.document import DocumentText
from models.record import Received


@dataclass
class Dispatch:
    lines: list[str]  # the main document's cleaned lines in reading order
    appended: list[str]  # what follows its signing block: a second document, a form, an appendix
    received: Received | None  # the incoming stamp
    stamp_lines: set[int]  # the stamp's line indexes, which no other field reads
    header: Header
    zones: Zones
    body: list[Item]  # the body zone's items

    @property
    def year(self) -> int | None:
        return int(self.header.date[:4]) if self.header.date else None

    @property
    def school_year(self) -> int | None:
        """The year the school year the document is dated in ends (a school year runs from September: a
        dispatch of 2023-09-20 is of năm học 2023 - 2024, one of 2023-03-26 of 2022 - 2023); None when the
        month is not known."""
        date = self.header.date or ""
        return int(date[:4]) + (int(date[5:7]) >= 8) if len(date) >= 7 else None

    @property
    def own_number(self) -> tuple[str | None, str | None]:
        return self.header.number, self.header.symbol

    @property
    def salutation(self) -> list[str]:
        """The "Kính gửi" line and the lines after it that may hold its list (empty when there is none); OCR's
        specks after "Kính gửi:" ("Kính gửi: _ - Ban …") cleaned as at a line's start."""
        lines = [self.lines[i] for i in self.zones.salutation]
        m = KINH_GUI.match(fold_same_length(lines[0])) if lines else None
        if m and lines[0][m.end():].strip():
            lines[0] = lines[0][: m.end()].rstrip() + " " + strip_lead_junk(lines[0][m.end():].strip())
        return lines

    @property
    def recipients_part(self) -> list[str]:
        """The footer's Nơi nhận part."""
        return [self.lines[i] for i in self.zones.recipients]

    @property
    def signing_part(self) -> list[str]:
        """The footer's signing block."""
        return [self.lines[i] for i in self.zones.signing]

    @property
    def citing_lines(self) -> list[str]:
        """The lines that may cite other documents: all but the Số line and the incoming stamp."""
        return [line for i, line in enumerate(self.lines)
                if i not in self.stamp_lines and i != self.header.number_at]


def parse_lines(lines: list[str], columns: list[str] | None = None) -> Dispatch:
    """A dispatch from cleaned lines (one document's, or a file's with appended matter) and, where the parser
    placed them, the column each stood in."""
    lines, appended = split_appended(lines)
    received, stamp_lines = find_received(lines)
    header = extract_header(lines, stamp_lines)
    zones = find_zones(lines, header.end, columns[: len(lines)] if columns is not None else None)
    recounts = any(kind.recounts and kind.name == header.doc_type for kind in DOCUMENT_KINDS)
    return Dispatch(lines=lines, appended=appended, received=received, stamp_lines=stamp_lines, header=header,
                    zones=zones, body=items(lines[slice(*zones.body)], RESULT if recounts else NEUTRAL))


def parse_dispatch(doc: DocumentText) -> Dispatch:
    return parse_lines(*clean_placed([page.lines for page in doc.pages], [page.placed_columns() for page in doc.pages]))
