"""Which schema revision this build writes, readable without SQLAlchemy or Alembic.

The read path of the headless commands opens the file with the standard library only;
it reads a journal at this revision and leaves any other to the full open, which
upgrades it. A test keeps this in step with the migration scripts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peerjournal.core.vault.sqlite import as_driver

if TYPE_CHECKING:
    from peerjournal.core.vault.sqlite import Reader

HEAD_REVISION = "0002_story_iterations"
KNOWN_REVISIONS = ("0001_initial", HEAD_REVISION)


def current_revision(conn: Reader) -> str | None:
    raw = as_driver(conn)
    has_table = raw.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if not has_table:
        return None
    row = raw.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None
