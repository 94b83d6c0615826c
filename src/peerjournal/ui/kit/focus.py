"""The focused widget is always in view: the page scrolls to it however focus came.

Qt's scroll area scrolls to a widget reached by Tab, but not to one focused by a click
on a label, a shortcut, a search result or a page opening; a keyboard user then types
into a field they cannot see. Every focus change is followed here instead.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

MARGIN = 24


def scroll_to(widget: QWidget) -> None:
    """Brings ``widget`` into view in every scroll area it sits in, innermost first."""
    node = widget.parentWidget()
    while node is not None:
        if isinstance(node, QScrollArea) and node.widget() is not None:
            inner = node.widget()
            if inner is not None and inner.isAncestorOf(widget):
                node.ensureWidgetVisible(widget, MARGIN, MARGIN)
        node = node.parentWidget()


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
