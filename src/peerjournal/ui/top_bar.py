"""The bar across the top of the window: the name, the save state, support, Settings, Lock.

It never shows anything personal: the save state says "Saving…" or "Saved", never what.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from peerjournal.ui.kit.i18n import QT_TRANSLATE_NOOP, translate
from peerjournal.ui.kit.widgets import button, label

SUPPORT_WORDS = QT_TRANSLATE_NOOP("top_bar", "Need support now?")
SUPPORT_SHORT = QT_TRANSLATE_NOOP("top_bar", "Support")
SAVING_WORDS = QT_TRANSLATE_NOOP("top_bar", "Saving…")


class TopBar(QFrame):
    def __init__(self, *, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topBar")
        self.wordmark = label(
            translate("top_bar", "peerjournal · Demo") if demo else "peerjournal",
            "heading",
            self,
            name="wordmark",
        )
        self.save_indicator = QLabel("", self)
        self.save_indicator.setObjectName("saveIndicator")
        self.save_indicator.setAccessibleName(translate("top_bar", "Saving"))
        self.support_button = button(translate("top_bar", SUPPORT_WORDS), "support", self)
        self.support_button.setObjectName("supportButton")
        self.support_button.setAccessibleName(translate("top_bar", SUPPORT_WORDS))
        self.zoom_button = button("100%", "quiet", self, name="zoomButton")
        self.zoom_button.setAccessibleName(translate("top_bar", "Zoom"))
        self.zoom_button.setVisible(False)
        self.settings_button = button(
            translate("top_bar", "Settings"), "quiet", self, name="settingsButton"
        )
        self.lock_button = button(translate("top_bar", "Lock"), "", self, name="lockButton")
        self.lock_button.setToolTip(translate("top_bar", "Lock your journal (Ctrl+L)"))
        self.lock_button.setVisible(False)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(18, 8, 14, 8)
        bar.setSpacing(10)
        bar.addWidget(self.wordmark)
        bar.addStretch(1)
        bar.addWidget(self.save_indicator)
        bar.addWidget(self.support_button)
        bar.addWidget(self.zoom_button)
        bar.addWidget(self.settings_button)
        bar.addWidget(self.lock_button)

    def _needed(self) -> int:
        layout = self.layout()
        if layout is None:
            return 0
        shown = [
            w
            for w in (
                self.wordmark,
                self.save_indicator,
                self.support_button,
                self.zoom_button,
                self.settings_button,
                self.lock_button,
            )
            if not w.isHidden()
        ]
        margins = layout.contentsMargins()
        # The save state takes room for "Saving…" from the start, so the first save
        # never pushes the buttons past the edge (and the words never jump about).
        saving = (
            self.save_indicator.fontMetrics().horizontalAdvance(translate("top_bar", SAVING_WORDS))
            + 4
        )
        return (
            sum(
                max(w.sizeHint().width(), saving)
                if w is self.save_indicator
                else w.sizeHint().width()
                for w in shown
            )
            + layout.spacing() * (len(shown) - 1)
            + margins.left()
            + margins.right()
        )

    def fit(self) -> None:
        """On a narrow or zoomed window the name goes first, then the support button's
        words get shorter ("Support"); its name for a screen reader stays whole."""
        self.wordmark.setVisible(True)
        self.support_button.setText(translate("top_bar", SUPPORT_WORDS))
        if self._needed() > self.width():
            self.wordmark.setVisible(False)
        if self._needed() > self.width():
            self.support_button.setText(translate("top_bar", SUPPORT_SHORT))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit()

    def show_zoom(self, percent: int) -> None:
        """Shown only when the window is zoomed; pressing it goes back to 100%."""
        self.zoom_button.setText(f"{percent}%")
        self.zoom_button.setAccessibleDescription(
            translate(
                "top_bar", "The window is shown at %1%. Press to go back to 100% (Ctrl+0)."
            ).replace("%1", str(percent))
        )
        self.zoom_button.setToolTip(
            translate("top_bar", "Back to 100% (Ctrl+0). Ctrl+plus and Ctrl+minus zoom.")
        )
        self.zoom_button.setVisible(percent != 100)
        self.fit()


__all__ = ["TopBar"]
