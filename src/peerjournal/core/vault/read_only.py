"""The journal opened for reading only, with the standard library's ``sqlite3`` alone.

The headless read commands (search, a page, the list of pages) used to open the file
through SQLAlchemy, whose import alone cost more than reading and decrypting ten years
of pages. This vault shares every check with the window's: the same file checks, the
same keyslot bounds and key choice (``VaultKeys``), the same inspection of the sealed
header and manifest, the same reading of rows (``reading``). What it cannot do without
writing (upgrading an older schema, sealing a first-format file) it refuses with
``NeedsWriting``, and the caller opens the full vault instead.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from peerjournal.core.errors import NeedsWriting
from peerjournal.core.vault import crypto
from peerjournal.core.vault import unlocking as u
from peerjournal.core.vault.checking import check_vault
from peerjournal.core.vault.keys import VaultKeys
from peerjournal.core.vault.reading import DocumentReader
from peerjournal.core.vault.records import CheckReport, Clock, Damage, utc_now
from peerjournal.core.vault.revision import HEAD_REVISION, current_revision
from peerjournal.core.vault.sqlite import PRAGMAS, database_errors
from peerjournal.core.vault.wal import set_aside_damaged_log

if TYPE_CHECKING:
    from sqlalchemy import Connection


class ReadOnlyVault(DocumentReader):
    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.notices: list[str] = []
        self.unreadable: list[Damage] = []
        self._conn = conn
        self.keys = VaultKeys(path, self._reading, self._writing)

    @classmethod
    def open(cls, path: Path, *, clock: Clock = utc_now) -> ReadOnlyVault:
        u.check_file(path)
        notices = set_aside_damaged_log(path, clock)
        with database_errors(path):
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        try:
            with database_errors(path):
                for pragma in PRAGMAS:
                    conn.execute(pragma)
                u.quick_check(conn)
                if current_revision(conn) != HEAD_REVISION:
                    raise NeedsWriting()
                version, slots = u.read_format(conn)
            u.check_format(version, slots)
        except BaseException:
            conn.close()
            raise
        vault = cls(path, conn)
        vault.notices.extend(notices)
        return vault

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with database_errors(self.path):
            yield self._conn

    def _writing(self) -> AbstractContextManager[Connection]:
        raise NeedsWriting()

    @property
    def unlocked(self) -> bool:
        return self.keys.unlocked

    @property
    def findings(self) -> list[str]:
        return self.keys.findings

    def unlock(self, passphrase: str) -> None:
        self.keys.unlock(passphrase)

    def lock(self) -> None:
        self.keys.lock()

    def close(self) -> None:
        self.lock()
        self._conn.close()

    def _require_key(self) -> crypto.DataKey:
        return self.keys.require()

    def check(self) -> CheckReport:
        """The same check as the window's vault runs (``checking.check_vault``)."""
        key = self._require_key()
        with self._reading() as conn:
            return check_vault(conn, key, self.keys.header)


__all__ = ["NeedsWriting", "ReadOnlyVault"]
