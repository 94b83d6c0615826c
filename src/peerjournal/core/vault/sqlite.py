"""The SQLite engine, its pragmas, and how database failures become calm errors."""

from __future__ import annotations

import errno
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from peerjournal.core.errors import (
    DiskError,
    PeerJournalError,
    ReadOnly,
    StorageFull,
    VaultCorrupt,
    VaultInUse,
)

if TYPE_CHECKING:
    from typing import TypeAlias

    from sqlalchemy import Connection, Engine

    Reader: TypeAlias = sqlite3.Connection | Connection
    """What the shared reads take: the driver's connection, or SQLAlchemy's over one."""

SQLITE_MAGIC = b"SQLite format 3\x00"

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA temp_store=MEMORY",
    "PRAGMA secure_delete=ON",
    "PRAGMA busy_timeout=5000",
)


def make_engine(path: Path) -> Engine:
    # Imported here so naming errors and files never pulls in SQLAlchemy on its own.
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import ConnectionPoolEntry

    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "isolation_level": None},
        pool_pre_ping=False,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        for pragma in PRAGMAS:
            dbapi_conn.execute(pragma)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: object) -> None:
        # The driver runs in autocommit mode (isolation_level=None) so that SQLAlchemy,
        # not the driver, decides when a transaction starts (SQLAlchemy's documented
        # recipe for pysqlite). Writers are serialised by the vault's own lock.
        conn.exec_driver_sql("BEGIN")  # type: ignore[attr-defined]  # a Connection

    return engine


def looks_like_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def translate(exc: BaseException, *, where: Path) -> PeerJournalError | None:
    """The calm error for a database or file failure, or None if it is not one we know."""
    if isinstance(exc, PeerJournalError):
        return exc
    original = getattr(exc, "orig", None)  # SQLAlchemy's DBAPIError wraps the driver's error
    if isinstance(original, BaseException):
        exc = original
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            return StorageFull()
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return ReadOnly(path=str(where))
        return None
    if not isinstance(exc, sqlite3.Error):
        return None
    text = str(exc).lower()
    code = getattr(exc, "sqlite_errorcode", None)
    if "full" in text or code == sqlite3.SQLITE_FULL:
        return StorageFull()
    if "readonly" in text or "read-only" in text or code == sqlite3.SQLITE_READONLY:
        return ReadOnly(path=str(where))
    if "locked" in text or "busy" in text:
        return VaultInUse()
    if "unable to open" in text or "cantopen" in text:
        return ReadOnly(path=str(where))
    if "disk i/o" in text or code == sqlite3.SQLITE_IOERR:
        return StorageFull() if _looks_full(where) else DiskError()
    if (
        "malformed" in text
        or "not a database" in text
        or "corrupt" in text
        or code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
    ):
        return VaultCorrupt(detail="the database cannot be read")
    if "could not decode" in text:
        return VaultCorrupt(detail="parts of the database hold unreadable values")
    if "no such table" in text or "no such column" in text:
        return VaultCorrupt(detail="parts of the database are missing")
    return None


def _looks_full(where: Path) -> bool:
    """A failed write is a full disk when space is nearly gone or a file-size limit is set."""
    try:
        folder = where if where.is_dir() else where.parent
        if shutil.disk_usage(folder).free < 64 * 1024 * 1024:
            return True
    except OSError:
        pass
    if sys.platform == "win32":
        return False
    import resource

    soft, _hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    return soft != resource.RLIM_INFINITY


@contextmanager
def database_errors(where: Path) -> Iterator[None]:
    try:
        yield
    except Exception as exc:  # translated when it is a database or file failure we know
        calm = translate(exc, where=where)
        if calm is None:
            raise
        raise calm from None


def as_driver(conn: Reader) -> sqlite3.Connection:
    """The driver's connection, whether given one or a SQLAlchemy connection over one.

    Reads that unlocking and checking share take either: the window's vault passes its
    SQLAlchemy connection (inside a write transaction when it has one), the read-only
    vault of the headless read commands its plain ``sqlite3`` one.
    """
    if isinstance(conn, sqlite3.Connection):
        return conn
    return driver(conn)


def driver(conn: Connection) -> sqlite3.Connection:
    """The driver's own connection under ``conn``, for reads of many rows at C speed."""
    raw = conn.connection.driver_connection
    if not isinstance(raw, sqlite3.Connection):
        raise RuntimeError("the journal is not an SQLite database connection")
    return raw
