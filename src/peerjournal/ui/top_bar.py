"""The bar across the top of the window: the name, the save state, support, Settings, Lock.

It never shows anything personal: the save state says "Saving…" or "Saved", never what.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from peerjournal.ui.kit.widgets import button, label


class TopBar(QFrame):
    def __init__(self, *, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topBar")
        self.wordmark = label(
            "peerjournal · Demo" if demo else "peerjournal",
            "heading",
            self,
            name="wordmark",
        )
        self.save_indicator = QLabel("", self)
        self.save_indicator.setObjectName("saveIndicator")
        self.save_indicator.setAccessibleName("Saving")
        self.support_button = button("Need support now?", "support", self)
        self.support_button.setObjectName("supportButton")
        self.settings_button = button("Settings", "quiet", self, name="settingsButton")
        self.lock_button = button("Lock", "", self, name="lockButton")
        self.lock_button.setToolTip("Lock your journal (Ctrl+L)")
        self.lock_button.setVisible(False)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(18, 8, 14, 8)
        bar.setSpacing(10)
        bar.addWidget(self.wordmark)
        bar.addStretch(1)
        bar.addWidget(self.save_indicator)
        bar.addWidget(self.support_button)
        bar.addWidget(self.settings_button)
        bar.addWidget(self.lock_button)


__all__ = ["TopBar"]
