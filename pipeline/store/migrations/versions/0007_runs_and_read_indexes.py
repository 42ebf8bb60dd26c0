"""Issue 8's read side on both engines: the indexes its queries need, and the ingest runs.

- `targets_unit_folded`, `documents_issuer_folded`: the targets' filters by unit and by issuer compare the
  folded columns (`pipeline.queries.targets`, on SQLite and PostgreSQL alike), which had no index; the
  targets' holds the document (and on SQLite the folded text), so that counting reads the index alone.
- `documents_newest` (PostgreSQL): documents newest first, `date DESC NULLS LAST, id DESC`, the order of
  the web app's search; SQLite's `documents_date` (0005) already gives it (NULL sorts lowest there).
- `count_matching(query)` (PostgreSQL): how many documents' `tsv` match a `to_tsquery('simple', …)` text,
  counted through the GIN index. For a word in most documents the planner would scan `documents_fts`
  and decompress every stored tsvector (0.4–0.8 s at 100,000); the function turns sequential scans off
  for its own statement (a function with SET is not inlined, so the setting holds for it alone), and
  parallel workers, whose start cost more than they saved (~35 ms instead of 80–150 at 30,000–100,000).
- `runs`: one row per ingest run (when it started and finished, files ingested, duplicates, quarantined,
  pages OCR'd), written by the ingest flow, for the inbox page. Runs before this revision are not known.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

COUNT_MATCHING = """
CREATE OR REPLACE FUNCTION count_matching(query text) RETURNS bigint
LANGUAGE sql STABLE PARALLEL SAFE SET enable_seqscan = off SET max_parallel_workers_per_gather = 0 AS $$
    SELECT count(*) FROM documents_fts WHERE tsv @@ to_tsquery('simple', query)
$$
"""


def _indexes() -> list[tuple[str, str, list[str]]]:
    # On SQLite the targets' index holds their folded text too, so that counting the targets of a unit with
    # some words reads the index alone; PostgreSQL's btree entries have a size limit that a long target's
    # text could pass, so there it stops at the document.
    sqlite = op.get_bind().dialect.name == "sqlite"
    return [("targets_unit_folded", "targets", ["unit_folded", "document_id"] + (["folded"] if sqlite else [])),
            ("documents_issuer_folded", "documents", ["issuer_folded"])]


def upgrade() -> None:
    for name, table, columns in _indexes():
        op.create_index(name, table, columns, if_not_exists=True)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX IF NOT EXISTS documents_newest ON documents (date DESC NULLS LAST, id DESC)")
        op.execute(COUNT_MATCHING)
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("started_at", sa.Text, nullable=False),
        sa.Column("finished_at", sa.Text, nullable=False),
        sa.Column("ingested", sa.Integer, nullable=False),
        sa.Column("duplicates", sa.Integer, nullable=False),
        sa.Column("quarantined", sa.Integer, nullable=False),
        sa.Column("pages_ocr", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("runs")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS count_matching(text)")
        op.execute("DROP INDEX IF EXISTS documents_newest")
    for name, table, _ in _indexes():
        op.drop_index(name, table_name=table, if_exists=True)
