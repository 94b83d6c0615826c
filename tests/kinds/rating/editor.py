"""The test-only rating kind's editor: one radio button per word."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QRadioButton, QWidget

from peerjournal.core.content import model as m
from peerjournal.ui.editors.base import PromptEditor
from tests.kinds.rating import RatingAnswer, RatingPrompt


class RatingEditor(PromptEditor):
    def __init__(self, prompt: m.Prompt, parent: QWidget | None = None) -> None:
        super().__init__(prompt, parent)
        given: object = prompt  # the shipped union does not name a registered kind
        if not isinstance(given, RatingPrompt):
            raise TypeError("a rating editor needs a rating prompt")
        self.group: QButtonGroup = QButtonGroup(self)
        row = QHBoxLayout(self)
        for number, word in enumerate(given.words, 1):
            button = QRadioButton(word, self)
            button.setObjectName(f"rating:{number}")
            self.group.addButton(button, number)
            row.addWidget(button)
        self.group.idToggled.connect(self._on_toggled)

    def _on_toggled(self, _number: int, checked: bool) -> None:
        if checked:
            self._picked()

    def answer(self) -> RatingAnswer:  # type: ignore[override]  # a kind the app does not ship
        return RatingAnswer(max(self.group.checkedId(), 0))

    def _show(self, answer: object) -> None:
        if isinstance(answer, RatingAnswer) and answer.value:
            button = self.group.button(answer.value)
            if button is not None:
                button.setChecked(True)
