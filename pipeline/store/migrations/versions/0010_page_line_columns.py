"""Issue 7 in the index: where each line of a page stood, as its parser saw it by position (`PageText.columns`:
across the text, or in the left or right column of a two-column region), stored with the page's text, one tag a
line. The extractors find the footer's two parts (Nơi nhận | the signing block) by it, so a stored document
re-extracted (`congvan reprocess`) reads as it did when it was read from its file. Pages stored before have none
(NULL): their footers are read as plain text's are.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("pages")}
    if "line_columns" not in columns:
        op.add_column("pages", sa.Column("line_columns", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pages") as batch:
        batch.drop_column("line_columns")
