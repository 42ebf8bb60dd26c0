"""Issue 8 on PostgreSQL within 50 ms: counts that stop, and the issuer filter through indexes alone.

- `count_matching(query, up_to)` (PostgreSQL) replaces 0007's `count_matching(query)`: how many documents'
  `tsv` match a `to_tsquery('simple', …)` text, counted through the GIN index up to `up_to` (the web app
  counts matches exactly up to `pipeline.queries.COUNT_LIMIT` and says "more than" past it). Counting all of
  30,000–100,000 matches read every page of `documents_fts` (35–60 ms); up to 2,001, a few hundred (7–13 ms).
  Sequential scans and parallel workers stay off for its statement, as in 0007.
- `documents_issuer_folded` on (issuer_folded, id) in place of (issuer_folded) on PostgreSQL, and
  `targets_document_value` (document_id, value) on both engines: the targets' issuer filter reads the
  documents of the matching issuers and their targets' values from the indexes alone (PostgreSQL: 108 →
  11 ms for one issuer and a value range at 100,000 directives). On SQLite an index holds the row id already.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

COUNT_MATCHING_UP_TO = """
CREATE OR REPLACE FUNCTION count_matching(query text, up_to bigint) RETURNS bigint
LANGUAGE sql STABLE PARALLEL SAFE SET enable_seqscan = off SET max_parallel_workers_per_gather = 0 AS $$
    SELECT count(*) FROM (SELECT 1 FROM documents_fts WHERE tsv @@ to_tsquery('simple', query) LIMIT up_to) m
$$
"""
COUNT_MATCHING_0007 = """
CREATE OR REPLACE FUNCTION count_matching(query text) RETURNS bigint
LANGUAGE sql STABLE PARALLEL SAFE SET enable_seqscan = off SET max_parallel_workers_per_gather = 0 AS $$
    SELECT count(*) FROM documents_fts WHERE tsv @@ to_tsquery('simple', query)
$$
"""


def upgrade() -> None:
    op.create_index("targets_document_value", "targets", ["document_id", "value"], if_not_exists=True)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS count_matching(text)")
        op.execute(COUNT_MATCHING_UP_TO)
        op.drop_index("documents_issuer_folded", table_name="documents", if_exists=True)
        op.create_index("documents_issuer_folded", "documents", ["issuer_folded", "id"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("documents_issuer_folded", table_name="documents", if_exists=True)
        op.create_index("documents_issuer_folded", "documents", ["issuer_folded"])
        op.execute("DROP FUNCTION IF EXISTS count_matching(text, bigint)")
        op.execute(COUNT_MATCHING_0007)
    op.drop_index("targets_document_value", table_name="targets", if_exists=True)
