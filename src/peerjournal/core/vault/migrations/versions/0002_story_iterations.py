"""Named, immutable iterations of the Personal Recovery Story.

Revision ID: 0002_story_iterations
Revises: 0001_initial
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_story_iterations"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "iterations",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("number", sa.Integer, nullable=False, unique=True),
        sa.Column("body_ct", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("iterations")
