"""Issue 7 in the index: each page's route — how it was read and why ("text layer (pdfplumber): …",
"OCR: no text layer …") — stored with its text, for the document page and for staff asking why a
page was OCR'd. Pages stored before have no route (NULL).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("pages")}
    if "route" not in columns:
        op.add_column("pages", sa.Column("route", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pages") as batch:
        batch.drop_column("route")
