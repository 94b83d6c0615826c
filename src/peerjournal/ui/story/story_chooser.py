"""The story's sections and questions as a checkable list that can be reordered.

Sections are the top level, their questions beneath them. Tick what goes in (a heading
ticks or unticks all of its questions, and is half ticked when some are in); drag (or
use "Move up"/"Move down") to set the order. A question can only move within its own
section and a section only among sections: a drop that would break that is undone.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from peerjournal.core import story as st
from peerjournal.core.content import model as m
from peerjournal.ui.kit.wrapping_names import WrappingNames

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SECTION = "section"
QUESTION = "question"


class StoryChooser(QTreeWidget):
    """Emits ``choice_changed`` whenever a tick or the order changes."""

    choice_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyChooser")
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setItemDelegateForColumn(0, WrappingNames(self))  # long questions whole
        self.header().sectionResized.connect(lambda *_: self.doItemsLayout())
        self.setAccessibleName(self.tr("Sections and questions in your story"))
        self._loading = False
        self._content: m.Content | None = None
        self._answered: set[str] = set()
        self.itemChanged.connect(self._on_item_changed)

    # -- filling and reading ------------------------------------------------------------

    def load(self, content: m.Content, options: st.StoryOptions, answered: set[str]) -> None:
        self._content = content
        self._answered = set(answered)
        self._loading = True
        try:
            expanded = {top.data(0, ID_ROLE) for top in self._tops() if top.isExpanded()}
            self.clear()
            for section in options.sections:
                top = QTreeWidgetItem([st.section_title(content, section.key)])
                top.setData(0, KIND_ROLE, SECTION)
                top.setData(0, ID_ROLE, section.key)
                top.setFlags(_SECTION_FLAGS)
                font = top.font(0)
                font.setBold(True)
                top.setFont(0, font)
                for question in section.questions:
                    child = QTreeWidgetItem([self._question_text(question.prompt_id)])
                    child.setData(0, KIND_ROLE, QUESTION)
                    child.setData(0, ID_ROLE, question.prompt_id)
                    child.setFlags(_QUESTION_FLAGS)
                    # What is ticked is what prints: a section left out leaves out its questions.
                    child.setCheckState(0, _state(question.included and section.included))
                    child.setToolTip(0, st.question_heading(content, question.prompt_id))
                    top.addChild(child)
                top.setCheckState(0, _section_state(section))
                self.addTopLevelItem(top)
                top.setExpanded(section.key in expanded or not expanded)
        finally:
            self._loading = False

    def _question_text(self, prompt_id: str) -> str:
        if self._content is None:
            return prompt_id
        heading = st.question_heading(self._content, prompt_id)
        if prompt_id not in self._answered:
            return self.tr("{heading} (not answered yet)").format(heading=heading)
        return heading

    def _tops(self) -> list[QTreeWidgetItem]:
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [item for item in items if item is not None]

    @staticmethod
    def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        children = (item.child(j) for j in range(item.childCount()))
        return [child for child in children if child is not None]

    def sections(self) -> tuple[st.SectionChoice, ...]:
        out: list[st.SectionChoice] = []
        for top in self._tops():
            questions = tuple(
                st.QuestionChoice(
                    str(child.data(0, ID_ROLE)),
                    child.checkState(0) == Qt.CheckState.Checked,
                )
                for child in self._children(top)
            )
            out.append(
                st.SectionChoice(
                    str(top.data(0, ID_ROLE)),
                    top.checkState(0) != Qt.CheckState.Unchecked,  # some or all of it
                    questions,
                )
            )
        return tuple(out)

    # -- order ----------------------------------------------------------------------------

    def structure(self) -> list[tuple[str, list[str]]]:
        return [
            (str(top.data(0, ID_ROLE)), [str(c.data(0, ID_ROLE)) for c in self._children(top)])
            for top in self._tops()
        ]

    def keeps_sections(self, before: list[tuple[str, list[str]]]) -> bool:
        """What a drop must leave: every section on top, each question in its own section."""
        owners = {pid: key for key, pids in before for pid in pids}
        for top in self._tops():
            if top.data(0, KIND_ROLE) != SECTION:
                return False
            for child in self._children(top):
                if child.data(0, KIND_ROLE) != QUESTION or child.childCount():
                    return False
                if owners.get(str(child.data(0, ID_ROLE))) != top.data(0, ID_ROLE):
                    return False
        return sorted(k for k, _ in before) == sorted(k for k, _ in self.structure())

    def dropEvent(self, event: QDropEvent) -> None:
        before = self.structure()
        snapshot = self.sections()
        super().dropEvent(event)
        if self.keeps_sections(before) and len(self.structure()) == len(before):
            if self.structure() != before:
                self.choice_changed.emit()
            return
        event.ignore()
        self._restore(snapshot)

    def _restore(self, sections: tuple[st.SectionChoice, ...]) -> None:
        if self._content is None:
            return
        self.load(self._content, st.StoryOptions(sections=sections), self._answered)

    def move_current(self, step: int) -> bool:
        """Moves the selected section or question up (-1) or down (+1) among its siblings."""
        item = self.currentItem()
        if item is None:
            return False
        parent = item.parent()
        if parent is None:
            index = self.indexOfTopLevelItem(item)
            target = index + step
            if not 0 <= target < self.topLevelItemCount():
                return False
            expanded = item.isExpanded()
            self.takeTopLevelItem(index)
            self.insertTopLevelItem(target, item)
            item.setExpanded(expanded)
        else:
            index = parent.indexOfChild(item)
            target = index + step
            if not 0 <= target < parent.childCount():
                return False
            parent.takeChild(index)
            parent.insertChild(target, item)
        self.setCurrentItem(item)
        self.choice_changed.emit()
        return True

    @Slot(QTreeWidgetItem, int)
    def _on_item_changed(self, _item: QTreeWidgetItem, _column: int) -> None:
        if not self._loading:
            self.choice_changed.emit()


def _state(on: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked


def _section_state(section: st.SectionChoice) -> Qt.CheckState:
    """Ticked when all its questions go in, half when some do, empty when none does."""
    if not section.included or not section.questions:
        return _state(section.included)
    chosen = sum(q.included for q in section.questions)
    if chosen == len(section.questions):
        return Qt.CheckState.Checked
    return Qt.CheckState.PartiallyChecked if chosen else Qt.CheckState.Unchecked


_SECTION_FLAGS = (
    Qt.ItemFlag.ItemIsAutoTristate  # ticking a heading ticks (or unticks) its questions
    | Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsUserCheckable
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemIsDropEnabled
)
_QUESTION_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsUserCheckable
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemNeverHasChildren
)
