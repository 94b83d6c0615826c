"""One editor widget per prompt kind, and ``editor_for`` to pick the right one."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from peerjournal.core.content import model as m
from peerjournal.ui.editors.base import PromptEditor
from peerjournal.ui.editors.checklist import ChecklistEditor
from peerjournal.ui.editors.choose import ChooseEditor
from peerjournal.ui.editors.ladder import LadderEditor
from peerjournal.ui.editors.lessons import LessonsEditor
from peerjournal.ui.editors.ranked import RankedEditor
from peerjournal.ui.editors.reading import ReadingView
from peerjournal.ui.editors.spectrum import SpectrumEditor
from peerjournal.ui.editors.table import TableEditor
from peerjournal.ui.editors.text import TextEditor


def editor_for(prompt: m.Prompt, parent: QWidget | None = None) -> PromptEditor:
    match prompt:
        case m.TextPrompt():
            return TextEditor(prompt, parent)
        case m.LadderPrompt():
            return LadderEditor(prompt, parent)
        case m.ChoosePrompt():
            return ChooseEditor(prompt, parent)
        case m.RankedPrompt():
            return RankedEditor(prompt, parent)
        case m.TablePrompt():
            return TableEditor(prompt, parent)
        case m.SpectrumPrompt():
            return SpectrumEditor(prompt, parent)
        case m.ChecklistPrompt():
            return ChecklistEditor(prompt, parent)
        case m.LessonsPrompt():
            return LessonsEditor(prompt, parent)


__all__ = [
    "ChecklistEditor",
    "ChooseEditor",
    "LadderEditor",
    "LessonsEditor",
    "PromptEditor",
    "RankedEditor",
    "ReadingView",
    "SpectrumEditor",
    "TableEditor",
    "TextEditor",
    "editor_for",
]
