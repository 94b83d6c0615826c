"""A 10 MB paste, control characters, right-to-left text and emoji, through the window."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from pytestqt.qtbot import QtBot

from peerjournal.core import answers as a
from peerjournal.services.container import Services
from peerjournal.ui.editors import TextEditor
from peerjournal.ui.editors.text import MAX_PASTE_CHARS
from peerjournal.ui.journal.daily_page import DailyPage
from peerjournal.ui.journal.part_page import PartPage
from peerjournal.ui.main_window import MainWindow

PROMPT = "m1.s1.positive"
STRANGE = (
    "Zoë wrote: “שלום, مرحبا” 🌱🏳️‍🌈 — tab\there, bell\x07, NUL\x00, "
    "isolates \u2066abc\u2069, zero\u200bwidth, combining e\u0301.\r\nA second line.\n"
)


def _paste(widget: object, text: str) -> None:
    mime = QMimeData()
    mime.setText(text)
    widget.insertFromMimeData(mime)  # type: ignore[attr-defined]  # a QPlainTextEdit


def _text_editor(window: MainWindow) -> TextEditor:
    assert window.journal is not None
    page = window.journal.open_part("m1.s1")
    assert isinstance(page, PartPage)
    editor = page.editors[PROMPT]
    assert isinstance(editor, TextEditor)
    return editor


def test_a_ten_megabyte_paste_is_refused_kindly_and_changes_nothing(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    editor = _text_editor(window)
    qtbot.keyClicks(editor.edit, "My own words.")
    qtbot.waitUntil(lambda: locked_services.answers.get(PROMPT) == a.TextAnswer("My own words."))
    _paste(editor.edit, "a paste line of text\n" * 500_000)
    problem = window.findChild(type(window.save_indicator), f"problem:{PROMPT}")
    assert problem is not None and problem.isVisible()
    assert "very long" in problem.text() and "not added" in problem.text()
    assert editor.edit.toPlainText() == "My own words."
    assert locked_services.answers.get(PROMPT) == a.TextAnswer("My own words.")


def test_a_long_paste_with_strange_characters_is_stored_and_shown_exactly(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    editor = _text_editor(window)
    text = (STRANGE * (MAX_PASTE_CHARS // len(STRANGE)))[: MAX_PASTE_CHARS - 10]
    _paste(editor.edit, text)
    shown = editor.edit.toPlainText()
    # Qt keeps every character but turns a Windows line end into a plain one.
    expected = text.replace("\r\n", "\n")
    assert shown == expected
    qtbot.waitUntil(
        lambda: locked_services.answers.get(PROMPT) == a.TextAnswer(expected), timeout=20_000
    )


def test_the_daily_page_refuses_a_huge_paste_too(window: MainWindow, qtbot: QtBot) -> None:
    assert window.journal is not None
    window.journal.open_place("daily")
    page = window.findChild(DailyPage)
    assert page is not None
    _paste(page.text, "x" * (MAX_PASTE_CHARS + 1))
    assert page.problem.isVisible() and page.text.toPlainText() == ""
