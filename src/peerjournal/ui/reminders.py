"""Gentle reminders as they reach the participant: a desktop notification, or the window.

Off unless asked for. What comes says only "A gentle reminder from peerjournal": it
can appear over a locked journal, on a shared screen or in the desktop's list of
notifications, so it holds no session name, no date and nothing written. Where the
desktop has no notification area, the same line waits in the window until it is next
looked at, and the window's task bar entry asks for attention.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import date, datetime, time

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

from peerjournal.core import reminders as r
from peerjournal.core.sessions import Session
from peerjournal.services.settings import Settings
from peerjournal.ui.kit.i18n import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

CHECK_MS = 30_000
"""How often the clock is looked at: a reminder comes within half a minute of its time,
and a computer waking from sleep hears of it at once rather than at a timer's end."""
FIRST_CHECK_MS = 2_000
NOTIFICATION_MS = 10_000


def tray_available() -> bool:
    """Whether the desktop has a notification area (tests say so by hand)."""
    return QSystemTrayIcon.isSystemTrayAvailable()


REMINDER = QT_TRANSLATE_NOOP("reminders", "A gentle reminder from peerjournal")
"""``core.reminders.REMINDER_TEXT``, where the translation tools can find it."""


def reminder_text() -> str:
    return translate("reminders", REMINDER)


def _time_of(text: str) -> time | None:
    if not text:
        return None
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


class Reminders(QObject):
    """Looks at the clock while the app runs; says when a reminder comes.

    ``came`` carries the words of each reminder as it comes; the window shows them (in
    the tray's notification, or in the window). ``reminded`` carries the day the daily
    reminder came, for the settings file, so a restart the same evening does not repeat
    it. Session dates are given by the window while the journal is open and kept in
    memory only, so the day-before reminder works after a lock until the app closes.
    """

    came = Signal(str)
    reminded = Signal(object)
    """The day (a ``date``) the daily reminder last came."""

    def __init__(
        self,
        clock: Callable[[], datetime],
        wrote_today: Callable[[date], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._wrote_today = wrote_today
        self.state = r.ReminderClock()
        self._configured = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)

    def configure(self, settings: Settings) -> None:
        self.state.before_session = settings.remind_before_session
        daily_at = _time_of(settings.daily_reminder)
        if self._configured and daily_at is not None and daily_at != self.state.daily_at:
            # Turned on (or moved) after today's time: it starts tomorrow, not at once.
            now = self._clock()
            if now.time() >= daily_at and self.state.daily_done != now.date():
                self.state.daily_done = now.date()
                self.reminded.emit(now.date())
        self.state.daily_at = daily_at
        self._configured = True
        if settings.reminded_on:
            day = date.fromisoformat(settings.reminded_on)
            if self.state.daily_done is None or day > self.state.daily_done:
                self.state.daily_done = day
        if settings.reminders_on and not self.timer.isActive():
            self.timer.start()
            QTimer.singleShot(FIRST_CHECK_MS, self, self.check)  # a start late in the day
        elif not settings.reminders_on:
            self.timer.stop()

    def set_sessions(self, sessions: Iterable[Session]) -> None:
        self.state.moments = r.session_moments(sessions)

    @property
    def on(self) -> bool:
        return self.timer.isActive()

    @Slot()
    def check(self) -> None:
        if not self.on:
            return
        now = self._clock()
        done_before = self.state.daily_done
        if self.state.due(now, wrote_today=self._wrote_today(now.date())):
            text = reminder_text()
            log.info("a gentle reminder came")
            self.came.emit(text)
        if self.state.daily_done != done_before:
            self.reminded.emit(self.state.daily_done)


class Tray(QObject):
    """The notification area's icon while reminders are on: Open, and Quit."""

    open_requested = Signal()
    quit_requested = Signal()

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QMenu

        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setToolTip("peerjournal")
        self.menu = QMenu()
        self.menu.addAction(translate("reminders", "Open peerjournal"), self.open_requested.emit)
        self.menu.addAction(translate("reminders", "Quit"), self.quit_requested.emit)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self.icon.messageClicked.connect(self.open_requested.emit)

    @Slot(QSystemTrayIcon.ActivationReason)
    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason != QSystemTrayIcon.ActivationReason.Context:
            self.open_requested.emit()

    def notify(self, text: str) -> None:
        self.icon.showMessage(
            "peerjournal", text, QSystemTrayIcon.MessageIcon.Information, NOTIFICATION_MS
        )


__all__ = ["CHECK_MS", "Reminders", "Tray", "reminder_text", "tray_available"]
