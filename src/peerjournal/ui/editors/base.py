"""What every answer editor shares: it shows an answer, and says when it changed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from peerjournal.core import answers as a
from peerjournal.core.content import model as m
from peerjournal.ui.kit.theme import set_role


class PromptEditor(QWidget):
    """One prompt's answer, editable. Subclasses exist per prompt kind.

    ``edited`` means "save this once typing pauses"; ``committed`` means "save this
    now" (a discrete pick, such as a rung of the ladder). Loading an answer with
    ``set_answer`` emits neither.
    """

    edited = Signal()
    committed = Signal()

    def __init__(self, prompt: m.Prompt, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prompt = prompt
        self._loading = False
        self.setObjectName(f"editor:{prompt.id}")
        self.setAccessibleName(prompt.text[:120])

    # -- for subclasses -----------------------------------------------------------------

    def answer(self) -> a.Answer:
        raise NotImplementedError

    def _show(self, answer: a.Answer) -> None:
        raise NotImplementedError

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    def _picked(self) -> None:
        if not self._loading:
            self.committed.emit()

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        self._loading = True
        try:
            yield
        finally:
            self._loading = False

    # -- for the page -------------------------------------------------------------------

    def set_answer(self, answer: a.Answer | None) -> None:
        """Shows ``answer`` (or an empty one) without reporting it as an edit."""
        shown = answer if answer is not None and answer.kind == self.prompt.kind else None
        with self._quietly():
            self._show(shown if shown is not None else a.empty_for(self.prompt))

    def focus_first(self) -> None:
        self.focusNextChild()


def small_label(text: str, role: str = "small", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    set_role(label, role)
    return label


__all__ = ["PromptEditor", "small_label"]
