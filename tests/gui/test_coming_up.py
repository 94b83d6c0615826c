"""Coming up, through the real window: set a session's date, watch the page change as
the clock moves, answer a preparation question from its link."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from peerjournal.core import answers as a
from peerjournal.core.sessions import When
from peerjournal.services.container import Services
from peerjournal.ui.dialogs.session_date_dialog import SessionDateDialog
from peerjournal.ui.editors import TextEditor
from peerjournal.ui.journal.coming_up import ComingUpPage
from peerjournal.ui.journal.part_page import PartPage
from peerjournal.ui.journal.sidebar import COMING
from peerjournal.ui.main_window import MainWindow
from tests.gui.conftest import MakeWindow, unlock


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def open_coming_up(window: MainWindow) -> ComingUpPage:
    assert window.journal is not None
    sidebar = window.journal.sidebar
    sidebar.tree.setCurrentItem(sidebar._items[COMING])  # as a click on "Coming up"
    page = window.journal.pages.get(COMING)
    assert isinstance(page, ComingUpPage) and window.journal.stack.currentWidget() is page
    return page


def click_in_view(qtbot: QtBot, page: ComingUpPage, widget: QWidget) -> None:
    """Clicks land by place (Qt 6): wait for the page's layout to settle (a page just
    shown can hold its rows squeezed for an event or two), then scroll the widget whole
    into view."""

    def settled() -> bool:
        if widget.hasHeightForWidth():
            return widget.height() >= widget.heightForWidth(widget.width())
        return widget.height() >= widget.minimumSizeHint().height()

    qtbot.waitUntil(settled)
    page.ensureWidgetVisible(widget)
    qtbot.waitUntil(lambda: widget.visibleRegion().boundingRect().size() == widget.size())
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def set_date_by_hand(
    qtbot: QtBot, page: ComingUpPage, part_id: str, day: date, at: time | None
) -> None:
    button = page.findChild(type(page._row_buttons[part_id]), f"setSessionDate:{part_id}")
    assert button is not None
    click_in_view(qtbot, page, button)
    qtbot.waitUntil(lambda: isinstance(page.dialog, SessionDateDialog) and page.dialog.isVisible())
    dialog = page.dialog
    assert dialog is not None
    dialog.day.setDate(QDate(day.year, day.month, day.day))
    if at is not None:
        qtbot.mouseClick(dialog.has_time, Qt.MouseButton.LeftButton)
        dialog.at.setTime(QTime(at.hour, at.minute))
    gone: list[bool] = []
    dialog.destroyed.connect(lambda: gone.append(True))
    qtbot.mouseClick(dialog.keep, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(gone))
    assert page.dialog is None
    window = page.window()
    window.activateWindow()  # the offscreen platform leaves no window active after a dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_a_session_date_shows_what_is_coming_up_as_the_clock_moves(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    clock = Clock(datetime(2026, 12, 5, 9, 0))
    window.clock = clock
    page = open_coming_up(window)
    assert not page.next_card.isVisibleTo(page)
    assert "When you know the dates of your sessions" in page.nothing.text()
    assert page._row_labels["m1.s1"].text() == "No date yet"

    set_date_by_hand(qtbot, page, "m1.s1", date(2026, 12, 10), time(18, 30))
    assert locked_services.sessions.own() == {"m1.s1": "2026-12-10 18:30"}
    qtbot.waitUntil(lambda: page.next_card.isVisibleTo(page))
    assert (
        page.next_name.text() == "Session 1: Co-create an empowering and safe learning environment"
    )
    assert page.next_when.text() == "Thursday 10 December at 18:30, in 5 days"
    assert page.preparation.text() == "0 of 6 preparation questions answered"
    assert page._row_labels["m1.s1"].text() == "Thursday 10 December at 18:30, in 5 days"

    clock.now = datetime(2026, 12, 9, 20, 0)
    page.timer.timeout.emit()  # the page's minute tick
    assert page.next_when.text() == "Thursday 10 December at 18:30, tomorrow"
    clock.now = datetime(2026, 12, 10, 21, 0)
    page.timer.timeout.emit()
    assert page.next_when.text() == "Thursday 10 December at 18:30, today"
    clock.now = datetime(2026, 12, 11, 8, 0)
    page.timer.timeout.emit()
    # Passed: it simply drops out of Coming up; nothing says late, missed or overdue.
    assert not page.next_card.isVisibleTo(page)
    assert "No sessions are coming up" in page.nothing.text()
    assert page._row_labels["m1.s1"].text() == "Thursday 10 December at 18:30"
    shown = " ".join(w.text() for w in page.findChildren(type(page.nothing))).lower()
    for word in ("overdue", "missed", "late", "failed"):
        assert word not in shown


def test_a_preparation_link_opens_the_question_and_its_answer_counts(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    window.clock = Clock(datetime(2026, 12, 5, 9, 0))
    page = open_coming_up(window)
    set_date_by_hand(qtbot, page, "m1.s2", date(2026, 12, 17), None)
    set_date_by_hand(qtbot, page, "m1.s1", date(2026, 12, 10), None)
    assert page.next_when.text() == "Thursday 10 December, in 5 days"
    assert "Session 2" in page.later.text() and "17 December, in 12 days" in page.later.text()

    link = page.findChild(type(page._question_buttons[0]), "prepare:m1.s1.challenging")
    assert link is not None and link.accessibleName().endswith("(not answered yet)")
    click_in_view(qtbot, page, link)
    assert window.journal is not None
    part_page = window.journal.stack.currentWidget()
    assert isinstance(part_page, PartPage) and part_page.part.id == "m1.s1"
    editor = part_page.editors["m1.s1.challenging"]
    assert isinstance(editor, TextEditor)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.edit)  # the cursor is there
    qtbot.keyClicks(editor.edit, "Speaking first in a group.")
    qtbot.waitUntil(
        lambda: (
            locked_services.answers.get("m1.s1.challenging")
            == a.TextAnswer("Speaking first in a group.")
        ),
        timeout=3000,
    )
    page = open_coming_up(window)
    qtbot.waitUntil(lambda: page.preparation.text() == "1 of 6 preparation questions answered")
    link = page.findChild(type(page._question_buttons[0]), "prepare:m1.s1.challenging")
    assert link is not None and link.accessibleName().endswith("(answered)")


def test_a_date_can_be_taken_away_and_the_window_opens_on_coming_up(
    make_window: MakeWindow, locked_services: Services, qtbot: QtBot
) -> None:
    first = make_window(locked_services)
    first.clock = Clock(datetime(2026, 12, 5, 9, 0))
    unlock(qtbot, first)
    assert first.journal is not None and first.journal.current == "tree"  # no dates yet
    locked_services.sessions.set("course.s02", When(date(2026, 12, 12)))
    first.lock()
    first.close()

    again = make_window(locked_services)
    again.clock = Clock(datetime(2026, 12, 5, 9, 0))
    unlock(qtbot, again)
    assert again.journal is not None and again.journal.current == COMING
    page = again.journal.pages[COMING]
    assert isinstance(page, ComingUpPage)
    assert page.next_name.text() == "What is Recovery?"
    assert page.preparation.text() == "0 of 2 questions for afterwards answered"

    button = page._row_buttons["course.s02"]
    assert button.text() == "Change…"
    click_in_view(qtbot, page, button)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    assert page.dialog is not None
    qtbot.mouseClick(page.dialog.take_away, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.next_card.isVisibleTo(page))
    assert locked_services.sessions.own() == {"course.s02": None}
    assert page._row_labels["course.s02"].text() == "No date yet"
