"""Stories, versions, changes, events, consumers, feeds, leases.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
# SQLite: never reuse the id of a deleted row (consumers read events by id; users see story ids)
NO_REUSE = {"sqlite_autoincrement": True}


def upgrade() -> None:
    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("url", sa.String(2048), nullable=False, unique=True),
        sa.Column("match", sa.Text),
        sa.Column("added_at", TS, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("next_check_at", TS, index=True),
        sa.Column("interval_seconds", sa.Float, nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_checked_at", TS),
        sa.Column("consecutive_failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text),
        **NO_REUSE,
    )
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("url", sa.String(2048), nullable=False, unique=True),
        sa.Column("title", sa.Text),
        sa.Column("added_at", TS, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("status", sa.String(16), nullable=False, server_default="active"),
        sa.Column("every_seconds", sa.Float),
        sa.Column("interval_seconds", sa.Float, nullable=False),
        sa.Column("next_check_at", TS),
        sa.Column("last_checked_at", TS),
        sa.Column("last_outcome", sa.String(16)),
        sa.Column("last_changed_at", TS),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("body_hash", sa.String(64)),
        sa.Column("consecutive_failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text),
        sa.Column("last_error_at", TS),
        sa.Column("gone_at", TS),
        sa.Column("latest_seq", sa.Integer, nullable=False, server_default="0"),
        sa.Column("feed_id", sa.Integer, sa.ForeignKey("feeds.id", ondelete="SET NULL")),
        **NO_REUSE,
    )
    op.create_index("ix_stories_due", "stories", ["active", "next_check_at"])
    op.create_table(
        "versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("fetched_at", TS, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("headline", sa.Text, nullable=False, server_default=""),
        sa.Column("byline", sa.Text),
        sa.Column("published", sa.String(64)),
        sa.Column("modified", sa.String(64)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("words", sa.Integer, nullable=False, server_default="0"),
        sa.Column("html_gz", sa.LargeBinary, nullable=False),
        sa.Column("html_size", sa.Integer, nullable=False, server_default="0"),
        sa.Column("http_status", sa.Integer, nullable=False, server_default="200"),
        sa.Column("final_url", sa.Text),
        sa.UniqueConstraint("story_id", "seq", name="uq_versions_story_seq"),
        **NO_REUSE,
    )
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id", ondelete="CASCADE"), nullable=False,
                  unique=True),
        sa.Column("previous_version_id", sa.Integer, sa.ForeignKey("versions.id", ondelete="SET NULL")),
        sa.Column("report", sa.JSON, nullable=False),
        sa.Column("summary", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", TS, nullable=False, index=True),
        **NO_REUSE,
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id", ondelete="SET NULL")),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        **NO_REUSE,
    )
    op.create_table(
        "consumers",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("last_event_id", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_table(
        "leases",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("holder", sa.String(200), nullable=False),
        sa.Column("expires_at", TS, nullable=False),
    )


def downgrade() -> None:
    for table in ("leases", "consumers", "events", "changes", "versions", "stories", "feeds"):
        op.drop_table(table)
