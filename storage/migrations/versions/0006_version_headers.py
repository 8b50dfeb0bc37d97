"""The response headers of each stored page, for WARC export (versions.headers, JSON).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN (SQLite can): versions stored before have none (NULL), and say so in a WARC
    op.add_column("versions", sa.Column("headers", sa.JSON))


def downgrade() -> None:
    with op.batch_alter_table("versions", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("headers")
