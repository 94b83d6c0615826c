"""A calm bar above the journal for what unlocking found: text, one action, and Dismiss."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QWidget

from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.theme import set_role
from peerjournal.ui.kit.widgets import button, label


class NoticeBar(QFrame):
    action_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        set_role(self, "softCard")
        self.text = label("", "", self, name="noticeText")
        self.action = button("", "primary", self, name="noticeAction")
        self.dismiss = button(
            translate("notice_bar", "Dismiss"), "quiet", self, name="noticeDismiss"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 10, 12, 10)
        row.addWidget(self.text, 1)
        row.addWidget(self.action)
        row.addWidget(self.dismiss)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setVisible(False)
        self.action.clicked.connect(self.action_requested)
        self.dismiss.clicked.connect(self._on_dismiss)

    def show_notice(self, text: str, action: str = "") -> None:
        self.text.setText(text)
        self.action.setText(action)
        self.action.setAccessibleName(action)
        self.action.setVisible(bool(action))
        self.action.setEnabled(True)
        self.setVisible(bool(text))

    @Slot()
    def _on_dismiss(self) -> None:
        self.setVisible(False)


__all__ = ["NoticeBar"]
