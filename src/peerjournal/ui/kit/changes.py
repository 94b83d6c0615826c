"""The services' change hub as a Qt signal, delivered on the UI thread."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Signal

from peerjournal.services.events import ChangeHub, Changes


class ChangeBridge(QObject):
    """Re-emits every ``Changes`` the services report as ``changes_applied``.

    The hub may call its listeners from the write lane's thread; this object lives on
    the UI thread, so the signal arrives queued there and views can redraw safely.
    """

    changes_applied = Signal(object)

    def __init__(self, hub: ChangeHub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = hub.subscribe(self._relay)

    def _relay(self, changes: Changes) -> None:
        if shiboken6.isValid(self):
            self.changes_applied.emit(changes)

    def detach(self) -> None:
        self._unsubscribe()


__all__ = ["ChangeBridge"]
