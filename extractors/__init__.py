"""From a document's text to its record: one module per part of the structure.

`extract_record` parses the document once into its zones (extractors.parse: cleaned
lines, appended matter set apart, incoming stamp, header, salutation, body items,
footer) and hands each extractor its zone; every extractor is a pure function that
imports only the representation (extractors.parse), the lexicon and the text helpers.
"""
from __future__ import annotations

from extractors.addressees import extract_addressees
from extractors.parse import parse_dispatch
from extractors.phases import extract_phases
from extractors.recipients import extract_recipients
from extractors.references import extract_references
from extractors.signatory import extract_signatory
from extractors.targets import extract_targets
from extractors.theme import extract_theme
from models.document import DocumentText
from models.record import Record

EXTRACTOR_VERSION = "0.7.0"


def extract_record(doc: DocumentText) -> Record:
    dispatch = parse_dispatch(doc)
    header = dispatch.header
    return Record(
        number=header.number,
        symbol=header.symbol,
        date=header.date,
        place=header.place,
        issuer=header.issuer,
        parent_issuer=header.parent_issuer,
        doc_type=header.doc_type,
        subject=header.subject,
        addressees=extract_addressees(dispatch.salutation),
        phases=extract_phases(dispatch.body, dispatch.year),
        targets=extract_targets(dispatch.body, dispatch.year, dispatch.school_year),
        signatory=extract_signatory(dispatch.signing_part),
        recipients=extract_recipients(dispatch.recipients_part),
        references=extract_references(dispatch.citing_lines, dispatch.own_number),
        received=dispatch.received,
        theme=extract_theme(dispatch.body),
    )
