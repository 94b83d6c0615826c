"""The window's side of reminders: where each one is shown, the tray, starting quietly.

A reminder goes to the desktop's notification area when there is one. Without one, it
waits in the window (shown at once if the window is in front, else the next time it is
looked at, while the task bar entry asks for attention). With reminders on and a
notification area, closing the window locks the journal and keeps the app there, so
reminders still come; Quit in the tray's menu closes it for good.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QApplication

from peerjournal.core.autostart import Autostart, start_command
from peerjournal.core.errors import PeerJournalError
from peerjournal.services.events import Changes
from peerjournal.services.settings import Settings
from peerjournal.ui import reminders
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.reminders import Reminders, Tray

if TYPE_CHECKING:
    from peerjournal.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class ReminderDesk(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.reminders = Reminders(lambda: window.clock(), self._wrote_today, self)
        self.reminders.came.connect(self.deliver)
        self.reminders.reminded.connect(self._keep_reminded)
        self.tray: Tray | None = None
        self.pending = ""
        """A reminder waiting for the window to be looked at (no notification area)."""
        self.reminders.configure(window.settings)
        self.update_tray()

    # -- what is known ------------------------------------------------------------------

    def _wrote_today(self, day: date) -> bool:
        if not self._window.is_unlocked:
            return False
        try:
            return day in self._window.services.pages.days()
        except PeerJournalError:
            return False

    def journal_opened(self) -> None:
        """Session dates are read while the journal is open and kept in memory."""
        self._read_sessions()
        journal = self._window.journal
        if journal is not None:
            journal.bridge.changes_applied.connect(self._on_changes)

    @Slot(object)
    def _on_changes(self, changes: object) -> None:
        if isinstance(changes, Changes) and (changes.sessions or changes.everything):
            self._read_sessions()

    def _read_sessions(self) -> None:
        try:
            self.reminders.set_sessions(self._window.services.sessions.sessions())
        except PeerJournalError as error:
            log.warning("session dates could not be read: %s", type(error).__name__)

    # -- settings -----------------------------------------------------------------------

    def apply(self, before: Settings, after: Settings) -> None:
        self.reminders.configure(after)
        self.update_tray()
        wanted = after.start_quietly and after.reminders_on
        if wanted != (before.start_quietly and before.reminders_on) and not self._window.demo:
            self._set_autostart(wanted)

    def _set_autostart(self, on: bool) -> None:
        entry = Autostart()
        try:
            if on:
                entry.enable(start_command(self._window.services.data.root))
            else:
                entry.disable()
        except OSError as error:
            log.warning("the start-up entry could not be changed: %s", type(error).__name__)
            self._window.prompter.inform(
                self._window,
                translate("reminders", "Starting with your computer"),
                translate(
                    "reminders",
                    "peerjournal could not change how it starts with your computer. "
                    "Your reminders still come while peerjournal is open.",
                ),
            )

    @Slot(object)
    def _keep_reminded(self, day: object) -> None:
        if isinstance(day, date):
            window = self._window
            window.settings = replace(window.settings, reminded_on=day.isoformat())
            try:
                window.settings_store.save(window.settings)
            except OSError as exc:
                log.warning("settings could not be saved: %s", type(exc).__name__)

    # -- the tray -----------------------------------------------------------------------

    @property
    def keeps_running(self) -> bool:
        """Whether closing the window should leave the app in the notification area."""
        return self.tray is not None and self._window.settings.reminders_on

    def _made_tray(self) -> Tray:
        if self.tray is None:
            self.tray = Tray(self._window.windowIcon(), self)
            self.tray.open_requested.connect(self._window.bring_to_front)
            self.tray.quit_requested.connect(self._window.quit_for_good)
        return self.tray

    def update_tray(self) -> None:
        wanted = self._window.settings.reminders_on and reminders.tray_available()
        if wanted:
            self._made_tray()
        if self.tray is not None:
            self.tray.icon.setVisible(wanted or not self._window.isVisible())

    def hide_to_tray(self) -> Tray:
        """The tray's icon shown (made if need be), for Hide and lock, or a close."""
        tray = self._made_tray()
        tray.icon.show()
        return tray

    def window_back(self) -> None:
        """The window is in front again: the tray stays only for reminders."""
        self.update_tray()
        self.show_pending()

    def closing(self) -> None:
        self.reminders.timer.stop()
        if self.tray is not None:
            self.tray.icon.hide()

    # -- showing one --------------------------------------------------------------------

    @Slot(str)
    def deliver(self, text: str) -> None:
        if self.tray is not None and reminders.tray_available():
            self.tray.notify(text)
            return
        self.pending = text
        window = self._window
        if window.isVisible() and not window.isMinimized() and window.isActiveWindow():
            self.show_pending()
        else:
            QApplication.alert(window)

    def show_pending(self) -> None:
        if not self.pending:
            return
        text, self.pending = self.pending, ""
        window = self._window
        if window.journal is not None:
            bar = window.journal.notice_bar
            if bar.isVisible() and bar.action.isVisible():
                self.pending = text  # a notice with something to do stays; this waits
                return
            bar.show_notice(text)
        else:
            window.unlock_view.set_notice(text)


__all__ = ["ReminderDesk"]
