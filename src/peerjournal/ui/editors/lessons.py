"""A course session's lessons, ticked off one by one ("3 of 11")."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from peerjournal.core import answers as a
from peerjournal.core.content import model as m
from peerjournal.ui.editors.base import PromptEditor
from peerjournal.ui.kit.headings import not_a_heading
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.reflow import ReflowGrid
from peerjournal.ui.kit.theme import set_role

COLUMNS = 4


class LessonsEditor(PromptEditor):
    """A ``lessons`` prompt: a tick box per lesson and a count of those done."""

    def __init__(self, prompt: m.LessonsPrompt, parent: QWidget | None = None) -> None:
        super().__init__(prompt, parent)
        self.lessons = prompt
        self.counter = QLabel(self)
        self.counter.setObjectName(f"counter:{prompt.id}")
        not_a_heading(self.counter)
        set_role(self.counter, "heading")
        self.boxes: list[QCheckBox] = []
        grid = ReflowGrid(self, columns=COLUMNS, spacing=(12, 4))
        for number in range(1, prompt.count + 1):
            box = QCheckBox(translate("lessons", "Lesson %1").replace("%1", str(number)), grid)
            box.setObjectName(f"lesson:{number}")
            box.setAccessibleName(translate("lessons", "Lesson %1 done").replace("%1", str(number)))
            grid.add(box)
            self.boxes.append(box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.counter)
        layout.addWidget(grid)
        self._update_counter()
        self._connect_signals()

    def _connect_signals(self) -> None:
        for box in self.boxes:
            box.toggled.connect(self._on_toggled)

    @Slot(bool)
    def _on_toggled(self, _checked: bool) -> None:
        self._update_counter()
        self._picked()

    def _done(self) -> tuple[int, ...]:
        return tuple(n for n, box in enumerate(self.boxes, 1) if box.isChecked())

    def _update_counter(self) -> None:
        total = self.lessons.count
        words = (
            translate("lessons", "%1 of %2 lesson done")
            if total == 1
            else translate("lessons", "%1 of %2 lessons done")
        )
        self.counter.setText(words.replace("%1", str(len(self._done()))).replace("%2", str(total)))

    def answer(self) -> a.Answer:
        return a.LessonsAnswer(self._done())

    def _show(self, answer: a.Answer) -> None:
        if isinstance(answer, a.LessonsAnswer):
            for number, box in enumerate(self.boxes, 1):
                box.setChecked(number in answer.done)
            self._update_counter()

    def focus_first(self) -> None:
        if self.boxes:
            self.boxes[0].setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = ["LessonsEditor"]
