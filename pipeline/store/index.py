"""The Store: every statement congvan runs on its index, the same on SQLite and on PostgreSQL.

Tables are in `schema.py`, the full-text index in `fulltext.py`, the engine in
`engine.py`; opening a Store upgrades the schema in place (`migrate.py`).

A `Store` may be shared by the threads of one batch: every statement runs under
one lock, and each document is written in one transaction. Several processes
(or machines, on PostgreSQL) may each open their own Store on the same index.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

import pandas as pd
from sqlalchemy import Connection, select, text

from extractors.vntext import fold
from models.document import DocumentText, PageText
from models.record import Phase, Received, Recipient, Record, Reference, Signatory, Target
from pipeline.status import Status
from pipeline.store import fulltext, migrate, schema
from pipeline.store.engine import Target as DatabaseTarget
from pipeline.store.engine import describe, make_engine, sqlite_path

INGESTED = Status.INGESTED
DUPLICATE = Status.DUPLICATE  # same content as a file already ingested: archived, not processed again
QUARANTINED = Status.QUARANTINED


class AlreadyStored(Exception):
    """`add_document` of a content (sha256) that is stored already (by another run, at the same time)."""


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class LedgerEntry:
    """What happened to one file of the inbox."""

    sha256: str
    file_name: str
    status: str  # INGESTED, DUPLICATE or QUARANTINED
    started_at: str
    stored_as: str | None = None  # where the original now lies: archive or quarantine, relative to `processed`
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


def _page_rows(doc_id: int, doc: DocumentText) -> list[dict[str, object]]:
    """The `pages` rows of a document: each page's text, how it was read, and where its lines stood."""
    return [{"document_id": doc_id, "number": p.number, "method": p.method, "confidence": p.confidence,
             "text": p.text, "route": p.route or None,
             "line_columns": "\n".join(p.placed_columns()) if any(p.placed_columns()) else None}
            for p in doc.pages]


def folded_target(t: Target) -> dict[str, str | None]:
    """The folded columns of one target (see schema.targets)."""
    return {"folded": fold(f"{t.text or ''} {t.metric or ''} {t.unit or ''}"),
            "unit_folded": fold(t.unit).strip() if t.unit is not None else None}


class Store:
    """The index in an SQLite file or a PostgreSQL database; use as a context manager.

    `target` is a path or a URL (see `engine.py`).
    """

    def __init__(self, target: DatabaseTarget, read_only: bool = False):
        """Open (and create or upgrade) the index; `read_only` opens an existing index that cannot be written
        through this Store (SQLite's `mode=ro`; read-only transactions on PostgreSQL), for the web app and
        other readers: it is neither created nor upgraded."""
        self.target = target
        self.path = sqlite_path(target)  # None on PostgreSQL
        self.read_only = read_only
        self._lock = threading.RLock()
        if read_only and self.path is not None and not self.path.is_file():
            raise FileNotFoundError(f"{self.path}: no index")
        self._engine = make_engine(target, read_only=read_only)
        if not read_only:
            migrate.upgrade(self._engine)

    @property
    def dialect(self) -> str:
        """"sqlite" or "postgresql"."""
        return self._engine.dialect.name

    def __repr__(self) -> str:
        return f"Store({describe(self.target)})"

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._engine.dispose()

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """One write transaction that holds the write lock from its start, so a check made in it holds until
        COMMIT: BEGIN IMMEDIATE on SQLite (waiting up to the busy timeout for another process's); on
        PostgreSQL, whose writers do not block each other, callers take the row or advisory locks they need."""
        with self._lock, self._engine.begin() as conn:
            if conn.dialect.name == "sqlite":
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            yield conn

    @staticmethod
    def _content_stored(conn: Connection, sha256: str) -> bool:
        """True when a document of this content is stored; on PostgreSQL the content is locked first (until the
        transaction ends), so that two runs storing it at once see each other's row."""
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:sha, 0))"), {"sha": sha256})
        return conn.execute(text("SELECT 1 FROM documents WHERE sha256 = :sha LIMIT 1"),
                            {"sha": sha256}).first() is not None

    def query(self, sql_text: str, params: dict[str, Any] | list | tuple | None = None) -> list[dict[str, Any]]:
        """Rows of a read query: named parameters (`:name`, a dict or none), the same on both engines; or
        positional ones (`?`, a list or tuple: the SQL of `pipeline.queries`), passed to the driver as they are
        on SQLite and as `%s` on PostgreSQL."""
        with self._lock, self._engine.connect() as conn:
            if params is None or isinstance(params, dict):
                result = conn.execute(text(sql_text), params or {})
            elif conn.dialect.name == "sqlite":
                result = conn.exec_driver_sql(sql_text, tuple(params))
            else:
                result = conn.exec_driver_sql(sql_text.replace("%", "%%").replace("?", "%s"), tuple(params))
            return [dict(r) for r in result.mappings()]

    # ---- the ledger -------------------------------------------------------------------------

    def is_ingested(self, sha256: str) -> bool:
        return bool(self.query("SELECT 1 AS one FROM ingestion_ledger WHERE sha256 = :sha AND status = :status "
                               "LIMIT 1", {"sha": sha256, "status": INGESTED}))

    def log(self, entry: LedgerEntry) -> int:
        """Append one file's outcome to the ledger; returns its ledger id."""
        with self._lock, self._engine.begin() as conn:
            return self._log(conn, entry)

    @staticmethod
    def _log(conn: Connection, entry: LedgerEntry) -> int:
        fields = dict(vars(entry))
        fields["finished_at"] = now()
        fields["status"] = str(entry.status)  # a Status: its string
        result = conn.execute(schema.ingestion_ledger.insert(), fields)  # one statement, compiled once
        return int(result.inserted_primary_key[0])

    def add_run(self, started_at: str, ingested: int, duplicates: int, quarantined: int, pages_ocr: int) -> None:
        """Record one ingest run, finished now, and what came of its files (for the inbox page)."""
        with self._lock, self._engine.begin() as conn:
            conn.execute(schema.runs.insert(), {"started_at": started_at, "finished_at": now(), "ingested": ingested,
                                                "duplicates": duplicates, "quarantined": quarantined,
                                                "pages_ocr": pages_ocr})

    def ledger(self) -> list[dict[str, Any]]:
        return self.query("SELECT * FROM ingestion_ledger ORDER BY id")

    # ---- documents --------------------------------------------------------------------------

    def add_document(self, record: Record, doc: DocumentText, entry: LedgerEntry,
                     review_confidence: float) -> int:
        """Store a record, its pages and search text, and its ledger entry, in one transaction.

        AlreadyStored when a document of the same content (sha256) is stored already.

        `entry.store_seconds` is filled in with the time the write took. Returns the document id.
        """
        with self._writing() as conn:
            started = datetime.now(timezone.utc)
            if self._content_stored(conn, entry.sha256):
                raise AlreadyStored(entry.sha256)
            doc_id = self._insert_document(conn, record, doc, entry, review_confidence)
            entry.document_id = doc_id
            entry.store_seconds = (datetime.now(timezone.utc) - started).total_seconds()
            self._log(conn, entry)
        return doc_id

    def add_documents(self, batch: list[tuple[Record, DocumentText, LedgerEntry]],
                      review_confidence: float) -> list[int]:
        """`add_document` for many records in one transaction (a backlog, a benchmark); returns their ids."""
        ids = []
        with self._writing() as conn:
            for record, doc, entry in batch:
                entry.document_id = self._insert_document(conn, record, doc, entry, review_confidence)
                self._log(conn, entry)
                ids.append(entry.document_id)
        return ids

    @staticmethod
    def _insert_document(conn: Connection, record: Record, doc: DocumentText, entry: LedgerEntry,
                         review_confidence: float) -> int:
        sig = record.signatory
        rec = record.received or Received()
        result = conn.execute(schema.documents.insert(), dict(
            sha256=entry.sha256, source_name=entry.file_name, number=record.number, symbol=record.symbol,
            date=record.date, place=record.place, issuer=record.issuer, parent_issuer=record.parent_issuer,
            doc_type=record.doc_type, subject=record.subject, theme=record.theme,
            signatory_authority=sig.authority, signatory_body=sig.body, signatory_title=sig.title,
            signatory_name=sig.name, received_org=rec.org, received_number=rec.number, received_date=rec.date,
            body=doc.text, page_count=len(doc.pages), text_methods=",".join(dict.fromkeys(doc.methods)),
            ocr_confidence=doc.ocr_confidence, needs_review=int(needs_review(doc, review_confidence)),
            extractor_version=entry.extractor_version or "", ingested_at=now(),
            issuer_folded=fold(record.issuer) if record.issuer is not None else None))
        doc_id = int(result.inserted_primary_key[0])
        Store._insert_children(conn, doc_id, record)
        if doc.pages:
            conn.execute(schema.pages.insert(), _page_rows(doc_id, doc))
        fulltext.index_document(conn, doc_id, record.subject or "", doc.text)
        return doc_id

    @staticmethod
    def _insert_children(conn: Connection, doc_id: int, record: Record) -> None:
        """The record's lists, each item a row with its position."""
        children = {
            schema.addressees: [{"name": a} for a in record.addressees],
            schema.phases: [{"label": p.label, "start_date": p.start, "end_date": p.end, "text": p.text}
                            for p in record.phases],
            schema.targets: [{"text": t.text, "value": t.value, "comparator": t.comparator, "unit": t.unit,
                              "metric": t.metric, **folded_target(t)} for t in record.targets],
            schema.recipients: [{"name": r.name, "purpose": r.purpose} for r in record.recipients],
            schema.doc_references: [{"kind": r.kind, "number": r.number, "date": r.date}
                                    for r in record.references],
        }
        for table, rows in children.items():
            if rows:
                conn.execute(table.insert(), [{"document_id": doc_id, "position": i, **row}
                                              for i, row in enumerate(rows)])

    def record(self, doc_id: int) -> Record:
        """The record of one stored document, rebuilt from the tables."""
        d = self.query("SELECT * FROM documents WHERE id = :id", {"id": doc_id})
        if not d:
            raise KeyError(doc_id)
        row = d[0]
        children = {t: self.query(f"SELECT * FROM {t} WHERE document_id = :id ORDER BY position", {"id": doc_id})
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
        return self.query("SELECT count(*) AS n FROM documents")[0]["n"]

    # ---- queries ----------------------------------------------------------------------------

    def search(self, words: list[str], limit: int) -> list[dict[str, Any]]:
        """Documents whose folded subject or text holds every folded word.

        Those holding the words as one phrase come first (in the subject, then anywhere), then those holding
        them apart (in the subject, then anywhere); within each, the newest first (see `fulltext`).
        """
        if not words:
            return []
        hits: list[dict[str, Any]] = []
        for tier in range(1, fulltext.TIERS + 1):
            if len(hits) >= limit:
                break
            sql, params = fulltext.search_sql(self.dialect, words, tier)
            seen = {h["id"] for h in hits}
            with self._lock, self._engine.connect() as conn:
                rows = [dict(r) for r in conn.execute(sql, {**params, "limit": limit}).mappings()]
            hits += [h for h in rows if h["id"] not in seen][: limit - len(hits)]
        return hits

    def targets(self, words: str | None = None, unit: str | None = None, since: int | None = None,
                issuer: str | None = None) -> list[dict[str, Any]]:
        """Targets with their directive, filtered by folded words (text, metric or unit), unit, year, issuer."""
        where, params = [], {}
        if words:
            where.append("t.folded LIKE :words")
            params["words"] = f"%{fold(words).strip()}%"
        if unit:
            where.append("t.unit_folded = :unit")
            params["unit"] = fold(unit).strip()
        if since is not None:
            where.append("d.date >= :since")
            params["since"] = f"{since:04d}"
        if issuer:
            where.append("d.issuer_folded LIKE :issuer")
            params["issuer"] = f"%{fold(issuer).strip()}%"
        sql = f"""SELECT d.id AS document_id, d.number, d.symbol, d.date, d.issuer, d.subject,
                         t.text, t.value, t.comparator, t.unit, t.metric
                  FROM targets t JOIN documents d ON d.id = t.document_id
                  {"WHERE " + " AND ".join(where) if where else ""}
                  ORDER BY d.date DESC NULLS LAST, d.id DESC, t.position"""
        return self.query(sql, params)

    def for_review(self, review_confidence: float) -> list[dict[str, Any]]:
        """Documents marked for review, each with `low_pages`: its pages read below the threshold."""
        docs = self.query("""SELECT id, number, symbol, date, issuer, subject, source_name, ocr_confidence
                             FROM documents WHERE needs_review = 1 ORDER BY id""")
        for d in docs:
            d["low_pages"] = self.query(
                "SELECT number, method, confidence FROM pages WHERE document_id = :id AND confidence < :c "
                "ORDER BY number", {"id": d["id"], "c": review_confidence})
        return docs

    def read_table(self, name: str) -> pd.DataFrame:
        columns = schema.user_columns(name)
        order = [c for key in ("id", "document_id", "position", "number") for c in columns if c.name == key]
        with self._lock, self._engine.connect() as conn:
            return pd.read_sql_query(select(*columns).order_by(*order), conn)

    def iter_tables(self) -> Iterator[tuple[str, pd.DataFrame]]:
        for name in schema.TABLES:
            yield name, self.read_table(name)

    # ---- reprocessing (issue 9) -------------------------------------------------------------

    def document_versions(self) -> list[tuple[int, str]]:
        """(id, extractor version) of every stored document, by id."""
        return [(r["id"], r["extractor_version"])
                for r in self.query("SELECT id, extractor_version FROM documents ORDER BY id")]

    def document_text(self, doc_id: int) -> DocumentText:
        """A stored document's text as the extractors read it: its pages, from the `pages` table."""
        rows = self.query("SELECT source_name FROM documents WHERE id = :id", {"id": doc_id})
        if not rows:
            raise KeyError(doc_id)
        pages = self.query("SELECT number, method, confidence, text, route, line_columns FROM pages "
                           "WHERE document_id = :id ORDER BY number", {"id": doc_id})
        return DocumentText(Path(rows[0]["source_name"]),
                            [PageText(p["number"], p["text"].split("\n"), p["method"], confidence=p["confidence"],
                                      route=p["route"] or "",
                                      columns=p["line_columns"].split("\n") if p["line_columns"] else [])
                             for p in pages])

    def original_of(self, doc_id: int) -> str | None:
        """Where the file a stored document was read from was archived (as its ledger shows it), or None."""
        rows = self.query("SELECT stored_as FROM ingestion_ledger WHERE document_id = :id AND status = :status "
                          "ORDER BY id DESC", {"id": doc_id, "status": "ingested"})
        return rows[0]["stored_as"] if rows else None

    def replace_reading(self, doc_id: int, record: Record, doc: DocumentText, review_confidence: float,
                        extractor_version: str, changed: list[str]) -> None:
        """Put a new reading of a stored document in place of the old one, in one transaction: its pages,
        text, search text, OCR confidence and review mark, and the record extracted from it (noted in
        `reprocessing` as `replace_records` notes a re-extraction). The ledger stays as it is."""
        with self._writing() as conn:
            self._replace_record(conn, doc_id, record, extractor_version, changed)
            conn.execute(schema.documents.update().where(schema.documents.c.id == doc_id).values(
                body=doc.text, page_count=len(doc.pages), text_methods=",".join(dict.fromkeys(doc.methods)),
                ocr_confidence=doc.ocr_confidence, needs_review=int(needs_review(doc, review_confidence))))
            conn.execute(schema.pages.delete().where(schema.pages.c.document_id == doc_id))
            conn.execute(schema.pages.insert(), _page_rows(doc_id, doc))
            fulltext.replace_document(conn, doc_id, record.subject or "", doc.text)

    def replace_records(self, records: list[tuple[int, Record, list[str]]], extractor_version: str) -> None:
        """Put re-extracted records — (id, record, the keys that changed) — in place of stored ones: scalars,
        lists, search subject, version; each noted in `reprocessing`. One transaction for them all (a killed
        run leaves each record old or new, never half); pages, text and ledger stay as they are."""
        with self._writing() as conn:
            for doc_id, record, changed in records:
                self._replace_record(conn, doc_id, record, extractor_version, changed)

    def _replace_record(self, conn: Connection, doc_id: int, record: Record, extractor_version: str,
                        changed: list[str]) -> None:
        documents = schema.documents
        old = conn.execute(select(documents.c.extractor_version).where(documents.c.id == doc_id)
                           .with_for_update()).first()  # FOR UPDATE on PostgreSQL; SQLite holds its write lock
        if old is None:
            raise KeyError(doc_id)
        sig = record.signatory
        rec = record.received or Received()
        conn.execute(documents.update().where(documents.c.id == doc_id).values(
            number=record.number, symbol=record.symbol, date=record.date, place=record.place, issuer=record.issuer,
            parent_issuer=record.parent_issuer, doc_type=record.doc_type, subject=record.subject, theme=record.theme,
            signatory_authority=sig.authority, signatory_body=sig.body, signatory_title=sig.title,
            signatory_name=sig.name, received_org=rec.org, received_number=rec.number, received_date=rec.date,
            extractor_version=extractor_version,
            issuer_folded=fold(record.issuer) if record.issuer is not None else None))
        for table in (schema.addressees, schema.phases, schema.targets, schema.recipients, schema.doc_references):
            conn.execute(table.delete().where(table.c.document_id == doc_id))
        self._insert_children(conn, doc_id, record)
        fulltext.update_subject(conn, doc_id, record.subject or "")
        conn.execute(schema.reprocessing.insert(), {
            "document_id": doc_id, "from_version": old[0], "to_version": extractor_version,
            "changed": ",".join(changed), "at": now()})
