"""PostgreSQL: the subject's words in a tsvector of their own, with a GIN index.

Search's tiers on the subject (the phrase in the subject; every word in the
subject) asked `documents_fts.tsv` for lexemes of weight A, which a GIN index
cannot filter by: every document holding the words anywhere was rechecked.
`subject_tsv` lets the index answer them. SQLite's FTS5 filters by column
itself: nothing changes there.

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
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE documents_fts ADD COLUMN subject_tsv tsvector "
               "GENERATED ALWAYS AS (to_tsvector('simple', subject)) STORED")
    op.execute("CREATE INDEX documents_fts_subject_tsv ON documents_fts USING GIN (subject_tsv)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE documents_fts DROP COLUMN subject_tsv")
