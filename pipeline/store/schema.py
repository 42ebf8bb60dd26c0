"""The tables of the index, as SQLAlchemy Core objects: the same on SQLite and on PostgreSQL.

One row per record in `documents` (scalar fields, signatory, incoming stamp,
full text, source and OCR facts); the record's lists in `addressees`, `phases`,
`targets`, `recipients` and `doc_references` ("references" is an SQL keyword);
per-page text in `pages`; one row per file seen in `ingestion_ledger`.

Columns ending in `_folded` (and `targets.folded`) hold `extractors.vntext.fold`
of other columns, written in Python with the row: PostgreSQL has no `fold()`,
so the filters of `targets` compare folded columns on both engines. They are
derived data and are not exported.

The full-text index (`documents_fts`) differs by engine and lives in
`fulltext.py`; the DDL itself is in the Alembic migrations (`migrations/`),
which these objects must match.
"""
from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Index, Integer, MetaData, Table, Text

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", Text, nullable=False),
    Column("source_name", Text, nullable=False),
    *(Column(name, Text) for name in ("number", "symbol", "date", "place", "issuer", "parent_issuer", "doc_type",
                                      "subject", "theme", "signatory_authority", "signatory_body", "signatory_title",
                                      "signatory_name", "received_org", "received_number", "received_date")),
    Column("body", Text, nullable=False),
    Column("page_count", Integer, nullable=False),
    Column("text_methods", Text, nullable=False),
    Column("ocr_confidence", Float),
    Column("needs_review", Integer, nullable=False),
    Column("extractor_version", Text, nullable=False),
    Column("ingested_at", Text, nullable=False),
    Column("issuer_folded", Text),
    # One content is stored once (0004_reprocessing_unique_content.py; an older index holding one content twice
    # keeps the plain index `documents_sha256` instead).
    Index("documents_sha256_unique", "sha256", unique=True),
)


def _document_id() -> Column:
    return Column("document_id", Integer, ForeignKey("documents.id"), nullable=False)


addressees = Table(
    "addressees", metadata,
    _document_id(),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
)

phases = Table(
    "phases", metadata,
    _document_id(),
    Column("position", Integer, nullable=False),
    Column("label", Text), Column("start_date", Text), Column("end_date", Text), Column("text", Text),
)

targets = Table(
    "targets", metadata,
    Column("id", Integer, primary_key=True),
    _document_id(),
    Column("position", Integer, nullable=False),
    Column("text", Text), Column("value", Float), Column("comparator", Text), Column("unit", Text),
    Column("metric", Text),
    Column("folded", Text),  # fold(text + " " + metric + " " + unit): what `targets --words` looks in
    Column("unit_folded", Text),  # fold(unit), stripped: what `targets --unit` compares
)

recipients = Table(
    "recipients", metadata,
    _document_id(),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False), Column("purpose", Text),
)

doc_references = Table(
    "doc_references", metadata,
    _document_id(),
    Column("position", Integer, nullable=False),
    Column("kind", Text), Column("number", Text, nullable=False), Column("date", Text),
)

pages = Table(
    "pages", metadata,
    _document_id(),
    Column("number", Integer, nullable=False),
    Column("method", Text, nullable=False),
    Column("confidence", Float),
    Column("text", Text, nullable=False),
    Column("route", Text),  # how the page was read and why (PageText.route); NULL on pages stored before 0006
    # where each line stood (PageText.columns), one tag a line; NULL when unplaced and on pages stored before 0010
    Column("line_columns", Text),
)

ingestion_ledger = Table(
    "ingestion_ledger", metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", Text, nullable=False),
    Column("file_name", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("stored_as", Text),
    Column("error", Text),
    Column("document_id", Integer, ForeignKey("documents.id")),
    Column("pages_ocr", Integer, nullable=False, server_default="0"),
    Column("hash_seconds", Float), Column("read_seconds", Float), Column("extract_seconds", Float),
    Column("store_seconds", Float),
    Column("extractor_version", Text),
    Column("started_at", Text, nullable=False),
    Column("finished_at", Text, nullable=False),
    Index("ledger_sha256", "sha256", "status"),
)

reprocessing = Table(
    "reprocessing", metadata,
    Column("id", Integer, primary_key=True),
    _document_id(),
    Column("from_version", Text),  # the extractor version before
    Column("to_version", Text, nullable=False),
    Column("changed", Text, nullable=False),  # the record's keys that changed, comma-separated
    Column("at", Text, nullable=False),
)

runs = Table(
    "runs", metadata,  # one row per ingest run (0007_runs_and_read_indexes.py)
    Column("id", Integer, primary_key=True),
    Column("started_at", Text, nullable=False),
    Column("finished_at", Text, nullable=False),
    Column("ingested", Integer, nullable=False),
    Column("duplicates", Integer, nullable=False),
    Column("quarantined", Integer, nullable=False),
    Column("pages_ocr", Integer, nullable=False),
)

# The read side's indexes (0005_read_side_indexes.py, 0007_runs_and_read_indexes.py, 0008_counts_up_to.py;
# documents by date on SQLite, newest first on PostgreSQL).
for _name, _table, _columns in (
        ("documents_issuer", documents, ["issuer"]),
        ("addressees_document", addressees, ["document_id", "position"]),
        ("phases_document", phases, ["document_id", "position"]),
        ("targets_document", targets, ["document_id", "position"]),
        ("targets_unit", targets, ["unit"]),
        ("recipients_document", recipients, ["document_id", "position"]),
        ("doc_references_document", doc_references, ["document_id", "position"]),
        ("pages_document", pages, ["document_id", "number"]),
        ("ledger_document", ingestion_ledger, ["document_id"]),
        ("targets_document_value", targets, ["document_id", "value"])):
    Index(_name, *(_table.c[c] for c in _columns))
Index("targets_unit_folded", targets.c.unit_folded, targets.c.document_id, targets.c.folded).ddl_if(dialect="sqlite")
Index("targets_unit_folded", targets.c.unit_folded, targets.c.document_id).ddl_if(dialect="postgresql")
Index("documents_issuer_folded", documents.c.issuer_folded).ddl_if(dialect="sqlite")
Index("documents_issuer_folded", documents.c.issuer_folded, documents.c.id).ddl_if(dialect="postgresql")
Index("documents_date", documents.c.date).ddl_if(dialect="sqlite")
Index("documents_newest", documents.c.date.desc().nulls_last(), documents.c.id.desc()).ddl_if(dialect="postgresql")

# The tables a user sees (exported, listed); documents_fts is derived from documents.
TABLES = ("documents", "addressees", "phases", "targets", "recipients", "doc_references", "pages",
          "ingestion_ledger")

# Derived columns, left out of exports and `read_table`.
FOLDED = {"issuer_folded", "folded", "unit_folded"}


def user_columns(name: str) -> list[Column]:
    """The columns of table `name` a user sees (every one but the folded copies)."""
    if name not in TABLES:
        raise ValueError(f"no table {name!r}")
    return [c for c in metadata.tables[name].columns if c.name not in FOLDED]
