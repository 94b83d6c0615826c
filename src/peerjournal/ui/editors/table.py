"""A table with fixed rows and a notes box per row (the eight principles)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from peerjournal.core import answers as a
from peerjournal.core.content import model as m
from peerjournal.ui.editors.base import PromptEditor, small_label
from peerjournal.ui.editors.text import GrowingTextEdit
from peerjournal.ui.kit.theme import set_role


class TableEditor(PromptEditor):
    """A ``table`` prompt: each row shows its cells, then a notes box for the participant."""

    def __init__(self, prompt: m.TablePrompt, parent: QWidget | None = None) -> None:
        super().__init__(prompt, parent)
        self.table = prompt
        self.notes: dict[str, GrowingTextEdit] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        for row in prompt.rows:
            card = QFrame(self)
            set_role(card, "option")
            card.setObjectName(f"row:{row.id}")
            inner = QVBoxLayout(card)
            inner.setContentsMargins(14, 12, 14, 12)
            inner.setSpacing(6)
            for index, cell in enumerate(row.cells):
                heading = prompt.columns[index] if index < len(prompt.columns) else ""
                if index == 0:
                    label = QLabel(cell, card)
                    label.setWordWrap(True)
                    set_role(label, "heading")
                    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                else:
                    label = small_label(f"{heading}: {cell}" if heading else cell, "muted", card)
                inner.addWidget(label)
            notes_title = small_label(prompt.notes_label, "small", card)
            inner.addWidget(notes_title)
            edit = GrowingTextEdit(card, min_lines=2, max_lines=10)
            edit.setObjectName(f"tableNote:{row.id}")
            edit.setAccessibleName(f"{prompt.notes_label} {row.cells[0][:60]}")
            inner.addWidget(edit)
            self.notes[row.id] = edit
            layout.addWidget(card)
        self._connect_signals()

    def _connect_signals(self) -> None:
        for edit in self.notes.values():
            edit.textChanged.connect(self._changed)

    def answer(self) -> a.Answer:
        return a.TableAnswer(
            tuple((row_id, edit.toPlainText()) for row_id, edit in self.notes.items())
        )

    def _show(self, answer: a.Answer) -> None:
        if isinstance(answer, a.TableAnswer):
            for row_id, edit in self.notes.items():
                edit.set_text_quietly(answer.note(row_id))

    def focus_first(self) -> None:
        first = next(iter(self.notes.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = ["TableEditor"]
