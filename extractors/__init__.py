"""From a document's text to its record: one module per part of the structure.

`extract_record` parses the document once (extractors.dispatch: cleaned lines,
appended matter set apart, incoming stamp, header, body items) and hands each
extractor what it reads; every extractor is a pure function.
"""
from __future__ import annotations

from extractors.addressees import extract_addressees
from extractors.dispatch import parse_dispatch
from extractors.phases import extract_phases
from extractors.recipients import extract_recipients
from extractors.references import extract_references
from extractors.signatory import extract_signatory
from extractors.targets import extract_targets
from extractors.theme import extract_theme
from models.document import DocumentText
from models.record import Record

EXTRACTOR_VERSION = "0.3.0"


def extract_record(doc: DocumentText) -> Record:
    dispatch = parse_dispatch(doc)
    header, lines = dispatch.header, dispatch.lines
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
        phases=extract_phases(lines, dispatch.body),
        targets=extract_targets(lines, dispatch.body, dispatch.year),
        signatory=extract_signatory(lines),
        recipients=extract_recipients(lines),
        references=extract_references(lines, (header.number, header.symbol)),
        received=dispatch.received,
        theme=extract_theme(lines, dispatch.body),
    )
