"""The services' change hub as a Qt signal, delivered on the UI thread."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

from peerjournal.services.events import ChangeHub, Changes, coalesced


class ChangeBridge(QObject):
    """Re-emits what the services report as ``changes_applied``, on the UI thread.

    The hub may call its listeners from the write lane's thread; this object lives on
    the UI thread, so the wake-up arrives queued there and views redraw safely. Changes
    that arrive while the UI thread is busy (a lock waits for hundreds of saves) are
    merged and delivered as one: one redraw per burst, not one per save. Once detached
    (the journal locked), nothing more is delivered, even what was already waiting.
    """

    changes_applied = Signal(object)
    _arrived = Signal()

    def __init__(self, hub: ChangeHub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: list[Changes] = []
        self._guard = threading.Lock()
        self._detached = False
        self._arrived.connect(self._drain)
        self._unsubscribe = hub.subscribe(self._relay)

    def _relay(self, changes: Changes) -> None:
        with self._guard:
            if self._detached:
                return
            first = not self._pending
            self._pending.append(changes)
        if first and shiboken6.isValid(self):
            self._arrived.emit()

    @Slot()
    def _drain(self) -> None:
        with self._guard:
            batch, self._pending = self._pending, []
            if self._detached:
                return
        for changes in coalesced(batch):
            if not self.attached:  # a redraw just now locked the journal
                return
            self.changes_applied.emit(changes)

    @property
    def attached(self) -> bool:
        return not self._detached

    def detach(self) -> None:
        with self._guard:
            self._detached = True
            self._pending = []
        self._unsubscribe()


__all__ = ["ChangeBridge"]
