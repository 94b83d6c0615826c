"""Running work off the UI thread, and bringing the result back to it.

One helper for the whole window, after Anki's ``taskman`` and ``CollectionOp``:

- ``TaskRunner.run(fn=..., on_done=..., serial=True)`` runs ``fn`` on the *write lane*,
  a pool with one worker, so vault writes never overlap and keep their order.
- ``serial=False`` runs it on the general pool (key derivation, search).
- ``fn`` never touches a widget. Its result (or its exception) comes back to the UI
  thread through a ``_Relay`` (a ``QObject`` made on the UI thread, whose signals are
  emitted from the worker and so arrive queued), which calls ``on_done``/``on_error``.
- Results that arrive after the view that asked has gone (``owner`` was deleted) or
  after ``invalidate()`` (the journal was locked) are dropped.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")

OnDone = Callable[[T], None]
# Any: the result crosses a Qt signal as a plain object; ``run`` keeps fn and on_done typed.
OnError = Callable[[BaseException], None]


class _Relay(QObject):
    """Carries one task's outcome from the worker back to the UI thread."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        generation: int,
        on_done: OnDone[Any] | None,
        on_error: OnError | None,
        owner: QObject | None,
    ) -> None:
        super().__init__(runner)
        self._runner = runner
        self._owner = owner
        self._generation = generation
        self._on_done = on_done
        self._on_error = on_error
        self.succeeded.connect(self._deliver)
        self.failed.connect(self._deliver_error)

    def _stale(self) -> bool:
        if self._owner is not None and not shiboken6.isValid(self._owner):
            return True
        return self._generation != self._runner.generation

    @Slot(object)
    def _deliver(self, result: object) -> None:
        try:
            if self._on_done is not None and not self._stale():
                self._on_done(result)
        finally:
            self._finish()

    @Slot(object)
    def _deliver_error(self, error: object) -> None:
        try:
            if self._stale() or not isinstance(error, BaseException):
                return
            if self._on_error is not None:
                self._on_error(error)
            else:
                raise error
        finally:
            self._finish()

    def _finish(self) -> None:
        self._runner._forget(self)
        self.deleteLater()


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], object], relay: _Relay, name: str) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay
        self._name = name
        self.setAutoDelete(False)

    def run(self) -> None:
        started = time.perf_counter()
        try:
            result = self._fn()
        except BaseException as exc:  # every failure becomes a value for the UI thread
            log.debug("task %s failed: %s", self._name, type(exc).__name__)
            self._relay.failed.emit(exc)
        else:
            log.debug("task %s done in %.3f s", self._name, time.perf_counter() - started)
            self._relay.succeeded.emit(result)


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
        self._live: dict[int, tuple[_Relay, _Job]] = {}

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
        relay: _Relay = _Relay(
            self,
            self.generation,
            on_done,
            on_error,
            owner,
        )
        job = _Job(fn, relay, name)
        was_idle = not self._live
        self._live[id(relay)] = (relay, job)
        (self._lane if serial else self._pool).start(job)
        if was_idle:
            self.busy_changed.emit(True)

    def _forget(self, relay: _Relay) -> None:
        self._live.pop(id(relay), None)
        if not self._live:
            self.busy_changed.emit(False)

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
