"""Issue 8 in the index: the indexes of the read side (`pipeline.queries`, the web app).

A record's lists by document and position, pages by document, the ledger by
document, targets by unit, documents by issuer — on both engines. Documents by
date only on SQLite: on PostgreSQL an index on the date made `Store.search`
slower (the planner walked the documents newest first, rechecking each; see
benchmarks/README.md and the withdrawn first 0003).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

INDEXES = [
    ("documents_issuer", "documents", ["issuer"]),
    ("addressees_document", "addressees", ["document_id", "position"]),
    ("phases_document", "phases", ["document_id", "position"]),
    ("targets_document", "targets", ["document_id", "position"]),
    ("targets_unit", "targets", ["unit"]),
    ("recipients_document", "recipients", ["document_id", "position"]),
    ("doc_references_document", "doc_references", ["document_id", "position"]),
    ("pages_document", "pages", ["document_id", "number"]),
    ("ledger_document", "ingestion_ledger", ["document_id"]),
]
SQLITE_ONLY = [("documents_date", "documents", ["date"])]


def _indexes() -> list[tuple[str, str, list[str]]]:
    return INDEXES + (SQLITE_ONLY if op.get_bind().dialect.name == "sqlite" else [])


def upgrade() -> None:
    for name, table, columns in _indexes():
        op.create_index(name, table, columns, if_not_exists=True)


def downgrade() -> None:
    for name, table, _ in _indexes():
        op.drop_index(name, table_name=table, if_exists=True)
