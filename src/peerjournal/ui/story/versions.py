"""Your story's saved versions: name and save one, list them, compare two, start again from one.

``VersionsPanel`` shows and asks; the page does the work (saving runs on the write
lane) and tells it the outcome.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerjournal.services.story import IterationSummary
from peerjournal.ui.kit.dates import when
from peerjournal.ui.kit.reflow import ReflowGrid
from peerjournal.ui.kit.widgets import WrapLabel, WrappingButton, transient
from peerjournal.ui.story.story_compare import StoryCompareView

DRAFT = -1  # the "current draft" entry in the compare choosers


class VersionsPanel(QWidget):
    save_requested = Signal(str)
    new_draft_requested = Signal(int)
    pdf_requested = Signal(int)
    compare_requested = Signal(int, int)
    """(older version, newer version or ``DRAFT``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        save_row = ReflowGrid(self, columns=2)  # the button goes below when narrow
        self.version_name = QLineEdit(self)
        self.version_name.setObjectName("storyVersionName")
        self.version_name.setAccessibleName(self.tr("Name for this version"))
        self.version_name.setPlaceholderText(
            self.tr("Name this version, e.g. “Before my first conversation”")
        )
        self.version_name.setMaxLength(200)
        transient(self.version_name)  # kept only when the version is saved
        self.save_version_button = WrappingButton(
            self.tr("Save this version of my story"), "", self
        )
        self.save_version_button.setObjectName("storySaveVersion")
        save_row.add(self.version_name)
        save_row.add(self.save_version_button)
        layout.addWidget(save_row)
        note = WrapLabel(
            self.tr(
                "A saved version never changes, so you can look back on how your story has grown."
            ),
            self,
        )
        note.setProperty("role", "muted")
        layout.addWidget(note)
        self.versions_list = QListWidget(self)
        self.versions_list.setObjectName("storyVersions")
        self.versions_list.setAccessibleName(self.tr("Saved versions of your story"))
        self.versions_list.setMaximumHeight(150)
        layout.addWidget(self.versions_list)
        buttons = ReflowGrid(self, columns=2)  # side by side, or one above the other
        self.new_draft_button = WrappingButton(
            self.tr("Start a new draft from this version…"), "", self
        )
        self.new_draft_button.setObjectName("storyNewDraft")
        self.version_pdf_button = WrappingButton(self.tr("Save this version as PDF…"), "", self)
        self.version_pdf_button.setObjectName("storyVersionPdf")
        buttons.add(self.new_draft_button)
        buttons.add(self.version_pdf_button)
        layout.addWidget(buttons)
        comparing = ReflowGrid(self, columns=3)
        first = _row(comparing)
        first.addWidget(QLabel(self.tr("Compare"), self))
        self.compare_old = QComboBox(self)
        self.compare_old.setObjectName("storyCompareFrom")
        self.compare_old.setAccessibleName(self.tr("Compare this version"))
        self.compare_new = QComboBox(self)
        self.compare_new.setObjectName("storyCompareTo")
        self.compare_new.setAccessibleName(self.tr("with this version"))
        transient(self.compare_old)
        transient(self.compare_new)
        first.addWidget(self.compare_old, 1)
        second = _row(comparing)
        second.addWidget(QLabel(self.tr("with"), self))
        second.addWidget(self.compare_new, 1)
        self.compare_button = QPushButton(self.tr("Compare"), self)
        self.compare_button.setObjectName("storyCompareButton")
        comparing.add(self.compare_button)
        layout.addWidget(comparing)
        self.compare_view = StoryCompareView(self)
        layout.addWidget(self.compare_view, 1)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.save_version_button.clicked.connect(self._on_save)
        self.version_name.returnPressed.connect(self._on_save)
        self.compare_button.clicked.connect(self._on_compare)
        self.new_draft_button.clicked.connect(self._on_new_draft)
        self.version_pdf_button.clicked.connect(self._on_pdf)
        self.versions_list.currentRowChanged.connect(self._on_version_selected)

    def show_versions(self, iterations: list[IterationSummary]) -> None:
        self.versions_list.clear()
        for it in reversed(iterations):
            item = QListWidgetItem(f"{it.number}. {it.name} — {when(it.saved)}")
            item.setData(Qt.ItemDataRole.UserRole, it.number)
            self.versions_list.addItem(item)
        for combo in (self.compare_old, self.compare_new):
            combo.clear()
        self.compare_new.addItem(self.tr("Current draft"), DRAFT)
        for it in reversed(iterations):
            label = f"{it.number}. {it.name}"
            self.compare_old.addItem(label, it.number)
            self.compare_new.addItem(label, it.number)
        has = bool(iterations)
        for widget in (self.compare_button, self.new_draft_button, self.version_pdf_button):
            widget.setEnabled(has)
        if has:
            self.versions_list.setCurrentRow(0)

    def selected(self) -> int | None:
        item = self.versions_list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, int) else None

    @Slot(int)
    def _on_version_selected(self, _row: int) -> None:
        number = self.selected()
        if number is None:
            return
        index = self.compare_old.findData(number)
        if index >= 0:
            self.compare_old.setCurrentIndex(index)
        self.compare_new.setCurrentIndex(0)

    @Slot()
    def _on_save(self) -> None:
        self.save_version_button.setEnabled(False)
        self.save_requested.emit(self.version_name.text().strip())

    def saved(self) -> None:
        self.save_version_button.setEnabled(True)
        self.version_name.clear()

    @Slot()
    def _on_compare(self) -> None:
        old = self.compare_old.currentData()
        new = self.compare_new.currentData()
        if isinstance(old, int) and isinstance(new, int):
            self.compare_requested.emit(old, new)

    @Slot()
    def _on_new_draft(self) -> None:
        number = self.selected()
        if number is not None:
            self.new_draft_requested.emit(number)

    @Slot()
    def _on_pdf(self) -> None:
        number = self.selected()
        if number is not None:
            self.pdf_requested.emit(number)

    def clear(self) -> None:
        self.versions_list.clear()
        self.compare_view.clear()
        self.version_name.clear()


def _row(grid: ReflowGrid) -> QHBoxLayout:
    """A row of a label and its choice, kept together when the grid wraps."""
    holder = QWidget(grid)
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    grid.add(holder)
    return row


__all__ = ["DRAFT", "VersionsPanel"]
