"""Files written for the participant outside the vault (a PDF, an export): readable by
them alone, whole or not at all, and a killed write cleaned up at the next start.

Kept apart from the exports themselves so that opening the journal (which cleans up)
needs none of the export code.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from peerjournal.core.errors import WriteFailed
from peerjournal.core.private import write_private
from peerjournal.core.vault.files import fsync_file
from peerjournal.core.vault.sqlite import translate

PENDING_NAME = "exports-in-progress"
"""In the data folder: where a half-written export is, while it is being written."""


def remove_stale_partials(data_root: Path) -> int:
    """Removes half-written exports a killed run left behind; returns how many went.

    While an export is written, the path of its ``.partial`` file (never its contents)
    is noted in the data folder; the note goes once the file is in place. A note still
    there at the next start means the run was killed: that partial plaintext is removed.
    """
    note = data_root / PENDING_NAME
    try:
        listed = note.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 0
    removed = 0
    for line in listed:
        partial = Path(line)
        if partial.name.startswith(".") and partial.name.endswith(".partial"):
            with contextlib.suppress(OSError):
                partial.unlink()
                removed += 1
    note.unlink(missing_ok=True)
    return removed


def write_private_file(path: Path, data: bytes, *, data_root: Path | None = None) -> None:
    """Writes a file only the participant can read, whole or not at all.

    A full disk or a folder that cannot be written to becomes a calm error, and the
    half-written file is removed, so an existing file of that name is never damaged.
    With ``data_root``, a killed write is cleaned up at the next start
    (``remove_stale_partials``).
    """
    partial = path.with_name(f".{path.name}.partial")
    note = data_root / PENDING_NAME if data_root is not None else None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if note is not None:
            write_private(note, f"{partial.resolve()}\n".encode())
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            fsync_file(partial)
            os.replace(partial, path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        finally:
            if note is not None:
                note.unlink(missing_ok=True)
    except OSError as exc:
        calm = translate(exc, where=path.parent)
        if calm is None:
            raise WriteFailed(path=str(path)) from None
        raise calm from None


__all__ = ["PENDING_NAME", "remove_stale_partials", "write_private_file"]
