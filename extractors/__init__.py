"""From a document's text to its record: one module per part of the structure.

Each extractor is a pure function over the cleaned reading-order lines of one
document. `extract_record` runs them all and assembles the `Record`.
"""
from __future__ import annotations

from models.document import DocumentText
from models.record import Record

EXTRACTOR_VERSION = "0.1.0"


def extract_record(doc: DocumentText) -> Record:
    raise NotImplementedError  # assembled by the extractor work (issue 3)
