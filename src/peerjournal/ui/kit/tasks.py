"""Running work off the UI thread, and bringing the result back to it.

One helper for the whole window, after Anki's ``taskman`` and ``CollectionOp``:

- ``TaskRunner.run(fn=..., on_done=..., serial=True)`` runs ``fn`` on the *write lane*,
  a pool with one worker, so vault writes never overlap and keep their order.
- ``serial=False`` runs it on the general pool (key derivation, search).
- ``fn`` never touches a widget. Its result (or its exception) comes back to the UI
  thread through the runner's one ``_Relay`` (a ``QObject`` of the UI thread, whose
  signal is emitted from the worker and so arrives queued), which calls
  ``on_done``/``on_error``.
- Results that arrive after the view that asked has gone (``owner`` was deleted) or
  after ``invalidate()`` (the journal was locked) are dropped.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")

OnDone = Callable[[T], None]
# Any: the result crosses a Qt signal as a plain object; ``run`` keeps fn and on_done typed.
OnError = Callable[[BaseException], None]


@dataclass(slots=True)
class _Pending:
    """What one task's outcome goes to, kept on the UI thread until it arrives."""

    generation: int
    on_done: OnDone[Any] | None
    on_error: OnError | None
    owner: QObject | None
    job: _Job


class _Relay(QObject):
    """Carries every task's outcome from the workers back to the UI thread.

    One for the whole runner, not one per task: after a lock, hundreds of saves' outcomes
    can wait in the queue together, and a QObject made and deleted for each of them was
    measured at up to 13 ms apiece on a busy machine, which kept the next unlock waiting
    behind them for seconds.
    """

    finished = Signal(int, bool, object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], object], relay: _Relay, token: int, name: str) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay
        self._token = token
        self.name = name
        self.setAutoDelete(False)

    def run(self) -> None:
        started = time.perf_counter()
        try:
            result = self._fn()
        except BaseException as exc:  # every failure becomes a value for the UI thread
            log.debug("task %s failed: %s", self.name, type(exc).__name__)
            self._relay.finished.emit(self._token, False, exc)
        else:
            log.debug("task %s done in %.3f s", self.name, time.perf_counter() - started)
            self._relay.finished.emit(self._token, True, result)


class TaskRunner(QObject):
    """The window's pools: a one-worker write lane and a general pool."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self._lane = QThreadPool(self)
        self._lane.setMaxThreadCount(1)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._tokens = itertools.count(1)
        self._live: dict[int, _Pending] = {}

    def run(
        self,
        *,
        fn: Callable[[], T],
        on_done: OnDone[T] | None = None,
        on_error: OnError | None = None,
        owner: QObject | None = None,
        serial: bool = True,
        name: str = "task",
    ) -> None:
        """Runs ``fn`` in the background; ``on_done``/``on_error`` run on the UI thread.

        ``owner`` is the view that asked: if it has been deleted by then, the result is
        dropped.
        """
        token = next(self._tokens)
        job = _Job(fn, self._relay, token, name)
        was_idle = not self._live
        self._live[token] = _Pending(self.generation, on_done, on_error, owner, job)
        (self._lane if serial else self._pool).start(job)
        if was_idle:
            self.busy_changed.emit(True)

    @Slot(int, bool, object)
    def _deliver(self, token: int, ok: bool, value: object) -> None:
        pending = self._live.pop(token, None)
        try:
            if pending is None or self._stale(pending):
                return
            if ok:
                if pending.on_done is not None:
                    pending.on_done(value)
            elif isinstance(value, BaseException):
                if pending.on_error is None:
                    raise value
                pending.on_error(value)
        finally:
            if not self._live:
                self.busy_changed.emit(False)

    def _stale(self, pending: _Pending) -> bool:
        if pending.owner is not None and not shiboken6.isValid(pending.owner):
            return True
        return pending.generation != self.generation

    @property
    def names(self) -> list[str]:
        """The tasks not yet delivered, oldest first (for a log line or a test)."""
        return [pending.job.name for pending in self._live.values()]

    @property
    def busy(self) -> bool:
        return bool(self._live)

    def invalidate(self) -> None:
        """Drops every result not yet delivered (used when the journal locks)."""
        self.generation += 1

    def wait(self, msecs: int = -1) -> bool:
        """Blocks until the lane and the pool are empty; True if they are."""
        lane = self._lane.waitForDone(msecs)
        pool = self._pool.waitForDone(msecs)
        return lane and pool

    def wait_lane(self, msecs: int = -1) -> bool:
        return self._lane.waitForDone(msecs)


__all__ = ["TaskRunner"]
