"""A ranked top-N list (top 5 values), each with a note; reorder by drag or keyboard."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QPoint, Qt, Signal, Slot
from PySide6.QtGui import (
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QMouseEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core import answers as a
from peerjournal.core.content import model as m
from peerjournal.ui.editors.base import PromptEditor, small_label
from peerjournal.ui.editors.text import GrowingTextEdit
from peerjournal.ui.kit.headings import not_a_heading
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.theme import set_role

MIME = "application/x-peerjournal-rank"


class DragHandle(QLabel):
    """The grip at the start of a row: press and drag to move the row."""

    drag_started = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("⠿", parent)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setToolTip(translate("ranked", "Drag to move, or press Alt+Up / Alt+Down"))
        self.setAccessibleName(
            translate("ranked", "Move this row: press Alt+Up or Alt+Down")
        )  # not "⠿"
        set_role(self, "muted")
        self._pressed_at: QPoint | None = None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed_at = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pressed_at is not None and (
            (event.position().toPoint() - self._pressed_at).manhattanLength()
            >= QApplication.startDragDistance()
        ):
            self._pressed_at = None
            self.drag_started.emit()
        super().mouseMoveEvent(event)


class RankRow(QFrame):
    """One place in the list: its number, the value, and a note."""

    move_requested = Signal(int)
    """-1 to move up, +1 to move down."""

    def __init__(self, prompt: m.RankedPrompt, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "rankRow")
        self.handle = DragHandle(self)
        self.number = QLabel("1.", self)
        not_a_heading(self.number)
        set_role(self.number, "heading")
        self.value = QLineEdit(self)
        self.value.setPlaceholderText(prompt.item_label)
        self.note = GrowingTextEdit(self, min_lines=2, max_lines=8)
        self.note.setPlaceholderText(prompt.note_label)
        self.up = QToolButton(self)
        self.up.setText("↑")
        self.up.setToolTip(translate("ranked", "Move up (Alt+Up)"))
        self.up.setAccessibleName(translate("ranked", "Move up"))
        self.down = QToolButton(self)
        self.down.setText("↓")
        self.down.setToolTip(translate("ranked", "Move down (Alt+Down)"))
        self.down.setAccessibleName(translate("ranked", "Move down"))

        grid = QGridLayout(self)
        grid.setContentsMargins(10, 8, 10, 8)
        grid.setHorizontalSpacing(10)
        grid.addWidget(self.handle, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.number, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.value, 0, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.note, 0, 3)
        buttons = QVBoxLayout()
        buttons.setSpacing(2)
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addStretch(1)
        grid.addLayout(buttons, 0, 4)
        grid.setColumnStretch(2, 2)
        grid.setColumnStretch(3, 3)

        for keys, delta in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._move_up if delta < 0 else self._move_down)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.up.clicked.connect(self._move_up)
        self.down.clicked.connect(self._move_down)

    @Slot()
    def _move_up(self) -> None:
        self.move_requested.emit(-1)

    @Slot()
    def _move_down(self) -> None:
        self.move_requested.emit(1)

    def set_position(self, index: int, total: int) -> None:
        self.number.setText(f"{index + 1}.")
        self.setObjectName(f"rank:{index + 1}")
        self.value.setObjectName(f"rankValue:{index + 1}")
        self.note.setObjectName(f"rankNote:{index + 1}")
        self.value.setAccessibleName(translate("ranked", "Value %1").replace("%1", str(index + 1)))
        self.note.setAccessibleName(
            translate("ranked", "What value %1 means to you").replace("%1", str(index + 1))
        )
        self.up.setEnabled(index > 0)
        self.down.setEnabled(index < total - 1)

    def item(self) -> a.RankedItem:
        return a.RankedItem(self.value.text(), self.note.toPlainText())


class RankedEditor(PromptEditor):
    """A ``ranked`` prompt: N rows in order; move a row with its grip, its arrows or Alt+Up/Down."""

    def __init__(self, prompt: m.RankedPrompt, parent: QWidget | None = None) -> None:
        super().__init__(prompt, parent)
        self.ranked = prompt
        self.rows: list[RankRow] = []
        self.setAcceptDrops(True)
        hint = small_label(
            "Most important first. Drag a row by its grip, or press Alt+Up or Alt+Down "
            "to move the row you are in.",
            "small",
            self,
        )
        self._list = QVBoxLayout()
        self._list.setSpacing(8)
        for _ in range(prompt.count):
            row = RankRow(prompt, self)
            self.rows.append(row)
            self._list.addWidget(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(hint)
        layout.addLayout(self._list)
        self._renumber()
        self._connect_signals()

    def _connect_signals(self) -> None:
        for row in self.rows:
            row.value.textChanged.connect(self._changed)
            row.note.textChanged.connect(self._changed)
            row.move_requested.connect(self._on_move_requested)
            row.handle.drag_started.connect(self._on_drag_started)

    def _renumber(self) -> None:
        for index, row in enumerate(self.rows):
            row.set_position(index, len(self.rows))
        previous: QWidget | None = None
        for row in self.rows:
            for widget in (row.value, row.note, row.up, row.down):
                if previous is not None:
                    QWidget.setTabOrder(previous, widget)
                previous = widget

    @Slot(int)
    def _on_move_requested(self, delta: int) -> None:
        row = self.sender()
        if isinstance(row, RankRow):
            self.move_row(self.rows.index(row), delta)

    def move_row(self, index: int, delta: int) -> None:
        """Moves the row at ``index`` by ``delta`` places, keeping the focus on it."""
        target = index + delta
        if not 0 <= index < len(self.rows) or not 0 <= target < len(self.rows):
            return
        self._place(index, target)

    def _place(self, index: int, target: int) -> None:
        if index == target:
            return
        row = self.rows.pop(index)
        self.rows.insert(target, row)
        self._list.removeWidget(row)
        self._list.insertWidget(target, row)
        self._renumber()
        focused = QApplication.focusWidget()
        if focused is not None and not row.isAncestorOf(focused):
            row.value.setFocus(Qt.FocusReason.OtherFocusReason)
        self._picked()

    @Slot()
    def _on_drag_started(self) -> None:
        handle = self.sender()
        row = handle.parent() if isinstance(handle, DragHandle) else None
        if not isinstance(row, RankRow) or row not in self.rows:
            return
        mime = QMimeData()
        mime.setData(MIME, QByteArray(str(self.rows.index(row)).encode()))
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.setPixmap(row.grab())
        drag.exec(Qt.DropAction.MoveAction)

    def _drop_index(self, y: float) -> int:
        for index, row in enumerate(self.rows):
            middle = row.geometry().center().y()
            if y < middle:
                return index
        return len(self.rows) - 1

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if not event.mimeData().hasFormat(MIME):
            return
        try:
            source = int(bytes(event.mimeData().data(MIME).data()).decode())
        except ValueError:
            return
        self.drop_row(source, self._drop_index(event.position().y()))
        event.acceptProposedAction()

    def drop_row(self, source: int, target: int) -> None:
        """Moves the row at ``source`` to ``target`` (what a drag and drop does)."""
        if 0 <= source < len(self.rows) and 0 <= target < len(self.rows):
            self._place(source, target)

    def answer(self) -> a.Answer:
        items = [row.item() for row in self.rows]
        while items and not (items[-1].value.strip() or items[-1].note.strip()):
            items.pop()
        return a.RankedAnswer(tuple(items))

    def _show(self, answer: a.Answer) -> None:
        if not isinstance(answer, a.RankedAnswer):
            return
        for index, row in enumerate(self.rows):
            item = answer.items[index] if index < len(answer.items) else a.RankedItem("")
            if row.value.text() != item.value:
                row.value.setText(item.value)
            row.note.set_text_quietly(item.note)

    def focus_first(self) -> None:
        self.rows[0].value.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = ["RankRow", "RankedEditor"]
