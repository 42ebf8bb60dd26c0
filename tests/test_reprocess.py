"""`congvan reprocess`: stored records re-extracted from their stored page text, with no file read and no OCR."""
from __future__ import annotations

import dataclasses

import pytest

from conftest import document, shared
from extractors import EXTRACTOR_VERSION, extract_record
from pipeline import reprocess as reprocessing
from pipeline.cli import main
from pipeline.reprocess import select, version_key
from pipeline.store import LedgerEntry, Store, now


def store_seeds(store: Store, version: str) -> list[int]:
    ids = []
    for n, path in enumerate(sorted(shared("seeds", "text").glob("*.txt"))):
        doc = document(path.read_text(encoding="utf-8"), source=path.name)
        entry = LedgerEntry(sha256=f"{n:064d}", file_name=path.name, status="ingested", started_at=now(),
                            extractor_version=version)
        ids.append(store.add_document(extract_record(doc), doc, entry, 70))
    return ids


def test_versions_compare_as_numbers():
    assert version_key("0.10.0") > version_key("0.9.3") > version_key("0.9") > version_key("") == ()


def test_reprocess_replaces_what_changed_and_records_the_version(options, database, monkeypatch):
    options.database = database
    with Store(options.database_target) as store:
        ids = store_seeds(store, "0.1.0")
        before = {i: store.record(i) for i in ids}

        def newer(doc):  # an extractor upgrade: the subject now in capitals, one more addressee
            record = extract_record(doc)
            return dataclasses.replace(record, subject=(record.subject or "").upper() or None,
                                       addressees=record.addressees + ["Văn phòng"])

        monkeypatch.setattr(reprocessing, "extract_record", newer)
        assert select(store, before_version="0.1.0") == [] and select(store, before_version="0.2") == ids
        report = reprocessing.reprocess(store, select(store, every=True))
        assert report.done == len(ids) and report.missing == []
        for i in ids:
            after = store.record(i)
            assert after.addressees == before[i].addressees + ["Văn phòng"]
            assert after.subject == ((before[i].subject or "").upper() or None)
            assert after.number == before[i].number and after.targets == before[i].targets
        changes = {c.document_id: c.fields for c in report.changes}
        assert all("addressees" in changes[i] for i in ids) and all("targets" not in changes[i] for i in ids)
        assert {v for _, v in store.document_versions()} == {EXTRACTOR_VERSION}
        log = store.query("SELECT document_id, from_version, to_version FROM reprocessing ORDER BY id")
        assert [(r["document_id"], r["from_version"], r["to_version"]) for r in log] == [
            (i, "0.1.0", EXTRACTOR_VERSION) for i in ids]
        # Pages and text are untouched.
        assert store.document_text(ids[0]).text == document(
            sorted(shared("seeds", "text").glob("*.txt"))[0].read_text(encoding="utf-8")).text


def test_reprocess_command(options, database, capsys):
    options.database = database
    with Store(options.database_target) as store:
        ids = store_seeds(store, "0.0.1")
    where = ["--processed", str(options.processed), "--database", str(database)]
    assert main(["reprocess", "--before-version", EXTRACTOR_VERSION, *where]) == 0
    out = capsys.readouterr().out
    assert f"{len(ids)} record(s) re-extracted with extractors {EXTRACTOR_VERSION}: 0 changed" in out
    assert main(["reprocess", "--before-version", EXTRACTOR_VERSION, *where]) == 0
    assert "0 record(s) re-extracted" in capsys.readouterr().out
    assert main(["reprocess", str(ids[0]), "999", *where]) == 1
    out, err = capsys.readouterr()
    assert "1 record(s) re-extracted" in out and "record 999: no such record" in err
    assert main(["reprocess", *where]) == 1
