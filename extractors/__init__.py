"""From a document's text to its record: one module per part of the structure.

Each extractor is a pure function over the cleaned reading-order lines of one
document. `extract_record` cleans the lines once (extractors.clean), runs them
all and assembles the `Record`.
"""
from __future__ import annotations

from extractors.addressees import extract_addressees
from extractors.clean import clean_pages
from extractors.header import extract_header
from extractors.phases import extract_phases
from extractors.received import extract_received
from extractors.recipients import extract_recipients
from extractors.references import extract_references
from extractors.signatory import extract_signatory
from extractors.targets import extract_targets
from extractors.theme import extract_theme
from extractors.zones import split_appended
from models.document import DocumentText
from models.record import Record

EXTRACTOR_VERSION = "0.2.0"


def extract_record(doc: DocumentText) -> Record:
    lines, _ = split_appended(clean_pages([page.lines for page in doc.pages]))
    header = extract_header(lines)
    return Record(
        number=header.number,
        symbol=header.symbol,
        date=header.date,
        place=header.place,
        issuer=header.issuer,
        parent_issuer=header.parent_issuer,
        doc_type=header.doc_type,
        subject=header.subject,
        addressees=extract_addressees(lines),
        phases=extract_phases(lines),
        targets=extract_targets(lines),
        signatory=extract_signatory(lines),
        recipients=extract_recipients(lines),
        references=extract_references(lines),
        received=extract_received(lines),
        theme=extract_theme(lines),
    )
