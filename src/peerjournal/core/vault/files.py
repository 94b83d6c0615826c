"""Small file-system steps that make writes durable: fsync files and their folders."""

from __future__ import annotations

import os
from pathlib import Path


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Makes a rename inside ``path`` durable (POSIX only; Windows has no directory fsync)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sidecars(path: Path) -> tuple[Path, Path]:
    """SQLite's write-ahead log and shared-memory files beside a database."""
    return (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))


def remove_with_sidecars(path: Path) -> None:
    for one in (path, *sidecars(path)):
        one.unlink(missing_ok=True)
