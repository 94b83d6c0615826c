"""Salvage: one damaged row never costs more than itself.

A row whose current text does not open keeps its history; each version is sealed on
its own, so the newest one that opens can be made current again (as a new version).
A row whose *name* does not open can still be identified: its lookup is a keyed hash
of its name, so trying every name the journal could hold (each question, each day of
a century, the contacts, the story's choices) finds it. And a backup of the same
journal, made before the damage, is opened with the key already in hand.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import Connection, select, update

from peerjournal.core.errors import PeerJournalError, VaultCorrupt
from peerjournal.core.vault import crypto
from peerjournal.core.vault import tables as t
from peerjournal.core.vault.files import remove_with_sidecars
from peerjournal.core.vault.rows import open_name, seal_name
from peerjournal.core.vault.tables import blob


def possible_names(prompt_ids: Iterable[str], *, around: date) -> list[str]:
    """Every name a document of this journal could have."""
    names = [f"answer:{pid}" for pid in prompt_ids]
    names += ["contacts", "story:draft"]
    start = date(around.year - 60, 1, 1)
    days = (date(around.year + 2, 1, 1) - start).days
    names += [f"journal:{(start + timedelta(days=n)).isoformat()}" for n in range(days)]
    return names


def unnamed_rows(conn: Connection, key: crypto.DataKey) -> dict[str, bytes]:
    """Row id -> lookup, for every document whose name does not open."""
    out = {}
    for row in conn.execute(
        select(t.documents.c.id, t.documents.c.lookup, blob(t.documents.c.name_ct))
    ).all():
        try:
            open_name(key, row.id, row.name_ct)
        except VaultCorrupt:
            out[row.id] = bytes(row.lookup)
    return out


def identify(key: crypto.DataKey, lookups: dict[str, bytes], names: list[str]) -> dict[str, str]:
    """Row id -> name, for the unnamed rows whose lookup one of ``names`` gives."""
    wanted = {lookup: row_id for row_id, lookup in lookups.items()}
    found = {}
    for name in names:
        row_id = wanted.get(key.lookup(name))
        if row_id is not None:
            found[row_id] = name
            if len(found) == len(wanted):
                break
    return found


def rename(conn: Connection, key: crypto.DataKey, row_id: str, name: str) -> bytes:
    """Seals ``name`` again for a row whose sealed name was damaged; returns the new blob."""
    sealed = seal_name(key, name, row_id)
    conn.execute(update(t.documents).where(t.documents.c.id == row_id).values(name_ct=sealed))
    return sealed


def copy_for_reading(backup: Path, scratch: Path) -> Path:
    """A private copy of a backup to open (opening may upgrade it; the backup stays as it is)."""
    scratch.mkdir(parents=True, exist_ok=True, mode=0o700)
    trial = scratch / "salvage.db"
    remove_with_sidecars(trial)
    try:
        shutil.copyfile(backup, trial)
    except OSError:
        raise PeerJournalError() from None
    return trial


__all__ = ["copy_for_reading", "identify", "possible_names", "rename", "unnamed_rows"]
