"""The database tables (SQLAlchemy Core). Only ids, lookups and counters are readable.

Alembic migrations in ``migrations/`` create and upgrade these; this module mirrors the
head revision for queries.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    ColumnElement,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    cast,
)

from peerjournal.core.vault.revision import HEAD_REVISION

__all__ = ["HEAD_REVISION", "blob", "documents", "iterations", "keyslots", "meta", "versions"]


metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", String, nullable=False),
)

keyslots = Table(
    "keyslots",
    metadata,
    Column("id", String, primary_key=True),
    Column("kind", String, nullable=False),
    Column("kdf", String, nullable=False),
    Column("salt", LargeBinary, nullable=False),
    Column("wrapped", LargeBinary, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String, primary_key=True),
    Column("lookup", LargeBinary, nullable=False, unique=True),
    Column("name_ct", LargeBinary, nullable=False),
    Column("current_ct", LargeBinary, nullable=False),
    Column("last_seq", Integer, nullable=False),
)

versions = Table(
    "versions",
    metadata,
    Column("id", String, primary_key=True),
    Column(
        "document_id",
        String,
        ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("seq", Integer, nullable=False),
    Column("body_ct", LargeBinary, nullable=False),
    UniqueConstraint("document_id", "seq", name="uq_versions_document_seq"),
)

iterations = Table(
    "iterations",
    metadata,
    Column("id", String, primary_key=True),
    Column("number", Integer, nullable=False, unique=True),
    Column("body_ct", LargeBinary, nullable=False),
)


def blob(column: ColumnElement[bytes]) -> ColumnElement[bytes]:
    """Reads a sealed column as bytes even if damage stored it as text (it then fails to open)."""
    return cast(column, LargeBinary).label(column.key)
