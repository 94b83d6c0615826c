"""Runs the Alembic migrations at open, importing Alembic only when there is work to do."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from peerjournal.core.errors import VaultTooNew
from peerjournal.core.vault.revision import HEAD_REVISION, KNOWN_REVISIONS, current_revision

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def needs_upgrade(engine: Engine) -> bool:
    with engine.connect() as conn:
        revision = current_revision(conn)
    if revision == HEAD_REVISION:
        return False
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise VaultTooNew()
    return True


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, target)


def head_of_scripts() -> str | None:
    """The head revision according to the migration scripts (a test keeps it in step)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head()
