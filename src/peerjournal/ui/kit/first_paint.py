"""Work that waits until a widget is first on screen.

Opening the journal file (its check, any upgrade) runs off the UI thread, but Python
threads share one interpreter: started before the first paint, it slowed the window's
appearance in step with the file's size (1.4 s at one year, 1.8 s at thirty). So it
starts once the unlock view has been painted, or after a short fallback when nothing
is painted (a window started minimised).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 400


class AfterFirstPaint(QObject):
    def __init__(self, widget: QWidget, work: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._work: Callable[[], None] | None = work
        widget.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint and self._work:
            QTimer.singleShot(0, self, self._run)  # once this paint is done
        return False

    def _run(self) -> None:
        work, self._work = self._work, None
        if work is None:
            return
        self._widget.removeEventFilter(self)
        work()
        self.deleteLater()


__all__ = ["AfterFirstPaint"]
