"""Earlier answers: answers whose question is no longer in the programme, kept and shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from peerjournal.services.container import Services
from peerjournal.ui.journal.part_page import PageScroll
from peerjournal.ui.kit.dates import when
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.widgets import label


class EarlierAnswersPage(PageScroll):
    """Answers whose question is no longer in the programme: kept and shown, never lost."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("earlierPage")
        self.setAccessibleName(translate("earlier_page", "Earlier answers"))
        self.body.addWidget(
            label(translate("earlier_page", "Earlier answers"), "title", self.body_widget)
        )
        self.body.addWidget(
            label(
                translate(
                    "earlier_page",
                    "These answers belong to questions that are no longer in the programme. "
                    "They are kept here so nothing you wrote is lost.",
                ),
                "muted",
                self.body_widget,
            )
        )
        for earlier in services.answers.earlier_answers():
            card = QWidget(self.body_widget)
            inner = QVBoxLayout(card)
            inner.setContentsMargins(0, 8, 0, 8)
            inner.addWidget(
                label(
                    translate("earlier_page", "Saved %1").replace("%1", when(earlier.saved)),
                    "small",
                    card,
                )
            )
            text = label(earlier.text, "", card)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            inner.addWidget(text)
            self.body.addWidget(card)
        self.body.addStretch(1)

    def focus_first(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = ["EarlierAnswersPage"]
