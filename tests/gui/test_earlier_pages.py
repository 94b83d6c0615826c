"""The list of earlier pages and the calendar's marks, kept up to date a page at a time.

A save changes one page, and the list now changes only that page's row (making the whole
list again cost a tenth of a second at ten years, each time the writing paused). The
invariant: after every kind of change, the list and the marks are what a list made from
scratch would show.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from peerjournal.services.container import Services
from peerjournal.ui.journal.daily_page import DailyPage
from peerjournal.ui.kit.dates import long_day
from peerjournal.ui.main_window import MainWindow


def _expected(services: Services) -> list[str]:
    rows = []
    for day in services.pages.days():
        words = len(services.pages.get(day).split())
        if words:
            rows.append(f"{long_day(day)}\n{words} word{'' if words == 1 else 's'}")
    return rows


def _listed(page: DailyPage) -> list[str]:
    return [page.pages.item(i).text() for i in range(page.pages.count())]


def _marked(page: DailyPage) -> set[date]:
    return {
        date(d.year(), d.month(), d.day())
        for d, f in page.calendar.dateTextFormat().items()
        if f.fontWeight() == QFont.Weight.Bold
    }


def _written(services: Services) -> set[date]:
    return {d for d in services.pages.days() if services.pages.get(d).split()}


def _holds(page: DailyPage, services: Services) -> bool:
    return _listed(page) == _expected(services) and _marked(page) == _written(services)


def test_the_list_of_earlier_pages_follows_every_change_a_page_at_a_time(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    today = date.today()
    earlier, yesterday = today - timedelta(days=3), today - timedelta(days=1)
    assert window.journal is not None
    page = window.journal.open_day(today)
    assert isinstance(page, DailyPage)
    assert _listed(page) == ["Your pages will be listed here."]

    qtbot.keyClicks(page.text, "One two three")
    qtbot.waitUntil(lambda: locked_services.pages.get(today) == "One two three", timeout=3000)
    qtbot.waitUntil(lambda: _holds(page, locked_services))
    assert _listed(page) == [f"{long_day(today)}\n3 words"]

    page.set_day(earlier)
    qtbot.keyClicks(page.text, "Earlier")
    qtbot.waitUntil(lambda: locked_services.pages.get(earlier) == "Earlier", timeout=3000)
    qtbot.waitUntil(lambda: _holds(page, locked_services))
    assert [row.split("\n")[0] for row in _listed(page)] == [long_day(today), long_day(earlier)]

    # Saved elsewhere (the command line, an import): it takes its place between the two.
    locked_services.pages.save(yesterday, "Saved by another way")
    qtbot.waitUntil(lambda: len(_listed(page)) == 3)
    assert _holds(page, locked_services)
    assert _listed(page)[1] == f"{long_day(yesterday)}\n4 words"

    # A page emptied leaves the list and the calendar's marks.
    page.text.selectAll()
    qtbot.keyClick(page.text, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: locked_services.pages.get(earlier) == "", timeout=3000)
    qtbot.waitUntil(lambda: _holds(page, locked_services))
    assert earlier not in _marked(page) and len(_listed(page)) == 2

    # More words on a page: its count changes in place.
    page.set_day(today)
    page.text.moveCursor(page.text.textCursor().MoveOperation.End)
    qtbot.keyClicks(page.text, " four")
    qtbot.waitUntil(lambda: locked_services.pages.get(today) == "One two three four", timeout=3000)
    qtbot.waitUntil(lambda: _holds(page, locked_services))
    assert _listed(page)[0] == f"{long_day(today)}\n4 words"

    # Many pages at once (a restore): the list is made again, and still holds.
    for n in range(DailyPage.LIST_AGAIN_AFTER + 1):
        locked_services.pages.save(today - timedelta(days=10 + n), f"page {n}")
    qtbot.waitUntil(lambda: _holds(page, locked_services), timeout=5000)
    assert len(_listed(page)) == 3 + DailyPage.LIST_AGAIN_AFTER
