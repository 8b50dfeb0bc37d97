"""Tags: a desk's labels on stories, and the labels a feed gives the stories it adds.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # new tables only: the stories table (and its AUTOINCREMENT on SQLite) stays as it is
    op.create_table(
        "story_tags",
        sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("tag", sa.String(64), primary_key=True),
    )
    op.create_index("ix_story_tags_tag", "story_tags", ["tag"])
    op.create_table(
        "feed_tags",
        sa.Column("feed_id", sa.Integer, sa.ForeignKey("feeds.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("tag", sa.String(64), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("feed_tags")
    op.drop_index("ix_story_tags_tag", "story_tags")
    op.drop_table("story_tags")
