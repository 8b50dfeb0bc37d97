"""Suspect pages: fetches judged not to be the article (soft 404, paywall, collapse).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    # plain ADD COLUMN (SQLite can): a batch copy of the table would drop its AUTOINCREMENT
    op.add_column("stories", sa.Column("accept_short", sa.Boolean, nullable=False, server_default=sa.false()))
    op.add_column("stories", sa.Column("suspect_reason", sa.Text))
    op.create_table(
        "suspect_pages",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
        sa.Column("checked_at", TS, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("words", sa.Integer, nullable=False, server_default="0"),
        sa.Column("final_url", sa.String(2048)),
        sa.Column("http_status", sa.Integer, nullable=False, server_default="200"),
        sa.Column("html_gz", sa.LargeBinary, nullable=False),
        sa.Column("html_size", sa.Integer, nullable=False, server_default="0"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_suspect_pages_story", "suspect_pages", ["story_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_suspect_pages_story", "suspect_pages")
    op.drop_table("suspect_pages")
    with op.batch_alter_table("stories", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("suspect_reason")
        batch.drop_column("accept_short")
