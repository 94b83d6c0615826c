"""Privacy in a shared room: lock wipes the window, idle lock, quick-hide, clipboard."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from peerjournal.core import answers as a
from peerjournal.services.container import Services
from peerjournal.ui.editors import TextEditor
from peerjournal.ui.journal.part_page import PartPage
from peerjournal.ui.main_window import MainWindow
from tests.gui.conftest import shows_no_journal, unlock

SECRET = "zebracrossing memories"


def visible_texts() -> list[str]:
    """Every piece of text shown by any visible widget of the application."""
    texts: list[str] = []
    for widget in QApplication.allWidgets():
        if not widget.isVisible():
            continue
        texts.append(widget.windowTitle())
        if isinstance(widget, QLineEdit):
            texts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QListWidget):
            for i in range(widget.count()):
                item = widget.item(i)
                texts.append(item.text())
                texts.append(str(item.data(Qt.ItemDataRole.AccessibleTextRole) or ""))
    return texts


def write_secret(window: MainWindow, services: Services, qtbot: QtBot) -> None:
    assert window.journal is not None
    page = window.journal.open_part("m1.s1")
    assert isinstance(page, PartPage)
    editor = page.editors["m1.s1.positive"]
    assert isinstance(editor, TextEditor)
    qtbot.keyClicks(editor.edit, f"I remember the {SECRET} well")
    day = window.journal.open_day(date.today())
    assert day is not None
    qtbot.keyClicks(day.text, f"Today: {SECRET}")
    qtbot.waitUntil(lambda: SECRET in services.pages.get(date.today()), timeout=3000)
    qtbot.waitUntil(lambda: services.answers.get("m1.s1.positive") is not None, timeout=3000)


def test_lock_wipes_every_word_from_the_window(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    write_secret(window, locked_services, qtbot)
    assert window.journal is not None
    window.journal.focus_search()
    qtbot.keyClicks(window.journal.search_field, "zebracrossing")
    qtbot.waitUntil(
        lambda: window.journal is not None and window.journal.search_page.result_count == 2
    )
    assert any(SECRET in t for t in visible_texts())

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert shows_no_journal(window)
    assert window.stack.currentWidget() is window.unlock_view
    assert not locked_services.session.unlocked
    leaked = [t for t in visible_texts() if "zebracrossing" in t]
    assert leaked == []
    # also nothing hidden but still alive holds it after the deferred delete
    QApplication.sendPostedEvents(None, 52)  # QEvent.DeferredDelete
    for widget in QApplication.allWidgets():
        if isinstance(widget, QPlainTextEdit):
            assert "zebracrossing" not in widget.toPlainText()

    unlock(qtbot, window)
    assert window.journal is not None
    assert window.journal.current == "daily"  # back where they were
    assert window.journal.search_field.text() == ""
    # wiping the window never saved the emptied editors
    qtbot.wait(200)
    assert SECRET in locked_services.answers.text_of("m1.s1.positive")
    assert SECRET in locked_services.pages.get(date.today())


def test_idle_time_locks_the_journal(window: MainWindow, qtbot: QtBot) -> None:
    assert window.idle.interval_ms == 10 * 60_000  # the default: ten minutes
    window.idle.set_interval_ms(150)
    qtbot.waitUntil(lambda: window.journal is None, timeout=3000)
    assert window.stack.currentWidget() is window.unlock_view


def test_input_restarts_the_idle_timer(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: window.idle.watching)
    window.idle.set_interval_ms(400)
    for _ in range(4):
        qtbot.wait(150)  # less than the interval each time, with input between
        qtbot.keyClick(window, Qt.Key.Key_Shift)
    assert window.journal is not None
    qtbot.waitUntil(lambda: window.journal is None, timeout=3000)


def test_quick_hide_hides_the_window_at_once(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(
        window,
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not window.isVisible() or window.isMinimized()
    window.bring_to_front()
    assert window.isVisible() and not window.isMinimized()


def test_copied_recovery_key_is_concealed_and_cleared(window: MainWindow) -> None:
    window.clipboard.copy("ABCD-EFGH")
    mime = QGuiApplication.clipboard().mimeData()
    assert mime is not None
    assert mime.data("x-kde-passwordManagerHint").data() == b"secret"
    assert QGuiApplication.clipboard().text() == "ABCD-EFGH"
    window.lock()
    assert QGuiApplication.clipboard().text() == ""


def test_clipboard_is_left_alone_if_something_else_was_copied(window: MainWindow) -> None:
    window.clipboard.copy("ABCD-EFGH")
    QGuiApplication.clipboard().setText("a shopping list")
    window.clipboard.clear()
    assert QGuiApplication.clipboard().text() == "a shopping list"


def test_search_finds_an_answer_and_enter_opens_it(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    locked_services.answers.save("m1.s3.chime-life", a.TextAnswer("Hope grows in the garden"))
    journal = window.journal
    assert journal is not None
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert journal.search_field.hasFocus()
    qtbot.keyClicks(journal.search_field, "garden")
    page = journal.search_page
    qtbot.waitUntil(lambda: page.result_count == 1, timeout=3000)
    assert journal.stack.currentWidget() is page
    assert "Session 3" in page.results.item(0).data(Qt.ItemDataRole.UserRole + 1)
    assert "<b" in page.results.item(0).data(Qt.ItemDataRole.UserRole + 1)  # emphasised
    qtbot.keyClick(journal.search_field, Qt.Key.Key_Return)
    part = journal.pages.get("part:m1.s3")
    assert isinstance(part, PartPage)
    assert journal.stack.currentWidget() is part
    editor = part.editors["m1.s3.chime-life"]
    assert isinstance(editor, TextEditor)
    qtbot.waitUntil(editor.edit.hasFocus)
    assert editor.edit.toPlainText() == "Hope grows in the garden"
    assert journal.sidebar.current_key() == "part:m1.s3"


def test_search_opens_a_daily_page(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    day = date(2026, 3, 3)
    locked_services.pages.save(day, "Rain on the allotment")
    journal = window.journal
    assert journal is not None
    journal.focus_search()
    qtbot.keyClicks(journal.search_field, "allotment")
    qtbot.waitUntil(lambda: journal.search_page.result_count == 1, timeout=3000)
    qtbot.keyClick(journal.search_field, Qt.Key.Key_Down)
    assert journal.search_page.results.hasFocus()
    qtbot.keyClick(journal.search_page.results, Qt.Key.Key_Return)
    daily = journal.pages.get("daily")
    assert journal.stack.currentWidget() is daily
    assert getattr(daily, "day", None) == day
    assert getattr(daily, "text").toPlainText() == "Rain on the allotment"  # noqa: B009


def test_every_visible_control_has_a_name_or_text(window: MainWindow) -> None:
    assert window.journal is not None
    window.journal.open_part("m1.s2")
    unnamed = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            continue
        if not widget.accessibleName():
            unnamed.append(f"{type(widget).__name__}:{widget.objectName()}")
    assert unnamed == []
