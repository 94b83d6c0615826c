"""Headings told to screen readers as headings, so a participant can move by them.

Qt exposes every QLabel as static text: a screen reader can read a page's titles and
questions but not jump from one to the next. Labels whose role (``kit.theme.set_role``)
is a title, a heading or a question are given an accessible interface with the heading
role instead; their words are read as before.

Qt's accessibility cache owns the interfaces this hands it. The Python wrappers are kept
until their label is destroyed, then let go without deleting what the cache deletes.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface, QTextDocument
from PySide6.QtWidgets import QAccessibleWidget, QLabel

HEADING_ROLES = frozenset({"title", "subtitle", "heading", "question"})

_kept: dict[int, QAccessibleWidget] = {}
_installed = False


def plain(text: str) -> str:
    """A label's words as a screen reader should hear them (rich text made plain)."""
    if "<" in text and ">" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        text = doc.toPlainText()
    return " ".join(text.split())


NOT_A_HEADING = "notHeading"
"""A property for a label styled like a heading that is not one (a count, a row's number)."""


def _is_heading(obj: QObject | None) -> bool:
    return (
        isinstance(obj, QLabel)
        and obj.property("role") in HEADING_ROLES
        and not obj.property(NOT_A_HEADING)
    )


def not_a_heading(label: QLabel) -> QLabel:
    """Styled like a heading, read as the words it is."""
    label.setProperty(NOT_A_HEADING, True)
    return label


class HeadingLabel(QAccessibleWidget):
    """A label that says it is a heading, and says its words."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label, QAccessible.Role.Heading)
        self._label = label

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self._label.accessibleName() or plain(self._label.text())
        return super().text(kind)


def _factory(_key: str, obj: QObject | None) -> QAccessibleInterface | None:
    if not isinstance(obj, QLabel) or not _is_heading(obj):
        return None
    interface = HeadingLabel(obj)
    ident = id(obj)
    _kept[ident] = interface

    def forget(*_args: object, ident: int = ident) -> None:
        kept = _kept.pop(ident, None)
        if kept is not None:
            shiboken6.Shiboken.invalidate(kept)  # the cache deletes it; Python must not

    obj.destroyed.connect(forget)
    return interface


def told_as_heading(label: QLabel) -> None:
    """After a label's role is set: an interface Qt made for it before (at its first
    words, while it was still plain text) is dropped, so the next one is a heading's."""
    if not _installed or not _is_heading(label):
        return
    current = QAccessible.queryAccessibleInterface(label)
    if current is not None and not isinstance(current, HeadingLabel):
        QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(current))


def install_heading_roles() -> None:
    """Once per application, before any window is shown."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


__all__ = [
    "HEADING_ROLES",
    "NOT_A_HEADING",
    "HeadingLabel",
    "install_heading_roles",
    "not_a_heading",
    "plain",
    "told_as_heading",
]
