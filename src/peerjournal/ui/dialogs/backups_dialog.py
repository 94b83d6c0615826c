"""Settings → Backups: the backups with their dates, back up now, put one back.

Putting a backup back replaces the journal, so it is asked twice (a confirmation, then
the passphrase that was in use when that backup was made). The window then locks,
the service checks the backup opens and is whole before anything is replaced, and the
journal it replaces is kept aside, whole.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core.errors import PeerJournalError
from peerjournal.services.backups import BackupInfo
from peerjournal.services.container import Services
from peerjournal.ui.kit.dates import when
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.prompter import Prompter
from peerjournal.ui.kit.widgets import PassphraseField, button, label

PATH_ROLE = Qt.ItemDataRole.UserRole
KEPT_TEXT = (
    "peerjournal makes an encrypted backup the first time you unlock it each day, each "
    "time you close it, and whenever you press Back up now. It keeps the newest 10, the "
    "newest of each of the last 7 days, 4 weeks and 12 months, and always the last one "
    "from before your latest change. Each backup opens with the passphrase you had when "
    "it was made, or with your recovery key."
)


def backup_labels(backups: list[BackupInfo]) -> list[str]:
    """Date and time of each backup (newest first), told apart where two look the same.

    Seconds are added where two fall in the same minute, and "(2nd)", "(3rd)"... where
    two fall in the same second (counted from the earliest).
    """
    minutes = [when(info.made) for info in backups]
    shown = [
        f"{minute}:{info.made.second:02d}" if minutes.count(minute) > 1 else minute
        for info, minute in zip(backups, minutes, strict=True)
    ]
    out = []
    for index, (info, text) in enumerate(zip(backups, shown, strict=True)):
        same = shown.count(text)
        if same > 1:
            later = shown[:index].count(text)  # the list is newest first
            text = f"{text} ({_ordinal(same - later)})"
        out.append(f"{text}    ·    {size_words(info.size)}")
    return out


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def size_words(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, size // 1024)} KB"


class BackupsDialog(QDialog):
    backup_requested = Signal()
    restore_requested = Signal(str, str)
    """The backup's path and the passphrase typed for it."""

    def __init__(
        self, services: Services, prompter: Prompter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.setWindowTitle(translate("backups_dialog", "Backups"))
        self.setMinimumSize(560, 460)
        self._services = services
        self._prompter = prompter
        self.list = QListWidget(self)
        self.list.setObjectName("backupList")
        self.list.setAccessibleName(translate("backups_dialog", "Your backups, newest first"))
        self.empty = label(
            translate("backups_dialog", "There are no backups yet."),
            "small",
            self,
            name="noBackups",
        )
        self.status = label("", "small", self, name="backupStatus")
        self.passphrase = PassphraseField(
            "restorePassphrase", translate("backups_dialog", "Passphrase for that backup"), self
        )
        self.error = label("", "error", self, name="backupError")
        self.error.setVisible(False)
        self.backup_now = button(
            translate("backups_dialog", "Back up now"), "", self, name="backupNow"
        )
        self.open_folder = button(
            translate("backups_dialog", "Open the backups folder"),
            "quiet",
            self,
            name="openBackups",
        )
        self.restore = button(
            translate("backups_dialog", "Put this backup back…"),
            "primary",
            self,
            name="restoreChosen",
        )
        self.close_button = button(
            translate("backups_dialog", "Close"), "", self, name="closeBackups"
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(label(translate("backups_dialog", "Backups"), "title", self))
        layout.addWidget(
            label(
                KEPT_TEXT,
                "small",
                self,
                name="backupsKept",
            )
        )
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.status)
        layout.addWidget(
            label(
                translate(
                    "backups_dialog",
                    "To put one back, choose it and type the passphrase you used when it was made.",
                ),
                "",
                self,
            )
        )
        layout.addWidget(self.passphrase)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(self.backup_now)
        row.addWidget(self.open_folder)
        row.addStretch(1)
        row.addWidget(self.close_button)
        row.addWidget(self.restore)
        layout.addLayout(row)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.backup_now.clicked.connect(self.backup_requested)
        self.open_folder.clicked.connect(self._open_folder)
        self.restore.clicked.connect(self._ask_restore)
        self.passphrase.submitted.connect(self._ask_restore)
        self.close_button.clicked.connect(self.reject)
        self.list.currentItemChanged.connect(self._on_choice)

    def refresh(self, status: str = "") -> None:
        self.list.clear()
        backups: list[BackupInfo] = self._services.backups.list()
        for info, text in zip(backups, backup_labels(backups), strict=True):
            item = QListWidgetItem(text)
            item.setData(PATH_ROLE, str(info.path))
            self.list.addItem(item)
        self.empty.setVisible(not backups)
        self.list.setVisible(bool(backups))
        if backups:
            self.list.setCurrentRow(0)
        self.status.setText(status)
        self.status.setVisible(bool(status))
        self._on_choice()

    @Slot()
    def _on_choice(self) -> None:
        self.restore.setEnabled(self.list.currentItem() is not None)
        self.error.setVisible(False)

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return Path(str(item.data(PATH_ROLE))) if item is not None else None

    @Slot()
    def _open_folder(self) -> None:
        folder = self._services.backups.folder
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _what_goes(self, path: Path) -> str:
        """Exactly what putting ``path`` back would undo, counted (nothing of the words)."""
        info = next((b for b in self._services.backups.list() if b.path == path), None)
        unknown = translate("backups_dialog", "Anything written since then will not be in it. ")
        if info is None:
            return unknown
        try:
            answers, pages = self._services.backups.changed_since(info.made)
        except PeerJournalError:
            return unknown
        if not answers and not pages:
            return translate("backups_dialog", "Nothing you have written has changed since then. ")
        parts = []
        if answers:
            parts.append(
                translate("backups_dialog", "1 answer")
                if answers == 1
                else translate("backups_dialog", "%1 answers").replace("%1", str(answers))
            )
        if pages:
            parts.append(
                translate("backups_dialog", "1 daily page")
                if pages == 1
                else translate("backups_dialog", "%1 daily pages").replace("%1", str(pages))
            )
        joined = translate("backups_dialog", "%1 and %2") if len(parts) == 2 else "%1"
        said = joined.replace("%1", parts[0]).replace("%2", parts[-1])
        return translate(
            "backups_dialog", "%1 changed since then would go back to how they were. "
        ).replace("%1", said)

    @Slot()
    def _ask_restore(self) -> None:
        path = self.chosen()
        if path is None:
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self.error.setText(
                translate(
                    "backups_dialog",
                    "Please type the passphrase you used when that backup was made.",
                )
            )
            self.error.setVisible(True)
            self.passphrase.select_and_focus()
            return
        item = self.list.currentItem()
        made = item.text().split("    ·")[0] if item is not None else "then"
        if not self._prompter.confirm(
            self,
            translate("backups_dialog", "Put this backup back?"),
            translate(
                "backups_dialog",
                "Your journal will go back to how it was on %1. %2The journal as it is now is "
                "kept, whole, in the 'set-aside' folder, so nothing is lost.",
            )
            .replace("%1", made)
            .replace("%2", self._what_goes(path)),
            accept=translate("backups_dialog", "Put it back"),
            reject=translate("backups_dialog", "Keep my journal as it is"),
        ):
            return
        self.restore_requested.emit(str(path), passphrase)
        self.passphrase.clear()
        self.accept()


__all__ = ["BackupsDialog", "size_words"]
