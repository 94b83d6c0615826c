"""Locking after a while without use: an application-wide event filter and one timer.

After KeePassXC's ``InactivityTimer``: every key press, click, wheel turn or mouse move
anywhere in the app restarts a single-shot timer; when it fires, ``idle`` is emitted.

The filter goes in a second after the timer starts. Its first events make PySide build
the Python types of the journal's sixty-odd widget classes (some 30 ms), which would
otherwise land in the unlock's first paint; input in that second does not restart a
timer of at least a minute, so the lock can come at most a second early.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, Slot

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


WATCH_AFTER_MS = 1000


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self.set_minutes(minutes)
        self._installed = False
        self._watch_soon = QTimer(self)
        self._watch_soon.setSingleShot(True)
        self._watch_soon.setInterval(WATCH_AFTER_MS)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self._on_timeout)
        self._watch_soon.timeout.connect(self._install)

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(max(minutes, 1) * 60_000)

    def set_interval_ms(self, msecs: int) -> None:
        self._timer.setInterval(msecs)
        if self._timer.isActive():
            self._timer.start()

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    @property
    def watching(self) -> bool:
        """Whether input now restarts the timer (a second after ``start``)."""
        return self._installed

    def start(self) -> None:
        if not self._installed:
            self._watch_soon.start()
        self._timer.start()

    @Slot()
    def _install(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._installed and self._timer.isActive():
            app.installEventFilter(self)
            self._installed = True

    def stop(self) -> None:
        self._watch_soon.stop()
        app = QCoreApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and self._timer.isActive():
            self._timer.start()
        return False

    @Slot()
    def _on_timeout(self) -> None:
        self.stop()
        self.idle.emit()


__all__ = ["IdleWatcher"]
