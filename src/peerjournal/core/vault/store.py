"""The vault: an encrypted, versioned store of named documents in one SQLite file.

Everything the participant writes is a *document* with a name ("answer:m1.s1.positive",
"journal:2026-11-24", "contacts" ...) and a JSON value. Names and values are sealed;
on disk only random ids, an HMAC of the name (for lookups) and counters are readable.
Each save is a version, except that saves made while typing goes on fold into the
version of this sitting (see ``Fold``), so history stays useful without ever losing
what an earlier sitting wrote. A save returns only once SQLite has committed it with
``synchronous=FULL``, so an acknowledged save survives a crash or power loss.

Format 2 (this one) authenticates what binds the values together: a sealed header
over the keyslots and format (``header``), and a sealed keyed sum over every row
(``manifest``), both updated in the same transaction as the change. Changing the
passphrase or making a new recovery key rotates the data key. A journal of the first
format is sealed at its first unlock. docs/security.md describes the whole design.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, select
from sqlalchemy import exc as sa_exc

from peerjournal.core.errors import (
    PeerJournalError,
)
from peerjournal.core.vault import crypto, migrate
from peerjournal.core.vault import header as h
from peerjournal.core.vault import salvage as sv
from peerjournal.core.vault import tables as t
from peerjournal.core.vault import unlocking as u
from peerjournal.core.vault.checking import check_vault
from peerjournal.core.vault.creating import write_new_vault
from peerjournal.core.vault.documents import DocumentStore
from peerjournal.core.vault.keys import VaultKeys
from peerjournal.core.vault.keyslots import (
    KdfParams,
)
from peerjournal.core.vault.ledger import Ledger, read_commits
from peerjournal.core.vault.records import (
    CheckReport,
    Clock,
    Damage,
    utc_now,
)
from peerjournal.core.vault.recovery_key import RecoveryKey
from peerjournal.core.vault.sqlite import database_errors, make_engine
from peerjournal.core.vault.tables import blob
from peerjournal.core.vault.wal import set_aside_damaged_log

log = logging.getLogger(__name__)

FORMAT_VERSION = str(h.FORMAT)
COMMITS = u.COMMITS


class Vault(DocumentStore):
    """An open vault file. Locked until ``unlock``; only then can anything be read or saved."""

    def __init__(self, path: Path, engine: Engine, *, clock: Clock = utc_now) -> None:
        self.path = path
        self.notices: list[str] = []
        """Things the participant should hear about opening (e.g. a log set aside)."""
        self.unreadable: list[Damage] = []
        """Rows that did not open when the documents were last read (named if possible)."""
        self._engine = engine
        self._clock = clock
        self.keys = VaultKeys(path, self._reading, self._writing, inspect_beside=True)
        self._write_lock = threading.RLock()
        self._sitting: set[str] = set()
        """Documents whose latest version was begun in this sitting (may be folded into)."""

    # -- opening ---------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        passphrase: str,
        *,
        kdf: KdfParams | None = None,
        clock: Clock = utc_now,
    ) -> tuple[Vault, RecoveryKey]:
        """Creates the vault beside its final name and moves it into place only when whole."""
        key, header, recovery = write_new_vault(path, passphrase, kdf=kdf)
        vault = cls.open(path, clock=clock)
        vault.keys.adopt(key, header)
        return vault, recovery

    @classmethod
    def open(cls, path: Path, *, clock: Clock = utc_now) -> Vault:
        """Opens (and if needed upgrades) the file; raises calm errors for a damaged one."""
        u.check_file(path)
        notices = set_aside_damaged_log(path, clock)
        engine = make_engine(path)
        try:
            with database_errors(path):
                with engine.connect() as conn:
                    u.quick_check(conn)
                if migrate.needs_upgrade(engine):
                    migrate.upgrade(engine)
                with engine.connect() as conn:
                    version, slot_count = u.read_format(conn)
            u.check_format(version, slot_count)
        except BaseException:
            engine.dispose()
            raise
        vault = cls(path, engine, clock=clock)
        vault.notices.extend(notices)
        return vault

    def close(self) -> None:
        self.lock()
        self._engine.dispose()

    # -- keys ------------------------------------------------------------------------

    @property
    def unlocked(self) -> bool:
        return self.keys.unlocked

    @property
    def findings(self) -> list[str]:
        """What unlocking found changed outside peerjournal (empty when all is whole)."""
        return self.keys.findings

    def unlock(self, passphrase: str) -> None:
        self.keys.unlock(passphrase)
        self.new_sitting()

    def unlock_with_recovery(self, recovery: RecoveryKey) -> None:
        self.keys.unlock_with_recovery(recovery)
        self.new_sitting()

    def unlock_with_key(self, raw: bytes) -> bool:
        return self.keys.unlock_with_key(raw)

    def verify_passphrase(self, passphrase: str) -> bool:
        return self.keys.verify_passphrase(passphrase)

    def passphrase_params(self) -> KdfParams | None:
        return self.keys.passphrase_params()

    def set_passphrase(
        self,
        new_passphrase: str,
        *,
        kdf: KdfParams | None = None,
        recovery: RecoveryKey | None = None,
    ) -> RecoveryKey | None:
        """See ``VaultKeys.set_passphrase``: a new passphrase and a new data key."""
        return self.keys.set_passphrase(new_passphrase, kdf=kdf, recovery=recovery)

    def new_recovery_key(self, passphrase: str, *, kdf: KdfParams | None = None) -> RecoveryKey:
        return self.keys.new_recovery_key(passphrase, kdf=kdf)

    def commits(self) -> int:
        """How many changes the journal has had: a backup with fewer was made before the last."""
        with self._reading() as conn:
            return read_commits(conn)

    def new_sitting(self) -> None:
        """Ends the sitting: the next save of any document begins a new version."""
        with self._write_lock:
            self._sitting.clear()

    def lock(self) -> None:
        self.new_sitting()
        self.keys.lock()

    def _require_key(self) -> crypto.DataKey:
        return self.keys.require()

    # -- salvage ---------------------------------------------------------------------------

    def identify(self, names: list[str]) -> dict[str, str]:
        """Row id -> name for each document whose sealed name is damaged but whose lookup
        matches one of ``names``; those rows get their name sealed again."""
        key = self._require_key()
        with self._writing() as conn:
            found = sv.identify(key, sv.unnamed_rows(conn, key), names)
            if not found:
                return {}
            ledger = Ledger(conn, key)
            dc = t.documents.c
            for row_id, name in found.items():
                row = conn.execute(
                    select(dc.lookup, dc.last_seq, blob(dc.name_ct), blob(dc.current_ct)).where(
                        dc.id == row_id
                    )
                ).one()
                new_name = sv.rename(conn, key, row_id, name)
                lookup = bytes(row.lookup)
                ledger.remove_document(row_id, lookup, row.last_seq, row.name_ct, row.current_ct)
                ledger.add_document(row_id, lookup, row.last_seq, new_name, row.current_ct)
            ledger.commit()
        return found

    def open_copy(self, backup: Path, scratch: Path) -> Vault | None:
        """A backup of this same journal, unlocked with this key; None if it is not one."""
        key = self._require_key()
        try:
            trial = sv.copy_for_reading(backup, scratch)
            other = Vault.open(trial, clock=self._clock)
        except PeerJournalError:
            return None
        if not other.unlock_with_key(key.raw):
            other.close()
            return None
        return other

    # -- integrity ------------------------------------------------------------------------

    def check(self) -> CheckReport:
        """Every sealed value, the header, the manifest and SQLite's own integrity check."""
        key = self._require_key()
        with self._reading() as conn:
            return check_vault(conn, key, self.keys.header)

    # -- helpers ---------------------------------------------------------------------------

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        with database_errors(self.path), self._engine.connect() as conn:
            yield conn

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """One write transaction, then its pages copied from the log into the database.

        The commit itself is durable (the write-ahead log is synced); the checkpoint that
        follows moves it into the main file at once, so losing the ``-wal`` file later
        (deleted, damaged) can never take an acknowledged save with it.
        """
        with self._write_lock, database_errors(self.path):
            with self._engine.begin() as conn:
                yield conn
            self._checkpoint()

    def _checkpoint(self) -> None:
        try:
            raw = self._engine.raw_connection()
            try:
                driver = raw.driver_connection
                if driver is None:
                    return
                driver.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            finally:
                raw.close()
        except (sqlite3.Error, sa_exc.SQLAlchemyError, OSError):
            log.warning("checkpoint deferred; the save itself is safe in the log")

    @property
    def engine(self) -> Engine:
        """For the backup module only, which copies the already encrypted pages."""
        return self._engine


__all__ = ["FORMAT_VERSION", "Vault"]
