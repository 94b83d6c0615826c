"""On this day: off unless asked for; then a daily page shows the first line of the pages
of a month and a year before, and a click opens that page."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from peerjournal.core.dates import month_before, year_before
from peerjournal.services.container import Services
from peerjournal.services.pages import first_line
from peerjournal.ui.dialogs.settings_dialog import SettingsDialog
from peerjournal.ui.journal.daily_page import DailyPage
from peerjournal.ui.kit.dates import long_day
from peerjournal.ui.main_window import MainWindow


def test_the_day_a_month_and_a_year_before() -> None:
    assert month_before(date(2026, 3, 31)) == date(2026, 2, 28)
    assert month_before(date(2028, 3, 31)) == date(2028, 2, 29)
    assert month_before(date(2026, 1, 15)) == date(2025, 12, 15)
    assert year_before(date(2028, 2, 29)) == date(2027, 2, 28)
    assert year_before(date(2026, 12, 4)) == date(2025, 12, 4)


def test_only_the_first_line_with_words() -> None:
    assert first_line("\n\n# A good day\nmore") == "A good day"
    assert first_line("- tea with Siân\n") == "tea with Siân"
    assert first_line("   \n") == ""
    assert first_line("word " * 40).endswith("…") and len(first_line("word " * 40)) <= 90


def test_on_this_day_is_asked_for_then_opens_the_earlier_page(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    today = date.today()
    pages = window.services.pages
    pages.save(month_before(today), "Walked to the sea with my sister.\nIt rained.")
    pages.save(year_before(today), "\n# First group session\nNervous, then glad.")
    assert window.journal is not None
    window.journal.open_place("daily")
    page = window.findChild(DailyPage)
    assert page is not None
    assert not page.looking_back.isVisibleTo(page)  # off until asked for

    dialog = SettingsDialog(window.settings, window, unlocked=True)
    dialog.changed.connect(window.apply_settings)
    dialog.on_this_day.click()
    dialog.close()
    assert window.settings_store.load().on_this_day
    qtbot.waitUntil(lambda: page.looking_back.isVisibleTo(page))
    month, year = page._back_lines
    assert "Walked to the sea with my sister." in month.text() and "It rained" not in month.text()
    assert "A year ago" in year.text() and "First group session" in year.text()

    qtbot.waitUntil(lambda: month.isVisible() and month.width() > 0)
    first_line_middle = month.contentsRect().top() + month.fontMetrics().height() // 2
    QTest.mouseClick(month, Qt.MouseButton.LeftButton, pos=QPoint(12, first_line_middle))
    qtbot.waitUntil(lambda: page.day == month_before(today))
    assert page.title.text() == long_day(month_before(today))
    assert page.text.toPlainText().startswith("Walked to the sea")
