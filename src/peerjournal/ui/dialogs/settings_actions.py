"""What Settings leads to: the settings themselves (kept as they change), backups (and
putting one back), changing the passphrase, a new recovery key. Each opens its dialog
on the window and runs its work off the UI thread; putting a backup back locks the
window first.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot

from peerjournal.core.errors import PeerJournalError, WrongPassphrase
from peerjournal.core.vault.recovery_key import RecoveryKey
from peerjournal.services.settings import Settings
from peerjournal.ui.kit.dates import when
from peerjournal.ui.kit.errors import describe
from peerjournal.ui.kit.ops import Op

if TYPE_CHECKING:
    from peerjournal.ui.dialogs.backups_dialog import BackupsDialog
    from peerjournal.ui.dialogs.recovery_key_dialog import RecoveryKeyDialog
    from peerjournal.ui.main_window import MainWindow


class SettingsActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    @Slot()
    def open_settings(self) -> None:
        from peerjournal.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(
            self._window.settings, self._window, unlocked=self._window.is_unlocked
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self._on_settings_changed)
        dialog.backups_requested.connect(self.open_backups, Qt.ConnectionType.QueuedConnection)
        dialog.copy_requested.connect(self.open_copy, Qt.ConnectionType.QueuedConnection)
        dialog.passphrase_requested.connect(
            self.open_passphrase, Qt.ConnectionType.QueuedConnection
        )
        dialog.recovery_requested.connect(
            self.open_recovery_key, Qt.ConnectionType.QueuedConnection
        )
        dialog.open()

    @Slot(object)
    def _on_settings_changed(self, settings: object) -> None:
        if isinstance(settings, Settings):
            self._window.apply_settings(settings)

    @Slot()
    def open_backups(self) -> None:
        if not self._window.is_unlocked:
            return
        from peerjournal.ui.dialogs.backups_dialog import BackupsDialog

        dialog = BackupsDialog(self._window.services, self._window.prompter, self._window)
        dialog.backup_requested.connect(lambda: self._backup_now(dialog))
        dialog.restore_requested.connect(self.restore_backup)
        dialog.open()

    @Slot()
    def open_copy(self) -> None:
        journal = self._window.journal
        if journal is None:
            return
        from peerjournal.ui.dialogs.copy_dialog import CopyDialog

        dialog = CopyDialog(
            self._window.services,
            self._window.tasks,
            self._window.prompter,
            journal.flush,
            self._window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _backup_now(self, dialog: BackupsDialog) -> None:
        Op(
            self._window.tasks,
            owner=dialog,
            busy=lambda busy: dialog.backup_now.setEnabled(not busy),
            error=dialog.refresh,
            name="backup",
        ).run(
            self._window.services.backups.backup_now,
            done=lambda _path: dialog.refresh("A backup was made just now."),
        )

    @Slot()
    def open_passphrase(self) -> None:
        if not self._window.is_unlocked:
            return
        from peerjournal.ui.dialogs.passphrase_dialog import PassphraseDialog

        dialog = PassphraseDialog(self._window.services, self._window.tasks, self._window)
        dialog.accepted.connect(lambda: self._after_passphrase_change(dialog.new_recovery))
        dialog.open()

    def _after_passphrase_change(self, new_recovery: RecoveryKey | None) -> None:
        if new_recovery is None:
            self._window.prompter.inform(
                self._window,
                "Passphrase changed",
                "Your passphrase is changed. Your recovery key still works as before.",
            )
            return
        dialog = self._recovery_dialog()
        dialog.show_key(
            new_recovery,
            why="Your passphrase is changed. Your journal was made by an earlier version of "
            "peerjournal, whose recovery key cannot be carried over to the new lock, so here "
            "is a new one; the old one no longer opens your journal. It is shown only this "
            "once: write it down, print it or save it, and keep it safe.",
        )
        dialog.open()

    def _recovery_dialog(self) -> RecoveryKeyDialog:
        from peerjournal.ui.dialogs.recovery_key_dialog import RecoveryKeyDialog

        dialog = RecoveryKeyDialog(
            self._window.services,
            self._window.tasks,
            self._window.prompter,
            self._window.clipboard,
            self._window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return dialog

    @Slot()
    def open_recovery_key(self) -> None:
        if self._window.is_unlocked:
            self._recovery_dialog().open()

    @Slot(str, str)
    def restore_backup(self, path: str, passphrase: str) -> None:
        """Locks the window, puts the backup back (checked first), then asks to unlock."""
        backup = Path(path)
        made = next(
            (b.made for b in self._window.services.backups.list() if b.path == backup), None
        )
        self._window.lock()
        self._window.unlock_view.reset("Checking the backup and putting it back…")
        self._window.unlock_view.setEnabled(False)

        def done(kept: object) -> None:
            self._window.unlock_view.setEnabled(True)
            try:
                self._window.services.session.open()
            except PeerJournalError as error:
                self._window.show_notice(error)
                return
            where = f" The journal it replaced was kept, whole, in {kept}." if kept else ""
            self._window.show_unlock(
                f"Your journal was put back from the backup of {when(made) if made else path}."
                f"{where} Unlock it with the passphrase you used then."
            )

        def failed(error: BaseException) -> bool:
            self._window.unlock_view.setEnabled(True)
            if not self._window.services.session.exists():
                self._window.show_notice(error)
                return True
            try:
                self._window.services.session.open()
            except PeerJournalError as reopen_error:
                self._window.show_notice(reopen_error)
                return True
            if isinstance(error, WrongPassphrase):
                text = "That passphrase does not open that backup, so nothing was changed."
            else:
                text = f"{describe(error).text()} Nothing was changed."
            self._window.show_unlock(text)
            return True

        backups = self._window.services.backups
        Op(self._window.tasks, owner=self._window, handled=failed, name="restore").run(
            lambda: backups.restore(backup, passphrase=passphrase), done=done
        )


__all__ = ["SettingsActions"]
