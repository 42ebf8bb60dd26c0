"""Issue 9 in the index: the `reprocessing` table, and one content stored once.

- `reprocessing`: one row per record re-extracted by `congvan reprocess`
  (document, extractor version before and after, the fields that changed, when).
- `documents_sha256_unique`: a unique index on documents' sha256, in place of
  the plain `documents_sha256`. An index written before it may hold one content
  twice (two runs at once, before issue 9): there the plain index stays and no
  unique one is made — `Store.add_document` still checks the content under its
  write lock (BEGIN IMMEDIATE on SQLite, an advisory lock on PostgreSQL), so no
  new duplicate is written either way.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reprocessing",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("from_version", sa.Text),
        sa.Column("to_version", sa.Text, nullable=False),
        sa.Column("changed", sa.Text, nullable=False),
        sa.Column("at", sa.Text, nullable=False),
    )
    twice = op.get_bind().execute(sa.text(
        "SELECT sha256 FROM documents GROUP BY sha256 HAVING count(*) > 1 LIMIT 1")).first()
    if twice is None:
        op.create_index("documents_sha256_unique", "documents", ["sha256"], unique=True)
        op.drop_index("documents_sha256", table_name="documents")


def downgrade() -> None:
    indexes = {i["name"] for i in sa.inspect(op.get_bind()).get_indexes("documents")}
    if "documents_sha256_unique" in indexes:
        op.create_index("documents_sha256", "documents", ["sha256"])
        op.drop_index("documents_sha256_unique", table_name="documents")
    op.drop_table("reprocessing")
