"""The recovery-language helper underlines phrases in answers and daily pages, and explains."""

from __future__ import annotations

import gc

from PySide6.QtGui import QTextCharFormat
from pytestqt.qtbot import QtBot

from peerjournal.ui.editors import TextEditor
from peerjournal.ui.journal.daily_page import DailyPage
from peerjournal.ui.journal.language_highlighter import LanguageTooltips
from peerjournal.ui.journal.part_page import PartPage
from peerjournal.ui.main_window import MainWindow


def _underlined(edit: object) -> list[tuple[int, int]]:
    block = edit.document().firstBlock()  # type: ignore[attr-defined]
    ranges = block.layout().formats()
    return [
        (r.start, r.length)
        for r in ranges
        if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    ]


def test_an_answer_underlines_deficit_phrasing_and_explains_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.journal is not None
    page = window.journal.open_part("m1.s1")
    assert isinstance(page, PartPage)
    editor = page.editors["m1.s1.positive"]
    assert isinstance(editor, TextEditor)
    gc.collect()  # the helper must outlive Python's garbage collection
    qtbot.keyClicks(editor.edit, "I used to suffer from anxiety and felt hopeless.")
    text = editor.edit.toPlainText()
    assert _underlined(editor.edit) == [(text.index("suffer from"), len("suffer from"))]
    tips = editor.edit.findChild(LanguageTooltips)
    assert tips is not None
    rect = editor.edit.cursorRect(editor.edit.textCursor())
    cursor = editor.edit.textCursor()
    cursor.setPosition(text.index("suffer") + 2)
    point = editor.edit.cursorRect(cursor).center()
    match = tips.match_at_point(point.x(), point.y())
    assert match is not None and match.text == "suffer from" and match.suggest
    assert rect.isValid()
    assert editor.edit.toPlainText() == text  # nothing is changed for them


def test_a_daily_page_has_the_helper_too(window: MainWindow, qtbot: QtBot) -> None:
    assert window.journal is not None
    window.journal.open_place("daily")
    page = window.findChild(DailyPage)
    assert page is not None
    qtbot.keyClicks(page.text, "Someone called me non-compliant today.")
    assert _underlined(page.text)
