"""Encrypted backups: SQLite's online backup of the (already encrypted) vault file.

A backup is itself a vault file, keyslots and all, so it opens with the passphrase that
was in use when it was made, or with the recovery key. Backups are written beside their
final name and renamed only when complete, so a crash or a full disk never leaves a
half backup that looks whole. Restoring verifies the backup opens and checks clean
before anything is replaced, and keeps the replaced vault aside.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from peerjournal.core.errors import (
    BackupBad,
    PeerJournalError,
    VaultCorrupt,
    WrongPassphrase,
    WrongRecoveryKey,
)
from peerjournal.core.vault.files import fsync_dir, fsync_file, remove_with_sidecars, sidecars
from peerjournal.core.vault.sqlite import database_errors, translate

if TYPE_CHECKING:
    from peerjournal.core.vault.store import Vault

SUFFIX = ".pjbackup"
PREFIX = "journal-"
STAMP = "%Y-%m-%d-%H%M%S"
KEEP_NEWEST = 10
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12
_PRECISE = re.compile(r"(\d{4}-\d{2}-\d{2}-\d{6})-(\d{6})")

Unlocker = Callable[["Vault"], None]


class BackupInfo(msgspec.Struct, frozen=True):
    path: Path
    made: datetime
    size: int


def backup_name(when: datetime, *, precise: bool = False) -> str:
    """``journal-2026-11-24-093012.pjbackup``; ``precise`` adds microseconds (``-093012-123456``)
    for a second backup within the same second."""
    micro = f"-{when.microsecond:06d}" if precise else ""
    return f"{PREFIX}{when.strftime(STAMP)}{micro}{SUFFIX}"


def _made(name: str) -> datetime:
    stem = name[len(PREFIX) : -len(SUFFIX)]
    match = _PRECISE.fullmatch(stem)
    if match:
        return datetime.strptime(match[1], STAMP).replace(microsecond=int(match[2]))
    return datetime.strptime(stem, STAMP)


def write_backup(vault: Vault, dest: Path) -> Path:
    """Copies the live vault into ``dest`` page by page; durable when this returns."""
    dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        with database_errors(dest.parent):
            raw = vault.engine.raw_connection()
            try:
                source = raw.driver_connection
                if not isinstance(source, sqlite3.Connection):
                    raise TypeError("the vault is not on sqlite3")
                partial.touch(mode=0o600)
                target = sqlite3.connect(partial)
                try:
                    source.backup(target)
                    target.execute("PRAGMA journal_mode=DELETE")
                finally:
                    target.close()
            finally:
                raw.close()
            fsync_file(partial)
            os.replace(partial, dest)
            fsync_dir(dest.parent)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return dest


def list_backups(folder: Path) -> list[BackupInfo]:
    """The backups in ``folder``, newest first."""
    found = []
    if not folder.is_dir():
        return []
    for path in folder.iterdir():
        if not (path.name.startswith(PREFIX) and path.name.endswith(SUFFIX)):
            continue
        try:
            made = _made(path.name)
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(BackupInfo(path, made, size))
    found.sort(key=lambda b: b.made, reverse=True)
    return found


def rotate(folder: Path, *, now: datetime, protect: Path | None = None) -> list[Path]:
    """Deletes the backups no rule keeps; returns what went.

    Kept: the newest ``KEEP_NEWEST`` whatever their day; the newest of each of the last
    ``KEEP_DAILY`` days, ``KEEP_WEEKLY`` weeks and ``KEEP_MONTHLY`` months (counted back
    from ``now``, local time); and ``protect``, the newest backup from before the
    journal's last change, so "as it was before" always exists.
    """
    backups = list_backups(folder)
    keep = {info.path for info in backups[:KEEP_NEWEST]}
    if protect is not None:
        keep.add(protect)
    today = now.date()
    buckets: list[tuple[Callable[[date], object], set[object]]] = [
        (_day, {_day(today - timedelta(days=i)) for i in range(KEEP_DAILY)}),
        (_week, {_week(today - timedelta(weeks=i)) for i in range(KEEP_WEEKLY)}),
        (_month, {_months_back(today, i) for i in range(KEEP_MONTHLY)}),
    ]
    for bucket, wanted in buckets:
        for info in backups:  # newest first: the first seen in a bucket is its newest
            key = bucket(info.made.date())
            if key in wanted:
                wanted.discard(key)
                keep.add(info.path)
    removed = []
    for info in backups:
        if info.path not in keep:
            try:
                info.path.unlink()
                removed.append(info.path)
            except OSError:
                continue
    return removed


def _day(day: date) -> object:
    return day


def _week(day: date) -> object:
    iso = day.isocalendar()
    return (iso.year, iso.week)


def _month(day: date) -> object:
    return (day.year, day.month)


def _months_back(day: date, count: int) -> object:
    year, month = divmod(day.year * 12 + day.month - 1 - count, 12)
    return (year, month + 1)


def commits_of(path: Path) -> int:
    """The journal's change counter as it was when ``path`` (a backup) was made; 0 if unknown."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return 0
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'commits'").fetchone()
    except sqlite3.Error:
        return 0
    finally:
        conn.close()
    try:
        return int(row[0]) if row else 0
    except (TypeError, ValueError):
        return 0


def verify_backup(backup: Path, unlock: Unlocker, *, scratch: Path) -> None:
    """Opens a copy of ``backup``, unlocks it and checks every value; raises if unusable."""
    if not backup.is_file():
        raise BackupBad(detail="the file is not there")
    scratch.mkdir(parents=True, exist_ok=True, mode=0o700)
    trial = scratch / "verify.db"
    remove_with_sidecars(trial)
    try:
        try:
            shutil.copyfile(backup, trial)
        except OSError as exc:
            calm = translate(exc, where=scratch)
            raise calm if calm else BackupBad(detail="it cannot be read") from None
        from peerjournal.core.vault.store import Vault

        try:
            vault = Vault.open(trial)
        except VaultCorrupt:
            raise BackupBad(detail="it is damaged or is not a peerjournal backup") from None
        try:
            unlock(vault)
            report = vault.check()
        except (WrongPassphrase, WrongRecoveryKey):
            raise
        except PeerJournalError:
            raise BackupBad(detail="it is damaged") from None
        finally:
            vault.close()
        if not report.ok:
            raise BackupBad(detail=f"it is damaged: {report.damaged[0]}")
    finally:
        remove_with_sidecars(trial)


def replace_vault(vault_path: Path, backup: Path, *, set_aside: Path, now: datetime) -> Path | None:
    """Puts ``backup`` in place of the vault; returns where the old vault was kept, if any.

    One rename changes which journal is in place, and only after the incoming copy is
    whole and synced and the old journal is kept (a hard link, or a copy where links are
    not allowed). Killed at any moment, the next start finds the old journal or the
    restored one, never none. Call only with the vault closed and the instance lock held.
    """
    set_aside.mkdir(parents=True, exist_ok=True, mode=0o700)
    incoming = vault_path.with_name(vault_path.name + ".restoring")
    remove_with_sidecars(incoming)
    with database_errors(vault_path.parent):
        shutil.copyfile(backup, incoming)
        os.chmod(incoming, 0o600)
        fsync_file(incoming)
        kept: Path | None = None
        if vault_path.exists():
            settle(vault_path)
            kept = set_aside / f"journal-replaced-{now.strftime(STAMP)}.db"
            try:
                os.link(vault_path, kept)
            except OSError:
                shutil.copyfile(vault_path, kept)
                fsync_file(kept)
            fsync_dir(set_aside)
        os.replace(incoming, vault_path)
        fsync_dir(vault_path.parent)
    return kept


def settle(path: Path) -> None:
    """Folds any write-ahead log into the file and removes it, so the file alone is whole.

    A log left beside the journal must never be read against another file put in its
    place, so it is checkpointed and gone before anything is renamed.
    """
    wal, shm = sidecars(path)
    if wal.exists():
        conn = sqlite3.connect(path)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            conn.close()
    wal.unlink(missing_ok=True)
    shm.unlink(missing_ok=True)


def remove_stale_restore(vault_path: Path) -> None:
    """A copy a killed restore left half way (the journal in place is untouched)."""
    remove_with_sidecars(vault_path.with_name(vault_path.name + ".restoring"))
