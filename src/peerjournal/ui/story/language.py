"""Your story's language: the recovery-language helper over the story as it will print,
and the Language and Impact checklist beside it (the same answer as on its own page).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core import story as st
from peerjournal.core.content import model as m
from peerjournal.core.language import LanguageChecker
from peerjournal.ui.editors import ChecklistEditor
from peerjournal.ui.journal.language_highlighter import (
    LanguageHighlighter,
    LanguageTooltips,
    describe,
)
from peerjournal.ui.kit.widgets import WrapLabel

SIDE_BY_SIDE_WIDTH = 760
"""Below this the story and the Language and impact questions go one above the other."""


class LanguagePanel(QWidget):
    def __init__(
        self, content: m.Content, checker: LanguageChecker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._checker = checker
        split = QSplitter(Qt.Orientation.Horizontal, self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)

        left = QWidget(split)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        explain = WrapLabel(
            self.tr(
                "Some words have gentler, recovery-focused alternatives. They are "
                "underlined here; rest the pointer on one, or press F8 to go from one to "
                "the next, to see a suggestion. You decide: nothing is changed for you."
            ),
            self,
        )
        explain.setProperty("role", "muted")
        outer.addWidget(explain)  # above both halves, so neither squeezes it
        outer.addWidget(split, 1)
        self.language_text = QTextEdit(left)
        self.language_text.setObjectName("storyLanguageText")
        self.language_text.setAccessibleName(self.tr("Your story, with phrases to look at marked"))
        self.language_text.setReadOnly(True)
        self.language_text.setAcceptRichText(False)
        self.highlighter = LanguageHighlighter(self.language_text.document(), self._checker)
        self.tooltips = LanguageTooltips(self.language_text, self.highlighter)
        left_layout.addWidget(self.language_text, 3)
        self.language_list = QListWidget(left)
        self.language_list.setObjectName("storyLanguageMatches")
        self.language_list.setAccessibleName(self.tr("Phrases you might put another way"))
        self.language_list.setWordWrap(True)
        left_layout.addWidget(self.language_list, 1)
        split.addWidget(left)

        right = QGroupBox(self.tr("Language and impact"), split)
        right.setObjectName("storyChecklist")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 6, 6, 6)
        self.checklist_editor: ChecklistEditor | None = None
        prompt = content.prompt(st.CHECKLIST_ID)
        if isinstance(prompt, m.ChecklistPrompt):
            scroll = QScrollArea(right)
            scroll.setObjectName("storyChecklistScroll")
            scroll.setWidgetResizable(True)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            inner = QWidget(scroll)
            column = QVBoxLayout(inner)
            column.setContentsMargins(4, 4, 4, 4)
            lead = QLabel(" ".join(prompt.text.split()), inner)
            lead.setWordWrap(True)
            lead.setProperty("role", "muted")
            column.addWidget(lead)
            self.checklist_editor = ChecklistEditor(prompt, inner)
            # The same name as on the part's page: it is the same answer, shown twice.
            self.checklist_editor.setObjectName(f"editor:{prompt.id}")
            column.addWidget(self.checklist_editor)
            column.addStretch(1)
            scroll.setWidget(inner)
            right_layout.addWidget(scroll)
        split.addWidget(right)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([340, 520])
        self.split = split

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The story and the questions side by side when there is room, else one above.
        wide = event.size().width() >= SIDE_BY_SIDE_WIDTH
        wanted = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.split.orientation() != wanted:
            self.split.setOrientation(wanted)

    def show_story(self, document: st.StoryDocument) -> None:
        edit = self.language_text
        edit.clear()
        cursor = QTextCursor(edit.document())
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        plain = QTextCharFormat()
        first = True
        for entry in document.entries:
            if entry.blank:
                continue
            if not first:
                cursor.insertBlock()
            first = False
            cursor.insertText(entry.question, heading)
            for line in entry.answer.split("\n"):
                cursor.insertBlock()
                cursor.insertText(line, plain)
            cursor.insertBlock()
        edit.moveCursor(QTextCursor.MoveOperation.Start)
        self.language_list.clear()
        for entry in document.entries:
            for match in self._checker.matches(entry.answer):
                item = QListWidgetItem(describe(match).replace("\n", " "))
                item.setToolTip(entry.question)
                self.language_list.addItem(item)
        if self.language_list.count() == 0:
            self.language_list.addItem(
                self.tr("No suggestions: the helper found nothing to mention.")
            )

    def clear(self) -> None:
        self.language_text.clear()
        self.language_list.clear()
        if self.checklist_editor is not None:
            self.checklist_editor.set_answer(None)


__all__ = ["LanguagePanel"]
