"""`congvan reread`: a record that read poorly, read again from its archived original, sharper.

`congvan review` lists records with a page OCR'd at low confidence. Rereading one
reads its original again — from where the ledger says it was archived, in a
reading process of its own as the inbox reads — with every OCR'd page rendered at
`dpi` (not taken from the scan as stored) and, when given, another Tesseract model
(`--tessdata`, e.g. the tessdata_best model `scripts/fetch_tessdata.sh` fetches).
Each page keeps the better of its two readings (the higher mean OCR confidence;
a page read from a text layer or a Word file is taken as read again), the record
is extracted from the result, and pages, text, search index, review mark and
record are replaced in one transaction (`Store.replace_reading`), noted in
`reprocessing`. Nothing is replaced when no page read better.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from extractors import EXTRACTOR_VERSION, extract_record
from models.document import DocumentText, PageText
from pipeline.child_reader import read_document_in_child
from pipeline.errors import InputError
from pipeline.names import located, shown
from pipeline.options import Options
from pipeline.store import Store


@dataclass
class PageChoice:
    number: int
    stored: PageText | None  # the stored reading (None: the page was not stored)
    fresh: float | None  # the new reading's mean OCR confidence (None: not OCR'd)
    kept_fresh: bool


@dataclass
class Reread:
    document_id: int
    original: str
    pages: list[PageChoice] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)  # the record's keys whose value changed

    @property
    def replaced(self) -> bool:
        return any(p.kept_fresh for p in self.pages)

    def line(self) -> str:
        said = [f"p.{p.number} {_percent(p.stored.confidence) if p.stored else 'not stored'} → {_percent(p.fresh)} "
                f"({'new reading kept' if p.kept_fresh else 'stored reading kept'})" for p in self.pages]
        changed = f"; changed: {', '.join(self.fields)}" if self.fields else "; no field changed"
        return (f"record {self.document_id} ({shown(self.original)}): {'; '.join(said)}"
                + (changed if self.replaced else "; nothing replaced"))


def _percent(confidence: float | None) -> str:
    return "not OCR" if confidence is None else f"{confidence:.0f}%"


def _better(stored: PageText | None, fresh: PageText) -> bool:
    """Whether the fresh reading of a page replaces the stored one."""
    if stored is None:
        return True
    if stored.confidence is None or fresh.confidence is None:
        return fresh.confidence is None  # a text layer or a Word file is taken as read again
    return fresh.confidence > stored.confidence


def reread(store: Store, doc_id: int, options: Options, dpi: int) -> Reread:
    """Read record `doc_id`'s original again and keep each page's better reading; KeyError for no such record,
    InputError when its original cannot be found or read."""
    stored = store.document_text(doc_id)  # KeyError when there is no such record
    stored_as = store.original_of(doc_id)
    original = located(stored_as, options.processed) if stored_as else None
    if original is None or not original.is_file():
        raise InputError(original or Path(stored.source), "its original is not in the archive any more")
    sharper = dataclasses.replace(options, ocr_dpi=dpi, ocr_scans_as_stored=False)
    fresh = read_document_in_child(original, sharper)
    by_number = {page.number: page for page in stored.pages}
    result, pages = Reread(doc_id, shown(original)), []
    for page in fresh.pages:
        old = by_number.get(page.number)
        keep = _better(old, page)
        result.pages.append(PageChoice(page.number, old, page.confidence, keep))
        pages.append(page if keep or old is None else old)
    if not result.replaced:
        return result
    document = DocumentText(fresh.source, pages)
    before, record = store.record(doc_id).to_dict(), extract_record(document)
    after = record.to_dict()
    result.fields = [key for key in after if after[key] != before.get(key)]
    store.replace_reading(doc_id, record, document, options.review_confidence, EXTRACTOR_VERSION, result.fields)
    return result
