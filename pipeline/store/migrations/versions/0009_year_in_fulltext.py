"""PostgreSQL: a search within one year answered from the full-text index (issue 8's last two queries).

A search filtered by a year (`pipeline.queries.search` with `SearchFilters.year`) first counted the matches
among the year's documents by walking all of them newest first and probing each one's vector (6,252 probes at
100,000 directives: 17 ms, 18,795 buffers), after counting the matches of every year (`count_matching`, 11 ms)
only to choose how to look for the candidates. Now `documents_fts` holds each document's year (the first four
characters of `documents.date`), and a GIN index on (year, tsv) — a btree_gin column beside the vector —
finds a year's matches through the index alone: the same count takes 3–7 ms and the count of every year is
skipped. (A date range in such an index is slow: each bound is a partial match over half the dates, 13 ms for
a year's range alone; one year is one key.) Another on (year, subject_tsv), small, is what the planner takes
for a year's documents when the words are in most of them.

- `btree_gin` is created if missing (a trusted extension from PostgreSQL 13: the database's owner may create
  it; Debian's `postgresql` package ships it), in the schema `public`, so that it outlives any other schema
  an index lives in: the index's operator classes are found without a search path.
- `documents_fts.year` is kept by triggers: set from `documents` when a row of `documents_fts` is inserted
  (`fulltext.index_document`, the benchmarks' COPY), and changed when a document's date changes
  (`congvan reprocess`). Rows already there are filled as the table is written anew in its order (an
  `ALTER … TYPE … USING`); at 100,000 directives about 15 s, the table's size unchanged.

SQLite is unchanged: FTS5 holds no year, and its year filter is within 50 ms already.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

YEAR_OF = """
CREATE OR REPLACE FUNCTION documents_year(document integer) RETURNS text LANGUAGE sql STABLE
SET search_path FROM CURRENT AS $$
    SELECT left(date, 4) FROM documents WHERE id = document
$$
"""
YEAR_ON_INSERT = """
CREATE OR REPLACE FUNCTION documents_fts_year() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    NEW.year := documents_year(NEW.document_id);
    RETURN NEW;
END $$
"""
YEAR_ON_DATE = """
CREATE OR REPLACE FUNCTION documents_date_year() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE documents_fts SET year = left(NEW.date, 4) WHERE document_id = NEW.id;
    RETURN NULL;
END $$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS btree_gin SCHEMA public")
    op.execute(YEAR_OF)
    op.execute("ALTER TABLE documents_fts ADD COLUMN year text")
    # Filled by writing the table anew (as ALTER … TYPE does), not by an UPDATE: in the migration's transaction
    # an UPDATE would leave every row twice, which neither VACUUM (outside a transaction only) nor CLUSTER (the
    # old rows are this transaction's) could take back.
    op.execute("ALTER TABLE documents_fts ALTER COLUMN year TYPE text USING documents_year(document_id)")
    op.execute(YEAR_ON_INSERT)
    op.execute("CREATE TRIGGER documents_fts_year BEFORE INSERT ON documents_fts "
               "FOR EACH ROW EXECUTE FUNCTION documents_fts_year()")
    op.execute(YEAR_ON_DATE)
    op.execute("CREATE TRIGGER documents_date_year AFTER UPDATE OF date ON documents FOR EACH ROW "
               "WHEN (left(OLD.date, 4) IS DISTINCT FROM left(NEW.date, 4)) EXECUTE FUNCTION documents_date_year()")
    op.execute("CREATE INDEX documents_fts_year_tsv ON documents_fts USING GIN (year, tsv)")
    op.execute("CREATE INDEX documents_fts_year_subject_tsv ON documents_fts USING GIN (year, subject_tsv)")
    op.execute("ANALYZE documents_fts")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS documents_fts_year_subject_tsv")
    op.execute("DROP INDEX IF EXISTS documents_fts_year_tsv")
    op.execute("DROP TRIGGER IF EXISTS documents_date_year ON documents")
    op.execute("DROP FUNCTION IF EXISTS documents_date_year()")
    op.execute("DROP TRIGGER IF EXISTS documents_fts_year ON documents_fts")
    op.execute("DROP FUNCTION IF EXISTS documents_fts_year()")
    op.execute("DROP FUNCTION IF EXISTS documents_year(integer)")
    op.execute("ALTER TABLE documents_fts DROP COLUMN IF EXISTS year")
    # btree_gin stays: other schemas of the database may use it
