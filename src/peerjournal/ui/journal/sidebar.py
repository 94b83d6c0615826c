"""The programme in a sidebar, each place with how far the participant has got."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core import progress as p
from peerjournal.core.content import model as m
from peerjournal.core.errors import VaultLocked
from peerjournal.ui.kit.i18n import progress_words, translate
from peerjournal.ui.kit.theme import current_colours, set_role
from peerjournal.ui.kit.wrapping_names import WrappingNames

KEY_ROLE = Qt.ItemDataRole.UserRole
TREE = "tree"
DAILY = "daily"
STORY = "story"
EARLIER = "earlier"
COMING = "coming"


def part_key(part_id: str) -> str:
    return f"part:{part_id}"


def programme_key(programme_id: str) -> str:
    return f"programme:{programme_id}"


NAMES_AND_COUNTS = 26
"""Characters of room the sidebar needs to show the counts beside the names."""


class Sidebar(QFrame):
    """The Tree, each programme with its parts, Daily pages and Your story."""

    place_selected = Signal(str)

    def __init__(
        self, content: m.Content, lookup: p.AnswerLookup, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sidebarFrame")
        self._content = content
        self._lookup: p.AnswerLookup = lookup
        self._items: dict[str, QTreeWidgetItem] = {}
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("sidebar")
        self.tree.setAccessibleName(translate("sidebar", "Programme"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setIndentation(14)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)  # a long name wraps rather than being cut short
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegateForColumn(0, WrappingNames(self.tree))
        self.tree.setRootIsDecorated(True)
        self.tree.setExpandsOnDoubleClick(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # Row heights are measured once; a name wrapped onto more lines (a narrower
        # column, a larger zoom) needs them measured again, or its second line is cut.
        header.sectionResized.connect(lambda *_: self.tree.doItemsLayout())
        self.overall_label = QLabel(self)
        self.overall_label.setObjectName("overallProgress")
        self.overall_label.setWordWrap(True)
        set_role(self.overall_label, "small")
        self.overall_bar = QProgressBar(self)
        self.overall_bar.setObjectName("overallBar")
        self.overall_bar.setTextVisible(False)
        self.overall_bar.setAccessibleName(translate("sidebar", "Overall progress"))
        layout = QVBoxLayout(self)
        self._column = layout
        layout.setContentsMargins(10, 12, 10, 12)
        layout.setSpacing(8)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.overall_label)
        layout.addWidget(self.overall_bar)
        self._build()
        self.refresh()
        self._connect_signals()

    def put_on_top(self, widget: QWidget) -> None:
        """Places ``widget`` (the search box) above the programme."""
        self._column.insertWidget(0, widget)

    def _connect_signals(self) -> None:
        self.tree.currentItemChanged.connect(self._on_current_changed)

    def _add(self, parent: QTreeWidgetItem | None, title: str, key: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([title, ""])
        item.setData(0, KEY_ROLE, key)
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, title)
        item.setToolTip(0, title)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if parent is None:
            self.tree.addTopLevelItem(item)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
        else:
            parent.addChild(item)
        self._items[key] = item
        return item

    def _build(self) -> None:
        if self._content.session_parts():
            self._add(None, translate("sidebar", "Coming up"), COMING)
        for programme in self._content.programmes:
            if not programme.parts:
                continue
            is_tree = any(part.tree for part in programme.parts)
            top = self._add(
                None,
                programme.short_title,
                TREE if is_tree else programme_key(programme.id),
            )
            for number, part in enumerate(programme.parts, 1):
                title = part.short_title
                if any(isinstance(prompt, m.LessonsPrompt) for prompt in part.prompts):
                    title = f"{number}. {part.short_title}"  # course sessions, in order
                self._add(top, title, part_key(part.id))
        self._add(None, translate("sidebar", "Daily pages"), DAILY)
        self._add(None, translate("sidebar", "Your story"), STORY)
        self.tree.expandToDepth(0)
        for key, item in self._items.items():
            if key.startswith("programme:") and key != programme_key("module-1"):
                item.setExpanded(key == programme_key("preparing-p2p"))

    def show_earlier_answers(self, show: bool) -> None:
        if show and EARLIER not in self._items:
            self._add(None, "Earlier answers", EARLIER)
        elif not show and EARLIER in self._items:
            item = self._items.pop(EARLIER)
            index = self.tree.indexOfTopLevelItem(item)
            self.tree.takeTopLevelItem(index)

    def refresh(self) -> None:
        """Recomputes every progress figure from the answers (not once the journal locks)."""
        try:
            self._refresh()
        except VaultLocked:
            return

    def _refresh(self) -> None:
        for programme in self._content.programmes:
            if not programme.parts:
                continue
            is_tree = any(part.tree for part in programme.parts)
            top = self._items.get(TREE if is_tree else programme_key(programme.id))
            if top is not None:
                self._set_progress(top, p.programme_progress(programme, self._lookup))
            for part in programme.parts:
                item = self._items.get(part_key(part.id))
                if item is not None:
                    self._set_progress(item, p.part_progress(part, self._lookup))
        overall = p.overall_progress(self._content, self._lookup)
        self.overall_label.setText(
            translate("sidebar", "Overall: %1").replace("%1", progress_words(overall))
        )
        self.overall_bar.setRange(0, max(overall.total, 1))
        self.overall_bar.setValue(overall.done)
        self.overall_bar.setAccessibleDescription(progress_words(overall))

    def _set_progress(self, item: QTreeWidgetItem, progress: p.Progress) -> None:
        if progress.total == 0:
            item.setText(1, "")
            return
        item.setText(1, f"{progress.done}/{progress.total}")
        item.setToolTip(0, f"{item.text(0)}: {progress_words(progress)}")
        item.setToolTip(1, progress_words(progress))
        item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, progress_words(progress))
        item.setForeground(1, QColor(current_colours().muted))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._items:
            self.refresh()  # the progress figures are drawn in the theme's muted colour
        if event.type() == QEvent.Type.FontChange:
            self._fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """A zoomed, narrow sidebar gives the names the room its counts took; each part's
        count is on its page, in its tooltip and told to a screen reader."""
        crowded = self.width() < self.fontMetrics().averageCharWidth() * NAMES_AND_COUNTS
        if self.tree.isColumnHidden(1) != crowded:
            self.tree.setColumnHidden(1, crowded)
            self.tree.doItemsLayout()

    def select(self, key: str) -> None:
        """Marks ``key`` as the current place without announcing it again."""
        item = self._items.get(key)
        if item is None:
            return
        self.tree.blockSignals(True)
        parent = item.parent()
        if parent is not None:
            parent.setExpanded(True)
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)
        self.tree.blockSignals(False)

    def current_key(self) -> str | None:
        item = self.tree.currentItem()
        key = item.data(0, KEY_ROLE) if item is not None else None
        return key if isinstance(key, str) else None

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _on_current_changed(
        self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        if current is None:
            return
        key = current.data(0, KEY_ROLE)
        if isinstance(key, str):
            self.place_selected.emit(key)


__all__ = ["COMING", "DAILY", "EARLIER", "STORY", "TREE", "Sidebar", "part_key", "programme_key"]
