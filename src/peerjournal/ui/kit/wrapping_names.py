"""Names in a tree list drawn whole, on as many lines as they need.

Qt measures an item as one line and cuts (or elides) a word longer than the column. A
zoomed sidebar, a long story question or a longer translation is more than a column's
width; here the row grows to hold the name, and a word too long for the column breaks.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget

NAME_FLAGS = int(Qt.TextFlag.TextWordWrap.value) | int(Qt.TextFlag.TextWrapAnywhere.value)
"""Inside a word too (Qt then breaks anywhere, not only where it must)."""
WORD_FLAGS = int(Qt.TextFlag.TextWordWrap.value)


def name_flags(metrics: QFontMetrics, text: str, width: int) -> int:
    """Between words; inside a word only when one is wider than the column."""
    widest = max((metrics.horizontalAdvance(word) for word in text.split()), default=0)
    return WORD_FLAGS if widest <= width else NAME_FLAGS


TALL = 100_000

Index = QModelIndex | QPersistentModelIndex


class WrappingNames(QStyledItemDelegate):
    """For a tree's first column: rows as tall as their wrapped names."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def _depth(self, index: Index) -> int:
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        return depth

    def text_rect(self, option: QStyleOptionViewItem) -> QRect:
        """Where the style puts the words (after a tick box, inside the padding)."""
        return self._tree.style().subElementRect(
            QStyle.SubElement.SE_ItemViewItemText, option, self._tree
        )

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        measured = QStyleOptionViewItem(option)
        self.initStyleOption(measured, index)
        # The column less the indent (asking the view for the cell would lay it out again).
        indent = self._tree.indentation() * (self._depth(index) + 1)
        width = max(self._tree.header().sectionSize(index.column()) - indent, 1)
        measured.rect = QRect(0, 0, width, TALL)
        words = self.text_rect(measured)
        metrics = QFontMetrics(font_of(index, self._tree))
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        room = max(words.width(), 1)
        flags = name_flags(metrics, text, room)
        lines = metrics.boundingRect(QRect(0, 0, room, TALL), flags, text)
        padding = TALL - words.height()
        hint.setHeight(max(hint.height(), lines.height() + padding))
        return hint

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        area = self.text_rect(view)
        view.text = ""
        tree = self._tree
        tree.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, view, painter, tree)
        painter.save()
        font = font_of(index, tree)
        painter.setFont(font)
        painter.setPen(tree.palette().color(QPalette.ColorRole.Text))
        flags = name_flags(QFontMetrics(font), text, area.width())
        painter.drawText(area, flags | int(Qt.AlignmentFlag.AlignVCenter.value), text)
        painter.restore()


def font_of(index: Index, tree: QTreeWidget) -> QFont:
    font = index.data(Qt.ItemDataRole.FontRole)
    return font if isinstance(font, QFont) else tree.font()


__all__ = ["NAME_FLAGS", "WORD_FLAGS", "WrappingNames", "font_of", "name_flags"]
