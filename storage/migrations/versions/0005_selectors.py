"""A story's own CSS selectors (select: the article's container; ignore: parts to drop).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN (SQLite can): a batch copy of the table would drop its AUTOINCREMENT
    op.add_column("stories", sa.Column("select_css", sa.Text))
    op.add_column("stories", sa.Column("ignore_css", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("stories", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("ignore_css")
        batch.drop_column("select_css")
