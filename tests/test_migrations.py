"""The schema under Alembic: an index written before migrations upgrades in place; both engines reach the head."""
from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Connection, inspect

from conftest import document
from extractors import extract_record
from extractors.vntext import fold
from pipeline.store import AlreadyStored, LedgerEntry, Store, index_exists, migrate, now

# The schema congvan wrote before migrations (pipeline/store.py of 5d5ef72), copied here on purpose:
# this is what indexes in the field hold, whatever the migrations become.
LEGACY_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL,
    source_name TEXT NOT NULL,
    number TEXT, symbol TEXT, date TEXT, place TEXT,
    issuer TEXT, parent_issuer TEXT, doc_type TEXT, subject TEXT, theme TEXT,
    signatory_authority TEXT, signatory_body TEXT, signatory_title TEXT, signatory_name TEXT,
    received_org TEXT, received_number TEXT, received_date TEXT,
    body TEXT NOT NULL,
    page_count INTEGER NOT NULL,
    text_methods TEXT NOT NULL,
    ocr_confidence REAL,
    needs_review INTEGER NOT NULL,
    extractor_version TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents (sha256);
CREATE TABLE IF NOT EXISTS addressees (
    document_id INTEGER NOT NULL REFERENCES documents (id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS phases (
    document_id INTEGER NOT NULL REFERENCES documents (id),
    position INTEGER NOT NULL,
    label TEXT, start_date TEXT, end_date TEXT, text TEXT
);
CREATE TABLE IF NOT EXISTS targets (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    position INTEGER NOT NULL,
    text TEXT, value REAL, comparator TEXT, unit TEXT, metric TEXT
);
CREATE TABLE IF NOT EXISTS recipients (
    document_id INTEGER NOT NULL REFERENCES documents (id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL, purpose TEXT
);
CREATE TABLE IF NOT EXISTS doc_references (
    document_id INTEGER NOT NULL REFERENCES documents (id),
    position INTEGER NOT NULL,
    kind TEXT, number TEXT NOT NULL, date TEXT
);
CREATE TABLE IF NOT EXISTS pages (
    document_id INTEGER NOT NULL REFERENCES documents (id),
    number INTEGER NOT NULL,
    method TEXT NOT NULL,
    confidence REAL,
    text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS ingestion_ledger (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL,
    file_name TEXT NOT NULL,
    status TEXT NOT NULL,
    stored_as TEXT,
    error TEXT,
    document_id INTEGER REFERENCES documents (id),
    pages_ocr INTEGER NOT NULL DEFAULT 0,
    hash_seconds REAL, read_seconds REAL, extract_seconds REAL, store_seconds REAL,
    extractor_version TEXT,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ledger_sha256 ON ingestion_ledger (sha256, status);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    subject, body, tokenize = "unicode61 remove_diacritics 0"
);
"""

SUBJECT = "Phát động phong trào thi đua năm 2021"
BODY = "Ban Thường vụ phát động thi đua; phấn đấu 100% CĐCS đăng ký; kết nạp 200 đoàn viên."


@pytest.fixture
def legacy_index(tmp_path):
    """An SQLite index as the code before migrations wrote it: one document, two targets, its ledger line."""
    path = tmp_path / "legacy.sqlite"
    db = sqlite3.connect(path)
    db.executescript(LEGACY_SCHEMA)
    db.execute("""INSERT INTO documents (id, sha256, source_name, number, symbol, date, issuer, doc_type, subject,
                      body, page_count, text_methods, ocr_confidence, needs_review, extractor_version, ingested_at)
                  VALUES (7, ?, 'cao-bang.pdf', '12', 'KH-LĐLĐ', '2021-05-10', 'Liên đoàn Lao động tỉnh Cao Bằng',
                          'Kế hoạch', ?, ?, 1, 'plain', NULL, 0, 'old', '2021-05-11T00:00:00+00:00')""",
               ("a" * 64, SUBJECT, BODY))
    db.executemany("INSERT INTO targets (document_id, position, text, value, comparator, unit, metric) "
                   "VALUES (7, ?, ?, ?, ?, ?, NULL)",
                   [(0, "phấn đấu 100% CĐCS đăng ký", 100, "=", "%"),
                    (1, "kết nạp 200 đoàn viên", 200, "=", "đoàn viên")])
    db.execute("INSERT INTO pages VALUES (7, 1, 'plain', NULL, ?)", (BODY,))
    db.execute("INSERT INTO documents_fts (rowid, subject, body) VALUES (7, ?, ?)", (fold(SUBJECT), fold(BODY)))
    db.execute("""INSERT INTO ingestion_ledger (sha256, file_name, status, document_id, started_at, finished_at)
                  VALUES (?, 'cao-bang.pdf', 'ingested', 7, '2021-05-11', '2021-05-11')""", ("a" * 64,))
    db.commit()
    db.close()
    return path


def test_a_legacy_sqlite_index_upgrades_in_place_with_its_rows(legacy_index):
    with Store(legacy_index) as store:
        assert store.query("SELECT version_num FROM alembic_version") == [{"version_num": migrate.head()}]
        assert store.document_count() == 1
        record = store.record(7)
        assert (record.number, record.symbol, record.subject) == ("12", "KH-LĐLĐ", SUBJECT)
        assert [t.value for t in record.targets] == [100, 200]
        assert [h["id"] for h in store.search(["phat", "dong", "thi", "dua"], 5)] == [7]
        # the folded columns were filled from the rows already there
        assert [t["value"] for t in store.targets(unit="doan vien")] == [200]
        assert [t["value"] for t in store.targets(words="cdcs dang ky")] == [100]
        assert [t["value"] for t in store.targets(issuer="cao bang")] == [100, 200]
        assert store.is_ingested("a" * 64)
        assert list(store.read_table("pages").text) == [BODY]
    with Store(legacy_index) as again:  # a second opening finds the head and changes nothing
        assert again.document_count() == 1 and len(again.query("SELECT * FROM alembic_version")) == 1


def test_a_new_index_is_created_at_the_head(database):
    assert not index_exists(database)
    with Store(database) as store:
        assert store.query("SELECT version_num FROM alembic_version") == [{"version_num": migrate.head()}]
        with store._engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
        assert {"documents", "targets", "pages", "ingestion_ledger", "documents_fts"} <= tables
        with store._engine.connect() as conn:
            assert "route" in {c["name"] for c in inspect(conn).get_columns("pages")}
    assert index_exists(database)


def test_query_takes_named_parameters_on_both_engines(database):
    with Store(database) as store:
        assert store.query("SELECT :a AS a, :b AS b", {"a": 1, "b": "đ"}) == [{"a": 1, "b": "đ"}]
        assert store.query("SELECT count(*) AS n FROM documents") == [{"n": 0}]


@pytest.mark.parametrize("value", ["Phát Động THI ĐUA", unicodedata.normalize("NFD", "văn hoá, văn hóa"),
                                   "Đoàn viên CĐCS 1.500 — ĐƯỢC", "", "plain ascii"])
def test_sql_fold_equals_python_fold(database, value):
    """fold() in SQL (registered on SQLite, a function on PostgreSQL) is extractors.vntext.fold."""
    with Store(database) as store:
        assert store.query("SELECT fold(:v) AS f", {"v": value}) == [{"f": fold(value)}]
        assert store.query("SELECT fold(NULL) AS f") == [{"f": None}]


def test_0004_makes_the_content_unique_unless_an_old_index_holds_it_twice(legacy_index, tmp_path):
    with Store(legacy_index) as store, store._engine.connect() as conn:
        indexes = {i["name"]: i["unique"] for i in inspect(conn).get_indexes("documents")}
        assert indexes.get("documents_sha256_unique") and "documents_sha256" not in indexes
        assert store.query("SELECT count(*) AS n FROM reprocessing") == [{"n": 0}]

    twice = tmp_path / "twice.sqlite"  # two runs at once before issue 9 stored one content twice
    db = sqlite3.connect(twice)
    db.executescript(LEGACY_SCHEMA)
    for doc_id in (1, 2):
        db.execute("""INSERT INTO documents (id, sha256, source_name, body, page_count, text_methods, needs_review,
                          extractor_version, ingested_at) VALUES (?, ?, 'a.txt', 'x', 1, 'plain', 0, 'old', 'now')""",
                   (doc_id, "b" * 64))
    db.commit()
    db.close()
    with Store(twice) as store:
        with store._engine.connect() as conn:
            indexes = {i["name"]: i["unique"] for i in inspect(conn).get_indexes("documents")}
        assert "documents_sha256_unique" not in indexes and "documents_sha256" in indexes
        assert store.document_count() == 2  # both kept
        doc = document("CÔNG VĂN\nSố: 1/UBND")
        with pytest.raises(AlreadyStored):  # and no third copy
            store.add_document(extract_record(doc), doc, LedgerEntry(
                sha256="b" * 64, file_name="c.txt", status="ingested", started_at=now()), 70)


# How PostgreSQL stores documents_fts' vectors: x (compressed, moved out of the row first), m (kept in the row).
VECTOR_STORAGE = ("SELECT attname, attstorage FROM pg_attribute WHERE attrelid = 'documents_fts'::regclass "
                  "AND attname IN ('tsv', 'subject_tsv') ORDER BY attname")


@contextmanager
def _the_708_target_at(database, revision: str) -> Iterator[Connection]:
    """An index holding 708/LĐLĐ-CTCS (a target above 95%) taken back to `revision`, the record kept; the
    connection that did it, inside its transaction."""
    from alembic import command

    from pipeline.store.engine import make_engine

    doc = document("LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ\nSố: 708/LĐLĐ-CTCS\nV/v thi đua\nKính gửi: Các công đoàn cơ sở\n"
                   "Thu kinh phí công đoàn đạt trên 95%")
    with Store(database) as store:
        store.add_document(extract_record(doc), doc, LedgerEntry(sha256="c" * 64, file_name="a.txt",
                                                                 status="ingested", started_at=now()), 70)
    engine = make_engine(database)
    with engine.begin() as conn:
        command.downgrade(migrate.config(conn), revision)
        yield conn
    engine.dispose()


def test_0007_upgrades_an_index_in_place_with_the_read_side_indexes_and_runs(database):
    """An index at 0006 holding a record: upgraded in place, its rows kept, the folded filters indexed, runs
    recorded."""
    from pipeline import queries

    with _the_708_target_at(database, "0006") as conn:
        assert "runs" not in inspect(conn).get_table_names()
        assert "targets_unit_folded" not in {i["name"] for i in inspect(conn).get_indexes("targets")}
    with Store(database) as store:
        with store._engine.connect() as conn:
            assert "targets_unit_folded" in {i["name"] for i in inspect(conn).get_indexes("targets")}
            assert "documents_issuer_folded" in {i["name"] for i in inspect(conn).get_indexes("documents")}
        assert store.query("SELECT version_num FROM alembic_version") == [{"version_num": migrate.head()}]
        total, _, rows = queries.targets(store, queries.TargetFilters(unit="%", words="kinh phi", issuer="quang tri"))
        assert total == 1 and rows[0]["value"] == 95 and rows[0]["number"] == "708"
        store.add_run("2026-12-07T00:00:00+00:00", 1, 0, 0, 0)
        assert store.query("SELECT ingested, duplicates, quarantined, pages_ocr FROM runs") == [
            {"ingested": 1, "duplicates": 0, "quarantined": 0, "pages_ocr": 0}]


def test_0008_upgrades_an_index_in_place_with_counts_up_to_a_limit_and_the_issuer_indexes(database):
    """An index at 0007 holding a record: upgraded in place, its rows kept; matches counted up to a limit
    (PostgreSQL's `count_matching(query, up_to)`), the targets' values indexed by document, the issuer filter
    answering through them."""
    from pipeline import queries

    with _the_708_target_at(database, "0007") as conn:
        assert "targets_document_value" not in {i["name"] for i in inspect(conn).get_indexes("targets")}
        if conn.dialect.name == "postgresql":
            assert conn.exec_driver_sql("SELECT count_matching('cong & doan')").scalar() == 1
            assert conn.exec_driver_sql(VECTOR_STORAGE).all() == [("subject_tsv", "x"), ("tsv", "x")]
    with Store(database) as store:
        assert store.query("SELECT version_num FROM alembic_version") == [{"version_num": migrate.head()}]
        with store._engine.connect() as conn:
            assert "targets_document_value" in {i["name"] for i in inspect(conn).get_indexes("targets")}
            issuer_index = {i["name"]: i["column_names"] for i in inspect(conn).get_indexes("documents")}
        if store.dialect == "postgresql":
            assert issuer_index["documents_issuer_folded"] == ["issuer_folded", "id"]
            assert [tuple(r.values()) for r in store.query(VECTOR_STORAGE)] == [("subject_tsv", "m"), ("tsv", "m")]
            assert store.query("SELECT count_matching('cong & doan', 5) AS up_to_5, "
                               "count_matching('cong & doan', 0) AS up_to_0") == [{"up_to_5": 1, "up_to_0": 0}]
        else:
            assert issuer_index["documents_issuer_folded"] == ["issuer_folded"]
        total, at_least, rows = queries.targets(store, queries.TargetFilters(issuer="quang tri", min_value=90),
                                                limit=10)
        assert (total, at_least) == (1, False) and rows[0]["value"] == 95 and rows[0]["number"] == "708"
        assert queries.targets(store, queries.TargetFilters(issuer="lao cai"), limit=10) == (0, False, [])
        found = queries.search(store, "cong doan")
        assert (found.total, found.total_is_lower_bound, found.results[0]["number"]) == (1, False, "708")


def test_0009_upgrades_an_index_in_place_with_the_year_in_the_full_text_index(database):
    """An index at 0008 holding a dated record: upgraded in place, its rows kept; on PostgreSQL each full-text row
    holds its document's year (filled on upgrade, set on insert, changed with the date), searches within a year
    count through it, and the answers are those of SQLite's."""
    from alembic import command

    from pipeline import queries
    from pipeline.store.engine import make_engine

    def dated(year: int, sha: str) -> tuple:
        doc = document(f"LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ\nSố: 7{year % 100}/LĐLĐ-CTCS\n"
                       f"Quảng Trị, ngày 5 tháng 3 năm {year}\nV/v phát động thi đua\nPhát động thi đua trong công nhân")
        return extract_record(doc), doc, LedgerEntry(sha256=sha * 64, file_name=f"{sha}.txt", status="ingested",
                                                     started_at=now())

    with Store(database) as store:
        first = store.add_document(*dated(2021, "a"), 70)
    engine = make_engine(database)
    with engine.begin() as conn:
        command.downgrade(migrate.config(conn), "0008")
        if conn.dialect.name == "postgresql":
            assert "year" not in {c["name"] for c in inspect(conn).get_columns("documents_fts")}
    engine.dispose()
    with Store(database) as store:
        assert store.query("SELECT version_num FROM alembic_version") == [{"version_num": migrate.head()}]
        second = store.add_document(*dated(2019, "b"), 70)

        def in_year(year: str) -> list[int]:
            result = queries.search(store, "phat dong thi dua", queries.SearchFilters(year=year))
            assert result.matches == len(result.results)
            return [r["id"] for r in result.results]

        assert (in_year("2021"), in_year("2019"), in_year("2020")) == ([first], [second], [])
        record, _, _ = dated(2020, "c")
        store.replace_records([(second, record, ["date"])], "test")  # the date read again: the year follows
        assert (in_year("2021"), in_year("2019"), in_year("2020")) == ([first], [], [second])
        if store.dialect == "postgresql":
            assert store.query("SELECT document_id, year FROM documents_fts ORDER BY document_id") == [
                {"document_id": first, "year": "2021"}, {"document_id": second, "year": "2020"}]
            with store._engine.connect() as conn:
                indexes = {i["name"] for i in inspect(conn).get_indexes("documents_fts")}
            assert {"documents_fts_year_tsv", "documents_fts_year_subject_tsv"} <= indexes


def test_0010_upgrades_an_index_in_place_with_where_each_line_stood(database):
    """An index at 0009 holding a record: upgraded in place, its pages kept with no columns (read as plain
    text's); a page stored after keeps where each of its lines stood."""
    from models.document import ACROSS, LEFT, RIGHT, DocumentText, PageText

    with _the_708_target_at(database, "0009") as conn:
        assert "line_columns" not in {c["name"] for c in inspect(conn).get_columns("pages")}
    with Store(database) as store:
        assert store.query("SELECT version_num FROM alembic_version") == [{"version_num": migrate.head()}]
        old = store.document_text(1)
        assert old.pages[0].lines[1] == "Số: 708/LĐLĐ-CTCS" and old.pages[0].columns == []
        placed = DocumentText(Path("b.pdf"), [PageText(1, ["Nơi nhận:", "TM. BAN THƯỜNG VỤ", "Thu kinh phí"], "text-layer",
                                                       columns=[LEFT, RIGHT, ACROSS])])
        new = store.add_document(extract_record(placed), placed, LedgerEntry(
            sha256="e" * 64, file_name="b.pdf", status="ingested", started_at=now()), 70)
        assert store.document_text(new).pages[0].columns == [LEFT, RIGHT, ACROSS]
