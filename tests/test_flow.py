"""The Prefect flow over whole inboxes: real scans and Word files, bad files, repeats, the bundled samples."""
from __future__ import annotations

import shutil

import pytest

from conftest import shared
from flows.ingest import run_ingest
from pipeline.consumer import inbox_files, seed_samples
from pipeline.ocr import OcrPool
from pipeline.store import DUPLICATE, INGESTED, QUARANTINED, Store

pytestmark = pytest.mark.usefixtures("prefect_server")


def drop_bad_files(options):
    (options.inbox / "empty.pdf").write_bytes(b"")
    (options.inbox / "truncated.pdf").write_bytes(shared("real", "digital", "13.pdf").read_bytes()[:4000])


def forbid_ocr(monkeypatch):
    """Make any page given to an OCR pool fail the test."""
    def no_ocr(*args, **kwargs):
        raise AssertionError("a page was given to OCR")

    monkeypatch.setattr(OcrPool, "read_page", no_ocr)


def test_real_scans_and_word_files_are_indexed_and_bad_files_quarantined(options, monkeypatch):
    good = sorted(shared("real", "scan").glob("*.pdf")) + sorted(shared("real", "office").glob("*.doc"))
    options.inbox.mkdir(parents=True)
    for path in good:
        shutil.copy(path, options.inbox / f"{path.parent.name}-{path.name}")
    drop_bad_files(options)

    summary = run_ingest(options)

    assert summary.count(INGESTED) == len(good) and summary.count(QUARANTINED) == 2
    assert summary.pages_ocr >= len(list(shared("real", "scan").glob("*.pdf")))
    assert inbox_files(options) == []
    archived = {p.name for p in options.archive_dir.iterdir()}
    assert archived == {f"{p.parent.name}-{p.name}" for p in good}
    for path in good:
        assert (options.archive_dir / f"{path.parent.name}-{path.name}").read_bytes() == path.read_bytes()
    for bad in ("empty.pdf", "truncated.pdf"):
        assert (options.quarantine_dir / bad).exists()
        assert "reason: " in (options.quarantine_dir / f"{bad}.reason.txt").read_text(encoding="utf-8")
    with Store(options.database_target) as store:
        assert store.document_count() == len(good)
        pages = store.read_table("pages")
        assert (pages.method == "ocr").sum() == summary.pages_ocr
        symbols = set(store.read_table("documents").symbol.dropna())
    assert {"CĐGD", "KH-PGD&ĐT"} <= symbols  # 02 as scan and as .doc; 13 as scan

    # The same files again: nothing is read, no OCR, all archived as duplicates.
    for path in good:
        shutil.copy(path, options.inbox / path.name)
    forbid_ocr(monkeypatch)
    again = run_ingest(options)
    assert again.count(DUPLICATE) == len(good) and again.count(INGESTED) == 0 and again.pages_ocr == 0
    assert inbox_files(options) == []
    with Store(options.database_target) as store:
        assert store.document_count() == len(good)
        assert [r["status"] for r in store.ledger()].count(DUPLICATE) == len(good)


def test_texts_with_a_repeat_then_an_empty_inbox(options, monkeypatch):
    seeds = sorted(shared("seeds", "text").glob("*.txt"))
    options.inbox.mkdir(parents=True)
    for path in seeds:
        shutil.copy(path, options.inbox / path.name)
    shutil.copy(seeds[0], options.inbox / "copy-of-the-first.txt")
    drop_bad_files(options)

    summary = run_ingest(options)
    assert (summary.count(INGESTED), summary.count(DUPLICATE), summary.count(QUARANTINED)) == (len(seeds), 1, 2)
    assert summary.pages_ocr == 0
    assert inbox_files(options) == []

    forbid_ocr(monkeypatch)
    empty = run_ingest(options)
    assert empty.outcomes == []
    with Store(options.database_target) as store:  # the run and its counts; an empty inbox starts no run
        assert store.query("SELECT ingested, duplicates, quarantined, pages_ocr FROM runs") == [
            {"ingested": len(seeds), "duplicates": 1, "quarantined": 2, "pages_ocr": 0}]


def test_a_flow_run_never_seeds_samples(options):
    assert run_ingest(options).outcomes == [] and inbox_files(options) == []


def test_first_run_on_a_never_used_inbox_ingests_the_samples(options):
    added = seed_samples(options)
    summary = run_ingest(options)
    assert added >= 5 and summary.count(INGESTED) == added
    assert summary.pages_ocr > 0
    with Store(options.database_target) as store:
        found = {h["source_name"] for h in store.search(["phat", "dong", "thi", "dua"], 20)}
    assert {"ke-hoach-thi-dua-cao-bang-2016.pdf", "phat-dong-thi-dua-lao-cai-2024.pdf"} <= found
