"""Recovery-language and spelling marks for any Qt text editor, with the suggestion on
hover, in the right-click menu and by keyboard (F8 for the language helper).

A misspelt word gets a red wavy underline; a phrase the language helper suggests another
way of saying gets a soft amber tint (and an amber underline). Where both fall on one
word, it keeps the tint and takes the red underline, so each mark still shows.

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

from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QKeyEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QLabel, QMenu, QPlainTextEdit, QTextEdit, QToolTip, QWidgetAction

from peerjournal.core.content.model import Phrase
from peerjournal.core.errors import PeerJournalError
from peerjournal.core.language import LanguageChecker, LanguageMatch
from peerjournal.core.spelling import Misspelt, SpellChecker
from peerjournal.services.spelling import SpellingService
from peerjournal.ui.kit.errors import said
from peerjournal.ui.kit.i18n import translate

SPELLING_COLOUR = "#D03A3A"


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
    editor: QPlainTextEdit | QTextEdit,
    phrases: tuple[Phrase, ...],
    spelling: SpellingService | None = None,
) -> tuple[LanguageHighlighter, LanguageTooltips]:
    """Marks suggested phrases (and, with ``spelling``, misspelt words) in ``editor``.

    Keep what this returns: PySide drops a Python override (``highlightBlock``) once
    nothing in Python refers to its object any more.
    """
    highlighter = LanguageHighlighter(
        editor.document(),
        checker_for(phrases),
        spelling=(lambda: spelling.checker) if spelling is not None else None,
    )
    add = spelling.add_word if spelling is not None else None
    return highlighter, LanguageTooltips(editor, highlighter, add_word=add)


def describe(match: LanguageMatch) -> str:
    return f"“{match.text}”: you might say “{match.suggest}”.\n{match.why}"


class LanguageHighlighter(QSyntaxHighlighter):
    """Marks phrases with a suggested alternative, and misspelt words (paragraph by
    paragraph)."""

    def __init__(
        self,
        document: QTextDocument,
        checker: LanguageChecker,
        *,
        colour: str = "#B7791F",
        spelling: Callable[[], SpellChecker | None] | None = None,
    ) -> None:
        super().__init__(document)
        self._checker = checker
        self._spelling = spelling
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self._format.setUnderlineColor(QColor(colour))
        soft = QColor(colour)
        soft.setAlpha(36)
        self._format.setBackground(soft)
        self._misspelt = QTextCharFormat()
        self._misspelt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self._misspelt.setUnderlineColor(QColor(SPELLING_COLOUR))
        self._both = QTextCharFormat(self._format)
        self._both.setUnderlineColor(QColor(SPELLING_COLOUR))
        self.enabled = True

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        self.rehighlight()

    def matches_in(self, text: str) -> list[LanguageMatch]:
        return self._checker.matches(text) if self.enabled else []

    @property
    def checks_spelling(self) -> bool:
        return self._spelling is not None

    def speller(self) -> SpellChecker | None:
        return self._spelling() if self._spelling is not None else None

    def misspelt_in(self, text: str) -> list[Misspelt]:
        speller = self.speller()
        return speller.misspelt(text) if speller is not None else []

    def highlightBlock(self, text: str) -> None:
        marked: list[tuple[int, int]] = []
        for match in self.matches_in(text):
            marked.append((match.start, match.end))
            start = utf16_offset(text, match.start)
            end = utf16_offset(text, match.end)
            self.setFormat(start, end - start, self._format)
        for word in self.misspelt_in(text):
            cuts = sorted(
                {word.start, word.end}
                | {p for span in marked for p in span if word.start < p < word.end}
            )
            for lo, hi in pairwise(cuts):
                tinted = any(a <= lo and hi <= b for a, b in marked)
                start = utf16_offset(text, lo)
                self.setFormat(
                    start, utf16_offset(text, hi) - start, self._both if tinted else self._misspelt
                )

    def misspelt_at(self, block_text: str, utf16_position: int) -> Misspelt | None:
        index = python_index(block_text, utf16_position)
        for word in self.misspelt_in(block_text):
            if word.start <= index <= word.end:
                return word
        return None

    def match_at(self, block_text: str, utf16_position: int) -> LanguageMatch | None:
        index = python_index(block_text, utf16_position)
        for match in self.matches_in(block_text):
            if match.start <= index < match.end:
                return match
        return None


NEXT_KEY = Qt.Key.Key_F8
"""F8 goes to the next highlighted phrase, Shift+F8 to the one before."""


class LanguageTooltips(QObject):
    """The suggestion and why for a highlighted phrase: on hover, in the right-click menu
    (or the menu key's), and by keyboard (F8 and Shift+F8 go from one phrase to the next).

    The menu offers to put the suggestion in its place; nothing changes unless it is
    chosen, and Ctrl+Z takes it back like any edit.
    """

    def __init__(
        self,
        editor: QTextEdit | QPlainTextEdit,
        highlighter: LanguageHighlighter,
        *,
        add_word: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(editor)
        self._editor = editor
        self._highlighter = highlighter
        self._add_word = add_word
        editor.viewport().installEventFilter(self)
        editor.installEventFilter(self)
        described = editor.accessibleDescription()
        hint = "F8 goes to the next phrase the language helper marks."
        editor.setAccessibleDescription(f"{described} {hint}".strip())

    def match_at_point(self, x: int, y: int) -> LanguageMatch | None:
        return self._match_at_cursor(self._editor.cursorForPosition(QPoint(x, y)))

    def _match_at_cursor(self, cursor: QTextCursor) -> LanguageMatch | None:
        if cursor.hasSelection():  # a phrase selected (by F8): where it starts
            start = QTextCursor(cursor.document())
            start.setPosition(cursor.selectionStart())
            cursor = start
        block = cursor.block()
        return self._highlighter.match_at(block.text(), cursor.positionInBlock())

    def _cursor_for(self, cursor: QTextCursor, match: LanguageMatch) -> QTextCursor:
        """A cursor selecting ``match`` in the block ``cursor`` is in."""
        block = cursor.block()
        text = block.text()
        found = QTextCursor(block)
        found.setPosition(block.position() + utf16_offset(text, match.start))
        found.setPosition(
            block.position() + utf16_offset(text, match.end), QTextCursor.MoveMode.KeepAnchor
        )
        return found

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            match = self.match_at_point(event.pos().x(), event.pos().y())
            if match is not None:
                QToolTip.showText(event.globalPos(), describe(match), self._editor.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        if kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            at_pointer = event.reason() == QContextMenuEvent.Reason.Mouse
            viewport = self._editor.viewport()
            pos = (
                event.pos() if watched is viewport else viewport.mapFrom(self._editor, event.pos())
            )
            cursor = (
                self._editor.cursorForPosition(pos) if at_pointer else self._editor.textCursor()
            )
            self.show_menu(cursor, event.globalPos())
            return True
        if (
            kind == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and watched is self._editor
        ):
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if event.key() == NEXT_KEY:
                self.go_to_next(back=shift)
                return True
            if event.key() == Qt.Key.Key_F10 and shift:  # the menu, from the keyboard
                cursor = self._editor.textCursor()
                spot = self._editor.cursorRect(cursor).bottomLeft()
                self.show_menu(cursor, self._editor.viewport().mapToGlobal(spot))
                return True
        return super().eventFilter(watched, event)

    def menu_for(self, cursor: QTextCursor) -> QMenu:
        """The usual edit menu, with spelling suggestions for a misspelt word and the
        suggestion for a phrase at ``cursor`` on top."""
        menu = self._editor.createStandardContextMenu()
        first = menu.actions()[0] if menu.actions() else None
        spelling = self._spelling_actions(menu, cursor)
        if spelling:
            if first is None:
                menu.addActions(spelling)
            else:
                menu.insertActions(first, spelling)
                first = menu.insertSeparator(first)
        match = self._match_at_cursor(cursor)
        if match is None:
            return menu
        actions: list[QAction] = []
        why = QWidgetAction(menu)
        why.setObjectName("languageWhy")
        note = QLabel(describe(match), menu)
        note.setWordWrap(True)
        note.setMaximumWidth(420)
        note.setContentsMargins(12, 6, 12, 6)
        why.setDefaultWidget(note)
        actions.append(why)
        if not self._editor.isReadOnly():  # a view of the story only explains
            actions.append(self._use_action(menu, cursor, match))
        if first is None:
            menu.addActions(actions)
        else:
            menu.insertActions(first, actions)
            menu.insertSeparator(first)
        return menu

    def _spelling_actions(self, menu: QMenu, cursor: QTextCursor) -> list[QAction]:
        if self._editor.isReadOnly() or cursor.hasSelection():
            return []
        block = cursor.block()
        text = block.text()
        word = self._highlighter.misspelt_at(text, cursor.positionInBlock())
        speller = self._highlighter.speller()
        if word is None or speller is None:
            return []
        target = QTextCursor(block)
        target.setPosition(block.position() + utf16_offset(text, word.start))
        target.setPosition(
            block.position() + utf16_offset(text, word.end), QTextCursor.MoveMode.KeepAnchor
        )
        actions: list[QAction] = []
        for suggestion in speller.suggestions(word.word, limit=5):
            use = QAction(suggestion, menu)
            use.setObjectName("spellingUse")
            bold = use.font()
            bold.setBold(True)
            use.setFont(bold)
            use.triggered.connect(lambda _=False, s=suggestion: target.insertText(s))
            actions.append(use)
        if not actions:
            none = QAction(translate("language_highlighter", "No spelling suggestions"), menu)
            none.setEnabled(False)
            actions.append(none)
        if self._add_word is not None:
            add = QAction(
                translate("language_highlighter", "Add “%1” to my words").replace("%1", word.word),
                menu,
            )
            add.setObjectName("spellingAdd")
            add.triggered.connect(lambda: self._add(word.word))
            actions.append(add)
        return actions

    def _add(self, word: str) -> None:
        if self._add_word is None:
            return
        try:
            self._add_word(word)
        except PeerJournalError as error:
            spot = self._editor.viewport().mapToGlobal(self._editor.cursorRect().bottomLeft())
            QToolTip.showText(spot, said(error), self._editor.viewport())
        self._highlighter.rehighlight()

    def _use_action(self, menu: QMenu, cursor: QTextCursor, match: LanguageMatch) -> QAction:
        use = QAction(
            translate("language_highlighter", "Say “%1” instead").replace("%1", match.suggest),
            menu,
        )
        use.setObjectName("languageUse")
        target = self._cursor_for(cursor, match)
        use.triggered.connect(lambda: target.insertText(match.suggest))
        return use

    def show_menu(self, cursor: QTextCursor, where: QPoint) -> None:
        menu = self.menu_for(cursor)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(where)

    def go_to_next(self, *, back: bool = False) -> LanguageMatch | None:
        """Selects the next (or previous) highlighted phrase and says what is suggested."""
        editor = self._editor
        document = editor.document()
        here = editor.textCursor()
        at = here.selectionStart() if back else here.selectionEnd()
        spots: list[tuple[int, QTextCursor, LanguageMatch]] = []
        block = document.firstBlock()
        while block.isValid():
            for match in self._highlighter.matches_in(block.text()):
                found = self._cursor_for(QTextCursor(block), match)
                spots.append((found.selectionStart(), found, match))
            block = block.next()
        if not spots:
            return None
        if back:
            before = [s for s in spots if s[0] < at]
            chosen = before[-1] if before else spots[-1]
        else:
            after = [s for s in spots if s[0] >= at]
            chosen = after[0] if after else spots[0]
        _start, found, match = chosen
        editor.setTextCursor(found)
        editor.ensureCursorVisible()
        said = describe(match)
        editor.setAccessibleDescription(said)
        rect = editor.cursorRect(found)
        QToolTip.showText(editor.viewport().mapToGlobal(rect.bottomLeft()), said, editor.viewport())
        return match


__all__ = ["LanguageHighlighter", "LanguageTooltips", "describe", "python_index", "utf16_offset"]
