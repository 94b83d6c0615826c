"""Before the journal opens: first-run setup, unlock, recovery, and calm notices.

Key derivation (create, unlock, recover) runs off the UI thread while the form is
disabled and a busy bar shows. A wrong passphrase is said inline, then the field is
selected and focused again (KeePassXC's ``DatabaseOpenWidget``); fields are cleared
after success.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core.errors import (
    MalformedRecoveryKey,
    PeerJournalError,
    VaultCorrupt,
    VaultInUse,
    VaultTooNew,
    WrongPassphrase,
    WrongRecoveryKey,
)
from peerjournal.core.paths import bundled_dir
from peerjournal.core.vault.recovery_key import RecoveryKey
from peerjournal.services.backups import BackupInfo
from peerjournal.services.container import Services
from peerjournal.ui.gate.recovery_key_view import RecoveryKeyPanel
from peerjournal.ui.kit.clipboard import SecretClipboard
from peerjournal.ui.kit.dates import when
from peerjournal.ui.kit.errors import describe
from peerjournal.ui.kit.prompter import Prompter
from peerjournal.ui.kit.tasks import TaskRunner
from peerjournal.ui.kit.theme import set_role
from peerjournal.ui.kit.widgets import (
    MIN_PASSPHRASE,
    BusyBar,
    PassphraseField,
    StrengthMeter,
    button,
    label,
)

CARD_WIDTH = 600


class GateCard(QWidget):
    """A calm card in the middle of the window."""

    def __init__(self, parent: QWidget | None = None, *, width: int = CARD_WIDTH) -> None:
        super().__init__(parent)
        self.setObjectName("gate")
        self.card = QFrame(self)
        set_role(self.card, "card")
        self.card.setMaximumWidth(width)
        self.card.setMinimumWidth(min(width, 420))
        self.body = QVBoxLayout(self.card)
        self.body.setContentsMargins(40, 36, 40, 36)
        self.body.setSpacing(14)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card, 4)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)


def _error_label(name: str, parent: QWidget) -> QLabel:
    widget = label("", "error", parent, name=name)
    widget.setVisible(False)
    widget.setAccessibleName("Problem")
    return widget


class SetupView(QStackedWidget):
    """First run: a welcome, choosing a passphrase, then the recovery key once."""

    finished = Signal()
    failed = Signal(object)

    def __init__(
        self,
        services: Services,
        tasks: TaskRunner,
        prompter: Prompter,
        clipboard: SecretClipboard,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setupView")
        self._services = services
        self._tasks = tasks

        self.welcome = GateCard(self)
        self.welcome.setObjectName("welcomePage")
        w = self.welcome.body
        artwork = bundled_dir("resources") / "tree.svg"
        if artwork.exists():
            tree = QSvgWidget(str(artwork), self.welcome)
            tree.setObjectName("welcomeTree")
            tree.setAccessibleName("The Peer Coaching Tree")
            tree.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
            tree.setFixedHeight(170)
            w.addWidget(tree)
        w.addWidget(label("Welcome to peerjournal", "title", self.welcome))
        w.addWidget(
            label(
                "This is your own private journal for the Peer 2 Peer programme. You can "
                "answer the workbook's questions here, come back to them over the weeks, "
                "and keep a few words each day.",
                "",
                self.welcome,
            )
        )
        w.addWidget(
            label(
                "Everything you write stays on this computer, locked with a passphrase that "
                "only you know. Nobody else can read it: not your facilitator, not the people "
                "who made this app, and not anyone else who uses this laptop.",
                "",
                self.welcome,
                name="privacyNote",
            )
        )
        w.addWidget(
            label(
                "Nothing here is ever required. Write as much or as little as you like.",
                "muted",
                self.welcome,
            )
        )
        self.begin_button = button("Begin", "primary", self.welcome, name="beginButton")
        w.addSpacing(8)
        w.addWidget(self.begin_button, 0, Qt.AlignmentFlag.AlignRight)

        self.choose = GateCard(self)
        self.choose.setObjectName("passphrasePage")
        c = self.choose.body
        c.addWidget(label("Choose a passphrase", "title", self.choose))
        c.addWidget(
            label(
                "You will type this each time you open your journal. A few unrelated words "
                "you will remember work well, for example four things you can see from "
                "your favourite chair.",
                "",
                self.choose,
            )
        )
        self.passphrase = PassphraseField("newPassphrase", "New passphrase", self.choose)
        self.repeat = PassphraseField("repeatPassphrase", "Type it again", self.choose)
        self.strength = StrengthMeter(self.choose)
        self.error = _error_label("setupError", self.choose)
        self.create_button = button(
            "Create my journal", "primary", self.choose, name="createButton"
        )
        self.back_button = button("Back", "quiet", self.choose, name="setupBack")
        self.busy = BusyBar("Locking your new journal. This takes a moment…", self.choose)
        c.addWidget(label("Passphrase", "heading", self.choose))
        c.addWidget(self.passphrase)
        c.addWidget(self.strength)
        c.addWidget(label("Type it again", "heading", self.choose))
        c.addWidget(self.repeat)
        c.addWidget(self.error)
        c.addWidget(self.busy)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        c.addLayout(buttons)

        self.key_page = GateCard(self, width=700)
        self.key_page.setObjectName("recoveryPage")
        self.key_panel = RecoveryKeyPanel(prompter, clipboard, self.key_page)
        self.key_page.body.addWidget(self.key_panel)

        self.addWidget(self.welcome)
        self.addWidget(self.choose)
        self.addWidget(self.key_page)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.begin_button.clicked.connect(self._on_begin)
        self.back_button.clicked.connect(self._on_back)
        self.passphrase.text_changed.connect(self.strength.update_for)
        self.passphrase.submitted.connect(self._next_field)
        self.repeat.submitted.connect(self.create_journal)
        self.create_button.clicked.connect(self.create_journal)
        self.key_panel.continued.connect(self.finished)

    def focus_start(self) -> None:
        self.begin_button.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _on_begin(self) -> None:
        self.setCurrentWidget(self.choose)
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _on_back(self) -> None:
        self.setCurrentWidget(self.welcome)
        self.begin_button.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _next_field(self) -> None:
        self.repeat.setFocus(Qt.FocusReason.OtherFocusReason)

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    @Slot()
    def create_journal(self) -> None:
        first, second = self.passphrase.text(), self.repeat.text()
        if len(first) < MIN_PASSPHRASE:
            self._say(f"Please choose a passphrase of at least {MIN_PASSPHRASE} characters.")
            self.passphrase.select_and_focus()
            return
        if first != second:
            self._say("The two passphrases are not the same yet. Please type it again.")
            self.repeat.select_and_focus()
            return
        self._say("")
        self._set_busy(True)
        session = self._services.session
        self._tasks.run(
            fn=lambda: session.create(first),
            on_done=self._on_created,
            on_error=self._on_failed,
            owner=self,
            serial=False,
            name="create",
        )

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.passphrase,
            self.repeat,
            self.create_button,
            self.back_button,
        ):
            widget.setEnabled(not busy)
        self.busy.setVisible(busy)
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QGuiApplication.restoreOverrideCursor()

    def _on_created(self, key: RecoveryKey) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.repeat.clear()
        self.key_panel.show_key(key)
        self.setCurrentWidget(self.key_page)
        self.key_panel.written.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, VaultInUse | VaultCorrupt | VaultTooNew):
            self.failed.emit(error)
            return
        self._say(describe(error).text())


class UnlockView(QStackedWidget):
    """Later starts: the passphrase, or the recovery key and a new passphrase."""

    unlocked = Signal()
    failed = Signal(object)

    def __init__(
        self, services: Services, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unlockView")
        self._services = services
        self._tasks = tasks

        self.unlock_page = GateCard(self)
        self.unlock_page.setObjectName("unlockPage")
        u = self.unlock_page.body
        self.heading = label("Welcome back", "title", self.unlock_page, name="unlockTitle")
        u.addWidget(self.heading)
        self.notice = label("", "notice", self.unlock_page, name="unlockNotice")
        self.notice.setVisible(False)
        u.addWidget(self.notice)
        u.addWidget(
            label(
                "Your journal is locked. Type your passphrase to open it.",
                "",
                self.unlock_page,
            )
        )
        self.passphrase = PassphraseField("passphrase", "Passphrase", self.unlock_page)
        self.error = _error_label("unlockError", self.unlock_page)
        self.unlock_button = button("Unlock", "primary", self.unlock_page, name="unlockButton")
        self.forgot_button = button(
            "Forgot your passphrase?", "link", self.unlock_page, name="forgotButton"
        )
        self.busy = BusyBar("Opening your journal…", self.unlock_page)
        u.addWidget(self.passphrase)
        u.addWidget(self.error)
        u.addWidget(self.busy)
        row = QHBoxLayout()
        row.addWidget(self.forgot_button)
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        u.addLayout(row)

        self.recover_page = GateCard(self)
        self.recover_page.setObjectName("recoverPage")
        r = self.recover_page.body
        r.addWidget(label("Open with your recovery key", "title", self.recover_page))
        r.addWidget(
            label(
                "Type the recovery key you wrote down or printed when you set up your "
                "journal, then choose a new passphrase. Capital letters, spaces and dashes "
                "do not matter.",
                "",
                self.recover_page,
            )
        )
        self.recovery_key = QLineEdit(self.recover_page)
        self.recovery_key.setObjectName("recoveryKeyInput")
        self.recovery_key.setAccessibleName("Recovery key")
        self.recovery_key.setPlaceholderText("ABCD-EFGH-…")
        self.new_passphrase = PassphraseField("recoverPassphrase", "New passphrase", self)
        self.new_repeat = PassphraseField("recoverRepeat", "Type it again", self)
        self.strength = StrengthMeter(self.recover_page)
        self.recover_error = _error_label("recoverError", self.recover_page)
        self.recover_button = button(
            "Open and keep the new passphrase", "primary", self.recover_page, name="recoverButton"
        )
        self.back_button = button("Back", "quiet", self.recover_page, name="recoverBack")
        self.recover_busy = BusyBar("Opening your journal…", self.recover_page)
        r.addWidget(label("Recovery key", "heading", self.recover_page))
        r.addWidget(self.recovery_key)
        r.addWidget(label("New passphrase", "heading", self.recover_page))
        r.addWidget(self.new_passphrase)
        r.addWidget(self.strength)
        r.addWidget(label("Type it again", "heading", self.recover_page))
        r.addWidget(self.new_repeat)
        r.addWidget(self.recover_error)
        r.addWidget(self.recover_busy)
        row2 = QHBoxLayout()
        row2.addWidget(self.back_button)
        row2.addStretch(1)
        row2.addWidget(self.recover_button)
        r.addLayout(row2)

        self.addWidget(self.unlock_page)
        self.addWidget(self.recover_page)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.passphrase.submitted.connect(self.unlock)
        self.unlock_button.clicked.connect(self.unlock)
        self.forgot_button.clicked.connect(self.show_recover)
        self.back_button.clicked.connect(self.show_unlock)
        self.new_passphrase.text_changed.connect(self.strength.update_for)
        self.new_repeat.submitted.connect(self.recover)
        self.recover_button.clicked.connect(self.recover)

    # -- showing -------------------------------------------------------------------

    def reset(self, notice: str = "") -> None:
        self.passphrase.clear()
        self.error.setVisible(False)
        self.passphrase.set_invalid(False)
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        self.show_unlock()

    @Slot()
    def show_unlock(self) -> None:
        self.setCurrentWidget(self.unlock_page)
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def show_recover(self) -> None:
        self.recover_error.setVisible(False)
        self.setCurrentWidget(self.recover_page)
        self.recovery_key.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- unlocking -----------------------------------------------------------------

    @Slot()
    def unlock(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self._wrong("Please type your passphrase first.")
            return
        self._set_busy(True)
        session = self._services.session
        self._tasks.run(
            fn=lambda: session.unlock(passphrase),
            on_done=self._on_unlocked,
            on_error=self._on_unlock_failed,
            owner=self,
            serial=False,
            name="unlock",
        )

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.passphrase,
            self.unlock_button,
            self.forgot_button,
            self.recovery_key,
            self.new_passphrase,
            self.new_repeat,
            self.recover_button,
            self.back_button,
        ):
            widget.setEnabled(not busy)
        self.busy.setVisible(busy and self.currentWidget() is self.unlock_page)
        self.recover_busy.setVisible(busy and self.currentWidget() is self.recover_page)
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QGuiApplication.restoreOverrideCursor()

    def _on_unlocked(self, _result: object) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.recovery_key.clear()
        self.new_passphrase.clear()
        self.new_repeat.clear()
        self.error.setVisible(False)
        self.unlocked.emit()

    def _wrong(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
        self.passphrase.set_invalid(True)
        self.passphrase.select_and_focus()

    def _on_unlock_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, WrongPassphrase):
            self._wrong(
                "That passphrase did not open your journal. Please check Caps Lock and try "
                "again; nothing has changed."
            )
            return
        if isinstance(error, VaultInUse | VaultCorrupt | VaultTooNew):
            self.failed.emit(error)
            return
        self._wrong(describe(error).text())

    @Slot()
    def recover(self) -> None:
        if not self.recover_button.isEnabled():
            return
        key_text = self.recovery_key.text()
        first, second = self.new_passphrase.text(), self.new_repeat.text()
        try:
            RecoveryKey.parse(key_text)
        except MalformedRecoveryKey as exc:
            self._recover_problem(exc.message, self.recovery_key)
            return
        if len(first) < MIN_PASSPHRASE:
            self._recover_problem(
                f"Please choose a new passphrase of at least {MIN_PASSPHRASE} characters.",
                self.new_passphrase.edit,
            )
            return
        if first != second:
            self._recover_problem(
                "The two new passphrases are not the same yet. Please type it again.",
                self.new_repeat.edit,
            )
            return
        self.recover_error.setVisible(False)
        self._set_busy(True)
        session = self._services.session
        self._tasks.run(
            fn=lambda: session.recover(key_text, first),
            on_done=self._on_unlocked,
            on_error=self._on_recover_failed,
            owner=self,
            serial=False,
            name="recover",
        )

    def _recover_problem(self, text: str, field: QLineEdit) -> None:
        self.recover_error.setText(text)
        self.recover_error.setVisible(True)
        field.selectAll()
        field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_recover_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, WrongRecoveryKey | MalformedRecoveryKey):
            self._recover_problem(describe(error).text(), self.recovery_key)
            return
        if isinstance(error, VaultInUse | VaultCorrupt | VaultTooNew):
            self.failed.emit(error)
            return
        self._recover_problem(describe(error).text(), self.recovery_key)


class NoticeView(GateCard):
    """One calm message when the journal cannot be opened: in use, damaged, too new.

    For a damaged journal it offers the latest backup, which opens with the passphrase
    that was in use when the backup was made.
    """

    retry_requested = Signal()
    restored = Signal(str)

    def __init__(
        self, services: Services, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("noticeView")
        self._services = services
        self._tasks = tasks
        self._backup: BackupInfo | None = None
        b = self.body
        self.title = label("", "title", self.card, name="noticeTitle")
        self.message = label("", "", self.card, name="noticeMessage")
        self.restore_text = label("", "", self.card, name="restoreText")
        self.passphrase = PassphraseField("restorePassphrase", "Passphrase", self.card)
        self.error = _error_label("restoreError", self.card)
        self.busy = BusyBar("Checking the backup and putting it back…", self.card)
        self.restore_button = button(
            "Restore the latest backup", "primary", self.card, name="restoreBackup"
        )
        self.retry_button = button("Try again", "", self.card, name="retryButton")
        b.addWidget(self.title)
        b.addWidget(self.message)
        b.addWidget(self.restore_text)
        b.addWidget(self.passphrase)
        b.addWidget(self.error)
        b.addWidget(self.busy)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.retry_button)
        row.addWidget(self.restore_button)
        b.addLayout(row)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.retry_button.clicked.connect(self.retry_requested)
        self.restore_button.clicked.connect(self.restore)
        self.passphrase.submitted.connect(self.restore)

    def _restore_visible(self, visible: bool) -> None:
        for widget in (self.restore_text, self.passphrase, self.restore_button):
            widget.setVisible(visible)
        self.error.setVisible(False)

    def show_error(self, error: BaseException) -> None:
        self._backup = None
        if isinstance(error, VaultInUse):
            self.title.setText("Your journal is already open")
            self.message.setText(
                "peerjournal is already open in another window, so this one will not open "
                "it too. Switch to that window to carry on. If you have just closed it, "
                "try again."
            )
            self._restore_visible(False)
        elif isinstance(error, VaultCorrupt):
            self.title.setText("Your journal file is damaged")
            self._backup = self._services.backups.latest()
            if self._backup is not None:
                self.message.setText(
                    "peerjournal cannot open it as it is. Nothing has been deleted, and "
                    "the damaged file will be kept aside."
                )
                self.restore_text.setText(
                    f"The latest backup was made on {when(self._backup.made)}. To put it "
                    "back, type the passphrase you used then."
                )
                self._restore_visible(True)
            else:
                self.message.setText(
                    "peerjournal cannot open it as it is, and there is no backup to go back "
                    "to yet. Nothing has been deleted. Please keep the data folder as it is "
                    f"({self._services.data.root}) and ask for help from someone you trust."
                )
                self._restore_visible(False)
        elif isinstance(error, VaultTooNew):
            self.title.setText("Please update peerjournal")
            self.message.setText(describe(error).text())
            self._restore_visible(False)
        else:
            problem = describe(error)
            self.title.setText("Your journal could not be opened")
            self.message.setText(problem.text())
            self._restore_visible(False)
        self.retry_button.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def restore(self) -> None:
        backup = self._backup
        passphrase = self.passphrase.text()
        if backup is None or not self.restore_button.isEnabled():
            return
        if not passphrase:
            self.error.setText("Please type the passphrase first.")
            self.error.setVisible(True)
            return
        self.restore_button.setEnabled(False)
        self.passphrase.setEnabled(False)
        self.busy.setVisible(True)
        backups = self._services.backups
        self._tasks.run(
            fn=lambda: backups.restore(backup.path, passphrase=passphrase),
            on_done=self._on_restored,
            on_error=self._on_restore_failed,
            owner=self,
            name="restore",
        )

    def _on_restored(self, _kept: object) -> None:
        self.busy.setVisible(False)
        self.restore_button.setEnabled(True)
        self.passphrase.setEnabled(True)
        self.passphrase.clear()
        made = self._backup.made if self._backup else None
        self.restored.emit(
            f"Your journal was put back from the backup of {when(made)}." if made else ""
        )

    def _on_restore_failed(self, error: BaseException) -> None:
        self.busy.setVisible(False)
        self.restore_button.setEnabled(True)
        self.passphrase.setEnabled(True)
        if isinstance(error, WrongPassphrase):
            text = "That passphrase does not open this backup. It needs the one you used then."
        elif isinstance(error, PeerJournalError):
            text = describe(error).text()
        else:
            text = describe(error).text()
        self.error.setText(text)
        self.error.setVisible(True)
        self.passphrase.select_and_focus()


__all__ = ["GateCard", "NoticeView", "SetupView", "UnlockView"]
