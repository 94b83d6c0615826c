"""The focused widget is always in view: the page scrolls to it however focus came.

Qt's scroll area scrolls to a widget reached by Tab, but not to one focused by a click
on a label, a shortcut, a search result or a page opening; a keyboard user then types
into a field they cannot see. Every focus change is followed here instead.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Slot
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QWidget,
)

MARGIN = 24


def scroll_to(widget: QWidget) -> None:
    """Brings ``widget`` into view in every scroll area it sits in, innermost first.

    A field of text is brought in at its cursor (Qt's own way, right for a long answer);
    anything else whole, when it fits (Qt would bring a chart in only at its corner).
    """
    node = widget.parentWidget()
    while node is not None:
        if isinstance(node, QScrollArea) and node.widget() is not None:
            inner = node.widget()
            if inner is not None and inner.isAncestorOf(widget):
                if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
                    node.ensureWidgetVisible(widget, MARGIN, MARGIN)
                else:
                    _show_whole(node, inner, widget)
        node = node.parentWidget()


def _show_whole(area: QScrollArea, inner: QWidget, widget: QWidget) -> None:
    top = widget.mapTo(inner, QPoint(0, 0)).y()
    bar = area.verticalScrollBar()
    seen = area.viewport().height()
    if widget.height() + 2 * MARGIN > seen:
        bar.setValue(top - MARGIN)  # taller than the view: its top
    elif top - MARGIN < bar.value():
        bar.setValue(top - MARGIN)
    elif top + widget.height() + MARGIN > bar.value() + seen:
        bar.setValue(top + widget.height() + MARGIN - seen)


class FocusFollower(QObject):
    """Scrolls to each newly focused widget of the windows below ``root``."""

    def __init__(self, root: QWidget) -> None:
        super().__init__(root)
        self._root = root
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new.window() is self._root.window():
            scroll_to(new)


__all__ = ["FocusFollower", "scroll_to"]
