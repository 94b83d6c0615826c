"""Backups: made at the first unlock of a day, on close and on "Back up now"; rotated; restorable.

Every backup is a restore point. Rotation keeps the newest 10, the newest of each of
the last 7 days, 4 weeks and 12 months, and the newest from before the journal's last
change (found by the change counter each backup carries).
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from peerjournal.core.errors import PeerJournalError, WrongPassphrase
from peerjournal.core.private import tighten
from peerjournal.core.vault import backup as b
from peerjournal.core.vault.recovery_key import RecoveryKey
from peerjournal.services.events import Changes
from peerjournal.services.session import VaultSession

if TYPE_CHECKING:
    from peerjournal.core.vault.store import Vault

log = logging.getLogger(__name__)

BackupInfo = b.BackupInfo


class BackupService:
    def __init__(self, session: VaultSession) -> None:
        self._session = session

    @property
    def folder(self) -> Path:
        return self._session.data.backups

    def _now(self) -> datetime:
        return self._session.clock().astimezone()

    def list(self) -> list[BackupInfo]:
        return b.list_backups(self.folder)

    def latest(self) -> BackupInfo | None:
        found = self.list()
        return found[0] if found else None

    def backup_now(self, dest: Path | None = None) -> Path:
        """Writes a backup (to ``dest``, or the backups folder, then rotates that folder)."""
        vault = self._session.file()  # a backup copies encrypted pages: no key needed
        now = self._now()
        target = dest if dest is not None else self.folder / b.backup_name(now)
        if dest is None and target.exists():
            target = self.folder / b.backup_name(now, precise=True)
        written = b.write_backup(vault, target)
        if dest is None:
            removed = b.rotate(
                self.folder, now=now.replace(tzinfo=None), protect=self._before_last_change(vault)
            )
            log.info("backup written; %d old backup(s) rotated away", len(removed))
            tighten(self._session.data.root)
        self._session.hub.notify(Changes(backups=True))
        return written

    def _before_last_change(self, vault: Vault) -> Path | None:
        """The newest backup made before the journal's last change (kept by rotation)."""
        live = vault.commits()
        for info in self.list():
            if b.commits_of(info.path) < live:
                return info.path
        return None

    def changed_since(self, made: datetime) -> tuple[int, int]:
        """(answers, daily pages) saved after ``made``: what putting that backup back undoes."""
        answers = self._session.vault.documents("answer:")
        pages = self._session.vault.documents("journal:")
        local = made if made.tzinfo is not None else made.astimezone()
        return (
            sum(1 for d in answers if d.saved > local),
            sum(1 for d in pages if d.saved > local),
        )

    def backup_if_due(self) -> Path | None:
        """The daily backup: made only when there is none from today yet."""
        latest = self.latest()
        if latest is not None and latest.made.date() == self._now().date():
            return None
        return self.backup_now()

    def restore(
        self,
        backup: Path,
        *,
        passphrase: str | None = None,
        recovery_key: str | None = None,
    ) -> Path | None:
        """Checks the backup opens and is whole, then swaps it in; returns where the old one went.

        The current vault is closed first and kept aside whole; the restored journal is
        left locked, to be unlocked with the passphrase that was in use when the backup
        was made (or the recovery key).
        """
        recovery = RecoveryKey.parse(recovery_key) if recovery_key else None

        def unlock(vault: Vault) -> None:
            if recovery is not None:
                vault.unlock_with_recovery(recovery)
            elif passphrase:
                vault.unlock(passphrase)
            else:
                raise WrongPassphrase()

        self._session.claim()
        b.verify_backup(backup, unlock, scratch=self._session.data.root / "verify")
        self._session.detach()
        try:
            kept = b.replace_vault(
                self._session.data.vault,
                backup,
                set_aside=self._session.data.set_aside,
                now=self._now(),
            )
        except PeerJournalError:
            log.warning("restore failed before the backup was in place; nothing was replaced")
            raise
        tighten(self._session.data.root)
        log.info("backup restored; the replaced journal was kept aside")
        self._session.hub.notify(Changes(backups=True))
        return kept
