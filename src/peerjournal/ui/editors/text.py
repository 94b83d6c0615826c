"""Free-text answers in Markdown, with formatting shortcuts and a preview."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QMimeData, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QTextCursor
from PySide6.QtWidgets import (
    QPlainTextEdit,
    QSizePolicy,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core import answers as a
from peerjournal.core.content import model as m
from peerjournal.ui.editors.base import PromptEditor
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.reflow import FlowLayout
from peerjournal.ui.kit.widgets import transient

_BULLET = re.compile(r"^(\s*)[-*+] ")
_NUMBER = re.compile(r"^(\s*)\d+[.)] ")


MAX_PASTE_CHARS = 1_000_000
"""About 170,000 words: far beyond any answer, well within what stays responsive."""


def paste_refused_words(size: int) -> str:
    pages = max(1, round(size / 3_000))
    return (
        f"That paste is very long (about {pages:,} pages), so it was not added; nothing "
        "you had written was changed. Please paste a shorter part."
    )


class GrowingTextEdit(QPlainTextEdit):
    """A plain-text box that grows with what is written, between two heights.

    Tab moves on to the next field (so the keyboard can reach everything); undo and
    redo are Qt's own (Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y). A paste (or drop) of more than
    ``MAX_PASTE_CHARS`` is refused with ``paste_refused``, so the window never freezes
    laying out a book-length paste.
    """

    paste_refused = Signal(int)
    """The refused paste's length in characters."""

    def __init__(
        self, parent: QWidget | None = None, *, min_lines: int = 4, max_lines: int = 22
    ) -> None:
        super().__init__(parent)
        self._min_lines = min_lines
        self._max_lines = max_lines
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self.fit)
        self.fit()

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText() and len(source.text()) > MAX_PASTE_CHARS:
            self.paste_refused.emit(len(source.text()))
            return
        super().insertFromMimeData(source)

    def set_text_quietly(self, text: str) -> None:
        if self.toPlainText() != text:
            self.setPlainText(text)

    @Slot()
    def fit(self, *_args: object) -> None:
        lines = int(self.document().documentLayout().documentSize().height())
        lines = min(max(lines, self._min_lines), self._max_lines)
        margins = self.contentsMargins()
        frame = 2 * self.frameWidth() + margins.top() + margins.bottom()
        doc_margin = int(self.document().documentMargin() * 2)
        height = lines * self.fontMetrics().lineSpacing() + frame + doc_margin + 20
        if self.height() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()


class MarkdownEdit(GrowingTextEdit):
    """A growing box for Markdown, with Ctrl+B, Ctrl+I and list shortcuts."""

    def __init__(
        self, parent: QWidget | None = None, *, min_lines: int = 5, max_lines: int = 24
    ) -> None:
        super().__init__(parent, min_lines=min_lines, max_lines=max_lines)
        self.bold_action = self._action("Bold", QKeySequence.StandardKey.Bold, self.make_bold)
        self.italic_action = self._action(
            "Italic", QKeySequence.StandardKey.Italic, self.make_italic
        )
        self.bullets_action = self._action(
            "Bulleted list", QKeySequence("Ctrl+Shift+L"), self.toggle_bullets
        )
        self.numbers_action = self._action(
            "Numbered list", QKeySequence("Ctrl+Shift+N"), self.toggle_numbers
        )

    def _action(
        self, text: str, keys: QKeySequence | QKeySequence.StandardKey, slot: object
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    @Slot()
    def make_bold(self) -> None:
        self._wrap("**")

    @Slot()
    def make_italic(self) -> None:
        self._wrap("*")

    def _wrap(self, marker: str) -> None:
        cursor = self.textCursor()
        cursor.beginEditBlock()
        selected = cursor.selectedText()
        if selected:
            if (
                selected.startswith(marker)
                and selected.endswith(marker)
                and len(selected) > 2 * len(marker)
            ):
                cursor.insertText(selected[len(marker) : -len(marker)])
            else:
                cursor.insertText(f"{marker}{selected}{marker}")
        else:
            cursor.insertText(marker * 2)
            cursor.movePosition(
                QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.MoveAnchor, len(marker)
            )
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    @Slot()
    def toggle_bullets(self) -> None:
        self._toggle_lines(_BULLET, lambda _n: "- ")

    @Slot()
    def toggle_numbers(self) -> None:
        self._toggle_lines(_NUMBER, lambda n: f"{n}. ")

    def _toggle_lines(self, pattern: re.Pattern[str], prefix: object) -> None:
        cursor = self.textCursor()
        doc = self.document()
        first = doc.findBlock(cursor.selectionStart())
        last = doc.findBlock(cursor.selectionEnd())
        blocks = []
        block = first
        while block.isValid():
            blocks.append(block)
            if block == last:
                break
            block = block.next()
        remove = all(pattern.match(b.text()) for b in blocks)
        edit = QTextCursor(doc)
        edit.beginEditBlock()
        for number, blk in enumerate(blocks, 1):
            text = blk.text()
            edit.setPosition(blk.position())
            edit.setPosition(blk.position() + len(text), QTextCursor.MoveMode.KeepAnchor)
            if remove:
                edit.insertText(pattern.sub(r"\1", text, count=1))
            else:
                stripped = _NUMBER.sub(r"\1", _BULLET.sub(r"\1", text, count=1), count=1)
                edit.insertText(f"{prefix(number)}{stripped}")  # type: ignore[operator]  # callable
        edit.endEditBlock()


class TextEditor(PromptEditor):
    """A ``text`` prompt: Markdown, formatting shortcuts, and a preview toggle."""

    preview_toggled = Signal(bool)

    def __init__(self, prompt: m.TextPrompt, parent: QWidget | None = None) -> None:
        super().__init__(prompt, parent)
        self.edit = MarkdownEdit(self)
        self.edit.setObjectName(f"text:{prompt.id}")
        self.edit.setAccessibleName(prompt.label or prompt.text[:120])
        self.edit.setPlaceholderText(translate("text", "Write as much or as little as you like."))
        self.preview = QTextBrowser(self)
        self.preview.setObjectName(f"preview:{prompt.id}")
        self.preview.setOpenExternalLinks(False)
        self.preview.setAccessibleName(translate("text", "Preview"))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.edit)
        self.stack.addWidget(self.preview)
        self.preview.setFixedHeight(0)
        self.stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        bar = FlowLayout()  # wraps onto a second line on a narrow or zoomed page
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(2)
        self._buttons: list[QToolButton] = []
        for action, label, tip in (
            (self.edit.bold_action, "B", "Bold (Ctrl+B)"),
            (self.edit.italic_action, "I", "Italic (Ctrl+I)"),
            (self.edit.bullets_action, "• List", "Bulleted list (Ctrl+Shift+L)"),
            (self.edit.numbers_action, "1. List", "Numbered list (Ctrl+Shift+N)"),
        ):
            button = QToolButton(self)
            button.setText(label)
            button.setToolTip(tip)
            button.setAccessibleName(action.text())
            button.clicked.connect(action.trigger)
            font = button.font()
            font.setBold(label == "B")
            font.setItalic(label == "I")
            button.setFont(font)
            # Not a Tab stop: each has its shortcut (in its tooltip and the README), so
            # Tab goes from one answer to the next rather than through five buttons.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            bar.addWidget(button)
            self._buttons.append(button)
        self.preview_button = QToolButton(self)
        self.preview_button.setObjectName(f"previewToggle:{prompt.id}")
        self.preview_button.setText(translate("text", "Preview"))
        self.preview_button.setToolTip(translate("text", "See it formatted (Ctrl+Shift+P)"))
        self.preview_button.setCheckable(True)
        transient(self.preview_button)  # how the answer is shown, not what it says
        self.preview_button.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.preview_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bar.addWidget(self.preview_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.stack)
        layout.addLayout(bar)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.edit.textChanged.connect(self._changed)
        self.preview_button.toggled.connect(self.show_preview)

    @Slot(bool)
    def show_preview(self, on: bool) -> None:
        if on:
            self.preview.document().setMarkdown(self.edit.toPlainText())
            self.preview.setFixedHeight(
                max(self.edit.height(), int(self.preview.document().size().height()) + 24)
            )
        else:
            self.preview.setFixedHeight(0)  # the stack then takes the editor's height
        for button in self._buttons:
            button.setEnabled(not on)
        self.stack.setCurrentWidget(self.preview if on else self.edit)
        self.preview_toggled.emit(on)

    def answer(self) -> a.Answer:
        return a.TextAnswer(self.edit.toPlainText())

    def _show(self, answer: a.Answer) -> None:
        if isinstance(answer, a.TextAnswer):
            self.edit.set_text_quietly(answer.text)

    def focus_first(self) -> None:
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def sizeHint(self) -> QSize:
        return QSize(480, self.edit.height() + 32)


__all__ = [
    "MAX_PASTE_CHARS",
    "GrowingTextEdit",
    "MarkdownEdit",
    "TextEditor",
    "paste_refused_words",
]
