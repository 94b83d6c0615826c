"""Zoom, high contrast, the keyboard route to the language helper, focus kept in view,
story headings that tick their questions, and the small words ("1 minute")."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from peerjournal.core.content.model import Content
from peerjournal.core.kinds.ladder import LadderMark
from peerjournal.services.settings import Settings, SettingsStore, Theme
from peerjournal.ui.dialogs.settings_dialog import SettingsDialog
from peerjournal.ui.journal.daily_page import DailyPage
from peerjournal.ui.journal.journal_view import JournalView
from peerjournal.ui.journal.part_page import PartPage
from peerjournal.ui.journal.sidebar import DAILY, STORY, part_key
from peerjournal.ui.journal.tree_view import TreePage
from peerjournal.ui.kit import theme as th
from peerjournal.ui.kit.widgets import StrengthMeter
from peerjournal.ui.main_window import MainWindow
from peerjournal.ui.story.story_page import StoryPage

CTRL = Qt.KeyboardModifier.ControlModifier
P = TypeVar("P", bound=QWidget)


def opened(window: MainWindow, place: str, kind: type[P]) -> tuple[JournalView, P]:
    """The unlocked journal, showing ``place``, and that place's page (of ``kind``)."""
    journal = window.journal
    assert journal is not None
    journal.open_place(place)
    page = journal.pages.get(place)
    assert isinstance(page, kind), (place, page)
    return journal, page


KEYS = {
    "Ctrl+=": Qt.Key.Key_Equal,
    "Ctrl++": Qt.Key.Key_Plus,
    "Ctrl+-": Qt.Key.Key_Minus,
    "Ctrl+0": Qt.Key.Key_0,
}


def _press(qtbot: QtBot, window: MainWindow, key: str) -> None:
    qtbot.keyClick(window, KEYS[key], CTRL)


def test_zoom_keys_scale_the_whole_window_and_are_remembered(
    themed_window: MainWindow, qtbot: QtBot, data_dir: Path
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    journal = themed_window.journal
    assert journal is not None
    tree = journal.pages.get("tree")
    assert isinstance(tree, TreePage)
    label_before = tree.view.nodes[0].font.pointSizeF()
    assert app.font().pointSizeF() == 12

    _press(qtbot, themed_window, "Ctrl+=")
    assert themed_window.settings.zoom == 110
    _press(qtbot, themed_window, "Ctrl++")
    assert themed_window.settings.zoom == 125
    assert app.font().pointSizeF() == pytest.approx(15)
    assert "20px" in app.styleSheet()  # the tick boxes' 16px, grown with the words
    qtbot.waitUntil(lambda: tree.view.nodes[0].font.pointSizeF() > label_before)
    assert themed_window.top_bar.zoom_button.isVisible()
    assert themed_window.top_bar.zoom_button.text() == "125%"
    assert SettingsStore(data_dir / "settings.json").load().zoom == 125

    for _ in range(9):
        _press(qtbot, themed_window, "Ctrl+-")
    assert themed_window.settings.zoom == 80  # never below 80%
    _press(qtbot, themed_window, "Ctrl+0")
    assert themed_window.settings.zoom == 100
    assert not themed_window.top_bar.zoom_button.isVisible()
    for _ in range(9):
        _press(qtbot, themed_window, "Ctrl++")
    assert themed_window.settings.zoom == 200  # never above 200%
    qtbot.mouseClick(themed_window.top_bar.zoom_button, Qt.MouseButton.LeftButton)
    assert themed_window.settings.zoom == 100
    assert app.font().pointSizeF() == 12


def test_high_contrast_is_a_theme_of_its_own(themed_window: MainWindow, qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    themed_window.open_settings()
    dialog = next(d for d in themed_window.findChildren(SettingsDialog) if d.isVisible())
    dialog.theme.setCurrentIndex(dialog.theme.findData(Theme.CONTRAST.value))
    qtbot.waitUntil(lambda: themed_window.settings.theme == Theme.CONTRAST)
    assert th.current_colours() is th.CONTRAST
    assert app.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    assert app.palette().color(QPalette.ColorRole.WindowText).name() == "#ffffff"
    dialog.close()


def test_a_single_minute_is_said_as_one(themed_window: MainWindow) -> None:
    dialog = SettingsDialog(Settings(idle_minutes=1), themed_window)
    assert dialog.idle.suffix() == " minute"
    dialog.idle.setValue(2)
    assert dialog.idle.suffix() == " minutes"
    dialog.close()


def _flagged(content: Content) -> tuple[str, str]:
    phrase = next(p for p in content.phrases if p.find.isascii() and " " in p.find)
    return phrase.find, phrase.suggest


def test_the_language_helper_is_reached_by_keyboard_and_by_its_menu(
    themed_window: MainWindow, qtbot: QtBot, content: Content
) -> None:
    find, suggest = _flagged(content)
    _journal, page = opened(themed_window, DAILY, DailyPage)
    editor = page.text
    editor.setFocus()
    qtbot.keyClicks(editor, f"Today I felt that {find} and then {find} again.")
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    helper = page.language[1]

    qtbot.keyClick(editor, Qt.Key.Key_F8)
    assert editor.textCursor().selectedText().lower() == find.lower()
    first = editor.textCursor().selectionStart()
    assert suggest in editor.accessibleDescription()
    qtbot.keyClick(editor, Qt.Key.Key_F8)
    assert editor.textCursor().selectionStart() > first  # the next one
    qtbot.keyClick(editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert editor.textCursor().selectionStart() == first  # and back

    menu = helper.menu_for(editor.textCursor())
    names = [action.objectName() for action in menu.actions()]
    assert "languageUse" in names and "languageWhy" in names
    assert any(action.text() == "Copy" or "Copy" in action.text() for action in menu.actions())
    use = next(action for action in menu.actions() if action.objectName() == "languageUse")
    use.trigger()
    assert editor.toPlainText() == f"Today I felt that {suggest} and then {find} again."
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == f"Today I felt that {find} and then {find} again."
    menu.deleteLater()

    plain = editor.textCursor()
    plain.setPosition(2)
    bare = helper.menu_for(plain)
    assert "languageUse" not in [action.objectName() for action in bare.actions()]
    bare.deleteLater()


def test_the_focused_field_is_scrolled_into_view_however_focus_came(
    themed_window: MainWindow, qtbot: QtBot, content: Content
) -> None:
    journal = themed_window.journal
    assert journal is not None
    part = max(
        (p for programme in content.programmes for p in programme.parts),
        key=lambda p: len(p.prompts),
    )
    journal.open_place(part_key(part.id))
    page = journal.pages.get(part_key(part.id))
    assert isinstance(page, PartPage)
    qtbot.waitUntil(lambda: page.isVisible())
    edits = [w for w in page.findChildren(QPlainTextEdit) if w.isVisibleTo(page)]
    last = edits[-1]
    last.setFocus(Qt.FocusReason.OtherFocusReason)  # a search result, a shortcut: not Tab
    scroll = page if isinstance(page, QScrollArea) else page.findChild(QScrollArea)
    assert scroll is not None
    viewport = scroll.viewport()

    def in_view(widget: QWidget) -> bool:
        top = widget.mapTo(viewport, widget.rect().topLeft()).y()
        return 0 <= top < viewport.height()

    qtbot.waitUntil(lambda: in_view(last))
    edits[0].setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: in_view(edits[0]))


def test_a_story_heading_ticks_and_unticks_its_questions(
    themed_window: MainWindow, qtbot: QtBot
) -> None:
    _journal, story = opened(themed_window, STORY, StoryPage)
    chooser = story.choices.chooser
    section = next(
        item
        for item in (chooser.topLevelItem(i) for i in range(chooser.topLevelItemCount()))
        if item is not None and item.childCount() > 1
    )
    section.setCheckState(0, Qt.CheckState.Unchecked)
    children = [section.child(i) for i in range(section.childCount())]
    assert all(c is not None and c.checkState(0) == Qt.CheckState.Unchecked for c in children)
    key = section.data(0, Qt.ItemDataRole.UserRole + 1)
    choice = next(s for s in chooser.sections() if s.key == key)
    assert not choice.included and not any(q.included for q in choice.questions)

    first = children[0]
    assert first is not None
    first.setCheckState(0, Qt.CheckState.Checked)
    assert section.checkState(0) == Qt.CheckState.PartiallyChecked  # some of it goes in
    choice = next(s for s in chooser.sections() if s.key == key)
    assert choice.included and choice.questions[0].included

    section.setCheckState(0, Qt.CheckState.Checked)
    assert all(c is not None and c.checkState(0) == Qt.CheckState.Checked for c in children)


def test_the_strength_bar_is_empty_and_red_until_the_passphrase_is_long_enough(
    qtbot: QtBot,
) -> None:
    meter = StrengthMeter()
    qtbot.addWidget(meter)
    meter.update_for("Zq8#")
    assert meter.bar.value() == 0
    assert meter.bar.property("strength") == "weak"
    assert "at least" in meter.words.text()
    meter.update_for("copper kettle lighthouse marmalade")
    assert meter.bar.value() >= 3
    assert meter.bar.property("strength") == "strong"
    assert "at least" not in meter.words.text()


def test_a_too_short_message_goes_once_a_new_passphrase_is_typed(
    make_window: object, qtbot: QtBot, tmp_path: Path, content: Content
) -> None:
    from peerjournal.core.vault.keyslots import FAST_KDF
    from peerjournal.services.container import build_services

    services = build_services(tmp_path / "fresh", content=content, kdf=FAST_KDF)
    window = make_window(services)  # type: ignore[operator]
    assert isinstance(window, MainWindow)
    qtbot.waitUntil(lambda: window.setup_view is not None and window.setup_view.isVisible())
    setup = window.setup_view
    assert setup is not None
    qtbot.mouseClick(setup.begin_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(setup.passphrase.edit, "short")
    qtbot.mouseClick(setup.create_button, Qt.MouseButton.LeftButton)
    assert setup.error.isVisible() and "at least" in setup.error.text()
    qtbot.keyClicks(setup.passphrase.edit, " and now much longer")
    assert not setup.error.isVisible()
    window.close()
    services.session.close()


def test_the_tree_parts_are_a_list_that_opens_each_part(
    themed_window: MainWindow, qtbot: QtBot
) -> None:
    journal = themed_window.journal
    assert journal is not None
    tree = journal.pages.get("tree")
    assert isinstance(tree, TreePage)
    assert tree.parts.count() == len(tree.view.nodes) > 0
    item = tree.parts.item(1)
    assert item is not None and "answered" in item.text()
    tree.parts.setFocus()
    tree.parts.setCurrentRow(1)
    qtbot.keyClick(tree.parts, Qt.Key.Key_Return)
    wanted = part_key(tree.view.nodes[1].part.id)
    qtbot.waitUntil(lambda: journal.current == wanted)


@pytest.mark.parametrize("size", [(1024, 640), (1920, 1080)])
def test_every_part_of_the_tree_is_whole_in_view(
    themed_window: MainWindow, qtbot: QtBot, size: tuple[int, int]
) -> None:
    themed_window.resize(*size)
    journal = themed_window.journal
    assert journal is not None
    tree = journal.pages.get("tree")
    assert isinstance(tree, TreePage)
    view = tree.view
    for zoom in (100, 200):
        themed_window.apply_settings(Settings(zoom=zoom))
        QApplication.processEvents()
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        cut = [n.part.title for n in view.nodes if not shown.contains(n.sceneBoundingRect())]
        assert not cut, f"at {zoom}% cut off: {cut}"
    themed_window.apply_settings(Settings())


def test_the_ladder_chart_marks_are_read_by_keyboard(
    themed_window: MainWindow, qtbot: QtBot
) -> None:
    from datetime import UTC, datetime

    from peerjournal.ui.editors.ladder import LadderChart, LadderEditor

    journal = themed_window.journal
    assert journal is not None
    journal.open_place(part_key("p2p.stocktake"))
    page = journal.pages.get(part_key("p2p.stocktake"))
    assert page is not None
    editor = page.findChild(LadderEditor)
    chart = page.findChild(LadderChart)
    assert editor is not None and chart is not None
    first = datetime(2026, 3, 12, 10, tzinfo=UTC)
    later = datetime(2026, 9, 1, 10, tzinfo=UTC)
    assert isinstance(page, QScrollArea)
    QApplication.processEvents()  # the page's own loading first (it sets the history too)
    editor.set_history([LadderMark(first, 2), LadderMark(later, 5)])
    qtbot.waitUntil(chart.isVisible)
    page.verticalScrollBar().setValue(0)  # the chart is well below: focus must bring it in
    chart.setFocus()
    qtbot.waitUntil(chart.hasFocus)
    top = chart.mapTo(page.viewport(), chart.rect().topLeft()).y()
    assert top >= 0 and top + chart.height() <= page.viewport().height()  # all of it in view
    assert chart.current == 1  # the latest mark first
    assert "September 2026: Rung 5 of " in chart.accessibleDescription()
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    assert chart.current == 0
    said = chart.accessibleDescription()
    assert said.startswith("Thursday 12 March 2026: Rung 2 of ")
    stage = chart._ladder.stage_of(2)  # the stage the words must name
    assert stage is not None and said.endswith(stage.label)
    assert chart.marker.count() == 1
    qtbot.keyClick(chart, Qt.Key.Key_End)
    assert chart.current == 1


@pytest.mark.parametrize("size", [(1024, 640), (1280, 800)])
def test_the_saved_pdf_message_fits_its_column(
    themed_window: MainWindow, qtbot: QtBot, size: tuple[int, int]
) -> None:
    from tests.gui.test_layout_fits import _problems

    themed_window.resize(*size)
    _journal, story = opened(themed_window, STORY, StoryPage)
    long = Path("/home/participant/Documents/Peer-support-course-2026/Recovery story – Siân.pdf")
    story._on_pdf_saved(long)  # what a finished save shows
    assert "not encrypted" in story.status
    QApplication.processEvents()
    QApplication.processEvents()
    assert not list(_problems(themed_window, "story after Save PDF"))


def test_a_zoomed_daily_page_puts_the_calendar_below_and_shows_it_whole(
    themed_window: MainWindow, qtbot: QtBot
) -> None:
    journal, page = opened(themed_window, DAILY, DailyPage)
    themed_window.resize(1920, 1080)
    QApplication.processEvents()
    assert not page.narrow
    themed_window.resize(1024, 640)
    themed_window.apply_settings(Settings(zoom=200))
    qtbot.waitUntil(lambda: page.narrow)
    QApplication.processEvents()
    assert page.calendar.width() >= page.calendar.sizeHint().width()  # the month whole
    assert journal.sidebar.tree.isColumnHidden(1)  # the counts give the names room
    themed_window.apply_settings(Settings())
    themed_window.resize(1920, 1080)
    qtbot.waitUntil(lambda: not page.narrow)
    assert not journal.sidebar.tree.isColumnHidden(1)


def test_the_story_view_explains_a_phrase_but_never_rewrites_it(
    themed_window: MainWindow, qtbot: QtBot, content: Content
) -> None:
    find, _suggest = _flagged(content)
    _journal, story = opened(themed_window, STORY, StoryPage)
    view = story.language.language_text
    view.setPlainText(f"It felt like {find} for a while.")
    cursor = view.textCursor()
    cursor.setPosition(len("It felt like ") + 1)
    menu = story.language.tooltips.menu_for(cursor)
    names = [action.objectName() for action in menu.actions()]
    assert "languageWhy" in names and "languageUse" not in names
    menu.deleteLater()


def test_every_page_takes_every_zoom_and_size_and_keeps_what_was_typed(
    themed_window: MainWindow, qtbot: QtBot, content: Content
) -> None:
    """Zoom and resize on every page, back and forth: nothing raises (pytest-qt fails a
    test on any exception inside Qt's calls), pages swap their layouts, and words typed
    before stay where they were."""
    from tests.gui.test_every_widget_is_kept import Walk

    journal, daily = opened(themed_window, DAILY, DailyPage)
    daily.text.setFocus()
    qtbot.keyClicks(daily.text, "Words before the zoom")
    for zoom, size in ((200, (1024, 640)), (80, (1920, 1080)), (150, (1280, 800))):
        themed_window.apply_settings(Settings(zoom=zoom))
        for place, _page in Walk(themed_window, qtbot, content).pages():
            themed_window.resize(*size)
            QApplication.processEvents()
            themed_window.resize(1024 if size[0] > 1024 else 1920, 800)  # and back, on each page
            QApplication.processEvents()
            assert journal.current is not None, place
    themed_window.apply_settings(Settings())
    journal.open_place(DAILY)
    assert daily.text.toPlainText() == "Words before the zoom"


def test_an_answer_is_at_most_three_tab_stops(themed_window: MainWindow, qtbot: QtBot) -> None:
    """Tab from a text answer's field to the next answer's field: the history button
    between them, and nothing else (the formatting buttons have their shortcuts)."""
    journal = themed_window.journal
    assert journal is not None
    journal.open_place(part_key("m1.s1"))
    page = journal.pages.get(part_key("m1.s1"))
    assert isinstance(page, PartPage)
    first = page.findChild(QWidget, "card:m1.s1.positive")
    second = page.findChild(QWidget, "card:m1.s1.challenging")
    assert first is not None and second is not None
    start = next(w for w in first.findChildren(QPlainTextEdit) if w.isVisibleTo(page))
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    stops = 0
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    while True:
        here = app.focusWidget()
        assert here is not None
        qtbot.keyClick(here, Qt.Key.Key_Tab)
        stops += 1
        focused = app.focusWidget()
        if focused is not None and second.isAncestorOf(focused):
            break
        assert stops < 10, focused
    assert stops <= 3, stops


def test_checklist_choices_are_named_with_the_whole_question(
    themed_window: MainWindow, content: Content
) -> None:
    from peerjournal.core.content import model as m
    from peerjournal.ui.editors.checklist import ChecklistEditor

    _journal, story = opened(themed_window, STORY, StoryPage)
    editor = story.findChild(ChecklistEditor)
    assert editor is not None
    prompt = editor.prompt
    assert isinstance(prompt, m.ChecklistPrompt)
    for question in prompt.questions:
        assert editor.yes[question.id].accessibleName() == f"Yes: {question.text}"
        assert editor.not_yet[question.id].accessibleName() == f"Not yet: {question.text}"
    assert any(len(q.text) > 80 for q in prompt.questions)  # the ones that were cut


def test_one_lesson_is_one_lesson() -> None:
    from peerjournal.core.kinds.lessons import SPEC as LESSONS
    from peerjournal.core.kinds.lessons import LessonsAnswer, LessonsPrompt

    one = LessonsPrompt(id="p.one", text="Lessons done", count=1)  # type: ignore[arg-type]
    assert LESSONS.words(one, LessonsAnswer(done=(1,))) == "1 of 1 lesson done"
    many = LessonsPrompt(id="p.many", text="Lessons done", count=11)  # type: ignore[arg-type]
    assert LESSONS.words(many, LessonsAnswer(done=(1, 2))) == "2 of 11 lessons done"
