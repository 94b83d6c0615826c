"""Gentle reminders through the real window: turned on in Settings, coming on a clock
moved by hand with their one line and nothing else, in the tray or in the window; the
start-up entry made and removed by the Settings checkbox."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerjournal.core.sessions import When
from peerjournal.services.container import Services
from peerjournal.ui import reminders
from peerjournal.ui.dialogs.settings_dialog import SettingsDialog
from peerjournal.ui.main_window import MainWindow

TEXT = "A gentle reminder from peerjournal"


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def open_settings(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    window.settings_button.click()
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog) is not None)
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def close_settings(qtbot: QtBot, window: MainWindow, dialog: SettingsDialog) -> None:
    gone: list[bool] = []
    dialog.destroyed.connect(lambda: gone.append(True))
    dialog.close_button.click()
    qtbot.waitUntil(lambda: bool(gone))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def tick(window: MainWindow, now: datetime) -> None:
    assert isinstance(window.clock, Clock)
    window.clock.now = now
    window.reminders.reminders.timer.timeout.emit()  # the half-minute look at the clock


@pytest.fixture
def notifications(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """A desktop with a notification area; what the tray was asked to show."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(reminders, "tray_available", lambda: True)
    monkeypatch.setattr(
        reminders.Tray, "notify", lambda self, text: shown.append(("notification", text))
    )
    return shown


def test_reminders_are_off_until_asked_for(window: MainWindow) -> None:
    window.clock = Clock(datetime(2026, 12, 5, 19, 0))
    assert not window.settings.reminders_on and not window.reminders.reminders.on
    tick(window, datetime(2026, 12, 5, 19, 30))
    assert window.journal is not None and not window.journal.notice_bar.isVisibleTo(window)


def test_a_daily_reminder_comes_in_the_window_at_its_time_and_once(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    window.clock = Clock(datetime(2026, 12, 5, 18, 0))
    dialog = open_settings(qtbot, window)
    assert not dialog.start_quietly.isEnabled()  # only with a reminder on
    dialog.daily.click()
    dialog.daily_at.setTime(QTime(19, 0))
    assert dialog.start_quietly.isEnabled()
    close_settings(qtbot, window, dialog)
    assert window.settings_store.load().daily_reminder == "19:00"
    bar = window.journal.notice_bar if window.journal is not None else None
    assert bar is not None

    tick(window, datetime(2026, 12, 5, 18, 59))
    assert not bar.isVisibleTo(window)
    tick(window, datetime(2026, 12, 5, 19, 0))
    assert bar.isVisibleTo(window) and bar.text.text() == TEXT  # the one line, no more
    assert window.settings_store.load().reminded_on == "2026-12-05"
    bar.dismiss.click()
    tick(window, datetime(2026, 12, 5, 21, 0))
    assert not bar.isVisibleTo(window)  # once a day

    locked_services.pages.save(date(2026, 12, 6), "Wrote before the reminder.")
    tick(window, datetime(2026, 12, 6, 19, 1))
    assert not bar.isVisibleTo(window)  # the day's page is already written


def test_a_reminder_while_locked_waits_on_the_unlock_view(window: MainWindow, qtbot: QtBot) -> None:
    window.clock = Clock(datetime(2026, 12, 5, 12, 0))
    window.apply_settings(window.settings.__class__(daily_reminder="19:00"))
    window.lock_action.trigger()
    qtbot.waitUntil(lambda: window.journal is None)
    tick(window, datetime(2026, 12, 5, 19, 0))
    assert window.unlock_view.notice.text() == TEXT


def test_a_session_reminder_comes_the_day_before_as_a_notification(
    window: MainWindow,
    locked_services: Services,
    qtbot: QtBot,
    notifications: list[tuple[str, str]],
) -> None:
    window.clock = Clock(datetime(2026, 12, 5, 9, 0))
    locked_services.sessions.set("m1.s1", When(date(2026, 12, 10), time(18, 30)))
    locked_services.sessions.set("m1.s2", When(date(2026, 12, 17), time(18, 30)))
    dialog = open_settings(qtbot, window)
    dialog.before_session.click()
    close_settings(qtbot, window, dialog)
    assert window.reminders.tray is not None and window.reminders.tray.icon.isVisible()

    tick(window, datetime(2026, 12, 9, 9, 59))
    assert notifications == []
    tick(window, datetime(2026, 12, 9, 10, 0))
    assert notifications == [("notification", TEXT)]
    tick(window, datetime(2026, 12, 9, 15, 0))
    assert notifications == [("notification", TEXT)]

    # Closing the window locks the journal and leaves the app in the tray: the next
    # session's reminder still comes, saying no more than before.
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.journal is None and not window.services.session.unlocked
    tick(window, datetime(2026, 12, 16, 10, 0))
    assert notifications == [("notification", TEXT)] * 2

    closed: list[bool] = []
    window.closed_for_good.connect(lambda: closed.append(True))
    assert window.reminders.tray is not None
    window.reminders.tray.quit_requested.emit()  # the tray's Quit
    qtbot.waitUntil(lambda: bool(closed))
    assert not window.reminders.tray.icon.isVisible()


def test_start_with_my_computer_makes_and_removes_the_entry(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    entry = tmp_path / "config" / "autostart" / "peerjournal.desktop"
    window.clock = Clock(datetime(2026, 12, 5, 9, 0))
    dialog = open_settings(qtbot, window)
    dialog.before_session.click()
    dialog.start_quietly.click()
    assert entry.exists()
    text = entry.read_text(encoding="utf-8")
    assert "gui --quietly" in text and str(window.services.data.root) in text
    dialog.start_quietly.click()
    assert not entry.exists()
    dialog.start_quietly.click()
    assert entry.exists()
    dialog.before_session.click()  # no reminder left: nothing to start for
    assert not entry.exists() and not dialog.start_quietly.isEnabled()
    close_settings(qtbot, window, dialog)
