"""Unlocking, and recovery with the recovery key (which sets a new passphrase).

A wrong passphrase is said inline, then the field is selected and focused again
(KeePassXC's ``DatabaseOpenWidget``); fields are cleared after success.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QStackedWidget,
    QWidget,
)

from peerjournal.core.errors import (
    MalformedRecoveryKey,
    VaultCorrupt,
    VaultInUse,
    VaultTooNew,
)
from peerjournal.core.vault.recovery_key import RecoveryKey
from peerjournal.services.container import Services
from peerjournal.ui.gate.card import GateCard, error_label
from peerjournal.ui.kit.errors import said
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.ops import Op
from peerjournal.ui.kit.tasks import TaskRunner
from peerjournal.ui.kit.widgets import (
    MIN_PASSPHRASE,
    BusyBar,
    PassphraseField,
    StrengthMeter,
    button,
    label,
)


class UnlockView(QStackedWidget):
    """Later starts: the passphrase, or the recovery key and a new passphrase."""

    unlocked = Signal()
    failed = Signal(object)
    unlocking = Signal()
    """The key derivation has just begun on a worker (it leaves the interpreter free)."""

    def __init__(
        self, services: Services, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unlockView")
        self._services = services
        self._tasks = tasks
        self._opening = False
        self._unlock_when_open = False

        self.unlock_page = GateCard(self)
        self.unlock_page.setObjectName("unlockPage")
        u = self.unlock_page.body
        self.heading = label(
            translate("unlock", "Welcome back"), "title", self.unlock_page, name="unlockTitle"
        )
        u.addWidget(self.heading)
        self.notice = label("", "notice", self.unlock_page, name="unlockNotice")
        self.notice.setVisible(False)
        u.addWidget(self.notice)
        u.addWidget(
            label(
                translate("unlock", "Your journal is locked. Type your passphrase to open it."),
                "",
                self.unlock_page,
            )
        )
        self.passphrase = PassphraseField(
            "passphrase", translate("unlock", "Passphrase"), self.unlock_page
        )
        self.error = error_label("unlockError", self.unlock_page)
        self.unlock_button = button(
            translate("unlock", "Unlock"), "primary", self.unlock_page, name="unlockButton"
        )
        self.forgot_button = button(
            translate("unlock", "Forgot your passphrase?"),
            "link",
            self.unlock_page,
            name="forgotButton",
        )
        self.busy = BusyBar(translate("unlock", "Opening your journal…"), self.unlock_page)
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
        r.addWidget(
            label(translate("unlock", "Open with your recovery key"), "title", self.recover_page)
        )
        r.addWidget(
            label(
                translate(
                    "unlock",
                    "Type the recovery key you wrote down or printed when you set up your "
                    "journal, then choose a new passphrase. Capital letters, spaces and dashes "
                    "do not matter.",
                ),
                "",
                self.recover_page,
            )
        )
        self.recovery_key = QLineEdit(self.recover_page)
        self.recovery_key.setObjectName("recoveryKeyInput")
        self.recovery_key.setAccessibleName(translate("unlock", "Recovery key"))
        self.recovery_key.setPlaceholderText(translate("unlock", "ABCD-EFGH-…"))
        self.new_passphrase = PassphraseField(
            "recoverPassphrase", translate("unlock", "New passphrase"), self
        )
        self.new_repeat = PassphraseField(
            "recoverRepeat", translate("unlock", "Type it again"), self
        )
        self.strength = StrengthMeter(self.recover_page)
        self.recover_error = error_label("recoverError", self.recover_page)
        self.recover_button = button(
            translate("unlock", "Open and keep the new passphrase"),
            "primary",
            self.recover_page,
            name="recoverButton",
        )
        self.back_button = button(
            translate("unlock", "Back"), "quiet", self.recover_page, name="recoverBack"
        )
        self.recover_busy = BusyBar(translate("unlock", "Opening your journal…"), self.recover_page)
        r.addWidget(label(translate("unlock", "Recovery key"), "heading", self.recover_page))
        r.addWidget(self.recovery_key)
        r.addWidget(label(translate("unlock", "New passphrase"), "heading", self.recover_page))
        r.addWidget(self.new_passphrase)
        r.addWidget(self.strength)
        r.addWidget(label(translate("unlock", "Type it again"), "heading", self.recover_page))
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
        # A problem said about what was typed goes once it is typed again.
        self.new_passphrase.text_changed.connect(lambda _t: self.recover_error.setVisible(False))
        self.new_repeat.text_changed.connect(lambda _t: self.recover_error.setVisible(False))
        self.recovery_key.textChanged.connect(lambda _t: self.recover_error.setVisible(False))
        self.new_repeat.submitted.connect(self.recover)
        self.recover_button.clicked.connect(self.recover)

    # -- showing -------------------------------------------------------------------

    def reset(self, notice: str = "") -> None:
        self.passphrase.clear()
        self.error.setVisible(False)
        self.passphrase.set_invalid(False)
        self.set_notice(notice)
        self.show_unlock()

    def set_notice(self, notice: str) -> None:
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))

    def set_opening(self, opening: bool, *, then_unlock: bool = True) -> None:
        """While the file is checked the passphrase can already be typed; Unlock waits."""
        self._opening = opening
        if not then_unlock:
            self._unlock_when_open = False
        for widget in (self.unlock_button, self.forgot_button):
            widget.setEnabled(not opening)
        self.busy.setVisible(opening)
        if not opening and self._unlock_when_open:
            self._unlock_when_open = False
            self.unlock()

    @property
    def opening(self) -> bool:
        return self._opening

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
        if self._opening:
            self._unlock_when_open = True
            return
        if not self.unlock_button.isEnabled():
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self._wrong("Please type your passphrase first.")
            return
        session = self._services.session
        Op(
            self._tasks,
            owner=self,
            busy=self._set_busy,
            error=self._wrong,
            handled=self._gate_failure,
            serial=False,
            name="unlock",
        ).run(lambda: session.unlock(passphrase), done=self._on_unlocked)
        self.unlocking.emit()

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

    def _gate_failure(self, error: BaseException) -> bool:
        """The journal cannot be opened at all: the window shows its notice instead."""
        if isinstance(error, VaultInUse | VaultCorrupt | VaultTooNew):
            self.failed.emit(error)
            return True
        return False

    @Slot()
    def recover(self) -> None:
        if not self.recover_button.isEnabled():
            return
        key_text = self.recovery_key.text()
        first, second = self.new_passphrase.text(), self.new_repeat.text()
        try:
            RecoveryKey.parse(key_text)
        except MalformedRecoveryKey as exc:
            self._recover_problem(said(exc), self.recovery_key)
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
        session = self._services.session
        Op(
            self._tasks,
            owner=self,
            busy=self._set_busy,
            error=lambda text: self._recover_problem(text, self.recovery_key),
            handled=self._gate_failure,
            serial=False,
            name="recover",
        ).run(lambda: session.recover(key_text, first), done=self._on_unlocked)
        self.unlocking.emit()

    def _recover_problem(self, text: str, field: QLineEdit) -> None:
        self.recover_error.setText(text)
        self.recover_error.setVisible(True)
        field.selectAll()
        field.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = ["UnlockView"]
