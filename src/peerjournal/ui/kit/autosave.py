"""Never lose a word: the one save path for everything a participant types.

Each thing that can be saved (an answer, a daily page, the story's choices, the
contacts) registers under a key with two functions: ``snapshot`` reads the widgets on
the UI thread and returns a frozen value; ``write`` stores that value and runs on the
write lane. ``touch(key)`` starts that key's timer, about a second, unless it is
already running, so words are saved at most one interval after they were typed even
while typing goes on; ``save_now(key)`` submits it at once (a discrete pick);
``flush()`` submits everything pending (Ctrl+S, switching pages, locking, quick-hide,
closing, a shutdown signal). No surface keeps a
save timer of its own, so whatever flushes this flushes everything.

``flush(end_sitting=True)`` also tells the vault, after those saves, that the sitting
is over, so the next edit of anything begins a new version.

Until the lane confirms a save, ``latest(key)`` returns the value on its way to the
vault, so a view rebuilt in the meantime never shows an older answer. A failed save
keeps its key dirty: the words stay in the editor and the next touch or ``flush()``
tries again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from peerjournal.ui.kit.errors import describe
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.tasks import TaskRunner

log = logging.getLogger(__name__)

DEFAULT_DELAY_MS = 1000

T = TypeVar("T")
Job = Callable[[], object]
Take = Callable[[], tuple[object, Job]]
"""Reads the widgets now; returns the value and the job that will store it."""


class SaveState(StrEnum):
    IDLE = "idle"
    PENDING = "pending"
    SAVING = "saving"
    SAVED = "saved"
    ERROR = "error"


@dataclass(slots=True)
class _Entry:
    take: Take
    timer: QTimer
    dirty: bool = False


class AutoSaver(QObject):
    state_changed = Signal(str, str)
    """(SaveState, a calm sentence for the status bar)."""
    key_saved = Signal(str, object)
    """(key, what ``write`` returned), after the lane confirmed a save."""
    key_failed = Signal(str, object)
    """(key, the error), after a save failed; the key stays dirty."""

    def __init__(
        self,
        tasks: TaskRunner,
        *,
        delay_ms: int = DEFAULT_DELAY_MS,
        end_sitting: Callable[[], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._delay_ms = delay_ms
        self._end_sitting = end_sitting
        self._entries: dict[str, _Entry] = {}
        self._unconfirmed: dict[str, tuple[int, object]] = {}
        self._failed: set[str] = set()
        self._in_flight = 0
        self._token = 0
        self._closed = False
        self.state = SaveState.IDLE

    # -- registering ----------------------------------------------------------------

    def register(
        self, key: str, *, snapshot: Callable[[], T], write: Callable[[T], object]
    ) -> None:
        def take() -> tuple[object, Job]:
            value = snapshot()
            return value, lambda: write(value)

        old = self._entries.get(key)
        if old is not None:
            old.timer.stop()
            old.timer.deleteLater()
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(self._delay_ms)
        timer.setObjectName(key)
        timer.timeout.connect(self._on_timeout)
        self._entries[key] = _Entry(take, timer)

    def unregister(self, key: str) -> None:
        """Saves ``key`` now if it has changes, then forgets it."""
        entry = self._entries.get(key)
        if entry is None:
            return
        if entry.dirty:
            self._submit(key)
        entry.timer.stop()
        entry.timer.deleteLater()
        del self._entries[key]

    # -- saving -----------------------------------------------------------------------

    def close(self) -> None:
        """Stops every timer and ignores changes from now on (the view is being wiped)."""
        self._closed = True
        for entry in self._entries.values():
            entry.timer.stop()
            entry.dirty = False

    def touch(self, key: str) -> None:
        """Something under ``key`` changed: save it within one interval."""
        entry = self._entries.get(key)
        if entry is None or self._closed:
            return
        if not entry.timer.isActive():
            entry.timer.start()
        entry.dirty = True
        if not self._failed:
            self._set_state(SaveState.PENDING, translate("autosave", "Saving…"))

    def save_now(self, key: str) -> None:
        entry = self._entries.get(key)
        if entry is None or self._closed:
            return
        entry.dirty = True
        self._submit(key)

    def flush(self, *, end_sitting: bool = False) -> None:
        """Submits every pending or failed save to the lane now.

        With ``end_sitting``, the vault then hears that the sitting is over (queued on
        the lane behind those saves, so they still fold as they should).
        """
        if self._closed:
            return
        for key, entry in list(self._entries.items()):
            if entry.dirty or key in self._failed:
                self._submit(key)
        if end_sitting and self._end_sitting is not None:
            self._tasks.run(fn=self._end_sitting, owner=self, name="end-sitting")

    @property
    def pending(self) -> bool:
        return any(e.dirty for e in self._entries.values()) or self._in_flight > 0

    def registered(self, key: str) -> bool:
        return key in self._entries

    def busy(self, key: str) -> bool:
        """Whether ``key`` has words not yet confirmed saved (typed, on their way, or failed)."""
        entry = self._entries.get(key)
        return (
            (entry is not None and entry.dirty) or key in self._unconfirmed or key in self._failed
        )

    def latest(self, key: str) -> object | None:
        found = self._unconfirmed.get(key)
        return found[1] if found else None

    @Slot()
    def _on_timeout(self) -> None:
        timer = self.sender()
        if isinstance(timer, QTimer):
            self._submit(timer.objectName())
            for key in list(self._failed):  # try again what could not be saved before
                if key != timer.objectName() and key in self._entries:
                    self._submit(key)

    def _submit(self, key: str) -> None:
        entry = self._entries.get(key)
        if entry is None or self._closed:
            return
        entry.timer.stop()
        entry.dirty = False
        value, job = entry.take()
        self._token += 1
        token = self._token
        self._unconfirmed[key] = (token, value)
        self._in_flight += 1
        self._set_state(SaveState.SAVING, translate("autosave", "Saving…"))

        def done(result: object) -> None:
            self._finished(key, token, result, None)

        def failed(error: BaseException) -> None:
            self._finished(key, token, None, error)

        self._tasks.run(fn=job, on_done=done, on_error=failed, owner=self, name="save")

    def _finished(self, key: str, token: int, result: object, error: BaseException | None) -> None:
        self._in_flight -= 1
        found = self._unconfirmed.get(key)
        if error is None:
            if found is not None and found[0] == token:
                del self._unconfirmed[key]
            self._failed.discard(key)
            self.key_saved.emit(key, result)
        else:
            log.warning("a save failed: %s", type(error).__name__)
            self._failed.add(key)
            self.key_failed.emit(key, error)
        if self._failed:
            problem = describe(error) if error is not None else None
            if problem is not None:
                self._set_state(SaveState.ERROR, problem.text())
        elif self._in_flight == 0 and not any(e.dirty for e in self._entries.values()):
            self._set_state(SaveState.SAVED, translate("autosave", "Saved"))

    def _set_state(self, state: SaveState, message: str) -> None:
        if state == self.state and state != SaveState.ERROR:
            return
        self.state = state
        self.state_changed.emit(state.value, message)


__all__ = ["AutoSaver", "SaveState"]
