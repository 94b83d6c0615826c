"""Recovery-language highlighting for any Qt text editor, with the suggestion on hover.

``LanguageHighlighter`` is a ``QSyntaxHighlighter``: attach it to a ``QTextDocument`` and
phrases the content packs suggest alternatives for get a soft wavy underline. It never
changes the text. ``LanguageTooltips`` shows, when the pointer rests on a highlighted
phrase, what the packs suggest and why. Use both together::

    highlighter = LanguageHighlighter(editor.document(), LanguageChecker(content.phrases))
    LanguageTooltips(editor, highlighter)

Qt counts positions in UTF-16 code units while Python counts code points, so spans are
converted here (an emoji before a phrase would otherwise shift the underline).
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QHelpEvent, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip

from peerjournal.core.content.model import Phrase
from peerjournal.core.language import LanguageChecker, LanguageMatch


def utf16_offset(text: str, index: int) -> int:
    """The UTF-16 position Qt uses for the Python index ``index`` in ``text``."""
    return len(text[:index].encode("utf-16-le")) // 2


def python_index(text: str, utf16: int) -> int:
    """The Python index of the UTF-16 position ``utf16`` in ``text``."""
    units = 0
    for i, ch in enumerate(text):
        if units >= utf16:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


@lru_cache(maxsize=4)
def checker_for(phrases: tuple[Phrase, ...]) -> LanguageChecker:
    """One compiled checker for the loaded packs, shared by every editor."""
    return LanguageChecker(phrases)


def attach(
    editor: QPlainTextEdit | QTextEdit, phrases: tuple[Phrase, ...]
) -> tuple[LanguageHighlighter, LanguageTooltips]:
    """Underlines suggested phrases in ``editor`` and explains them on hover.

    Keep what this returns: PySide drops a Python override (``highlightBlock``) once
    nothing in Python refers to its object any more.
    """
    highlighter = LanguageHighlighter(editor.document(), checker_for(phrases))
    return highlighter, LanguageTooltips(editor, highlighter)


def describe(match: LanguageMatch) -> str:
    return f"“{match.text}”: you might say “{match.suggest}”.\n{match.why}"


class LanguageHighlighter(QSyntaxHighlighter):
    """Underlines phrases with a suggested alternative (paragraph by paragraph)."""

    def __init__(
        self,
        document: QTextDocument,
        checker: LanguageChecker,
        *,
        colour: str = "#B7791F",
    ) -> None:
        super().__init__(document)
        self._checker = checker
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self._format.setUnderlineColor(QColor(colour))
        soft = QColor(colour)
        soft.setAlpha(36)
        self._format.setBackground(soft)
        self.enabled = True

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        self.rehighlight()

    def matches_in(self, text: str) -> list[LanguageMatch]:
        return self._checker.matches(text) if self.enabled else []

    def highlightBlock(self, text: str) -> None:
        for match in self.matches_in(text):
            start = utf16_offset(text, match.start)
            end = utf16_offset(text, match.end)
            self.setFormat(start, end - start, self._format)

    def match_at(self, block_text: str, utf16_position: int) -> LanguageMatch | None:
        index = python_index(block_text, utf16_position)
        for match in self.matches_in(block_text):
            if match.start <= index < match.end:
                return match
        return None


class LanguageTooltips(QObject):
    """Shows the suggestion and why for the highlighted phrase under the pointer."""

    def __init__(
        self, editor: QTextEdit | QPlainTextEdit, highlighter: LanguageHighlighter
    ) -> None:
        super().__init__(editor)
        self._editor = editor
        self._highlighter = highlighter
        editor.viewport().installEventFilter(self)

    def match_at_point(self, x: int, y: int) -> LanguageMatch | None:
        from PySide6.QtCore import QPoint

        cursor = self._editor.cursorForPosition(QPoint(x, y))
        block = cursor.block()
        return self._highlighter.match_at(block.text(), cursor.positionInBlock())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            match = self.match_at_point(event.pos().x(), event.pos().y())
            if match is not None:
                QToolTip.showText(event.globalPos(), describe(match), self._editor.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().eventFilter(watched, event)


__all__ = ["LanguageHighlighter", "LanguageTooltips", "describe", "python_index", "utf16_offset"]
