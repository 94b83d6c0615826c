"""The vault's keys: unlocking, the sealed header, rotation, and sealing a first-format file.

``VaultKeys`` is the one object that holds the unwrapped data key and the header it
opened. ``Vault`` hands it the file (its engine and its write transaction) and asks it
for the key; everything about slots, settings bounds and rotation lives here, so the
store itself only reads and writes documents.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from peerjournal.core.errors import KeysUnsafe, VaultLocked, WrongPassphrase, WrongRecoveryKey
from peerjournal.core.vault import crypto
from peerjournal.core.vault import header as h
from peerjournal.core.vault import manifest as mf
from peerjournal.core.vault import unlocking as u
from peerjournal.core.vault.keyslots import (
    KdfParams,
    Keyslot,
    SlotKind,
    calibrate,
    normalise_passphrase,
    recovery_public,
)
from peerjournal.core.vault.recovery_key import RecoveryKey

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from peerjournal.core.vault.sqlite import Reader

log = logging.getLogger(__name__)

FORMAT_VERSION = str(h.FORMAT)
Reading = Callable[[], AbstractContextManager["Reader"]]
Writing = Callable[[], AbstractContextManager["Connection"]]


class _Inspection:
    """Unlocking's check of the file against its sealed header and manifest, on a thread.

    Keying 10,000 rows' entries is a tenth of a second at ten years, most of it SQLite
    reading with the interpreter free, so it runs beside the first read of the documents
    rather than before it. Whoever asks for the findings waits for them; nothing is
    shown before they are known (the session asks before it says the journal is open).
    """

    def __init__(self, work: Callable[[], list[str]]) -> None:
        self._work = work
        self._found: list[str] = []
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="unlock-inspect", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._found = self._work()
        except BaseException as exc:  # handed to whoever waits, never lost
            self._error = exc

    def result(self) -> list[str]:
        self._thread.join()
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        return self._found


class VaultKeys:
    """Reads through ``reading`` (the standard library's connection will do); only a
    passphrase change, a new recovery key and sealing a first-format file write, and
    only they import SQLAlchemy.

    ``inspect_beside`` runs unlocking's check on its own thread (``reading`` must then
    give each thread its own connection, as the window's engine does).
    """

    def __init__(
        self, path: Path, reading: Reading, writing: Writing, *, inspect_beside: bool = False
    ) -> None:
        self.path = path
        self._reading = reading
        self._writing = writing
        self._inspect_beside = inspect_beside
        self._key: crypto.DataKey | None = None
        self._header: h.Header | None = None
        self._findings: list[str] = []
        self._inspection: _Inspection | None = None

    @property
    def findings(self) -> list[str]:
        """What unlocking found changed outside peerjournal (empty when all is whole)."""
        if self._inspection is not None:
            inspection, self._inspection = self._inspection, None
            self._found(inspection.result())
        return self._findings

    @findings.setter
    def findings(self, value: list[str]) -> None:
        self._settle()
        self._findings = value

    def _found(self, findings: list[str]) -> None:
        self._findings = findings
        if findings:
            log.warning("unlocking found %d change(s) made outside peerjournal", len(findings))

    def _settle(self) -> None:
        """Waits for a check still running (its key must not be wiped under it)."""
        if self._inspection is not None:
            try:
                self.findings  # noqa: B018 - waits, and logs what it found
            except Exception:  # a check abandoned by locking or a new key
                log.info("unlocking's check did not finish before the key changed")

    @property
    def unlocked(self) -> bool:
        return self._key is not None

    @property
    def header(self) -> h.Header | None:
        return self._header

    def require(self) -> crypto.DataKey:
        if self._key is None:
            raise VaultLocked()
        return self._key

    def adopt(self, key: crypto.DataKey, header: h.Header) -> None:
        """The key of a journal just created (nothing to unwrap or inspect)."""
        self._key, self._header, self.findings = key, header, []

    def lock(self) -> None:
        self._settle()
        if self._key is not None:
            self._key.wipe()
            self._key = None
        self._header = None

    def _read(self) -> tuple[u.Slots, dict[str, str]]:
        with self._reading() as conn:
            return u.read_slots(conn), u.meta(conn)

    def _try(self, kind: SlotKind, secret: bytes) -> u.Opened | None:
        slots, stored = self._read()
        candidates = []
        mine = [s for s in slots.usable if s.kind is kind]
        if not mine and slots.unsafe:
            what, other = (
                ("passphrase key", "recovery key")
                if kind is SlotKind.PASSPHRASE
                else ("recovery key slot", "passphrase")
            )
            detail = next(iter(slots.unsafe.values()))
            raise KeysUnsafe(what=what, other=other, detail=detail)
        for slot in mine:
            try:
                raw, v2 = slot.unwrap(secret)
            except crypto.Tampered:
                continue
            candidates.append((slot, raw, v2))
        if not candidates:
            return None
        with self._reading() as conn:
            opened = u.choose_key(conn, candidates, stored)
        if opened is not None:
            self._after_key(opened, slots, stored, secret)
        return opened

    def _after_key(
        self, opened: u.Opened, slots: u.Slots, stored: dict[str, str], secret: bytes
    ) -> None:
        self._key = opened.key
        self._header = opened.header
        if opened.header is None and stored.get(u.FORMAT) == "1" and not opened.format2_slot:
            self._seal_first_format(opened, slots, secret)
            slots, stored = self._read()
            opened = u.Opened(opened.key, opened.slot, True, self._header)

        def inspect() -> list[str]:
            with self._reading() as conn:
                return u.inspect(conn, opened, slots, stored)

        self._settle()
        if self._inspect_beside:
            self._inspection = _Inspection(inspect)
        else:
            self._found(inspect())

    def unlock(self, passphrase: str) -> None:
        if self._try(SlotKind.PASSPHRASE, normalise_passphrase(passphrase)) is None:
            raise WrongPassphrase()

    def verify_passphrase(self, passphrase: str) -> bool:
        """Whether ``passphrase`` opens this vault's current key (the one now unlocked)."""
        key = self.require()
        secret = normalise_passphrase(passphrase)
        slots, _stored = self._read()
        for slot in slots.usable:
            if slot.kind is not SlotKind.PASSPHRASE:
                continue
            if self._header is not None and not self._header.listed(slot):
                continue
            try:
                raw, _v2 = slot.unwrap(secret)
            except crypto.Tampered:
                continue
            if raw == key.raw:
                return True
        return False

    def unlock_with_recovery(self, recovery: RecoveryKey) -> None:
        if self._try(SlotKind.RECOVERY, recovery.secret) is None:
            raise WrongRecoveryKey()

    def unlock_with_key(self, raw: bytes) -> bool:
        """Opens with a data key already known (reading a backup of the same journal)."""
        slots, stored = self._read()
        with self._reading() as conn:
            opened = (
                u.choose_key(conn, [(slots.usable[0], raw, True)], stored) if slots.usable else None
            )
        if opened is None:
            return False
        self._key = opened.key
        self._header = opened.header
        return True

    def passphrase_params(self) -> KdfParams | None:
        slots, _stored = self._read()
        mine = [s for s in slots.usable if s.kind is SlotKind.PASSPHRASE]
        listed = [s for s in mine if self._header is None or self._header.listed(s)]
        return (listed or mine)[0].params if mine else None

    def set_passphrase(
        self,
        new_passphrase: str,
        *,
        kdf: KdfParams | None = None,
        recovery: RecoveryKey | None = None,
    ) -> RecoveryKey | None:
        """Sets a new passphrase and rotates the data key, in one transaction.

        Every row is sealed again under a new data key, so an old passphrase slot (from
        a backup, or copied back in) opens nothing written from now on. The recovery key
        keeps working: its slot is sealed again to its public key (from the header, or
        from ``recovery`` when it was just used). A journal whose recovery slot is of the
        first format cannot be sealed again without that key, so a new recovery key is
        made and returned: the caller must show it. ``kdf`` is never read from the file.
        """
        secret = normalise_passphrase(new_passphrase)
        public = (
            recovery_public(recovery.secret)
            if recovery is not None
            else bytes.fromhex(self._header.recovery_public)
            if self._header is not None and self._header.recovery_public
            else None
        )
        fresh = None
        if public is None:
            fresh = RecoveryKey.generate()
            public = recovery_public(fresh.secret)
        self._rotate(secret, kdf or calibrate(), public)
        return fresh

    def new_recovery_key(self, passphrase: str, *, kdf: KdfParams | None = None) -> RecoveryKey:
        """A new recovery key; the old one stops working (the data key is rotated too)."""
        if not self.verify_passphrase(passphrase):
            raise WrongPassphrase()
        fresh = RecoveryKey.generate()
        self._rotate(
            normalise_passphrase(passphrase), kdf or calibrate(), recovery_public(fresh.secret)
        )
        return fresh

    def _rotate(self, secret: bytes, params: KdfParams, public: bytes) -> None:
        from sqlalchemy import insert

        from peerjournal.core.vault import tables as t
        from peerjournal.core.vault.ledger import count_commit, put, slot_row
        from peerjournal.core.vault.rotation import reseal_all

        self._settle()
        old = self.require()
        raw = crypto.random_key()
        new = crypto.DataKey(raw)
        slots = [
            Keyslot.create(SlotKind.PASSPHRASE, secret, params, bytes(raw)),
            Keyslot.for_recovery(public, bytes(raw)),
        ]
        with self._writing() as conn:
            stored = u.meta(conn)
            vault_id = stored.get(u.VAULT_ID) or crypto.random_id()
            carried = reseal_all(conn, old, new)
            conn.execute(t.keyslots.delete())
            conn.execute(insert(t.keyslots), [slot_row(s) for s in slots])
            header = h.Header.of(vault_id, slots, public)
            commits = count_commit(conn)
            put(conn, u.FORMAT, FORMAT_VERSION)
            put(conn, u.VAULT_ID, vault_id)
            put(conn, u.HEADER, h.seal(new, header))
            put(conn, u.MANIFEST, mf.seal(new, mf.compute(conn, new, commits), vault_id))
        if carried:
            log.warning("%d damaged row(s) were carried across a key change as they were", carried)
        old.wipe()
        self._key = new
        self._header = header
        self.findings = []

    def _seal_first_format(self, opened: u.Opened, slots: u.Slots, secret: bytes) -> None:
        """A journal of the first format, unlocked: its header and manifest are sealed now.

        The slot just used is written again in format 2 (same key, its own settings,
        which passed the bounds); a first-format recovery slot is kept and listed until
        the next passphrase change replaces it.
        """
        from sqlalchemy import insert

        from peerjournal.core.vault import tables as t
        from peerjournal.core.vault.ledger import count_commit, put, slot_row

        key = opened.key
        used = opened.slot
        public: bytes | None = None
        replaced = {used.id}
        if used.kind is SlotKind.RECOVERY:
            public = recovery_public(secret)
            renewed = Keyslot.for_recovery(public, key.raw)
            replaced |= {s.id for s in slots.usable if s.kind is SlotKind.RECOVERY}
        else:
            renewed = Keyslot.create(SlotKind.PASSPHRASE, secret, used.params, key.raw)
        kept = [s for s in slots.usable if s.id not in replaced]
        with self._writing() as conn:
            stored = u.meta(conn)
            vault_id = stored.get(u.VAULT_ID) or crypto.random_id()
            conn.execute(t.keyslots.delete().where(t.keyslots.c.id.in_(sorted(replaced))))
            conn.execute(insert(t.keyslots), [slot_row(renewed)])
            all_slots = [*kept, renewed]
            header = h.Header.of(vault_id, all_slots, public)
            commits = count_commit(conn)
            put(conn, u.FORMAT, FORMAT_VERSION)
            put(conn, u.HEADER, h.seal(key, header))
            put(conn, u.MANIFEST, mf.seal(key, mf.compute(conn, key, commits), vault_id))
        self._header = header
        log.info("a journal of the first format was sealed in format 2")
