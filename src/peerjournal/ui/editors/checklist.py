"""Yes / not yet questions, each with a note (Language and Impact)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core import answers as a
from peerjournal.core.content import model as m
from peerjournal.ui.editors.base import PromptEditor
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.theme import set_role


class ChecklistEditor(PromptEditor):
    """A ``checklist`` prompt: "Yes" or "Not yet" for each question, and a note."""

    def __init__(self, prompt: m.ChecklistPrompt, parent: QWidget | None = None) -> None:
        super().__init__(prompt, parent)
        self.checklist = prompt
        self.groups: dict[str, QButtonGroup] = {}
        self.yes: dict[str, QRadioButton] = {}
        self.not_yet: dict[str, QRadioButton] = {}
        self.notes: dict[str, QLineEdit] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for question in prompt.questions:
            card = QFrame(self)
            set_role(card, "option")
            card.setObjectName(f"question:{question.id}")
            inner = QVBoxLayout(card)
            inner.setContentsMargins(14, 10, 14, 10)
            inner.setSpacing(6)
            text = QLabel(question.text, card)
            text.setWordWrap(True)
            inner.addWidget(text)
            row = QHBoxLayout()
            row.setSpacing(12)
            group = QButtonGroup(card)
            group.setExclusive(False)  # so that "unanswered" stays possible
            yes = QRadioButton(translate("checklist", "Yes"), card)
            yes.setObjectName(f"yes:{question.id}")
            yes.setAccessibleName(translate("checklist", "Yes: %1").replace("%1", question.text))
            not_yet = QRadioButton(translate("checklist", "Not yet"), card)
            not_yet.setObjectName(f"notYet:{question.id}")
            not_yet.setAccessibleName(
                translate("checklist", "Not yet: %1").replace("%1", question.text)
            )
            for button in (yes, not_yet):
                button.setAutoExclusive(False)
                group.addButton(button)
            note = QLineEdit(card)
            note.setObjectName(f"checkNote:{question.id}")
            note.setPlaceholderText(translate("checklist", "A note, if you like"))
            note.setAccessibleName(
                translate("checklist", "A note: %1").replace("%1", question.text)
            )
            row.addWidget(yes)
            row.addWidget(not_yet)
            row.addStretch(1)
            inner.addLayout(row)
            inner.addWidget(note)  # beneath, so a narrow or zoomed column still fits
            self.groups[question.id] = group
            self.yes[question.id] = yes
            self.not_yet[question.id] = not_yet
            self.notes[question.id] = note
            layout.addWidget(card)
        self._connect_signals()

    def _connect_signals(self) -> None:
        for group in self.groups.values():
            group.buttonToggled.connect(self._on_toggled)
        for note in self.notes.values():
            note.textChanged.connect(self._changed)

    @Slot(QAbstractButton, bool)
    def _on_toggled(self, button: QAbstractButton, checked: bool) -> None:
        if checked:
            question_id = button.objectName().split(":", 1)[1]
            other = (
                self.not_yet[question_id]
                if button is self.yes[question_id]
                else self.yes[question_id]
            )
            if other.isChecked():
                other.blockSignals(True)
                other.setChecked(False)
                other.blockSignals(False)
        self._picked()

    def answer(self) -> a.Answer:
        items = []
        for question_id in self.groups:
            if self.yes[question_id].isChecked():
                state = a.Check.YES
            elif self.not_yet[question_id].isChecked():
                state = a.Check.NOT_YET
            else:
                state = a.Check.UNSET
            note = self.notes[question_id].text()
            if state != a.Check.UNSET or note:
                items.append((question_id, a.ChecklistItem(state, note)))
        return a.ChecklistAnswer(tuple(items))

    def _show(self, answer: a.Answer) -> None:
        if not isinstance(answer, a.ChecklistAnswer):
            return
        for question_id in self.groups:
            item = answer.item(question_id)
            self.yes[question_id].setChecked(item.state == a.Check.YES)
            self.not_yet[question_id].setChecked(item.state == a.Check.NOT_YET)
            if self.notes[question_id].text() != item.note:
                self.notes[question_id].setText(item.note)

    def focus_first(self) -> None:
        first = next(iter(self.yes.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = ["ChecklistEditor"]
