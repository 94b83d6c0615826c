"""Change passphrase: the current one, a new one (typed twice) with a strength hint.

The journal is sealed again under a new key in one step, so a crash midway leaves it
opening with either passphrase, and an old passphrase opens nothing written from now
on. The recovery key keeps working (``new_recovery`` holds a new one in the one case
where the old one could not be carried over; the window then shows it once).
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QVBoxLayout, QWidget

from peerjournal.core.errors import WrongPassphrase
from peerjournal.core.vault.recovery_key import RecoveryKey
from peerjournal.services.container import Services
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.ops import Op
from peerjournal.ui.kit.tasks import TaskRunner
from peerjournal.ui.kit.widgets import (
    MIN_PASSPHRASE,
    BusyBar,
    FormStatus,
    PassphraseField,
    StrengthMeter,
    button,
    label,
)


class PassphraseDialog(QDialog):
    def __init__(
        self, services: Services, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(translate("passphrase_dialog", "Change passphrase"))
        self.setMinimumWidth(520)
        self._services = services
        self._tasks = tasks
        self.new_recovery: RecoveryKey | None = None
        self.current = PassphraseField(
            "currentPassphrase", translate("passphrase_dialog", "Your passphrase now"), self
        )
        self.new = PassphraseField(
            "newPassphrase", translate("passphrase_dialog", "New passphrase"), self
        )
        self.repeat = PassphraseField(
            "repeatPassphrase", translate("passphrase_dialog", "New passphrase again"), self
        )
        self.meter = StrengthMeter(self)
        self.error = label("", "error", self, name="passphraseError")
        self.error.setVisible(False)
        self.busy = BusyBar(translate("passphrase_dialog", "Changing your passphrase…"), self)
        self.ok = button(
            translate("passphrase_dialog", "Change passphrase"),
            "primary",
            self,
            name="changePassphrase",
        )
        self.cancel = button(
            translate("passphrase_dialog", "Cancel"), "", self, name="cancelPassphrase"
        )
        self.status = FormStatus(
            (self.current, self.new, self.repeat, self.ok, self.cancel), self.busy, self.error
        )
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(translate("passphrase_dialog", "Your passphrase now"), self.current)
        form.addRow(translate("passphrase_dialog", "New passphrase"), self.new)
        form.addRow("", self.meter)
        form.addRow(translate("passphrase_dialog", "New passphrase again"), self.repeat)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(label(translate("passphrase_dialog", "Change passphrase"), "title", self))
        layout.addWidget(
            label(
                translate(
                    "passphrase_dialog",
                    "Your writing stays as it is. It is sealed again under a new key, so your "
                    "old passphrase opens nothing you write from now on. Your recovery key keeps "
                    "working as before. Backups made before today still open with the passphrase "
                    "you had then.",
                ),
                "small",
                self,
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addLayout(buttons)
        self.ok.setDefault(True)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.new.text_changed.connect(self.meter.update_for)
        self.ok.clicked.connect(self._change)
        self.repeat.submitted.connect(self._change)
        self.cancel.clicked.connect(self.reject)

    def _problem(self) -> str:
        if not self.current.text():
            return "Please type your passphrase as it is now."
        new = self.new.text()
        if len(new) < MIN_PASSPHRASE:
            return f"Please use at least {MIN_PASSPHRASE} characters for the new passphrase."
        if new != self.repeat.text():
            return "The two new passphrases are not the same."
        return ""

    @Slot()
    def _change(self) -> None:
        problem = self._problem()
        if problem:
            self.status.show_error(problem)
            return
        old, new = self.current.text(), self.new.text()
        session = self._services.session
        Op(
            self._tasks,
            owner=self,
            busy=self.status.set_busy,
            error=self.status.show_error,
            handled=self._wrong_passphrase,
            name="change-passphrase",
        ).run(lambda: session.change_passphrase(old, new), done=self._on_done)

    def _on_done(self, result: object) -> None:
        self.new_recovery = result if isinstance(result, RecoveryKey) else None
        for field in (self.current, self.new, self.repeat):
            field.clear()
        self.accept()

    def _wrong_passphrase(self, error: BaseException) -> bool:
        if not isinstance(error, WrongPassphrase):
            return False
        self.status.show_error("That is not your passphrase as it is now; nothing was changed.")
        self.current.select_and_focus()
        return True


__all__ = ["PassphraseDialog"]
