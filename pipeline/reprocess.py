"""`congvan reprocess`: re-extract stored records from their stored page text with today's extractors.

No file is read and nothing is OCR'd: the pages table holds each page's text as
it was read, which is all the extractors look at. A record whose fields come
out different is replaced (one transaction per record, so a run killed at any
moment leaves every record either old or new, never half; records are written
`BATCH` to a transaction); every record
reprocessed gets the current `EXTRACTOR_VERSION`, and the change — which
fields, from which version — is noted in the `reprocessing` table.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

from extractors import EXTRACTOR_VERSION, extract_record
from pipeline.store import Store

# Records written per transaction: one commit (one fsync) per record would cost more than extracting it.
BATCH = 50


def version_key(version: str | None) -> tuple:
    """"0.10.2" after "0.9.1": numbers compared as numbers (an empty or missing version is the oldest)."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"[.\-+]", version or "") if part)


def select(store: Store, ids: Iterable[int] = (), every: bool = False, before_version: str | None = None) -> list[int]:
    """The documents to reprocess: `ids`, or all, or those extracted by a version before `before_version`."""
    versions = store.document_versions()
    if every:
        return [doc_id for doc_id, _ in versions]
    if before_version is not None:
        limit = version_key(before_version)
        return [doc_id for doc_id, version in versions if version_key(version) < limit]
    return list(ids)


@dataclass
class Change:
    document_id: int
    fields: list[str]  # the record's keys whose value changed


@dataclass
class Report:
    changes: list[Change] = field(default_factory=list)
    unchanged: int = 0
    missing: list[int] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def done(self) -> int:
        return len(self.changes) + self.unchanged

    def line(self) -> str:
        rate = self.done / self.seconds if self.seconds else 0.0
        return (f"{self.done} record(s) re-extracted with extractors {EXTRACTOR_VERSION}: {len(self.changes)} changed, "
                f"{self.unchanged} unchanged; {self.seconds:.1f} s ({rate:.0f} records/s)")


def reprocess(store: Store, ids: list[int], progress: Callable[[Change | None], None] | None = None) -> Report:
    """Re-extract each document of `ids`; `progress` is told each record's change (None: unchanged)."""
    report = Report()
    started = time.perf_counter()
    pending: list[tuple[int, object, list[str]]] = []
    for position, doc_id in enumerate(ids, start=1):
        try:
            doc, old = store.document_text(doc_id), store.record(doc_id).to_dict()
        except KeyError:
            report.missing.append(doc_id)
            continue
        new_record = extract_record(doc)
        new = new_record.to_dict()
        changed = [key for key in new if new[key] != old.get(key)]
        pending.append((doc_id, new_record, changed))
        if len(pending) >= BATCH or position == len(ids):
            store.replace_records(pending, EXTRACTOR_VERSION)
            pending.clear()
        change = Change(doc_id, changed) if changed else None
        if change:
            report.changes.append(change)
        else:
            report.unchanged += 1
        if progress:
            progress(change)
    if pending:
        store.replace_records(pending, EXTRACTOR_VERSION)
    report.seconds = time.perf_counter() - started
    return report
