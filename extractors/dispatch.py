"""A dispatch parsed once: its main document apart from appended matter, and the parts that more than
one extractor reads — the incoming stamp, the header, the body's items — each found one time.

The order follows Nghị định 30/2020/NĐ-CP: the incoming stamp (written over the header on arrival) is
found first so that the header's fields are read around it; the header gives the document's own
number (left out of its citations) and its year (a statement dated before it is a result, not a
target); the body is read once into items with the polarity of their sections, which the phases,
targets and theme extractors all read.
"""
from __future__ import annotations

from dataclasses import dataclass

from extractors.body import Item, items
from extractors.clean import clean_pages
from extractors.header import Header, extract_header
from extractors.received import find_received
from extractors.zones import split_appended
from models.document import DocumentText
from models.record import Received


@dataclass
class Dispatch:
    lines: list[str]  # the main document's cleaned lines in reading order
    appended: list[str]  # what follows its signing block: a second document, a form, an appendix
    received: Received | None  # the incoming stamp
    stamp_lines: set[int]  # the stamp's line indexes, which no header field reads
    header: Header
    body: list[Item]

    @property
    def year(self) -> int | None:
        return int(self.header.date[:4]) if self.header.date else None


def parse_dispatch(doc: DocumentText) -> Dispatch:
    lines, appended = split_appended(clean_pages([page.lines for page in doc.pages]))
    received, stamp_lines = find_received(lines)
    return Dispatch(lines=lines, appended=appended, received=received, stamp_lines=stamp_lines,
                    header=extract_header(lines, stamp_lines), body=items(lines))
