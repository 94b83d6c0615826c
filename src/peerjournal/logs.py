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
from pathlib import Path
from types import TracebackType

from peerjournal.core.private import FILE_MODE, private_folder

LOG_NAME = "peerjournal.log"
_state: dict[str, Path] = {}


class _PrivateLog(logging.Handler):
    """The rotating log file, opened at its first record: a read that logs nothing never
    imports ``logging.handlers`` (sockets, pickle, queues) or touches the file.

    Every file (the live one and each rotated one) is 0600.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None

    def _opened(self) -> logging.Handler:
        if self._file is None:
            from logging.handlers import RotatingFileHandler

            class PrivateRotatingFileHandler(RotatingFileHandler):
                def _open(self) -> io.TextIOWrapper:
                    fd = os.open(
                        self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE
                    )
                    os.fchmod(fd, FILE_MODE)
                    return open(fd, "a", encoding=self.encoding or "utf-8", errors=self.errors)

            self._file = PrivateRotatingFileHandler(
                self.path, maxBytes=512 * 1024, backupCount=3, encoding="utf-8"
            )
            self._file.setFormatter(self.formatter)
        return self._file

    def emit(self, record: logging.LogRecord) -> None:
        try:
            handler = self._opened()
        except OSError:  # a log that cannot be opened is done without, never a traceback
            return
        handler.emit(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        super().close()


def setup_logging(folder: Path, *, level: int = logging.INFO) -> Path | None:
    """Sends the app's logs to ``folder/peerjournal.log`` (rotated); None if not writable."""
    root = logging.getLogger("peerjournal")
    if _state.get("folder") == folder:
        return folder / LOG_NAME
    _detach(root)
    try:
        private_folder(folder)
    except OSError:
        return None
    handler = _PrivateLog(folder / LOG_NAME)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    _state["folder"] = folder
    return folder / LOG_NAME


def _detach(root: logging.Logger) -> None:
    for handler in list(root.handlers):
        if isinstance(handler, _PrivateLog):
            root.removeHandler(handler)
            handler.close()


def reset_logging() -> None:
    """Detaches the log file (for tests, and before the data folder is removed)."""
    _detach(logging.getLogger("peerjournal"))
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
