"""Reading text: the programme's words, shown but not answered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from peerjournal.core.content import model as m
from peerjournal.ui.kit.markdown_text import to_html
from peerjournal.ui.kit.theme import current_colours, set_role


def markdown_label(text: str, parent: QWidget | None = None) -> QLabel:
    """A label showing Markdown as rich text, wrapping, selectable, links off."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(to_html(text, rule_colour=current_colours().border))
    label.setWordWrap(True)
    label.setOpenExternalLinks(False)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    set_role(label, "reading")
    return label


class ReadingView(QWidget):
    """A ``reading`` item: an optional title and its Markdown body."""

    def __init__(self, reading: m.Reading, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reading = reading
        self.setObjectName(f"reading:{reading.id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        if reading.title:
            title = QLabel(reading.title, self)
            title.setWordWrap(True)
            set_role(title, "subtitle")
            layout.addWidget(title)
        # No name of its own: a screen reader then reads the passage itself (as plain
        # text), not the title a second time.
        self.body = markdown_label(reading.body, self)
        layout.addWidget(self.body)


__all__ = ["ReadingView", "markdown_label"]
