"""The "Your story" page: choose what goes in, preview, save versions, export.

This is a placeholder so the window can import it; the full page follows.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from peerjournal.services.container import Services


class StoryPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyPage")
        self._services = services
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Your story"))
