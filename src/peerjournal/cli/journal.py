"""Opening the journal for one command: unlocked for it, and always closed after it.

``open_journal`` builds every service (the writing commands); ``read_journal`` only the
few a read needs, on the read-only vault, with the content packs from their cache.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from peerjournal.cli.io import (
    passphrase,
    say,
)
from peerjournal.core.errors import (
    NoVault,
    VaultCorrupt,
)
from peerjournal.core.paths import DataDir, resolve_data_dir

if TYPE_CHECKING:
    from peerjournal.core.content import model as m
    from peerjournal.services.container import Services
    from peerjournal.services.reading import ReadingServices
    from peerjournal.services.session import VaultSession


def services_for(args: argparse.Namespace) -> Services:
    from peerjournal.services.container import build_services

    return build_services(resolve_data_dir(getattr(args, "data_dir", None)))


def damaged_advice(data: DataDir) -> str:
    from peerjournal.core.vault.backup import list_backups

    backups = list_backups(data.backups)
    if not backups:
        return "There is no backup in the data folder to restore."
    latest = backups[0]
    return (
        f"Your latest backup is {latest.path} (made {latest.made:%d %B %Y at %H:%M}); "
        f"restore it with: peerjournal restore '{latest.path}'"
    )


def _unlock(args: argparse.Namespace, session: VaultSession) -> None:
    if not session.exists():
        raise NoVault(path=str(session.data.root))
    try:
        session.open()
    except VaultCorrupt as exc:
        raise VaultCorrupt(
            detail=str(exc.params.get("detail", "")), advice=damaged_advice(session.data)
        ) from None
    _tell(session, 0)
    told = len(session.notices)
    session.unlock(passphrase(args))
    _tell(session, told)


def _tell(session: VaultSession, told: int) -> None:
    """Says (on standard error) what opening or reading found since ``told`` notices."""
    for notice in session.notices[told:]:
        say(notice)


def content_only(args: argparse.Namespace) -> m.Content:
    from peerjournal.core.content import cache
    from peerjournal.core.content.files import content_language

    data = DataDir(resolve_data_dir(getattr(args, "data_dir", None)))
    return cache.load([data.packs], data.content_cache, language=content_language(data.settings))


# -- commands ----------------------------------------------------------------------------


@contextmanager
def open_journal(args: argparse.Namespace) -> Iterator[Services]:
    """The journal unlocked for one command, with every service, closed whatever happens."""
    services = services_for(args)
    try:
        _unlock(args, services.session)
        yield services
    finally:
        services.session.close()


@contextmanager
def read_journal(args: argparse.Namespace) -> Iterator[ReadingServices]:
    """The journal unlocked for reading only (search, a page, the list of pages).

    No SQLAlchemy, no pydantic, no YAML: a read opens the file with the standard
    library's sqlite3 and the content from its cache.
    """
    from peerjournal.services.reading import build_reading

    services = build_reading(resolve_data_dir(getattr(args, "data_dir", None)))
    session = services.session
    try:
        _unlock(args, session)
        told = len(session.notices)
        yield services
        _tell(session, told)  # what would not open, found while reading
    finally:
        session.close()
