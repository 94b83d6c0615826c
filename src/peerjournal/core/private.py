"""Nothing readable by others: the data folder is 0700 and every file in it 0600.

Three layers, because any one alone has a gap: the process umask is 077 from the first
line of ``main`` (so SQLite's own files, Qt's and the log's are born private); files
peerjournal writes itself are opened 0600; and ``tighten`` puts the whole folder right
after every operation that adds or replaces files (create, open, backup, restore,
set-aside, close), which also mends a folder made by an older version or another umask.
SQLite gives a database's ``-wal``/``-shm`` files the database file's own mode.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)

FOLDER_MODE = 0o700
FILE_MODE = 0o600
UMASK = 0o077


def use_private_umask() -> None:
    """Every file this process creates from now on is readable by its owner only."""
    os.umask(UMASK)


def private_folder(path: Path) -> Path:
    """Makes ``path`` (and missing parents) and gives it 0700; returns it."""
    path.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    _chmod(path, FOLDER_MODE)
    return path


def tighten(root: Path) -> int:
    """Gives ``root`` and every folder in it 0700 and every file 0600; returns how many changed.

    Symbolic links are left alone (their targets may be anywhere). Errors (a file that
    vanished, a read-only mount) are skipped: this is a safeguard, never a failure.
    """
    changed = 0
    if not root.is_dir():
        return 0
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        changed += _chmod(here, FOLDER_MODE)
        for name in files:
            changed += _chmod(here / name, FILE_MODE)
        dirs[:] = [d for d in dirs if not (here / d).is_symlink()]
    if changed:
        log.info("made %d file(s) in the data folder private", changed)
    return changed


def _chmod(path: Path, mode: int) -> int:
    try:
        info = path.lstat()
    except OSError:
        return 0
    if stat.S_ISLNK(info.st_mode) or stat.S_IMODE(info.st_mode) == mode:
        return 0
    with contextlib.suppress(OSError):
        os.chmod(path, mode)
        return 1
    return 0


def write_private(path: Path, data: bytes) -> None:
    """Writes ``path`` whole or not at all (beside it, then renamed), readable by its owner only."""
    partial = path.with_name(f".{path.name}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


__all__ = [
    "FILE_MODE",
    "FOLDER_MODE",
    "private_folder",
    "tighten",
    "use_private_umask",
    "write_private",
]
