"""A calm, read-only view of the programme: parts in a sidebar, the chosen part beside it."""

from __future__ import annotations

import html

import markdown
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core.content import model as m

PART_ROLE = Qt.ItemDataRole.UserRole


def render_part(part: m.Part) -> str:
    pieces = [f"<h1>{html.escape(part.title)}</h1>"]
    if part.intro:
        pieces.append(markdown.markdown(part.intro))
    if part.aims:
        pieces.append("<ul>" + "".join(f"<li>{html.escape(a)}</li>" for a in part.aims) + "</ul>")
    for item in part.items:
        if isinstance(item, m.Reading):
            if item.title:
                pieces.append(f"<h3>{html.escape(item.title)}</h3>")
            pieces.append(markdown.markdown(item.body))
        else:
            pieces.append(f"<p><b>{html.escape(item.text)}</b></p>")
    return "\n".join(pieces)


class ContentWindow(QMainWindow):
    def __init__(self, content: m.Content) -> None:
        super().__init__()
        self.setWindowTitle("peerjournal")
        self.resize(1100, 720)
        self._content = content
        self.sidebar = QTreeWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setHeaderHidden(True)
        self.page = QLabel()
        self.page.setObjectName("page")
        self.page.setWordWrap(True)
        self.page.setTextFormat(Qt.TextFormat.RichText)
        self.page.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.page.setContentsMargins(32, 24, 32, 24)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.addWidget(self.page)
        scroll.setWidget(holder)
        splitter = QSplitter()
        splitter.addWidget(self.sidebar)
        splitter.addWidget(scroll)
        splitter.setSizes([300, 800])
        self.setCentralWidget(splitter)
        for programme in content.programmes:
            top = QTreeWidgetItem([programme.short_title])
            self.sidebar.addTopLevelItem(top)
            for part in programme.parts:
                child = QTreeWidgetItem([part.short_title])
                child.setData(0, PART_ROLE, part.id)
                top.addChild(child)
        self.sidebar.expandAll()
        self.sidebar.currentItemChanged.connect(self._show)
        first = self.sidebar.topLevelItem(0)
        first_part = first.child(0) if first is not None else None
        if first_part is not None:
            self.sidebar.setCurrentItem(first_part)

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _show(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is None:
            return
        part_id = current.data(0, PART_ROLE)
        part = self._content.part(part_id) if isinstance(part_id, str) else None
        if part is not None:
            self.page.setText(render_part(part))
