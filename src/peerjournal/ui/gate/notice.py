"""When the journal cannot be opened: one calm sentence, and the way on (a backup to put
back, trying again), never a code.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QWidget,
)

from peerjournal.core.errors import (
    VaultCorrupt,
    VaultInUse,
    VaultTooNew,
    WrongPassphrase,
)
from peerjournal.services.backups import BackupInfo
from peerjournal.services.container import Services
from peerjournal.ui.gate.card import GateCard, error_label
from peerjournal.ui.kit.dates import when
from peerjournal.ui.kit.errors import describe
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.ops import Op
from peerjournal.ui.kit.tasks import TaskRunner
from peerjournal.ui.kit.widgets import (
    BusyBar,
    PassphraseField,
    button,
    label,
)


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
        self.passphrase = PassphraseField(
            "restorePassphrase", translate("notice", "Passphrase"), self.card
        )
        self.error = error_label("restoreError", self.card)
        self.busy = BusyBar(
            translate("notice", "Checking the backup and putting it back…"), self.card
        )
        self.restore_button = button(
            translate("notice", "Restore the latest backup"),
            "primary",
            self.card,
            name="restoreBackup",
        )
        self.retry_button = button(
            translate("notice", "Try again"), "", self.card, name="retryButton"
        )
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
            self.title.setText(translate("notice", "Your journal is already open"))
            self.message.setText(
                translate(
                    "notice",
                    "peerjournal is already open in another window, so this one will not open "
                    "it too. Switch to that window to carry on. If you have just closed it, "
                    "try again.",
                )
            )
            self._restore_visible(False)
        elif isinstance(error, VaultCorrupt):
            self.title.setText(translate("notice", "Your journal file is damaged"))
            self._backup = self._services.backups.latest()
            if self._backup is not None:
                self.message.setText(
                    translate(
                        "notice",
                        "peerjournal cannot open it as it is. Nothing has been deleted, and "
                        "the damaged file will be kept aside.",
                    )
                )
                self.restore_text.setText(
                    translate(
                        "notice",
                        "The latest backup was made on %1. To put it back, type the passphrase "
                        "you used then.",
                    ).replace("%1", when(self._backup.made))
                )
                self._restore_visible(True)
            else:
                self.message.setText(
                    translate(
                        "notice",
                        "peerjournal cannot open it as it is, and there is no backup to go "
                        "back to yet. Nothing has been deleted. Please keep the data folder as "
                        "it is (%1) and ask for help from someone you trust.",
                    ).replace("%1", str(self._services.data.root))
                )
                self._restore_visible(False)
        elif isinstance(error, VaultTooNew):
            self.title.setText(translate("notice", "Please update peerjournal"))
            self.message.setText(describe(error).text())
            self._restore_visible(False)
        else:
            problem = describe(error)
            self.title.setText(translate("notice", "Your journal could not be opened"))
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
            self.error.setText(translate("notice", "Please type the passphrase first."))
            self.error.setVisible(True)
            return
        backups = self._services.backups
        Op(
            self._tasks,
            owner=self,
            busy=self._set_busy,
            error=self._show_error,
            handled=self._wrong_passphrase,
            name="restore",
        ).run(lambda: backups.restore(backup.path, passphrase=passphrase), done=self._on_restored)

    def _set_busy(self, busy: bool) -> None:
        self.restore_button.setEnabled(not busy)
        self.passphrase.setEnabled(not busy)
        self.busy.setVisible(busy)

    def _on_restored(self, _kept: object) -> None:
        self.passphrase.clear()
        made = self._backup.made if self._backup else None
        self.restored.emit(
            f"Your journal was put back from the backup of {when(made)}." if made else ""
        )

    def _wrong_passphrase(self, error: BaseException) -> bool:
        if not isinstance(error, WrongPassphrase):
            return False
        self._show_error(
            "That passphrase does not open this backup. It needs the one you used then."
        )
        return True

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
        self.passphrase.select_and_focus()


__all__ = ["NoticeView"]
