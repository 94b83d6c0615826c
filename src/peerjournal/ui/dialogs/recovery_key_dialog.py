"""Settings → Make a new recovery key: asks for the passphrase, then shows the new key once.

The journal is sealed again under a new data key as the new recovery key is made, so
the old recovery key (and any copy of the journal's old keys) opens nothing from then
on. The same dialog shows a key made by a passphrase change on a journal whose first
recovery key could not be carried over.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from peerjournal.core.errors import WrongPassphrase
from peerjournal.core.vault.recovery_key import RecoveryKey
from peerjournal.services.container import Services
from peerjournal.ui.gate.recovery_key_view import RecoveryKeyPanel
from peerjournal.ui.kit.clipboard import SecretClipboard
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.ops import Op
from peerjournal.ui.kit.prompter import Prompter
from peerjournal.ui.kit.tasks import TaskRunner
from peerjournal.ui.kit.widgets import BusyBar, FormStatus, PassphraseField, button, label


class RecoveryKeyDialog(QDialog):
    def __init__(
        self,
        services: Services,
        tasks: TaskRunner,
        prompter: Prompter,
        clipboard: SecretClipboard,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryKeyDialog")
        self.setWindowTitle(translate("recovery_key_dialog", "A new recovery key"))
        self.setMinimumWidth(560)
        self._services = services
        self._tasks = tasks
        self.stack = QStackedWidget(self)

        ask = QWidget(self.stack)
        self.passphrase = PassphraseField(
            "recoveryPassphrase", translate("recovery_key_dialog", "Your passphrase"), ask
        )
        self.error = label("", "error", ask, name="recoveryError")
        self.error.setVisible(False)
        self.busy = BusyBar(
            translate(
                "recovery_key_dialog", "Making a new recovery key and sealing your journal again…"
            ),
            ask,
        )
        self.make = button(
            translate("recovery_key_dialog", "Make a new recovery key"),
            "primary",
            ask,
            name="makeRecoveryKey",
        )
        self.cancel = button(
            translate("recovery_key_dialog", "Cancel"), "", ask, name="cancelRecoveryKey"
        )
        self.status = FormStatus((self.passphrase, self.make, self.cancel), self.busy, self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.make)
        column = QVBoxLayout(ask)
        column.setSpacing(12)
        column.addWidget(
            label(translate("recovery_key_dialog", "A new recovery key"), "title", ask)
        )
        column.addWidget(
            label(
                translate(
                    "recovery_key_dialog",
                    "If your recovery key may have been seen or lost, make a new one. The old one "
                    "stops opening your journal at once. Backups made before today still open "
                    "with the keys they had. Type your passphrase to go on.",
                ),
                "",
                ask,
            )
        )
        column.addWidget(self.passphrase)
        column.addWidget(self.error)
        column.addWidget(self.busy)
        column.addLayout(buttons)
        self.panel = RecoveryKeyPanel(prompter, clipboard, self.stack)
        self.stack.addWidget(ask)
        self.stack.addWidget(self.panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.addWidget(self.stack)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.make.clicked.connect(self._make)
        self.passphrase.submitted.connect(self._make)
        self.cancel.clicked.connect(self.reject)
        self.panel.continued.connect(self.accept)

    def show_key(self, key: RecoveryKey, *, why: str = "") -> None:
        """Shows ``key`` (made elsewhere) for writing down."""
        if why:
            self.panel.intro.setText(why)
        self.panel.title.setText(translate("recovery_key_dialog", "Your new recovery key"))
        self.stack.setCurrentWidget(self.panel)
        self.panel.show_key(key)

    @Slot()
    def _make(self) -> None:
        secret = self.passphrase.text()
        if not secret:
            self.status.show_error("Please type your passphrase.")
            return
        session = self._services.session
        Op(
            self._tasks,
            owner=self,
            busy=self.status.set_busy,
            error=self.status.show_error,
            handled=self._wrong_passphrase,
            name="new-recovery-key",
        ).run(lambda: session.new_recovery_key(secret), done=self._on_made)

    def _on_made(self, key: RecoveryKey) -> None:
        self.passphrase.clear()
        self.show_key(
            key,
            why="This is your new recovery key; the old one no longer opens your journal. "
            "It is shown only this once: write it down, print it or save it, and keep it "
            "somewhere safe and private, away from this laptop.",
        )

    def _wrong_passphrase(self, error: BaseException) -> bool:
        if not isinstance(error, WrongPassphrase):
            return False
        self.status.show_error("That is not your passphrase; nothing was changed.")
        self.passphrase.select_and_focus()
        return True


__all__ = ["RecoveryKeyDialog"]
