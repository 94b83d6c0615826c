"""Where the window sits: its size and place, kept between runs in window.ini.

Only the geometry is kept there (never anything written), beside the journal so each
journal folder remembers its own window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow


class WindowPlace:
    def __init__(self, folder: Path, *, remember: bool) -> None:
        self._file = folder / "window.ini"
        self._remember = remember

    def restore(self, window: QMainWindow) -> bool:
        """True when a stored size and place were put back."""
        if not self._remember:
            return False
        stored = self._settings().value("geometry")
        return bool(stored is not None and window.restoreGeometry(stored))

    def keep(self, window: QMainWindow) -> None:
        if not self._remember:
            return
        stored = self._settings()
        stored.setValue("geometry", window.saveGeometry())
        stored.sync()

    def _settings(self) -> QSettings:
        return QSettings(str(self._file), QSettings.Format.IniFormat)


def center_on_screen(window: QMainWindow) -> None:
    screen = QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    width = min(window.width(), area.width())
    height = min(window.height(), area.height())
    window.resize(width, height)
    window.move(area.center() - window.rect().center())


__all__ = ["WindowPlace", "center_on_screen"]
