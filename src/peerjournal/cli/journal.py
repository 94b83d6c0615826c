"""Opening the journal for one command: ``open_journal`` unlocks it and always closes it."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from peerjournal.cli.io import (
    passphrase,
    say,
)
from peerjournal.core.content import model as m
from peerjournal.core.errors import (
    NoVault,
    VaultCorrupt,
)
from peerjournal.core.paths import DataDir, resolve_data_dir
from peerjournal.services.container import Services, build_services


def services_for(args: argparse.Namespace, *, read_only: bool = False) -> Services:
    return build_services(resolve_data_dir(getattr(args, "data_dir", None)), read_only=read_only)


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


def _unlock(args: argparse.Namespace, read_only: bool) -> Services:
    services = services_for(args, read_only=read_only)
    session = services.session
    if not session.exists():
        raise NoVault(path=str(session.data.root))
    try:
        session.open()
    except VaultCorrupt as exc:
        raise VaultCorrupt(
            detail=str(exc.params.get("detail", "")), advice=damaged_advice(session.data)
        ) from None
    for notice in session.notices:
        say(notice)
    session.unlock(passphrase(args))
    return services


def content_only(args: argparse.Namespace) -> m.Content:
    from peerjournal.core.content.loader import load_content

    data = DataDir(resolve_data_dir(getattr(args, "data_dir", None)))
    return load_content([data.packs])


# -- commands ----------------------------------------------------------------------------


@contextmanager
def open_journal(args: argparse.Namespace, *, read_only: bool = False) -> Iterator[Services]:
    """The journal unlocked for one command, closed whatever happens.

    ``read_only`` (search, show, the list of pages) opens it without SQLAlchemy.
    """
    services = _unlock(args, read_only)
    try:
        yield services
    finally:
        services.session.close()
