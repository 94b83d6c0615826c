"""The calm card every view before the journal is drawn on, and the tree artwork."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.theme import set_role
from peerjournal.ui.kit.widgets import (
    label,
)

CARD_WIDTH = 600


class GateCard(QWidget):
    """A calm card in the middle of the window."""

    def __init__(self, parent: QWidget | None = None, *, width: int = CARD_WIDTH) -> None:
        super().__init__(parent)
        self.setObjectName("gate")
        self.card = QFrame(self)
        set_role(self.card, "card")
        self.card.setMaximumWidth(width)
        self.card.setMinimumWidth(min(width, 420))
        self.body = QVBoxLayout(self.card)
        self.body.setContentsMargins(40, 36, 40, 36)
        self.body.setSpacing(14)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card, 4)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)


def error_label(name: str, parent: QWidget) -> QLabel:
    widget = label("", "error", parent, name=name)
    widget.setVisible(False)
    widget.setAccessibleName(translate("card", "Problem"))
    return widget


__all__ = ["CARD_WIDTH", "GateCard", "error_label"]
