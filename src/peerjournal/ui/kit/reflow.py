"""A grid that takes as many columns as fit: four strengths domains side by side on a wide
window, two on a narrow one, one when zoomed to 200%; nothing pushed past the edge."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractButton, QLayout, QLayoutItem, QSizePolicy, QWidget


class ReflowGrid(QWidget):
    """Items in rows of equal columns, at most ``columns`` of them and as many as fit.

    Its minimum width is its widest item's, not a full row's, so a page can narrow it;
    its height follows from the width it is given (height-for-width), as wrapped text
    does. It places its items itself: a layout inside would answer the height question
    for the columns it had before the width changed.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        columns: int,
        spacing: tuple[int, int] = (10, 8),
    ) -> None:
        super().__init__(parent)
        self._most = max(1, columns)
        self._items: list[QWidget] = []
        self._gap_x, self._gap_y = spacing
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def add(self, widget: QWidget) -> None:
        widget.setParent(self)
        widget.installEventFilter(self)
        self._items.append(widget)
        widget.show()
        self.updateGeometry()

    def items(self) -> list[QWidget]:
        return list(self._items)

    def columns_for(self, width: int) -> int:
        shown = self._shown()
        each = max(self._item_width(), 1)
        fit = (width + self._gap_x) // (each + self._gap_x)
        return max(1, min(self._most, len(shown) or 1, fit))

    def _shown(self) -> list[QWidget]:
        return [w for w in self._items if not w.isHidden()]

    def _item_width(self) -> int:
        return max((_width_needed(w) for w in self._shown()), default=0)

    def _rows(self, width: int) -> tuple[int, int, list[int]]:
        """Columns, column width and each row's height at ``width``."""
        shown = self._shown()
        columns = self.columns_for(width)
        column_width = max(1, (width - self._gap_x * (columns - 1)) // columns)
        heights = [
            max(_height_at(w, column_width) for w in shown[start : start + columns])
            for start in range(0, len(shown), columns)
        ]
        return columns, column_width, heights

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        _columns, _each, heights = self._rows(width)
        return sum(heights) + self._gap_y * max(0, len(heights) - 1)

    def minimumSizeHint(self) -> QSize:
        width = self._item_width()
        return QSize(width, self.heightForWidth(max(width, self.width())))

    def sizeHint(self) -> QSize:
        shown = self._shown()
        columns = min(self._most, len(shown) or 1)
        widest = max((w.sizeHint().width() for w in shown), default=0)
        width = widest * columns + self._gap_x * (columns - 1)
        return QSize(width, self.heightForWidth(width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place(event.size().width())

    def _place(self, width: int) -> None:
        columns, each, heights = self._rows(width)
        y = 0
        for row, height in enumerate(heights):
            for col, widget in enumerate(self._shown()[row * columns : (row + 1) * columns]):
                x = col * (each + self._gap_x)
                widget.setGeometry(QRect(x, y, each, height))
            y += height + self._gap_y

    def eventFilter(self, watched: object, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.LayoutRequest, QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self.updateGeometry()
            self._place(self.width())
        return False


class FlowLayout(QLayout):
    """Items left to right, onto a new line when the row is full (Qt's flow layout).

    For rows of small controls of different widths (a formatting bar): on a narrow or
    zoomed page the row wraps instead of pushing the page wider than the window.
    """

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._lay_out(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._lay_out(rect, move=True)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() for i in self._items) + self.spacing() * max(
            0, len(self._items) - 1
        )
        height = max((i.sizeHint().height() for i in self._items), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _lay_out(self, rect: QRect, *, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        gap = self.spacing()
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            line = max(line, hint.height())
        return y + line - rect.y()


def _width_needed(widget: QWidget) -> int:
    """A button's words need its whole size hint; other widgets say their minimum."""
    if isinstance(widget, QAbstractButton):
        return widget.sizeHint().width()
    return widget.minimumSizeHint().width()


def _height_at(widget: QWidget, width: int) -> int:
    layout = widget.layout()
    if layout is not None and layout.hasHeightForWidth():
        return max(layout.totalHeightForWidth(width), widget.minimumSizeHint().height())
    if widget.hasHeightForWidth():
        return max(widget.heightForWidth(width), widget.minimumSizeHint().height())
    return widget.sizeHint().height()


__all__ = ["FlowLayout", "ReflowGrid"]
