"""One editor widget per prompt kind, and ``editor_for``: the one its kind's spec names."""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QWidget

from peerjournal.core import kinds
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
    """The editor the prompt's kind names in the registry (``core/kinds``)."""
    spec = kinds.spec_of(prompt.kind)
    if spec is None:
        raise LookupError(f"no editor for the kind {prompt.kind!r}")
    module_name, _, class_name = spec.editor.partition(":")
    editor = getattr(importlib.import_module(module_name), class_name)
    if not (isinstance(editor, type) and issubclass(editor, PromptEditor)):
        raise TypeError(f"{spec.editor} is not a PromptEditor")
    return editor(prompt, parent)


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
