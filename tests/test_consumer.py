"""One file at a time through the inbox: archived untouched, quarantined with a reason, never lost."""
from __future__ import annotations

import shutil

import pytest

from conftest import shared
from pipeline import consumer
from pipeline.claims import Claims
from pipeline.consumer import archive_duplicate, ingest_file, seed_samples
from pipeline.store import DUPLICATE, INGESTED, QUARANTINED, Store


def plan(options, store):
    """consumer.plan with a claim folder of its own (left to the test's temporary folder)."""
    return consumer.plan(options, store, Claims(options).__enter__())


SEED_QUANG_TRI = "003_215ada83c8d0aa07.txt"


@pytest.fixture
def options(options, database):
    """The shared options, with the index on each engine."""
    options.database = database
    return options


def drop(options, name: str, data: bytes):
    options.inbox.mkdir(parents=True, exist_ok=True)
    path = options.inbox / name
    path.write_bytes(data)
    return path


def test_plan_claims_and_sorts_new_already_ingested_and_repeated_content(options):
    seed = shared("seeds", "text", SEED_QUANG_TRI).read_bytes()
    drop(options, ".gitkeep", b"")
    drop(options, "a.txt", seed)
    drop(options, "b.txt", seed)
    drop(options, "c.txt", "Thông báo khác.".encode())
    drop(options, "d.pdf.part", b"%PDF being copied")
    with Store(options.database_target) as store:
        with Claims(options) as claims:
            first = consumer.plan(options, store, claims)
            assert [i.name for i in first.new] == ["a.txt", "c.txt"]
            assert [i.name for i in first.repeats] == ["b.txt"] and first.duplicates == []
            # Claimed: out of the inbox, in the run's claim folder; the hidden and partial files left alone.
            assert sorted(p.name for p in options.inbox.iterdir()) == [".congvan-claims", ".gitkeep", "d.pdf.part"]
            assert all(i.path.parent == claims.dir for i in first.new + first.repeats)
            assert first.new[0].sha256 == first.repeats[0].sha256 == consumer.sha256_file(first.repeats[0].path)
            ingest_file(first.new[0], options, store, None)
        # What the run did not finish went back into the inbox when it ended.
        assert sorted(p.name for p in options.inbox.iterdir()) == [".gitkeep", "b.txt", "c.txt", "d.pdf.part"]
        second = plan(options, store)
    assert [i.name for i in second.duplicates] == ["b.txt"]
    assert [i.name for i in second.new] == ["c.txt"]


def test_the_original_is_found_where_another_machine_mounts_the_processed_folder(options, tmp_path):
    """A worker mounts the share at /srv/congvan, an analyst's machine at /mnt/filer: the ledger names the
    archived file relative to the processed folder, so both find it (the web's original, review, reread)."""
    from pipeline import queries

    seed = shared("seeds", "text", SEED_QUANG_TRI).read_bytes()
    drop(options, "quang-tri.txt", seed)
    with Store(options.database_target) as store:
        outcome = ingest_file(plan(options, store).new[0], options, store, None)
    elsewhere = tmp_path / "mounted-elsewhere"
    options.processed.rename(elsewhere)  # the same folder, at another path
    with Store(options.database_target) as store:
        found = queries.original(store, outcome.document_id, elsewhere)
        gone = queries.original(store, outcome.document_id, options.processed)
    assert found == elsewhere / "archive" / "quang-tri.txt" and found.read_bytes() == seed and gone is None


def test_good_file_is_stored_then_archived_untouched(options):
    seed = shared("seeds", "text", SEED_QUANG_TRI).read_bytes()
    drop(options, "quang-tri.txt", seed)
    with Store(options.database_target) as store:
        outcome = ingest_file(plan(options, store).new[0], options, store, None)
        record = store.record(outcome.document_id)
        ledger = store.ledger()
    assert outcome.status == INGESTED and outcome.pages_ocr == 0
    assert outcome.stored_as == options.archive_dir / "quang-tri.txt"
    assert outcome.stored_as.read_bytes() == seed and not (options.inbox / "quang-tri.txt").exists()
    assert (record.number, record.symbol) == ("708", "LĐLĐ-CTCS")
    row = ledger[0]
    assert (row["file_name"], row["status"], row["document_id"]) == ("quang-tri.txt", INGESTED, outcome.document_id)
    # where the original lies, relative to the processed folder: a machine mounting it elsewhere finds it too
    assert row["stored_as"] == "archive/quang-tri.txt" and row["extractor_version"]
    assert all(row[k] is not None and row[k] >= 0 for k in ("hash_seconds", "read_seconds", "extract_seconds",
                                                             "store_seconds"))


@pytest.mark.parametrize("name, data, reason", [
    ("empty.pdf", b"", "empty"),
    ("truncated.pdf", None, "truncated"),
    ("picture.xyz", bytes(range(256)) * 4, "unsupported"),
])
def test_bad_file_is_quarantined_with_a_reason(options, name, data, reason):
    if data is None:  # the first 3 KB of a real PDF
        data = shared("real", "digital", "13.pdf").read_bytes()[:3000]
    drop(options, name, data)
    with Store(options.database_target) as store:
        outcome = ingest_file(plan(options, store).new[0], options, store, None)
        ledger = store.ledger()
        assert store.document_count() == 0
    assert outcome.status == QUARANTINED and reason in outcome.error.lower()
    assert outcome.stored_as == options.quarantine_dir / name and outcome.stored_as.read_bytes() == data
    reason_file = options.quarantine_dir / f"{name}.reason.txt"
    assert f"reason: {outcome.error}" in reason_file.read_text(encoding="utf-8")
    assert f"size: {len(data)}" in reason_file.read_text(encoding="utf-8")
    assert name not in outcome.error  # the reason names the problem; the file is named beside it
    assert (ledger[0]["status"], ledger[0]["error"]) == (QUARANTINED, outcome.error)


def test_a_failing_extractor_quarantines_with_the_traceback(options, monkeypatch):
    def broken(doc):
        raise ValueError("extractor bug")

    monkeypatch.setattr(consumer, "extract_record", broken)
    drop(options, "note.txt", "Một văn bản.".encode())
    with Store(options.database_target) as store:
        outcome = ingest_file(plan(options, store).new[0], options, store, None)
    assert outcome.status == QUARANTINED and outcome.error == "could not be read: ValueError: extractor bug"
    assert "Traceback" in (options.quarantine_dir / "note.txt.reason.txt").read_text(encoding="utf-8")


def test_names_already_taken_get_a_number(options):
    seed = shared("seeds", "text", SEED_QUANG_TRI).read_bytes()
    options.archive_dir.mkdir(parents=True)
    (options.archive_dir / "cv.txt").write_bytes(b"an older file of the same name")
    (options.archive_dir / "cv-1.txt").write_bytes(b"and another")
    drop(options, "cv.txt", seed)
    with Store(options.database_target) as store:
        outcome = ingest_file(plan(options, store).new[0], options, store, None)
        drop(options, "cv.txt", seed)
        duplicate = archive_duplicate(plan(options, store).duplicates[0], options, store)
        ledger = store.ledger()
    assert outcome.stored_as == options.archive_dir / "cv-2.txt"
    assert duplicate.stored_as == options.archive_dir / "cv-3.txt" and duplicate.status == DUPLICATE
    assert (options.archive_dir / "cv.txt").read_bytes() == b"an older file of the same name"
    assert [(r["status"], r["stored_as"]) for r in ledger] == [(INGESTED, "archive/cv-2.txt"),
                                                              (DUPLICATE, "archive/cv-3.txt")]


def test_samples_fill_only_an_inbox_never_used(options):
    assert seed_samples(options) == len(list(consumer.SAMPLES_DIR.iterdir())) >= 5
    suffixes = {p.suffix for p in consumer.inbox_files(options)}
    assert {".pdf", ".docx", ".txt"} <= suffixes
    for path in consumer.inbox_files(options):
        assert path.read_bytes() == (consumer.SAMPLES_DIR / path.name).read_bytes()
    shutil.rmtree(options.inbox)
    Store(options.database_target).close()  # the index exists: the inbox has been used
    assert seed_samples(options) == 0 and consumer.inbox_files(options) == []


def test_samples_do_not_join_files_waiting(options):
    drop(options, "mine.txt", "Văn bản của tôi.".encode())
    assert seed_samples(options) == 0
    assert [p.name for p in consumer.inbox_files(options)] == ["mine.txt"]
