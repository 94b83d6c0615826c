"""The one window: setup or unlock first, then the journal; lock, hide, close safely.

Locking is one ordered sequence (after KeePassXC's ``DatabaseWidget::lock``): save what
is pending and wait for the write lane; tell open dialogs to close; clear a secret from
the clipboard; drop late results; destroy the journal view; lock the vault; show the
unlock view. The title never shows anything personal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core.errors import (
    PeerJournalError,
)
from peerjournal.core.sessions import coming_up
from peerjournal.services.container import Services
from peerjournal.services.settings import Settings, SettingsStore
from peerjournal.ui.dialogs.settings_actions import SettingsActions
from peerjournal.ui.gate.notice import NoticeView
from peerjournal.ui.gate.unlock import UnlockView
from peerjournal.ui.kit.autosave import SaveState
from peerjournal.ui.kit.clipboard import SecretClipboard
from peerjournal.ui.kit.first_paint import AfterFirstPaint
from peerjournal.ui.kit.focus import FocusFollower
from peerjournal.ui.kit.geometry import WindowPlace
from peerjournal.ui.kit.headings import install_heading_roles
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.idle import IdleWatcher
from peerjournal.ui.kit.ops import Op
from peerjournal.ui.kit.prompter import Prompter, QtPrompter
from peerjournal.ui.kit.tasks import TaskRunner
from peerjournal.ui.kit.theme import ThemeManager, repolish
from peerjournal.ui.top_bar import TopBar

if TYPE_CHECKING:
    # The journal and its dialogs are imported when first opened, so the unlock window
    # appears without loading every editor, chart and the PDF viewer first.
    from peerjournal.ui.dialogs.support_panel import SupportDialog
    from peerjournal.ui.gate.setup import SetupView
    from peerjournal.ui.journal.journal_view import JournalView

log = logging.getLogger(__name__)

TITLE = "peerjournal"
SAVE_WAIT_MS = 15_000
INDEX_DELAY_MS = 50
BACKUP_AFTER_MS = 60_000
WARM_UP_MS = 250


class MainWindow(QMainWindow):
    lock_requested = Signal()
    """Emitted at the start of locking: anything showing the journal must close."""
    unlocked = Signal()
    locked = Signal()
    closed_for_good = Signal()
    """The window closed and the journal with it (not hidden to the tray for reminders)."""

    def __init__(
        self,
        services: Services,
        *,
        prompter: Prompter | None = None,
        settings_store: SettingsStore | None = None,
        theme: ThemeManager | None = None,
        autosave_delay_ms: int = 1000,
        remember_geometry: bool = True,
        demo: bool = False,
    ) -> None:
        super().__init__()
        install_heading_roles()  # titles, headings and questions told as headings
        self.setObjectName("mainWindow")
        self.demo = demo
        self.setWindowTitle(
            translate("main_window", "%1 — Demo").replace("%1", TITLE) if demo else TITLE
        )
        self.setMinimumSize(960, 640)
        self.resize(1280, 800)
        self.services = services
        self.prompter: Prompter = prompter if prompter is not None else QtPrompter()
        self.settings_store = settings_store or SettingsStore(services.data.settings)
        self.settings: Settings = self.settings_store.load()
        self.theme = theme
        self._autosave_delay_ms = autosave_delay_ms
        self._place = WindowPlace(services.data.root, remember=remember_geometry)
        self.tasks = TaskRunner(self)
        self.settings_actions = SettingsActions(self)
        self.clipboard = SecretClipboard(self)
        self.focus_follower = FocusFollower(self)
        self.idle = IdleWatcher(self.settings.idle_minutes, self)
        self.backup_timer = QTimer(self)
        self.backup_timer.setSingleShot(True)
        self.backup_timer.timeout.connect(self._daily_backup)
        self.journal: JournalView | None = None
        self.setup_view: SetupView | None = None
        self._last_place: str | None = None
        self._support: SupportDialog | None = None
        self._closing = False
        self._quitting = False
        self.geometry_restored = False
        self.clock: Callable[[], datetime] = datetime.now
        """Local wall-clock time: what is coming up, and when reminders come (tests move it)."""

        self.top_bar = TopBar(demo=demo, parent=self)
        self.wordmark = self.top_bar.wordmark
        self.save_indicator = self.top_bar.save_indicator
        self.support_button = self.top_bar.support_button
        self.settings_button = self.top_bar.settings_button
        self.lock_button = self.top_bar.lock_button

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("windowStack")
        self.unlock_view = UnlockView(services, self.tasks, self.stack)
        self.notice_view = NoticeView(services, self.tasks, self.stack)
        self.stack.addWidget(self.unlock_view)
        self.stack.addWidget(self.notice_view)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.top_bar)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.lock_action = self._action("Lock", "Ctrl+L", self.lock)
        self.hide_action = self._action("Hide and lock", "Ctrl+Shift+H", self.quick_hide)
        self.settings_action = self._action("Settings", "Ctrl+,", self.open_settings)
        self.support_action = self._action("Need support now?", "F1", self.open_support)
        self.zoom_in_action = self._action("Zoom in", "Ctrl++", self.zoom_in, "Ctrl+=")
        self.zoom_out_action = self._action("Zoom out", "Ctrl+-", self.zoom_out)
        self.zoom_reset_action = self._action("Actual size", "Ctrl+0", self.zoom_reset)
        self.lock_action.setEnabled(False)
        from peerjournal.ui.reminder_desk import ReminderDesk

        self.reminders = ReminderDesk(self)
        self._connect_signals()
        self.top_bar.show_zoom(self.settings.zoom)
        self.geometry_restored = self._place.restore(self)

    def _action(self, text: str, keys: str, slot: object, *more: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"action:{text}")
        action.setShortcuts([QKeySequence(k) for k in (keys, *more)])
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _connect_signals(self) -> None:
        self.unlock_view.unlocked.connect(self._on_unlocked)
        self.unlock_view.failed.connect(self.show_notice)
        self.unlock_view.unlocking.connect(self._on_unlocking)
        self.notice_view.retry_requested.connect(self.start)
        self.notice_view.restored.connect(self._on_restored)
        self.lock_button.clicked.connect(self.lock)
        self.settings_button.clicked.connect(self.open_settings)
        self.support_button.clicked.connect(self.open_support)
        self.top_bar.zoom_button.clicked.connect(self.zoom_reset)
        self.idle.idle.connect(self._on_idle)

    # -- starting ---------------------------------------------------------------------------

    @Slot()
    def start(self) -> None:
        """Shows setup for a first run, else the unlock view (or a notice if it cannot)."""
        session = self.services.session
        if not session.exists():
            self.show_setup()
            return
        # Opening checks the file and may upgrade it: off the UI thread, the form waiting.
        self.show_unlock()
        self.unlock_view.set_opening(True)
        opening = Op(self.tasks, owner=self, handled=self._cannot_open, name="open")
        AfterFirstPaint(self.unlock_view, lambda: opening.run(session.open, done=self._on_opened))

    def _cannot_open(self, error: BaseException) -> bool:
        self.unlock_view.set_opening(False, then_unlock=False)
        if isinstance(error, PeerJournalError):
            self.show_notice(error)
            return True
        return False

    def _on_opened(self, _result: object) -> None:
        session = self.services.session
        notices = " ".join(session.notices)
        session.notices.clear()
        if notices:  # a notice already shown (the demo's) stays unless there is news
            self.unlock_view.set_notice(notices)
        self.unlock_view.set_opening(False)
        # While the passphrase is typed, load the journal's code, so unlocking only draws.
        QTimer.singleShot(WARM_UP_MS, _warm_up)

    @Slot()
    def _on_unlocking(self) -> None:
        # Enter came before the warm-up: it runs now, beside the key derivation (which
        # leaves the interpreter free), never after it beside the reading of the pages.
        _warm_up()

    def show_setup(self) -> None:
        if self.setup_view is None:
            from peerjournal.ui.gate.setup import SetupView  # a first run only

            self.setup_view = SetupView(
                self.services, self.tasks, self.prompter, self.clipboard, self.stack
            )
            self.setup_view.finished.connect(self._on_setup_finished)
            self.setup_view.failed.connect(self.show_notice)
            self.stack.addWidget(self.setup_view)
        self.stack.setCurrentWidget(self.setup_view)
        self.setup_view.setCurrentIndex(0)
        self.setup_view.focus_start()

    def show_unlock(self, notice: str = "") -> None:
        self.unlock_view.reset(notice)
        self.stack.setCurrentWidget(self.unlock_view)
        self.unlock_view.show_unlock()

    @Slot(object)
    def show_notice(self, error: object) -> None:
        if isinstance(error, BaseException):
            self.notice_view.show_error(error)
        self.stack.setCurrentWidget(self.notice_view)

    @Slot(str)
    def _on_restored(self, notice: str) -> None:
        try:
            self.services.session.open()
        except PeerJournalError as error:
            self.show_notice(error)
            return
        self.show_unlock(notice)

    @Slot()
    def _on_setup_finished(self) -> None:
        if self.setup_view is not None:
            self.stack.removeWidget(self.setup_view)
            self.setup_view.deleteLater()
            self.setup_view = None
        self._open_journal()

    @Slot()
    def _on_unlocked(self) -> None:
        self._open_journal()

    def _open_journal(self) -> None:
        if self.journal is not None:
            return
        from peerjournal.ui.journal.journal_view import JournalView

        self.journal = JournalView(
            self.services,
            self.tasks,
            self.prompter,
            self.stack,
            autosave_delay_ms=self._autosave_delay_ms,
            clock=lambda: self.clock(),
        )
        self.journal.autosaver.state_changed.connect(self._on_save_state)
        self.stack.addWidget(self.journal)
        self.stack.setCurrentWidget(self.journal)
        self.journal.open_place(self._last_place or self._first_place())
        self.journal.show_notices(self.services.session.notices)
        self.services.session.notices.clear()
        self.journal.focus_content()
        self.services.spelling.use(self.settings.spelling)
        self.journal.set_looking_back(self.settings.on_this_day)
        self.lock_button.setVisible(True)
        self.top_bar.fit()
        self.lock_action.setEnabled(True)
        self.idle.set_minutes(self.settings.idle_minutes)
        self.idle.start()
        if self._support is not None:
            self._support.bind(self.journal.autosaver)
        # The daily backup waits a minute, so it never competes with the unlock and the
        # index for the two cores; the index is built as soon as the journal is drawn (a
        # search before then builds it at once).
        self.backup_timer.start(BACKUP_AFTER_MS)
        QTimer.singleShot(INDEX_DELAY_MS, self.services.search.start_indexing)
        self.reminders.journal_opened()
        self.reminders.show_pending()
        self.unlocked.emit()

    def _first_place(self) -> str:
        """Coming up, when a session has a date ahead; otherwise the Tree."""
        try:
            ahead = coming_up(self.services.sessions.sessions(), self.clock())
        except PeerJournalError as error:
            log.warning("session dates could not be read: %s", type(error).__name__)
            ahead = []
        return "coming" if ahead else "tree"

    @Slot()
    def _daily_backup(self) -> None:
        if self.journal is None:
            return
        backups = self.services.backups
        Op(self.tasks, owner=self, handled=self._on_backup_failed, name="backup").run(
            backups.backup_if_due
        )

    def _on_backup_failed(self, error: BaseException) -> bool:
        log.warning("the daily backup could not be made: %s", type(error).__name__)
        return True

    @Slot(str, str)
    def _on_save_state(self, state: str, message: str) -> None:
        self.save_indicator.setText(message)
        self.save_indicator.setProperty("state", "error" if state == SaveState.ERROR else "")
        self.save_indicator.setToolTip(message if state == SaveState.ERROR else "")
        repolish(self.save_indicator)
        self.top_bar.fit()

    # -- locking ----------------------------------------------------------------------------

    @property
    def is_unlocked(self) -> bool:
        return self.journal is not None

    def _save_and_wait(self) -> bool:
        if self.journal is None:
            return True
        self.journal.flush()
        done = self.tasks.wait_lane(SAVE_WAIT_MS)
        if not done:
            log.warning("saves were still running after %d ms", SAVE_WAIT_MS)
        return done

    @Slot()
    def lock(self) -> None:
        if self.journal is None:
            return
        self._save_and_wait()
        self.lock_requested.emit()
        self._close_dialogs()
        self.clipboard.clear()
        self.idle.stop()
        self.backup_timer.stop()
        self.tasks.invalidate()
        journal = self.journal
        self._last_place = journal.place_to_return_to()
        self.journal = None
        journal.wipe()
        self.stack.removeWidget(journal)
        journal.hide()
        journal.setParent(None)
        journal.deleteLater()
        self.services.session.lock()
        self.save_indicator.clear()
        self.lock_button.setVisible(False)
        self.top_bar.fit()
        self.lock_action.setEnabled(False)
        self.show_unlock()
        self.locked.emit()

    def _close_dialogs(self) -> None:
        for dialog in self.findChildren(QDialog):
            if dialog is not self._support:
                dialog.reject()
        if self._support is not None:
            self._support.release()
            self._support.close()
            self._support.deleteLater()
            self._support = None

    @Slot()
    def _on_idle(self) -> None:
        log.info("locking after %d idle minutes", self.settings.idle_minutes)
        self.lock()

    @Slot()
    def quick_hide(self) -> None:
        """Hides the window at once (for a shared room) and locks, exactly as Lock does.

        The window goes first, so nothing stays on screen while pending words are saved;
        bringing it back shows the unlock view.
        """
        from peerjournal.ui import reminders

        if reminders.tray_available():
            self.reminders.hide_to_tray()
            self.hide()
        else:
            self.showMinimized()
        self.lock()

    @Slot()
    def bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()
        self.reminders.window_back()

    @Slot()
    def quit_for_good(self) -> None:
        """Closes the window and the app, even with reminders on (the tray's Quit)."""
        self._quitting = True
        self.close()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reminders.window_back()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.reminders.show_pending()

    # -- dialogs ------------------------------------------------------------------------------

    @Slot()
    def open_support(self) -> None:
        autosaver = self.journal.autosaver if self.journal is not None else None
        if self._support is None:
            from peerjournal.ui.dialogs.support_panel import SupportDialog

            self._support = SupportDialog(
                self.services, self.tasks, self, autosaver=autosaver, prompter=self.prompter
            )
        else:
            self._support.bind(autosaver)
        self._support.show()
        self._support.raise_()
        self._support.activateWindow()

    @Slot()
    def open_settings(self) -> None:
        self.settings_actions.open_settings()

    @Slot()
    def open_backups(self) -> None:
        self.settings_actions.open_backups()

    @Slot()
    def open_passphrase(self) -> None:
        self.settings_actions.open_passphrase()

    @Slot()
    def open_recovery_key(self) -> None:
        self.settings_actions.open_recovery_key()

    @Slot()
    def zoom_in(self) -> None:
        self.apply_settings(self.settings.zoomed(1))

    @Slot()
    def zoom_out(self) -> None:
        self.apply_settings(self.settings.zoomed(-1))

    @Slot()
    def zoom_reset(self) -> None:
        self.apply_settings(self.settings.zoomed(0))

    def apply_settings(self, settings: Settings) -> None:
        before = self.settings
        if before.reminded_on > settings.reminded_on:  # a dialog opened before it came
            settings = replace(settings, reminded_on=before.reminded_on)
        if self.journal is not None and settings.spelling != self.settings.spelling:
            self.services.spelling.use(settings.spelling)
        if self.journal is not None:
            self.journal.set_looking_back(settings.on_this_day)
        self.settings = settings
        try:
            self.settings_store.save(settings)
        except OSError as exc:
            log.warning("settings could not be saved: %s", type(exc).__name__)
        if self.theme is not None:
            self.theme.apply(settings)
        self.top_bar.show_zoom(settings.zoom)
        self.idle.set_minutes(settings.idle_minutes)
        self.reminders.apply(before, settings)

    # -- closing ------------------------------------------------------------------------------

    def _backup_on_close(self) -> None:
        """The backup made on close: quick (a page copy of the encrypted file), never fatal."""
        try:
            self.services.backups.backup_now()
        except PeerJournalError as error:
            log.warning("the backup on close could not be made: %s", type(error).__name__)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing and not self._quitting and self.reminders.keeps_running:
            # Reminders are on: the journal locks and the app stays in the tray.
            event.ignore()
            self.reminders.hide_to_tray()
            self.hide()
            self.lock()
            return
        if not self._closing:
            self._closing = True
            self._save_and_wait()
            self.lock_requested.emit()
            self._close_dialogs()
            self.clipboard.clear()
            self.idle.stop()
            self.tasks.wait(SAVE_WAIT_MS)
            self.tasks.invalidate()
            if self.journal is not None:
                self.journal.wipe()
            if self.services.session.has_file:
                self._backup_on_close()  # locked or not: the pages are already encrypted
            self._place.keep(self)
            self.services.session.close()
            self.reminders.closing()
            self.closed_for_good.emit()
        event.accept()


_warmed = False


def _warm_up() -> None:
    """The journal's code imported, and the Markdown converter made, before it is needed.

    Once: about a tenth of a second of the interpreter, which must not land while the
    unlock's worker decrypts the pages (it would wait for every row).
    """
    global _warmed
    if _warmed:
        return
    _warmed = True
    import peerjournal.ui.journal.journal_view  # noqa: F401 - imported for its side effect only
    from peerjournal.ui.kit.markdown_text import to_html

    to_html("")
    # PySide makes each Qt class's Python type, and its enums, when first met; the
    # journal's first paint meets some forty of them (about 20 ms). Met here instead:
    # every widget class (1 MB), and the image types the Tree's drawing needs.
    from PySide6 import QtGui, QtWidgets

    for name in dir(QtWidgets):
        getattr(QtWidgets, name)
    QtGui.QImage.Format.Format_ARGB32  # noqa: B018 - made for its side effect
    QtGui.QImage.InvertMode.InvertRgb  # noqa: B018 - made for its side effect
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    QPrintPreviewWidget.ZoomMode.CustomZoom  # noqa: B018 - made for its side effect


__all__ = ["MainWindow"]
