"""Spelling in the window: the red underline, suggestions, "Add to my words", Welsh.

Driven through the real window and its real editors: typed with the keyboard, the menu
a right-click would show, the Settings dialog. The participant's own words are checked
where they are kept: encrypted in the vault, and back after the journal is reopened.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from peerjournal.core.content import model as m
from peerjournal.core.documents import MY_WORDS
from peerjournal.core.language import LanguageChecker
from peerjournal.core.spelling import SpellChecker, SpellingLanguage
from peerjournal.services.container import Services
from peerjournal.ui.dialogs.settings_dialog import SettingsDialog
from peerjournal.ui.editors import TextEditor
from peerjournal.ui.journal.daily_page import DailyPage
from peerjournal.ui.journal.language_highlighter import (
    SPELLING_COLOUR,
    LanguageHighlighter,
    LanguageTooltips,
)
from peerjournal.ui.journal.part_page import PartPage
from peerjournal.ui.main_window import MainWindow
from tests.gui.conftest import MakeWindow, unlock

RED = QColor(SPELLING_COLOUR)


def _red(edit: QPlainTextEdit) -> list[str]:
    """The words drawn with the red wavy underline, in the editor's first paragraph."""
    block = edit.document().firstBlock()
    text = block.text()
    return [
        text[r.start : r.start + r.length]
        for r in block.layout().formats()
        if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
        and r.format.underlineColor() == RED
    ]


def _answer_editor(window: MainWindow) -> QPlainTextEdit:
    assert window.journal is not None
    page = window.journal.open_part("m1.s1")
    assert isinstance(page, PartPage)
    editor = page.editors["m1.s1.positive"]
    assert isinstance(editor, TextEditor)
    return editor.edit


def _ready(window: MainWindow) -> bool:
    return window.services.spelling.checker is not None


def _menu_texts(edit: QPlainTextEdit, at: int) -> tuple[LanguageTooltips, QTextCursor, list[str]]:
    tips = edit.findChild(LanguageTooltips)
    assert tips is not None
    cursor = QTextCursor(edit.document())
    cursor.setPosition(at)
    menu = tips.menu_for(cursor)
    return tips, cursor, [a.text() for a in menu.actions()]


def test_a_misspelt_word_is_underlined_and_mended_from_the_menu(
    window: MainWindow, qtbot: QtBot
) -> None:
    qtbot.waitUntil(lambda: _ready(window))
    edit = _answer_editor(window)
    qtbot.keyClicks(edit, "I asked for help and now I recieve it, with NHS support.")
    qtbot.waitUntil(lambda: _red(edit) == ["recieve"])  # NHS: an acronym, left alone
    text = edit.toPlainText()
    tips, cursor, texts = _menu_texts(edit, text.index("recieve") + 3)
    assert "receive" in texts
    assert "Add “recieve” to my words" in texts
    assert "Copy" in " ".join(texts) or any("Copy" in t for t in texts)  # the usual menu stays
    use = next(a for a in tips.menu_for(cursor).actions() if a.text() == "receive")
    use.trigger()
    assert edit.toPlainText() == text.replace("recieve", "receive")
    qtbot.waitUntil(lambda: _red(edit) == [])
    edit.document().undo()  # Ctrl+Z takes the suggestion back like any edit
    assert "recieve" in edit.toPlainText()


def test_my_words_are_kept_encrypted_and_come_back(
    make_window: MakeWindow, locked_services: Services, qtbot: QtBot
) -> None:
    window = make_window(locked_services)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: _ready(window))
    edit = _answer_editor(window)
    qtbot.keyClicks(edit, "My friend Akosua helps.")
    qtbot.waitUntil(lambda: _red(edit) == ["Akosua"])
    text = edit.toPlainText()
    tips, cursor, _texts = _menu_texts(edit, text.index("Akosua") + 1)
    add = next(a for a in tips.menu_for(cursor).actions() if a.objectName() == "spellingAdd")
    add.trigger()
    qtbot.waitUntil(lambda: _red(edit) == [])
    assert window.services.spelling.own_words() == ["Akosua"]
    window.lock()
    qtbot.waitUntil(lambda: window.journal is None)
    assert window.services.spelling.checker is None  # their words leave memory at lock
    raw = b"".join(p.read_bytes() for p in locked_services.data.root.rglob("*") if p.is_file())
    assert b"Akosua" not in raw and "Akosua".encode("utf-16-le") not in raw
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: _ready(window))
    edit = _answer_editor(window)
    qtbot.waitUntil(lambda: edit.toPlainText() == text)
    qtbot.keyClicks(edit, " Akosua is kind, not unknd.")
    qtbot.waitUntil(lambda: _red(edit) == ["unknd"])  # checked again, her name still known
    document = window.services.session.reader.get(MY_WORDS)
    assert document is not None and document.value == {"words": ["Akosua"]}


def test_welsh_and_off_from_settings(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: _ready(window))
    edit = _answer_editor(window)
    qtbot.keyClicks(edit, "Bore da, diolch yn fawr.")
    qtbot.waitUntil(lambda: {"diolch", "fawr"} <= set(_red(edit)))
    dialog = SettingsDialog(window.settings, window, unlocked=True)
    dialog.changed.connect(window.apply_settings)
    dialog.spelling.setCurrentIndex(dialog.spelling.findData(SpellingLanguage.WELSH.value))
    qtbot.waitUntil(lambda: window.services.spelling.language == SpellingLanguage.WELSH)
    qtbot.waitUntil(lambda: _ready(window) and _red(edit) == [])
    assert window.settings_store.load().spelling == SpellingLanguage.WELSH
    dialog.spelling.setCurrentIndex(dialog.spelling.findData(SpellingLanguage.OFF.value))
    qtbot.keyClicks(edit, " Nothng is marked.")
    qtbot.waitUntil(lambda: window.services.spelling.checker is None)
    assert _red(edit) == []
    dialog.close()


def test_every_writing_field_checks_spelling(window: MainWindow, qtbot: QtBot) -> None:
    """Every answer of every part, the daily page and the story's points to raise."""
    assert window.journal is not None
    content = window.services.content
    unchecked: list[str] = []

    def checked(document: QTextDocument) -> bool:
        return any(h.checks_spelling for h in document.findChildren(LanguageHighlighter))

    for programme in content.programmes:
        for part in programme.parts:
            page = window.journal.open_part(part.id)
            assert isinstance(page, PartPage)
            for prompt_id, editor in page.editors.items():
                if isinstance(editor, TextEditor) and not checked(editor.edit.document()):
                    unchecked.append(prompt_id)
    window.journal.open_place("daily")
    daily = window.findChild(DailyPage)
    assert daily is not None and checked(daily.text.document())
    window.journal.open_place("story")
    points = window.findChild(QPlainTextEdit, "storyPoints")
    assert points is not None and checked(points.document())
    assert unchecked == []


def test_spelling_and_language_marks_show_together(qtbot: QtBot) -> None:
    """A flagged phrase holding a misspelt word keeps its tint and takes the red line."""
    speller = SpellChecker(SpellingLanguage.BRITISH_ENGLISH)
    phrase = m.Phrase(find="crazie people", suggest="people", why="A label, not a person.")
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    highlighter = LanguageHighlighter(
        edit.document(), LanguageChecker((phrase,)), spelling=lambda: speller
    )
    edit.setPlainText("They call us crazie people, and anxeity too.")
    text = edit.toPlainText()
    formats = {
        text[r.start : r.start + r.length]: QTextCharFormat(r.format)
        for r in edit.document().firstBlock().layout().formats()
    }
    assert set(formats) == {"crazie", " people", "anxeity"}
    both, tinted_only, misspelt_only = formats["crazie"], formats[" people"], formats["anxeity"]
    assert both.background().color().alpha() > 0 and both.underlineColor() == RED
    assert tinted_only.background().color().alpha() > 0 and tinted_only.underlineColor() != RED
    assert misspelt_only.background().style() == Qt.BrushStyle.NoBrush
    assert misspelt_only.underlineColor() == RED
    assert highlighter.checks_spelling
    speller.close()
