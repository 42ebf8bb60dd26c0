"""Folded copies of the columns `targets` filters on, written in Python; fold() in SQL on PostgreSQL.

PostgreSQL has no `fold()` registered by the application, as SQLite had: the
filters of `congvan targets` now compare `documents.issuer_folded`,
`targets.folded` (text, metric and unit) and `targets.unit_folded`, which the
Store fills with `extractors.vntext.fold` on every write. Rows already there
are filled here.

A `fold(text)` SQL function is also created on PostgreSQL (NFD, combining marks
removed, đ→d, lower case, NFC), so that a query written against SQLite's
`fold()` runs on both engines; the index's own queries do not use it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

from extractors.vntext import fold

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

PG_FOLD = r"""
CREATE OR REPLACE FUNCTION fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
    SELECT lower(normalize(regexp_replace(normalize(translate(value, 'đĐ', 'dD'), NFD),
                                          '[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]', '', 'g'), NFC))
$$
"""


def folded_words(text: str | None, metric: str | None, unit: str | None) -> str:
    return fold(f"{text or ''} {metric or ''} {unit or ''}")


def folded_unit(unit: str | None) -> str | None:
    return fold(unit).strip() if unit is not None else None


def upgrade() -> None:
    op.add_column("documents", sa.Column("issuer_folded", sa.Text))
    op.add_column("targets", sa.Column("folded", sa.Text))
    op.add_column("targets", sa.Column("unit_folded", sa.Text))
    bind = op.get_bind()
    docs = [{"i": r.id, "f": fold(r.issuer) if r.issuer is not None else None}
            for r in bind.execute(sa.text("SELECT id, issuer FROM documents"))]
    if docs:
        bind.execute(sa.text("UPDATE documents SET issuer_folded = :f WHERE id = :i"), docs)
    targets = [{"i": r.id, "f": folded_words(r.text, r.metric, r.unit), "u": folded_unit(r.unit)}
               for r in bind.execute(sa.text("SELECT id, text, metric, unit FROM targets"))]
    if targets:
        bind.execute(sa.text("UPDATE targets SET folded = :f, unit_folded = :u WHERE id = :i"), targets)
    if bind.dialect.name == "postgresql":
        op.execute(sa.text(PG_FOLD))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS fold(text)")
    with op.batch_alter_table("targets") as batch:
        batch.drop_column("unit_folded")
        batch.drop_column("folded")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("issuer_folded")
