"""The SQLite index: every table and every SQL statement of congvan lives here.

One row per record in `documents` (scalar fields, signatory, incoming stamp,
full text, source and OCR facts); the record's lists in `addressees`, `phases`,
`targets`, `recipients` and `doc_references` ("references" is an SQL keyword);
per-page text in `pages`; one row per file seen in `ingestion_ledger`.

Search runs on `documents_fts`, an FTS5 index over the *folded* subject and
text (`extractors.vntext.fold`: no diacritics, đ→d, lower case), so a query is
blind to diacritics, to NFC/NFD and to old/new tone placement ("hoà" = "hòa").
The same `fold` is registered as an SQL function for the filters of `targets`.

A `Store` may be shared by the threads of one batch: every statement runs under
one lock, and each document is written in one transaction.
"""
from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

import pandas as pd

from extractors.vntext import fold
from models.document import DocumentText, PageText
from models.record import Phase, Received, Recipient, Record, Reference, Signatory, Target

from pipeline.status import Status

INGESTED = Status.INGESTED
DUPLICATE = Status.DUPLICATE  # same content as a file already ingested: archived, not processed again
QUARANTINED = Status.QUARANTINED
# How long a write waits for another process's transaction on the same file before giving up.
BUSY_TIMEOUT_SECONDS = 60.0


class AlreadyStored(Exception):
    """`add_document` of a content (sha256) that is stored already (by another run, at the same time)."""

_SCHEMA = """
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
CREATE TABLE IF NOT EXISTS reprocessing (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    from_version TEXT, to_version TEXT NOT NULL,
    changed TEXT NOT NULL,
    at TEXT NOT NULL
);
-- For the read side (pipeline/queries.py, the web app): a record's lists by document, dates, units, originals.
CREATE INDEX IF NOT EXISTS documents_date ON documents (date);
CREATE INDEX IF NOT EXISTS documents_issuer ON documents (issuer);
CREATE INDEX IF NOT EXISTS addressees_document ON addressees (document_id, position);
CREATE INDEX IF NOT EXISTS phases_document ON phases (document_id, position);
CREATE INDEX IF NOT EXISTS targets_document ON targets (document_id, position);
CREATE INDEX IF NOT EXISTS targets_unit ON targets (unit);
CREATE INDEX IF NOT EXISTS recipients_document ON recipients (document_id, position);
CREATE INDEX IF NOT EXISTS doc_references_document ON doc_references (document_id, position);
CREATE INDEX IF NOT EXISTS pages_document ON pages (document_id, number);
CREATE INDEX IF NOT EXISTS ledger_document ON ingestion_ledger (document_id);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    subject, body, tokenize = "unicode61 remove_diacritics 0"
);
"""

# One content is stored once: a unique index (made apart, since an index from before it may hold duplicates).
_UNIQUE_CONTENT = "CREATE UNIQUE INDEX IF NOT EXISTS documents_sha256_unique ON documents (sha256)"

# The tables a user sees (exported, listed); documents_fts is derived from documents.
TABLES = ("documents", "addressees", "phases", "targets", "recipients", "doc_references", "pages",
          "ingestion_ledger")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class LedgerEntry:
    """What happened to one file of the inbox."""

    sha256: str
    file_name: str
    status: str  # INGESTED, DUPLICATE or QUARANTINED
    started_at: str
    stored_as: str | None = None  # where the original now lies (archive or quarantine)
    error: str | None = None
    document_id: int | None = None
    pages_ocr: int = 0
    hash_seconds: float | None = None
    read_seconds: float | None = None
    extract_seconds: float | None = None
    store_seconds: float | None = None
    extractor_version: str | None = None


def needs_review(doc: DocumentText, review_confidence: float) -> bool:
    """True when any page was read with a mean confidence below the threshold."""
    return any(p.confidence is not None and p.confidence < review_confidence for p in doc.pages)


class Store:
    """The index in one SQLite file; use as a context manager."""

    def __init__(self, path: Path, read_only: bool = False):
        """Open (and create or upgrade) the index; `read_only` opens an existing index that cannot be written
        through this connection (SQLite's `mode=ro`), for the web app and other readers."""
        self.path = path
        self.read_only = read_only
        self._lock = threading.RLock()
        if read_only:
            if not path.is_file():
                raise FileNotFoundError(f"{path}: no index")
            self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False,
                                       isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None,
                                       timeout=BUSY_TIMEOUT_SECONDS)
        self._db.row_factory = sqlite3.Row
        self._db.create_function("fold", 1, lambda s: fold(s) if s is not None else None, deterministic=True)
        if not read_only:
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.executescript(_SCHEMA)
            try:
                self._db.execute(_UNIQUE_CONTENT)
            except sqlite3.IntegrityError:  # an older index holding one content twice: add_document still checks
                pass

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def _rows(self, sql: str, params: tuple | list = ()) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(r) for r in self._db.execute(sql, params)]

    def query(self, sql: str, params: tuple | list | dict = ()) -> list[dict[str, Any]]:
        """Rows of one SELECT as dicts: the read interface of `pipeline.queries`."""
        return self._rows(sql, params)

    # ---- the ledger -------------------------------------------------------------------------

    def is_ingested(self, sha256: str) -> bool:
        with self._lock:
            row = self._db.execute("SELECT 1 FROM ingestion_ledger WHERE sha256 = ? AND status = ? LIMIT 1",
                                   (sha256, INGESTED)).fetchone()
        return row is not None

    def log(self, entry: LedgerEntry) -> int:
        """Append one file's outcome to the ledger; returns its ledger id."""
        with self._lock:
            return self._log(entry)

    def _log(self, entry: LedgerEntry) -> int:
        fields = dict(vars(entry))
        fields["finished_at"] = now()
        cols = ", ".join(fields)
        marks = ", ".join("?" for _ in fields)
        cur = self._db.execute(f"INSERT INTO ingestion_ledger ({cols}) VALUES ({marks})", list(fields.values()))
        return int(cur.lastrowid)

    def ledger(self) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM ingestion_ledger ORDER BY id")

    # ---- documents --------------------------------------------------------------------------

    def add_document(self, record: Record, doc: DocumentText, entry: LedgerEntry,
                     review_confidence: float) -> int:
        """Store a record, its pages and search text, and its ledger entry, in one transaction.

        AlreadyStored when a document of the same content (sha256) is stored already.

        `entry.store_seconds` is filled in with the time the write took. Returns the document id.
        """
        with self._lock:
            started = datetime.now(timezone.utc)
            self._db.execute("BEGIN IMMEDIATE")  # the write lock at once: the check below holds until COMMIT
            try:
                if self._db.execute("SELECT 1 FROM documents WHERE sha256 = ?", (entry.sha256,)).fetchone():
                    raise AlreadyStored(entry.sha256)
                doc_id = self._insert_document(record, doc, entry, review_confidence)
                entry.document_id = doc_id
                entry.store_seconds = (datetime.now(timezone.utc) - started).total_seconds()
                self._log(entry)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return doc_id

    def _insert_document(self, record: Record, doc: DocumentText, entry: LedgerEntry,
                         review_confidence: float) -> int:
        sig = record.signatory
        rec = record.received or Received()
        methods = ",".join(dict.fromkeys(doc.methods))
        cur = self._db.execute(
            """INSERT INTO documents (sha256, source_name, number, symbol, date, place, issuer, parent_issuer,
                   doc_type, subject, theme, signatory_authority, signatory_body, signatory_title, signatory_name,
                   received_org, received_number, received_date, body, page_count, text_methods, ocr_confidence,
                   needs_review, extractor_version, ingested_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (entry.sha256, entry.file_name, record.number, record.symbol, record.date, record.place, record.issuer,
             record.parent_issuer, record.doc_type, record.subject, record.theme, sig.authority, sig.body, sig.title,
             sig.name, rec.org, rec.number, rec.date, doc.text, len(doc.pages), methods, doc.ocr_confidence,
             int(needs_review(doc, review_confidence)), entry.extractor_version or "", now()))
        doc_id = int(cur.lastrowid)
        self._insert_children(doc_id, record)
        self._db.executemany("INSERT INTO pages VALUES (?, ?, ?, ?, ?)",
                             [(doc_id, p.number, p.method, p.confidence, p.text) for p in doc.pages])
        self._db.execute("INSERT INTO documents_fts (rowid, subject, body) VALUES (?, ?, ?)",
                         (doc_id, fold(record.subject or ""), fold(doc.text)))
        return doc_id

    def _insert_children(self, doc_id: int, record: Record) -> None:
        """The record's lists, each item a row with its position."""
        many = self._db.executemany
        many("INSERT INTO addressees VALUES (?, ?, ?)",
             [(doc_id, i, a) for i, a in enumerate(record.addressees)])
        many("INSERT INTO phases VALUES (?, ?, ?, ?, ?, ?)",
             [(doc_id, i, p.label, p.start, p.end, p.text) for i, p in enumerate(record.phases)])
        many("INSERT INTO targets (document_id, position, text, value, comparator, unit, metric) "
             "VALUES (?, ?, ?, ?, ?, ?, ?)",
             [(doc_id, i, t.text, t.value, t.comparator, t.unit, t.metric) for i, t in enumerate(record.targets)])
        many("INSERT INTO recipients VALUES (?, ?, ?, ?)",
             [(doc_id, i, r.name, r.purpose) for i, r in enumerate(record.recipients)])
        many("INSERT INTO doc_references VALUES (?, ?, ?, ?, ?)",
             [(doc_id, i, r.kind, r.number, r.date) for i, r in enumerate(record.references)])

    def record(self, doc_id: int) -> Record:
        """The record of one stored document, rebuilt from the tables."""
        d = self._rows("SELECT * FROM documents WHERE id = ?", (doc_id,))
        if not d:
            raise KeyError(doc_id)
        row = d[0]
        children = {t: self._rows(f"SELECT * FROM {t} WHERE document_id = ? ORDER BY position", (doc_id,))
                    for t in ("addressees", "phases", "targets", "recipients", "doc_references")}
        received = Received(row["received_org"], row["received_number"], row["received_date"])
        return Record(
            number=row["number"], symbol=row["symbol"], date=row["date"], place=row["place"],
            issuer=row["issuer"], parent_issuer=row["parent_issuer"], doc_type=row["doc_type"],
            subject=row["subject"], theme=row["theme"],
            addressees=[a["name"] for a in children["addressees"]],
            phases=[Phase(p["label"], p["start_date"], p["end_date"], p["text"]) for p in children["phases"]],
            targets=[Target(t["text"], t["value"], t["comparator"], t["unit"], t["metric"])
                     for t in children["targets"]],
            signatory=Signatory(row["signatory_authority"], row["signatory_body"], row["signatory_title"],
                                row["signatory_name"]),
            recipients=[Recipient(r["name"], r["purpose"]) for r in children["recipients"]],
            references=[Reference(r["kind"], r["number"], r["date"]) for r in children["doc_references"]],
            received=received if any(vars(received).values()) else None,
        )

    def document_count(self) -> int:
        return self._rows("SELECT count(*) AS n FROM documents")[0]["n"]

    # ---- queries ----------------------------------------------------------------------------

    def search(self, words: list[str], limit: int) -> list[dict[str, Any]]:
        """Documents whose folded subject or text holds every folded word.

        Those holding the words as one phrase come first, then the rest, each by FTS5 rank.
        """
        if not words:
            return []
        phrase = '"' + " ".join(words) + '"'
        every = " AND ".join(f'"{w}"' for w in words)
        sql = """SELECT d.id, d.number, d.symbol, d.date, d.issuer, d.doc_type, d.subject, d.body, d.source_name
                 FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
                 WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?"""
        hits = self._rows(sql, (phrase, limit))
        seen = {h["id"] for h in hits}
        if len(hits) < limit:
            hits += [h for h in self._rows(sql, (every, limit)) if h["id"] not in seen][: limit - len(hits)]
        return hits

    def targets(self, words: str | None = None, unit: str | None = None, since: int | None = None,
                issuer: str | None = None) -> list[dict[str, Any]]:
        """Targets with their directive, filtered by folded words (text, metric or unit), unit, year, issuer."""
        where, params = [], []
        if words:
            where.append("fold(coalesce(t.text, '') || ' ' || coalesce(t.metric, '') || ' ' || coalesce(t.unit, ''))"
                         " LIKE ?")
            params.append(f"%{fold(words).strip()}%")
        if unit:
            where.append("trim(fold(t.unit)) = ?")
            params.append(fold(unit).strip())
        if since is not None:
            where.append("d.date >= ?")
            params.append(f"{since:04d}")
        if issuer:
            where.append("fold(d.issuer) LIKE ?")
            params.append(f"%{fold(issuer).strip()}%")
        sql = f"""SELECT d.id AS document_id, d.number, d.symbol, d.date, d.issuer, d.subject,
                         t.text, t.value, t.comparator, t.unit, t.metric
                  FROM targets t JOIN documents d ON d.id = t.document_id
                  {"WHERE " + " AND ".join(where) if where else ""}
                  ORDER BY d.date DESC, d.id, t.position"""
        return self._rows(sql, params)

    def for_review(self, review_confidence: float) -> list[dict[str, Any]]:
        """Documents marked for review, each with `low_pages`: its pages read below the threshold."""
        docs = self._rows("""SELECT id, number, symbol, date, issuer, subject, source_name, ocr_confidence
                             FROM documents WHERE needs_review = 1 ORDER BY id""")
        for d in docs:
            d["low_pages"] = self._rows(
                "SELECT number, method, confidence FROM pages WHERE document_id = ? AND confidence < ? "
                "ORDER BY number", (d["id"], review_confidence))
        return docs

    def read_table(self, name: str) -> pd.DataFrame:
        if name not in TABLES:
            raise ValueError(f"no table {name!r}")
        with self._lock:
            return pd.read_sql_query(f"SELECT * FROM {name}", self._db)

    def iter_tables(self) -> Iterator[tuple[str, pd.DataFrame]]:
        for name in TABLES:
            yield name, self.read_table(name)

    # ---- reprocessing (issue 9) -------------------------------------------------------------

    def document_versions(self) -> list[tuple[int, str]]:
        """(id, extractor version) of every stored document, by id."""
        return [(r["id"], r["extractor_version"])
                for r in self._rows("SELECT id, extractor_version FROM documents ORDER BY id")]

    def document_text(self, doc_id: int) -> DocumentText:
        """A stored document's text as the extractors read it: its pages, from the `pages` table."""
        rows = self._rows("SELECT source_name FROM documents WHERE id = ?", (doc_id,))
        if not rows:
            raise KeyError(doc_id)
        pages = self._rows("SELECT number, method, confidence, text FROM pages WHERE document_id = ? ORDER BY number",
                           (doc_id,))
        return DocumentText(Path(rows[0]["source_name"]),
                            [PageText(p["number"], p["text"].split("\n"), p["method"], confidence=p["confidence"])
                             for p in pages])

    def replace_records(self, records: list[tuple[int, Record, list[str]]], extractor_version: str) -> None:
        """Put re-extracted records — (id, record, the keys that changed) — in place of stored ones: scalars,
        lists, search subject, version; each noted in `reprocessing`. One transaction for them all (a killed
        run leaves each record old or new, never half); pages, text and ledger stay as they are."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for doc_id, record, changed in records:
                    self._replace_record(doc_id, record, extractor_version, changed)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def _replace_record(self, doc_id: int, record: Record, extractor_version: str, changed: list[str]) -> None:
        sig = record.signatory
        rec = record.received or Received()
        old = self._db.execute("SELECT extractor_version FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if old is None:
            raise KeyError(doc_id)
        self._db.execute(
            """UPDATE documents SET number = ?, symbol = ?, date = ?, place = ?, issuer = ?, parent_issuer = ?,
                   doc_type = ?, subject = ?, theme = ?, signatory_authority = ?, signatory_body = ?,
                   signatory_title = ?, signatory_name = ?, received_org = ?, received_number = ?,
                   received_date = ?, extractor_version = ? WHERE id = ?""",
            (record.number, record.symbol, record.date, record.place, record.issuer, record.parent_issuer,
             record.doc_type, record.subject, record.theme, sig.authority, sig.body, sig.title, sig.name,
             rec.org, rec.number, rec.date, extractor_version, doc_id))
        for table in ("addressees", "phases", "targets", "recipients", "doc_references"):
            self._db.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
        self._insert_children(doc_id, record)
        self._db.execute("UPDATE documents_fts SET subject = ? WHERE rowid = ?", (fold(record.subject or ""), doc_id))
        self._db.execute("INSERT INTO reprocessing (document_id, from_version, to_version, changed, at) "
                         "VALUES (?, ?, ?, ?, ?)", (doc_id, old[0], extractor_version, ",".join(changed), now()))
