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

from peerjournal.core.errors import NeedsWriting, NoVault, VaultCorrupt
from peerjournal.core.vault import crypto
from peerjournal.core.vault import unlocking as u
from peerjournal.core.vault.keys import VaultKeys
from peerjournal.core.vault.reading import fetch_documents, open_documents
from peerjournal.core.vault.records import Clock, Damage, Document, utc_now
from peerjournal.core.vault.revision import HEAD_REVISION, current_revision
from peerjournal.core.vault.sqlite import PRAGMAS, database_errors, looks_like_sqlite
from peerjournal.core.vault.wal import set_aside_damaged_log

if TYPE_CHECKING:
    from sqlalchemy import Connection


class ReadOnlyVault:
    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.notices: list[str] = []
        self.unreadable: list[Damage] = []
        self._conn = conn
        self.keys = VaultKeys(path, self._reading, self._writing)

    @classmethod
    def open(cls, path: Path, *, clock: Clock = utc_now) -> ReadOnlyVault:
        if not path.exists():
            raise NoVault(path=str(path.parent))
        if path.stat().st_size == 0 or not looks_like_sqlite(path):
            raise VaultCorrupt(detail="it is not a peerjournal database any more")
        notices = set_aside_damaged_log(path, clock)
        with database_errors(path):
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        try:
            with database_errors(path):
                for pragma in PRAGMAS:
                    conn.execute(pragma)
                row = conn.execute("PRAGMA quick_check").fetchone()
                if row is None or row[0] != "ok":
                    raise VaultCorrupt(detail="SQLite found damage inside the file")
                if current_revision(conn) != HEAD_REVISION:
                    raise NeedsWriting()
                version = conn.execute(
                    "SELECT value FROM meta WHERE key = ?", (u.FORMAT,)
                ).fetchone()
                slots = conn.execute("SELECT count(*) FROM keyslots").fetchone()
            u.check_format(version[0] if version else None, slots[0] if slots else 0)
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

    def documents(self, prefix: str = "") -> Iterator[Document]:
        key = self._require_key()
        with self._reading() as conn:
            rows = fetch_documents(conn)
        unreadable: list[Damage] = []
        yield from open_documents(key, rows, prefix, unreadable)
        if not prefix:
            self.unreadable = unreadable


__all__ = ["NeedsWriting", "ReadOnlyVault"]
