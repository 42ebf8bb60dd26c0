"""An index of documents by date, newest first: search's tiers and `targets` are ordered so.

Without it, a query whose words are common sorts every matching document by
date before taking the first 20; with it, the engine can walk the documents
newest first and stop at 20.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite sorts NULL first ascending, so last descending: the same order as PostgreSQL's DESC NULLS LAST.
    nulls = " NULLS LAST" if op.get_bind().dialect.name == "postgresql" else ""
    op.execute(f"CREATE INDEX IF NOT EXISTS documents_date ON documents (date DESC{nulls}, id)")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS documents_date")
