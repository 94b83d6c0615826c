"""Alembic environment: always handed an open connection by the vault, never a URL."""

from __future__ import annotations

from alembic import context

from peerjournal.core.vault.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
