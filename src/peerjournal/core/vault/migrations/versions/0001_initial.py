"""The first schema: meta, keyslots, documents and their versions.

Revision ID: 0001_initial
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meta",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("value", sa.String, nullable=False),
    )
    op.create_table(
        "keyslots",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("kdf", sa.String, nullable=False),
        sa.Column("salt", sa.LargeBinary, nullable=False),
        sa.Column("wrapped", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("lookup", sa.LargeBinary, nullable=False, unique=True),
        sa.Column("name_ct", sa.LargeBinary, nullable=False),
        sa.Column("current_ct", sa.LargeBinary, nullable=False),
        sa.Column("last_seq", sa.Integer, nullable=False),
    )
    op.create_table(
        "versions",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column(
            "document_id",
            sa.String,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("body_ct", sa.LargeBinary, nullable=False),
        sa.UniqueConstraint("document_id", "seq", name="uq_versions_document_seq"),
    )
    op.create_index("ix_versions_document_id", "versions", ["document_id"])


def downgrade() -> None:
    op.drop_index("ix_versions_document_id", "versions")
    op.drop_table("versions")
    op.drop_table("documents")
    op.drop_table("keyslots")
    op.drop_table("meta")
