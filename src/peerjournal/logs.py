"""Logging that never holds anything the participant wrote.

Log records carry ids, counts and timings only. Unexpected exceptions are logged as
their type and the code locations they passed through, never their message or
arguments, because a message can quote data (a database error can echo a value).
Logs rotate inside the data folder.
"""

from __future__ import annotations

import io
import logging
import os
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from peerjournal.core.private import FILE_MODE, private_folder

LOG_NAME = "peerjournal.log"
_state: dict[str, Path] = {}


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose every file (the live one and each rotated one) is 0600."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
        os.fchmod(fd, FILE_MODE)
        return open(fd, "a", encoding=self.encoding or "utf-8", errors=self.errors)


def setup_logging(folder: Path, *, level: int = logging.INFO) -> Path | None:
    """Sends the app's logs to ``folder/peerjournal.log`` (rotated); None if not writable."""
    root = logging.getLogger("peerjournal")
    if _state.get("folder") == folder:
        return folder / LOG_NAME
    for handler in list(root.handlers):
        if isinstance(handler, RotatingFileHandler):
            root.removeHandler(handler)
            handler.close()
    try:
        private_folder(folder)
        handler = PrivateRotatingFileHandler(
            folder / LOG_NAME, maxBytes=512 * 1024, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    _state["folder"] = folder
    return folder / LOG_NAME


def reset_logging() -> None:
    """Detaches the log file (for tests, and before the data folder is removed)."""
    root = logging.getLogger("peerjournal")
    for handler in list(root.handlers):
        if isinstance(handler, RotatingFileHandler):
            root.removeHandler(handler)
            handler.close()
    _state.clear()


def describe_exception(
    exc_type: type[BaseException] | None,
    exc: BaseException | None,
    tb: TracebackType | None,
) -> str:
    """The exception's type and where it went, without its message."""
    lines = [f"{exc_type.__name__ if exc_type else 'Exception'} (message withheld)"]
    for frame in traceback.extract_tb(tb):
        lines.append(f"  at {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
    cause = exc.__cause__ or exc.__context__ if exc else None
    depth = 0
    while cause is not None and depth < 5:
        lines.append(f"  caused by {type(cause).__name__}")
        for frame in traceback.extract_tb(cause.__traceback__):
            lines.append(f"    at {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
        cause = cause.__cause__ or cause.__context__
        depth += 1
    return "\n".join(lines)


def log_unexpected(where: str) -> str:
    """Logs the exception being handled; returns where the log is, for the message."""
    exc_type, exc, tb = sys.exc_info()
    logging.getLogger("peerjournal").error(
        "unexpected failure in %s:\n%s", where, describe_exception(exc_type, exc, tb)
    )
    folder = _state.get("folder")
    return str(folder / LOG_NAME) if folder else "the log"
