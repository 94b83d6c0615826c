"""Your story, on the left: title and name, what goes in and in which order, the options.

``ChoicesPanel`` holds the widgets and turns them into ``StoryOptions`` and back; it
says ``changed`` after any change a participant makes (loading says nothing). The
page saves those choices through the window's AutoSaver.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core import story as st
from peerjournal.core.content import model as m
from peerjournal.core.kinds import spec_of
from peerjournal.ui.kit.reflow import ReflowGrid
from peerjournal.ui.kit.theme import set_role
from peerjournal.ui.kit.widgets import transient
from peerjournal.ui.story.story_chooser import StoryChooser

PAPER_LABELS = (("a4", "A4"), ("letter", "US Letter"))


def _in_story(kind: str) -> bool:
    spec = spec_of(kind)
    return spec is not None and spec.in_story


class ChoicesPanel(QScrollArea):
    changed = Signal()
    add_extra_requested = Signal(str)
    """A prompt id to add to "More about me"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyChoices")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.options = st.StoryOptions()
        self._loading = False
        holder = QWidget(self)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(16, 16, 12, 16)
        layout.setSpacing(10)

        heading = QLabel(self.tr("Your story"), holder)
        set_role(heading, "title")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        heading.setFont(font)
        layout.addWidget(heading)
        intro = QLabel(
            self.tr(
                "You decide what goes in. Nothing here is shared unless you save or "
                "print it yourself."
            ),
            holder,
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        layout.addWidget(intro)

        form = QFormLayout()
        self.title_edit = QLineEdit(holder)
        self.title_edit.setObjectName("storyTitle")
        self.title_edit.setPlaceholderText(st.DEFAULT_TITLE)
        self.title_edit.setMaxLength(st.MAX_FIELD)
        self.name_edit = QLineEdit(holder)
        self.name_edit.setObjectName("storyName")
        self.name_edit.setPlaceholderText(self.tr("Optional"))
        self.name_edit.setMaxLength(st.MAX_FIELD)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Your name"), self.name_edit)
        layout.addLayout(form)

        choose = QLabel(self.tr("What goes in, and in which order"), holder)
        choose.setWordWrap(True)  # longer in other languages, and zoomed
        choose.setProperty("role", "eyebrow")
        layout.addWidget(choose)
        self.chooser = StoryChooser(holder)
        self.chooser.setMinimumHeight(300)
        layout.addWidget(self.chooser, 1)
        moves = ReflowGrid(holder, columns=2)
        self.up_button = QPushButton(self.tr("Move up"), holder)
        self.up_button.setObjectName("storyMoveUp")
        self.down_button = QPushButton(self.tr("Move down"), holder)
        self.down_button.setObjectName("storyMoveDown")
        moves.add(self.up_button)
        moves.add(self.down_button)
        layout.addWidget(moves)

        extra_label = QLabel(self.tr("Add another answer to “More about me”"), holder)
        extra_label.setWordWrap(True)
        layout.addWidget(extra_label)
        extra = ReflowGrid(holder, columns=2)
        self.extra_combo = QComboBox(holder)
        self.extra_combo.setObjectName("storyExtraChoice")
        self.extra_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.extra_combo.setMinimumContentsLength(10)
        transient(self.extra_combo)  # a choice for the Add button, not a setting
        self.extra_button = QPushButton(self.tr("Add"), holder)
        self.extra_button.setObjectName("storyAddExtra")
        extra.add(self.extra_combo)
        extra.add(self.extra_button)
        layout.addWidget(extra)

        self.blank_check = QCheckBox(
            self.tr("Print unanswered questions with space to write on"), holder
        )
        self.blank_check.setObjectName("storyBlankSpace")
        layout.addWidget(_WrappingCheck(self.blank_check, self.blank_check.text(), holder))

        self.conversation_check = QCheckBox(
            self.tr("Add a last page: “For our conversation”"), holder
        )
        self.conversation_check.setObjectName("storyConversation")
        layout.addWidget(
            _WrappingCheck(self.conversation_check, self.conversation_check.text(), holder)
        )
        self.discuss_check = QCheckBox(
            self.tr("Include what I noted in my stocktake to discuss"), holder
        )
        self.discuss_check.setObjectName("storyDiscussNote")
        layout.addWidget(_WrappingCheck(self.discuss_check, self.discuss_check.text(), holder))
        self.points_edit = QPlainTextEdit(holder)
        self.points_edit.setObjectName("storyPoints")
        self.points_edit.setPlaceholderText(self.tr("Points to raise, one on each line"))
        self.points_edit.setAccessibleName(self.tr("Points to raise"))
        self.points_edit.setAccessibleDescription(self.tr("One on each line"))
        self.points_edit.setMaximumHeight(90)
        layout.addWidget(self.points_edit)

        paper_row = QHBoxLayout()
        paper_row.addWidget(QLabel(self.tr("Paper"), holder))
        self.paper_combo = QComboBox(holder)
        self.paper_combo.setObjectName("storyPaper")
        for key, label in PAPER_LABELS:
            self.paper_combo.addItem(label, key)
        paper_row.addWidget(self.paper_combo)
        paper_row.addStretch(1)
        layout.addLayout(paper_row)

        actions = ReflowGrid(holder, columns=2)
        self.save_pdf_button = QPushButton(self.tr("Save PDF…"), holder)
        self.save_pdf_button.setObjectName("storySavePdf")
        self.save_pdf_button.setProperty("role", "primary")
        self.print_button = QPushButton(self.tr("Print…"), holder)
        self.print_button.setObjectName("storyPrint")
        actions.add(self.save_pdf_button)
        actions.add(self.print_button)
        layout.addWidget(actions)
        self.status = QLabel("", holder)
        self.status.setObjectName("storyStatus")
        self.status.setWordWrap(True)
        self.status.setProperty("role", "muted")
        layout.addWidget(self.status)
        self.setWidget(holder)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.chooser.choice_changed.connect(self._on_changed)
        self.title_edit.textEdited.connect(self._on_changed)
        self.name_edit.textEdited.connect(self._on_changed)
        self.blank_check.toggled.connect(self._on_changed)
        self.conversation_check.toggled.connect(self._on_changed)
        self.discuss_check.toggled.connect(self._on_changed)
        self.points_edit.textChanged.connect(self._on_changed)
        self.paper_combo.currentIndexChanged.connect(self._on_changed)
        self.up_button.clicked.connect(self._on_move_up)
        self.down_button.clicked.connect(self._on_move_down)
        self.extra_button.clicked.connect(self._on_add_extra)

    def apply(self, content: m.Content, options: st.StoryOptions, answered: set[str]) -> None:
        """Shows ``options`` without reporting a change."""
        self.options = options
        self._loading = True
        try:
            self.title_edit.setText(options.title)
            self.name_edit.setText(options.name)
            self.blank_check.setChecked(options.blank_space)
            self.conversation_check.setChecked(options.conversation_page)
            self.discuss_check.setChecked(options.include_discuss_note)
            self.discuss_check.setEnabled(options.conversation_page)
            self.points_edit.setEnabled(options.conversation_page)
            self.points_edit.setPlainText("\n".join(options.conversation_points))
            index = self.paper_combo.findData(options.paper)
            self.paper_combo.setCurrentIndex(max(index, 0))
            self.chooser.load(content, options, answered)
        finally:
            self._loading = False

    def reload_chooser(self, content: m.Content, answered: set[str]) -> None:
        self._loading = True
        try:
            self.chooser.load(content, self.options, answered)
        finally:
            self._loading = False

    def offer_extras(self, content: m.Content, answered: set[str]) -> None:
        """Lists the answered questions not yet in the story, for "Add another answer"."""
        in_story = {q.prompt_id for s in self.options.sections for q in s.questions}
        self.extra_combo.clear()
        for pid in sorted(answered):
            located = content.locate(pid)
            if located is None or pid in in_story or not _in_story(located.prompt.kind):
                continue
            text = " ".join(located.prompt.text.split())
            if len(text) > 70:
                text = text[:69] + "…"
            self.extra_combo.addItem(
                f"{located.part.short_title or located.part.title}: {text}", pid
            )
        self.extra_combo.setEnabled(self.extra_combo.count() > 0)
        self.extra_button.setEnabled(self.extra_combo.count() > 0)

    def current_options(self) -> st.StoryOptions:
        points = tuple(
            line.strip() for line in self.points_edit.toPlainText().splitlines() if line.strip()
        )
        return replace(
            self.options,
            title=self.title_edit.text(),
            name=self.name_edit.text(),
            blank_space=self.blank_check.isChecked(),
            sections=self.chooser.sections(),
            conversation_page=self.conversation_check.isChecked(),
            include_discuss_note=self.discuss_check.isChecked(),
            conversation_points=points[: st.MAX_POINTS],
            paper=str(self.paper_combo.currentData() or "a4"),
        )

    @Slot()
    def _on_changed(self) -> None:
        if self._loading:
            return
        self.options = self.current_options()
        self.discuss_check.setEnabled(self.options.conversation_page)
        self.points_edit.setEnabled(self.options.conversation_page)
        self.changed.emit()

    @Slot()
    def _on_move_up(self) -> None:
        self.chooser.move_current(-1)

    @Slot()
    def _on_move_down(self) -> None:
        self.chooser.move_current(+1)

    @Slot()
    def _on_add_extra(self) -> None:
        pid = self.extra_combo.currentData()
        if isinstance(pid, str):
            self.add_extra_requested.emit(pid)

    def clear(self) -> None:
        """Forgets everything shown (the journal locked)."""
        self._loading = True
        try:
            self.title_edit.clear()
            self.name_edit.clear()
            self.points_edit.clear()
            self.chooser.clear()
            self.extra_combo.clear()
            self.status.clear()
        finally:
            self._loading = False
        self.options = st.StoryOptions()


class _WrappingCheck(QWidget):
    """A checkbox whose long question wraps onto several lines (QCheckBox cannot wrap)."""

    def __init__(self, box: QCheckBox, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        box.setText("")
        box.setAccessibleName(text)
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setBuddy(box)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(label, 1)
        self.label = label
        self.box = box

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.box.toggle()
        super().mousePressEvent(event)
