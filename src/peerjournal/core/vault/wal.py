"""Recognising a damaged write-ahead log before SQLite opens the vault.

SQLite quietly ignores a write-ahead log whose header does not check out. Since every
save is checkpointed into the main file at once, nothing acknowledged lives only in
the log; a damaged log is moved aside (never deleted) and the participant is told.
"""

from __future__ import annotations

import logging
import os
import struct
from enum import StrEnum
from pathlib import Path

from peerjournal.core.paths import DataDir
from peerjournal.core.vault.files import sidecars
from peerjournal.core.vault.records import Clock

log = logging.getLogger(__name__)

HEADER_BYTES = 32
MAGIC_LE = 0x377F0682
MAGIC_BE = 0x377F0683
VERSION = 3007000


class WalState(StrEnum):
    ABSENT = "absent"
    EMPTY = "empty"
    VALID = "valid"
    DAMAGED = "damaged"


def _checksum(data: bytes, big_endian: bool) -> tuple[int, int]:
    fmt = ">II" if big_endian else "<II"
    s0 = s1 = 0
    for offset in range(0, len(data), 8):
        x0, x1 = struct.unpack_from(fmt, data, offset)
        s0 = (s0 + x0 + s1) & 0xFFFFFFFF
        s1 = (s1 + x1 + s0) & 0xFFFFFFFF
    return s0, s1


def inspect_wal(path: Path) -> WalState:
    try:
        with path.open("rb") as handle:
            header = handle.read(HEADER_BYTES)
    except FileNotFoundError:
        return WalState.ABSENT
    except OSError:
        return WalState.DAMAGED
    if not header:
        return WalState.EMPTY
    if len(header) < HEADER_BYTES:
        return WalState.DAMAGED
    magic, version = struct.unpack_from(">II", header, 0)
    if magic not in (MAGIC_LE, MAGIC_BE) or version != VERSION:
        return WalState.DAMAGED
    stored = struct.unpack_from(">II", header, 24)
    if _checksum(header[:24], big_endian=magic == MAGIC_BE) != stored:
        return WalState.DAMAGED
    return WalState.VALID


def set_aside_damaged_log(path: Path, clock: Clock) -> list[str]:
    wal, shm = sidecars(path)
    if inspect_wal(wal) is not WalState.DAMAGED:
        return []
    folder = DataDir(path.parent).set_aside
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = clock().astimezone().strftime("%Y-%m-%d-%H%M%S")
    os.replace(wal, folder / f"journal-log-damaged-{stamp}.db-wal")
    if shm.exists():
        os.replace(shm, folder / f"journal-log-damaged-{stamp}.db-shm")
    log.warning("a damaged write-ahead log was set aside")
    return [
        "Your journal's recent-changes file was damaged, so it was set aside in the "
        "'set-aside' folder. Every save peerjournal confirmed is in the journal itself."
    ]
