"""Opening, unlocking and locking the one vault of a data folder."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from peerjournal.core.errors import NeedsWriting, PassphraseEmpty, VaultLocked, WrongPassphrase
from peerjournal.core.passphrases import check_new_passphrase
from peerjournal.core.paths import DataDir
from peerjournal.core.private import tighten
from peerjournal.core.vault.instance_lock import InstanceLock
from peerjournal.core.vault.keyslots import KdfParams
from peerjournal.core.vault.records import Clock, Damage, Document, utc_now
from peerjournal.core.vault.recovery_key import RecoveryKey
from peerjournal.services.events import ChangeHub, Changes, SessionState

if TYPE_CHECKING:
    from peerjournal.core.vault.readable import ReadableVault
    from peerjournal.core.vault.store import Vault

log = logging.getLogger(__name__)

Loader = Callable[[list[Document]], None]


def integrity_notices(findings: list[str], unreadable: list[Damage]) -> list[str]:
    """What unlocking found, in the participant's words (never any of their text)."""
    out = []
    if findings:
        out.append(
            "Something other than peerjournal has changed this journal's file since it was "
            "last saved: " + "; ".join(findings) + ". Everything that can be read is "
            "shown. If you did not put back a copy of the file yourself, run a check "
            "(peerjournal check) and keep your backups safe."
        )
    if unreadable:
        count = len(unreadable)
        if count == 1:
            said = "1 answer or page could not be read, and is marked where it belongs. It"
        else:
            said = f"{count} answers or pages could not be read, and are marked where they "
            said += "belong. Each"
        out.append(
            f"{said} can be brought back from its own earlier versions or from a backup; "
            "everything else is as you left it."
        )
    return out


class VaultSession:
    """Holds the open vault, the instance lock, and what was loaded at unlock.

    Services that keep decrypted things in memory (answers, the search index) register
    a loader, which is handed every document once at unlock, and are told to drop it
    all at lock through the change hub.

    ``read_only`` opens the file with the standard library's sqlite3 alone (the headless
    read commands); a file that needs a write first (an upgrade) is opened in full.
    ``reader`` is the open file either way; ``vault``, for writing, only when opened in full.

    ``preload=False`` (a read on the command line) hands the documents to the loaders
    only when a service first asks (``ensure_loaded``): a search streams them instead,
    and showing one page needs no more than that.
    """

    def __init__(
        self,
        data: DataDir,
        *,
        hub: ChangeHub,
        clock: Clock = utc_now,
        kdf: KdfParams | None = None,
        read_only: bool = False,
        preload: bool = True,
    ) -> None:
        self.data = data
        self.read_only = read_only
        self.preload = preload
        self._loaded = False
        self.hub = hub
        self.clock = clock
        self.kdf = kdf
        self._instance = InstanceLock(data.lock)
        self._vault: Vault | None = None
        self._file: ReadableVault | None = None
        self._loaders: list[Loader] = []
        self.last_unlock_seconds = 0.0
        self.notices: list[str] = []
        """What opening the vault found and the participant should be told (shown once)."""

    def add_loader(self, loader: Loader) -> None:
        """A service's loader; one added after the documents were handed out has them now."""
        self._loaders.append(loader)
        if self._loaded and self.unlocked:
            loader(list(self.read_all()))

    def exists(self) -> bool:
        return self.data.vault.exists()

    @property
    def unlocked(self) -> bool:
        return self._file is not None and self._file.unlocked

    @property
    def reader(self) -> ReadableVault:
        if self._file is None or not self._file.unlocked:
            raise VaultLocked()
        return self._file

    @property
    def vault(self) -> Vault:
        if self._file is not None and self._vault is None:
            raise RuntimeError("this journal was opened for reading only")
        if self._vault is None or not self._vault.unlocked:
            raise VaultLocked()
        return self._vault

    def claim(self) -> None:
        """Takes the one-process lock; raises ``VaultInUse`` if another app has it.

        Holding it, the session also removes any half-written export a killed run left.
        """
        self._instance.acquire()
        from peerjournal.services.private_files import remove_stale_partials

        remove_stale_partials(self.data.root)
        from peerjournal.core.vault.backup import remove_stale_restore

        remove_stale_restore(self.data.vault)

    def _opened(self) -> ReadableVault:
        self.claim()
        if self._file is None:
            self._file = self._open_file()
            self.notices.extend(self._file.notices)
            tighten(self.data.root)
        return self._file

    def _open_file(self) -> ReadableVault:
        if self.read_only:
            from peerjournal.core.vault.read_only import ReadOnlyVault

            try:
                return ReadOnlyVault.open(self.data.vault, clock=self.clock)
            except NeedsWriting:
                log.info("this journal needs a write to open; opening it in full")
        from peerjournal.core.vault.store import Vault  # SQLAlchemy only when opening

        self._vault = Vault.open(self.data.vault, clock=self.clock)
        return self._vault

    def _in_full(self) -> Vault:
        """The journal opened to write, closing a read-only opening first."""
        opened = self._opened()
        if self._vault is None:
            opened.close()
            self._file = None  # a failed open below must not leave the closed reader behind
            from peerjournal.core.vault.store import Vault

            self._vault = Vault.open(self.data.vault, clock=self.clock)
            self._file = self._vault
            self.notices.extend(self._vault.notices)
        return self._vault

    @property
    def has_file(self) -> bool:
        """Whether the vault file is open for writing (locked or not)."""
        return self._vault is not None

    def file(self) -> Vault:
        """The open vault file, locked or not: for copying its (already encrypted) pages."""
        if self._vault is None:
            raise VaultLocked()
        return self._vault

    def create(self, passphrase: str) -> RecoveryKey:
        check_new_passphrase(passphrase)
        self.claim()
        from peerjournal.core.vault.store import Vault

        vault, recovery = Vault.create(self.data.vault, passphrase, kdf=self.kdf, clock=self.clock)
        tighten(self.data.root)
        self._vault = self._file = vault
        self._after_unlock()
        return recovery

    def open(self) -> None:
        self._opened()

    def unlock(self, passphrase: str) -> None:
        if not passphrase:
            raise PassphraseEmpty()
        try:
            self._opened().unlock(passphrase)
        except NeedsWriting:  # a first-format journal is sealed anew at its first unlock
            self._in_full().unlock(passphrase)
        self._after_unlock()

    def recover(self, recovery_text: str, new_passphrase: str) -> None:
        """Opens with the recovery key and sets a new passphrase in the same step.

        The data key is rotated; the recovery key goes on working (its slot is sealed
        again for it), so it stays the way back.
        """
        recovery = RecoveryKey.parse(recovery_text)
        check_new_passphrase(new_passphrase)
        vault = self._in_full()
        vault.unlock_with_recovery(recovery)
        vault.set_passphrase(new_passphrase, kdf=self.kdf, recovery=recovery)
        self._after_unlock()

    def change_passphrase(self, old: str, new: str) -> RecoveryKey | None:
        """Changes the passphrase and rotates the data key.

        Returns a new recovery key only when the journal's recovery slot was of the
        first format (the caller must show it once); otherwise None.
        """
        check_new_passphrase(new)
        vault = self.vault
        if not vault.verify_passphrase(old):
            raise WrongPassphrase()
        return vault.set_passphrase(new, kdf=self.kdf)

    def new_recovery_key(self, passphrase: str) -> RecoveryKey:
        """A new recovery key, shown once; the old one stops working."""
        return self.vault.new_recovery_key(passphrase, kdf=self.kdf)

    def new_sitting(self) -> None:
        """A sitting ended (a page switch): the next save of anything starts a new version."""
        if self._vault is not None:
            self._vault.new_sitting()

    def lock(self) -> None:
        if self._file is not None and self._file.unlocked:
            self._file.lock()
            self.hub.notify(Changes(session=SessionState.LOCKED))

    def close(self) -> None:
        """Locks, closes the file and lets another process have the journal."""
        self.detach()
        self._instance.release()
        tighten(self.data.root)

    def detach(self) -> None:
        """Closes the file but keeps the instance lock (for a restore in place)."""
        if self._file is not None:
            self._file.close()
            self._file = self._vault = None
            self.hub.notify(Changes(session=SessionState.CLOSED))

    def reload(self) -> None:
        """Hands every document to the loaders again (after salvage changed what opens)."""
        documents = list(self.reader.documents())
        for loader in self._loaders:
            loader(documents)

    def read_all(self) -> Iterator[Document]:
        """Every readable document, one at a time; what would not open is told once after."""
        reader = self.reader
        yield from reader.documents()
        if reader.unreadable:
            notice = integrity_notices([], reader.unreadable)
            self.notices.extend(n for n in notice if n not in self.notices)

    def ensure_loaded(self) -> None:
        """The loaders have had every document (at unlock, or now when not preloaded)."""
        if self._loaded:
            return
        documents = list(self.read_all())
        for loader in self._loaders:
            loader(documents)
        self._loaded = True

    def _after_unlock(self) -> None:
        started = time.perf_counter()
        self._loaded = False
        if self.preload:
            self.ensure_loaded()
        # Asked after loading: the file's check runs beside the first read (see VaultKeys).
        self.notices[:0] = integrity_notices(self.reader.findings, [])
        self.last_unlock_seconds = time.perf_counter() - started
        self.hub.notify(Changes(session=SessionState.UNLOCKED))
