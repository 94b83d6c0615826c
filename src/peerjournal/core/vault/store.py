"""The vault: an encrypted, versioned store of named documents in one SQLite file.

Everything the participant writes is a *document* with a name ("answer:m1.s1.positive",
"journal:2026-11-24", "contacts" ...) and a JSON value. Names and values are sealed;
on disk only random ids, an HMAC of the name (for lookups) and counters are readable.
Each save is a version, except that saves made while typing goes on fold into the
version of this sitting (see ``Fold``), so history stays useful without ever losing
what an earlier sitting wrote. A save returns only once SQLite has committed it with
``synchronous=FULL``, so an acknowledged save survives a crash or power loss.

Format 2 (this one) authenticates what binds the values together: a sealed header
over the keyslots and format (``header``), and a sealed keyed sum over every row
(``manifest``), both updated in the same transaction as the change. Changing the
passphrase or making a new recovery key rotates the data key. A journal of the first
format is sealed at its first unlock. docs/security.md describes the whole design.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Connection, Engine, func, insert, select, text, update
from sqlalchemy import exc as sa_exc

from peerjournal.core.errors import (
    KeysUnsafe,
    NoIteration,
    NoVault,
    PeerJournalError,
    VaultCorrupt,
    VaultExists,
    VaultLocked,
    VaultTooNew,
    WrongPassphrase,
    WrongRecoveryKey,
)
from peerjournal.core.paths import DataDir
from peerjournal.core.vault import crypto, migrate
from peerjournal.core.vault import header as h
from peerjournal.core.vault import manifest as mf
from peerjournal.core.vault import salvage as sv
from peerjournal.core.vault import tables as t
from peerjournal.core.vault import unlocking as u
from peerjournal.core.vault.checking import check_vault
from peerjournal.core.vault.files import fsync_dir, fsync_file, remove_with_sidecars, sidecars
from peerjournal.core.vault.keyslots import (
    KdfParams,
    Keyslot,
    SlotKind,
    calibrate,
    normalise_passphrase,
    recovery_public,
)
from peerjournal.core.vault.records import (
    Body,
    CheckReport,
    Clock,
    Damage,
    Document,
    Fold,
    Iteration,
    JsonDict,
    JsonValue,
    SaveResult,
    Version,
    utc_now,
)
from peerjournal.core.vault.recovery_key import RecoveryKey
from peerjournal.core.vault.rotation import reseal_all
from peerjournal.core.vault.rows import (
    blob,
    open_body,
    open_iteration,
    open_name,
    seal_body,
    seal_iteration,
    seal_name,
)
from peerjournal.core.vault.sqlite import database_errors, looks_like_sqlite, make_engine
from peerjournal.core.vault.wal import WalState, inspect_wal

log = logging.getLogger(__name__)

FORMAT_VERSION = str(h.FORMAT)
COMMITS = u.COMMITS
FOLD_WINDOW = timedelta(minutes=5)
FOLD_SPAN = timedelta(minutes=30)


class Vault:
    """An open vault file. Locked until ``unlock``; only then can anything be read or saved."""

    def __init__(self, path: Path, engine: Engine, *, clock: Clock = utc_now) -> None:
        self.path = path
        self.notices: list[str] = []
        """Things the participant should hear about opening (e.g. a log set aside)."""
        self.findings: list[str] = []
        """What unlocking found changed outside peerjournal (empty when all is whole)."""
        self.unreadable: list[Damage] = []
        """Rows that did not open when the documents were last read (named if possible)."""
        self._engine = engine
        self._clock = clock
        self._key: crypto.DataKey | None = None
        self._header: h.Header | None = None
        self._write_lock = threading.RLock()
        self._sitting: set[str] = set()
        """Documents whose latest version was begun in this sitting (may be folded into)."""

    # -- opening ---------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        passphrase: str,
        *,
        kdf: KdfParams | None = None,
        clock: Clock = utc_now,
    ) -> tuple[Vault, RecoveryKey]:
        """Creates the vault beside its final name and moves it into place only when whole."""
        secret = normalise_passphrase(passphrase)
        if path.exists():
            raise VaultExists(path=str(path.parent))
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        params = kdf or calibrate()
        data_key = crypto.random_key()
        key = crypto.DataKey(data_key)
        recovery = RecoveryKey.generate()
        slots = [
            Keyslot.create(SlotKind.PASSPHRASE, secret, params, bytes(data_key)),
            Keyslot.for_recovery(recovery_public(recovery.secret), bytes(data_key)),
        ]
        vault_id = crypto.random_id()
        header = h.Header.of(vault_id, slots, recovery_public(recovery.secret))
        partial = path.with_name(path.name + ".new")
        remove_with_sidecars(partial)
        with database_errors(path.parent):
            engine = make_engine(partial)
            try:
                migrate.upgrade(engine)
                with engine.begin() as conn:
                    conn.execute(
                        insert(t.meta),
                        [
                            {"key": u.FORMAT, "value": FORMAT_VERSION},
                            {"key": u.VAULT_ID, "value": vault_id},
                            {"key": COMMITS, "value": "0"},
                            {"key": u.HEADER, "value": h.seal(key, header)},
                            {"key": u.MANIFEST, "value": mf.seal(key, mf.Manifest(), vault_id)},
                        ],
                    )
                    conn.execute(insert(t.keyslots), [_slot_row(s) for s in slots])
            finally:
                engine.dispose()
            fsync_file(partial)
            os.replace(partial, path)
            fsync_dir(path.parent)
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)
        vault = cls.open(path, clock=clock)
        vault._key = key
        vault._header = header
        return vault, recovery

    @classmethod
    def open(cls, path: Path, *, clock: Clock = utc_now) -> Vault:
        """Opens (and if needed upgrades) the file; raises calm errors for a damaged one."""
        if not path.exists():
            raise NoVault(path=str(path.parent))
        if path.stat().st_size == 0 or not looks_like_sqlite(path):
            raise VaultCorrupt(detail="it is not a peerjournal database any more")
        notices = _set_aside_damaged_log(path, clock)
        engine = make_engine(path)
        try:
            with database_errors(path):
                with engine.connect() as conn:
                    result = conn.execute(text("PRAGMA quick_check")).scalar()
                    if result != "ok":
                        raise VaultCorrupt(detail="SQLite found damage inside the file")
                if migrate.needs_upgrade(engine):
                    migrate.upgrade(engine)
                with engine.connect() as conn:
                    version = conn.execute(
                        select(t.meta.c.value).where(t.meta.c.key == u.FORMAT)
                    ).scalar()
                    slot_count = conn.execute(select(func.count()).select_from(t.keyslots)).scalar()
            if version is None or not slot_count:
                raise VaultCorrupt(detail="its keys are missing")
            if not str(version).isdigit() or len(str(version)) > 6:
                raise VaultCorrupt(detail="its format number is not one peerjournal writes")
            if int(version) > int(FORMAT_VERSION):
                raise VaultTooNew()
        except BaseException:
            engine.dispose()
            raise
        vault = cls(path, engine, clock=clock)
        vault.notices.extend(notices)
        return vault

    def close(self) -> None:
        self.lock()
        self._engine.dispose()

    # -- keys ------------------------------------------------------------------------

    @property
    def unlocked(self) -> bool:
        return self._key is not None

    def _read(self) -> tuple[u.Slots, dict[str, str]]:
        with database_errors(self.path), self._engine.connect() as conn:
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
        with database_errors(self.path), self._engine.connect() as conn:
            opened = u.choose_key(conn, candidates, stored)
        if opened is not None:
            self._after_key(opened, slots, stored, secret)
        return opened

    def _after_key(
        self, opened: u.Opened, slots: u.Slots, stored: dict[str, str], secret: bytes
    ) -> None:
        self._key = opened.key
        self._header = opened.header
        self._sitting.clear()
        if opened.header is None and stored.get(u.FORMAT) == "1" and not opened.format2_slot:
            self._seal_first_format(opened, slots, secret)
            slots, stored = self._read()
            opened = u.Opened(opened.key, opened.slot, True, self._header)
        with database_errors(self.path), self._engine.connect() as conn:
            self.findings = u.inspect(conn, opened, slots, stored)
        if self.findings:
            log.warning("unlocking found %d change(s) made outside peerjournal", len(self.findings))

    def unlock(self, passphrase: str) -> None:
        if self._try(SlotKind.PASSPHRASE, normalise_passphrase(passphrase)) is None:
            raise WrongPassphrase()

    def verify_passphrase(self, passphrase: str) -> bool:
        """Whether ``passphrase`` opens this vault's current key (the one now unlocked)."""
        key = self._require_key()
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
        with database_errors(self.path), self._engine.connect() as conn:
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
        old = self._require_key()
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
            conn.execute(insert(t.keyslots), [_slot_row(s) for s in slots])
            header = h.Header.of(vault_id, slots, public)
            commits = _count_commit(conn)
            _put(conn, u.FORMAT, FORMAT_VERSION)
            _put(conn, u.VAULT_ID, vault_id)
            _put(conn, u.HEADER, h.seal(new, header))
            _put(conn, u.MANIFEST, mf.seal(new, mf.compute(conn, new, commits), vault_id))
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
            conn.execute(insert(t.keyslots), [_slot_row(renewed)])
            all_slots = [*kept, renewed]
            header = h.Header.of(vault_id, all_slots, public)
            commits = _count_commit(conn)
            _put(conn, u.FORMAT, FORMAT_VERSION)
            _put(conn, u.HEADER, h.seal(key, header))
            _put(conn, u.MANIFEST, mf.seal(key, mf.compute(conn, key, commits), vault_id))
        self._header = header
        log.info("a journal of the first format was sealed in format 2")

    def commits(self) -> int:
        """How many changes the journal has had: a backup with fewer was made before the last."""
        with database_errors(self.path), self._engine.connect() as conn:
            return _read_commits(conn)

    def new_sitting(self) -> None:
        """Ends the sitting: the next save of any document begins a new version."""
        with self._write_lock:
            self._sitting.clear()

    def lock(self) -> None:
        self.new_sitting()
        if self._key is not None:
            self._key.wipe()
            self._key = None
        self._header = None

    def _require_key(self) -> crypto.DataKey:
        if self._key is None:
            raise VaultLocked()
        return self._key

    # -- documents ---------------------------------------------------------------------

    def get(self, name: str) -> Document | None:
        key = self._require_key()
        with database_errors(self.path), self._engine.connect() as conn:
            row = conn.execute(
                select(
                    t.documents.c.id, blob(t.documents.c.current_ct), t.documents.c.last_seq
                ).where(t.documents.c.lookup == key.lookup(name))
            ).first()
        if row is None:
            return None
        body = open_body(key, row.current_ct, "documents", "current", row.id, name)
        return Document(name=name, seq=row.last_seq, body=body)

    def documents(self, prefix: str = "") -> Iterator[Document]:
        """Every readable document's current state (optionally those whose name has ``prefix``).

        A row that does not open is skipped, not fatal: it is listed in ``unreadable``
        (by name when its name still opens), so one damaged answer never hides the rest.
        """
        key = self._require_key()
        with database_errors(self.path), self._engine.connect() as conn:
            rows = conn.execute(
                select(
                    t.documents.c.id,
                    blob(t.documents.c.name_ct),
                    blob(t.documents.c.current_ct),
                    t.documents.c.last_seq,
                )
            ).all()
        unreadable: list[Damage] = []
        for row in rows:
            try:
                name = open_name(key, row.id, row.name_ct)
            except VaultCorrupt:
                unreadable.append(Damage(f"document {row.id[:8]}", "its name does not decrypt"))
                continue
            if not name.startswith(prefix):
                continue
            try:
                body = open_body(key, row.current_ct, "documents", "current", row.id, name)
            except VaultCorrupt:
                unreadable.append(Damage(name, "its current text does not decrypt"))
                continue
            yield Document(name=name, seq=row.last_seq, body=body)
        if not prefix:
            self.unreadable = unreadable

    def history(self, name: str) -> list[Version]:
        """Every readable version of a document, oldest first (by counter, never by clock)."""
        key = self._require_key()
        with database_errors(self.path), self._engine.connect() as conn:
            doc_id = conn.execute(
                select(t.documents.c.id).where(t.documents.c.lookup == key.lookup(name))
            ).scalar()
            if doc_id is None:
                return []
            rows = conn.execute(
                select(t.versions.c.id, t.versions.c.seq, blob(t.versions.c.body_ct))
                .where(t.versions.c.document_id == doc_id)
                .order_by(t.versions.c.seq)
            ).all()
        out = []
        for row in rows:
            try:
                body = open_body(key, row.body_ct, "versions", "body", row.id, doc_id)
            except VaultCorrupt:
                continue
            out.append(Version(seq=row.seq, body=body))
        return out

    def save(
        self, name: str, value: JsonValue, *, fold: Fold = Fold.SITTING, blank: bool = False
    ) -> SaveResult:
        """Saves ``value`` as the document's new state; durable when this returns.

        ``blank`` says the value holds nothing (an emptied answer): it never folds, so
        the words before it stay a version of their own.
        """
        key = self._require_key()
        now = self._clock()
        dc, vc = t.documents.c, t.versions.c
        with self._writing() as conn:
            ledger = _Ledger(conn, key)
            row = conn.execute(
                select(dc.id, blob(dc.name_ct), blob(dc.current_ct), dc.last_seq, dc.lookup).where(
                    dc.lookup == key.lookup(name)
                )
            ).first()
            if row is None:
                doc_id = crypto.random_id()
                body = Body(started=now, saved=now, value=value)
                name_ct = seal_name(key, name, doc_id)
                current_ct = seal_body(key, body, "documents", "current", doc_id, name)
                conn.execute(
                    insert(t.documents).values(
                        id=doc_id,
                        lookup=key.lookup(name),
                        name_ct=name_ct,
                        current_ct=current_ct,
                        last_seq=1,
                    )
                )
                ledger.add_document(doc_id, key.lookup(name), 1, name_ct, current_ct)
                self._insert_version(conn, ledger, key, doc_id, 1, body)
                self._sitting.add(doc_id)
                ledger.commit()
                return SaveResult(seq=1, folded=False, unchanged=False, saved=now)
            doc_id, last_seq = row.id, row.last_seq
            try:
                current: Body | None = open_body(
                    key, row.current_ct, "documents", "current", doc_id, name
                )
            except VaultCorrupt:
                current = None  # a damaged current text: this save replaces it, as a version
            if current is not None and current.value == value:
                return SaveResult(seq=last_seq, folded=False, unchanged=True, saved=current.saved)
            foldable = (
                current is not None and not blank and self._may_fold(fold, doc_id, current, now)
            )
            if foldable and current is not None:
                body = Body(started=current.started, saved=now, value=value)
                version = conn.execute(
                    select(vc.id, blob(vc.body_ct)).where(
                        vc.document_id == doc_id, vc.seq == last_seq
                    )
                ).first()
                if version is None:
                    raise VaultCorrupt(detail="an answer's history is missing")
                sealed = seal_body(key, body, "versions", "body", version.id, doc_id)
                conn.execute(update(t.versions).where(vc.id == version.id).values(body_ct=sealed))
                ledger.swap_version(version.id, doc_id, last_seq, version.body_ct, sealed)
                seq = last_seq
            else:
                body = Body(started=now, saved=now, value=value)
                seq = last_seq + 1
                self._insert_version(conn, ledger, key, doc_id, seq, body)
            current_ct = seal_body(key, body, "documents", "current", doc_id, name)
            conn.execute(
                update(t.documents)
                .where(dc.id == doc_id)
                .values(current_ct=current_ct, last_seq=seq)
            )
            lookup = bytes(row.lookup)
            ledger.remove_document(doc_id, lookup, last_seq, row.name_ct, row.current_ct)
            ledger.add_document(doc_id, lookup, seq, row.name_ct, current_ct)
            self._sitting.add(doc_id)
            ledger.commit()
            return SaveResult(
                seq=seq,
                folded=foldable,
                unchanged=False,
                saved=now,
                corrected=foldable and fold is Fold.DAY,
            )

    def _may_fold(self, fold: Fold, doc_id: str, current: Body, now: datetime) -> bool:
        if current.started > now or current.saved > now:  # a clock that went back
            return False
        if fold is Fold.DAY:
            return current.started.astimezone().date() == now.astimezone().date()
        if fold is Fold.SITTING:
            return (
                doc_id in self._sitting
                and now - current.saved <= FOLD_WINDOW
                and now - current.started <= FOLD_SPAN
            )
        return False

    def delete(self, name: str) -> bool:
        """Removes a document and all its versions (only on the participant's explicit ask)."""
        key = self._require_key()
        dc, vc = t.documents.c, t.versions.c
        with self._writing() as conn:
            ledger = _Ledger(conn, key)
            row = conn.execute(
                select(dc.id, dc.lookup, dc.last_seq, blob(dc.name_ct), blob(dc.current_ct)).where(
                    dc.lookup == key.lookup(name)
                )
            ).first()
            if row is None:
                return False
            for version in conn.execute(
                select(vc.id, vc.seq, blob(vc.body_ct)).where(vc.document_id == row.id)
            ).all():
                ledger.remove_version(version.id, row.id, version.seq, version.body_ct)
            ledger.remove_document(
                row.id, bytes(row.lookup), row.last_seq, row.name_ct, row.current_ct
            )
            conn.execute(t.versions.delete().where(vc.document_id == row.id))
            conn.execute(t.documents.delete().where(dc.id == row.id))
            ledger.commit()
            return True

    # -- story iterations ----------------------------------------------------------------

    def add_iteration(self, value: JsonDict) -> int:
        key = self._require_key()
        with self._writing() as conn:
            ledger = _Ledger(conn, key)
            number = (conn.execute(select(func.max(t.iterations.c.number))).scalar() or 0) + 1
            row_id = crypto.random_id()
            sealed = seal_iteration(key, value, row_id, number)
            conn.execute(insert(t.iterations).values(id=row_id, number=number, body_ct=sealed))
            ledger.add("iterations", mf.iteration_entry(row_id, number, mf.tag_of(sealed)))
            ledger.commit()
        return number

    def iterations(self) -> list[Iteration]:
        """Every readable story version (a damaged one is left out, and named by ``check``)."""
        key = self._require_key()
        with database_errors(self.path), self._engine.connect() as conn:
            rows = conn.execute(
                select(
                    t.iterations.c.id, t.iterations.c.number, blob(t.iterations.c.body_ct)
                ).order_by(t.iterations.c.number)
            ).all()
        out = []
        for row in rows:
            try:
                out.append(
                    Iteration(row.number, open_iteration(key, row.id, row.number, row.body_ct))
                )
            except VaultCorrupt:
                continue
        return out

    def iteration(self, number: int) -> Iteration:
        key = self._require_key()
        with database_errors(self.path), self._engine.connect() as conn:
            row = conn.execute(
                select(
                    t.iterations.c.id, t.iterations.c.number, blob(t.iterations.c.body_ct)
                ).where(t.iterations.c.number == number)
            ).first()
        if row is None:
            raise NoIteration(number=number)
        return Iteration(row.number, open_iteration(key, row.id, row.number, row.body_ct))

    # -- salvage ---------------------------------------------------------------------------

    def identify(self, names: list[str]) -> dict[str, str]:
        """Row id -> name for each document whose sealed name is damaged but whose lookup
        matches one of ``names``; those rows get their name sealed again."""
        key = self._require_key()
        with self._writing() as conn:
            found = sv.identify(key, sv.unnamed_rows(conn, key), names)
            if not found:
                return {}
            ledger = _Ledger(conn, key)
            dc = t.documents.c
            for row_id, name in found.items():
                row = conn.execute(
                    select(dc.lookup, dc.last_seq, blob(dc.name_ct), blob(dc.current_ct)).where(
                        dc.id == row_id
                    )
                ).one()
                new_name = sv.rename(conn, key, row_id, name)
                lookup = bytes(row.lookup)
                ledger.remove_document(row_id, lookup, row.last_seq, row.name_ct, row.current_ct)
                ledger.add_document(row_id, lookup, row.last_seq, new_name, row.current_ct)
            ledger.commit()
        return found

    def open_copy(self, backup: Path, scratch: Path) -> Vault | None:
        """A backup of this same journal, unlocked with this key; None if it is not one."""
        key = self._require_key()
        try:
            trial = sv.copy_for_reading(backup, scratch)
            other = Vault.open(trial, clock=self._clock)
        except PeerJournalError:
            return None
        if not other.unlock_with_key(key.raw):
            other.close()
            return None
        return other

    # -- integrity ------------------------------------------------------------------------

    def check(self) -> CheckReport:
        """Every sealed value, the header, the manifest and SQLite's own integrity check."""
        key = self._require_key()
        with database_errors(self.path), self._engine.connect() as conn:
            return check_vault(conn, key, self._header)

    # -- helpers ---------------------------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """One write transaction, then its pages copied from the log into the database.

        The commit itself is durable (the write-ahead log is synced); the checkpoint that
        follows moves it into the main file at once, so losing the ``-wal`` file later
        (deleted, damaged) can never take an acknowledged save with it.
        """
        with self._write_lock, database_errors(self.path):
            with self._engine.begin() as conn:
                yield conn
            self._checkpoint()

    def _checkpoint(self) -> None:
        try:
            raw = self._engine.raw_connection()
            try:
                driver = raw.driver_connection
                if driver is None:
                    return
                driver.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            finally:
                raw.close()
        except (sqlite3.Error, sa_exc.SQLAlchemyError, OSError):
            log.warning("checkpoint deferred; the save itself is safe in the log")

    @property
    def engine(self) -> Engine:
        """For the backup module only, which copies the already encrypted pages."""
        return self._engine

    def _insert_version(
        self,
        conn: Connection,
        ledger: _Ledger,
        key: crypto.DataKey,
        doc_id: str,
        seq: int,
        body: Body,
    ) -> None:
        version_id = crypto.random_id()
        sealed = seal_body(key, body, "versions", "body", version_id, doc_id)
        conn.execute(
            insert(t.versions).values(id=version_id, document_id=doc_id, seq=seq, body_ct=sealed)
        )
        ledger.add("versions", mf.version_entry(version_id, doc_id, seq, mf.tag_of(sealed)))


class _Ledger:
    """The manifest's part of one write: entries added and taken away, sealed at the end.

    If the manifest cannot be read (unlocking already reported why), the save goes on
    without it: a word is never refused for the sake of the record about it.
    """

    def __init__(self, conn: Connection, key: crypto.DataKey) -> None:
        self._conn = conn
        self._key = key
        stored = u.meta(conn)
        self._vault_id = stored.get(u.VAULT_ID, "")
        sealed = stored.get(u.MANIFEST)
        self.manifest: mf.Manifest | None = None
        if sealed is not None:
            with contextlib.suppress(crypto.Tampered):
                self.manifest = mf.unseal(key, sealed, self._vault_id)

    def add(self, table: str, entry: bytes) -> None:
        if self.manifest is not None:
            self.manifest.add(self._key, table, entry)

    def remove(self, table: str, entry: bytes) -> None:
        if self.manifest is not None:
            self.manifest.remove(self._key, table, entry)

    def add_document(self, doc_id: str, lookup: bytes, seq: int, name: bytes, cur: bytes) -> None:
        self.add(
            "documents", mf.document_entry(doc_id, lookup, seq, mf.tag_of(name), mf.tag_of(cur))
        )

    def remove_document(
        self, doc_id: str, lookup: bytes, seq: int, name: bytes, cur: bytes
    ) -> None:
        self.remove(
            "documents", mf.document_entry(doc_id, lookup, seq, mf.tag_of(name), mf.tag_of(cur))
        )

    def remove_version(self, version_id: str, doc_id: str, seq: int, sealed: bytes) -> None:
        self.remove("versions", mf.version_entry(version_id, doc_id, seq, mf.tag_of(sealed)))

    def swap_version(self, version_id: str, doc_id: str, seq: int, old: bytes, new: bytes) -> None:
        self.remove_version(version_id, doc_id, seq, old)
        self.add("versions", mf.version_entry(version_id, doc_id, seq, mf.tag_of(new)))

    def commit(self) -> None:
        """Counts the change and seals the manifest, in the same transaction."""
        commits = _count_commit(self._conn)
        if self.manifest is not None:
            self.manifest.commits = commits
            _put(self._conn, u.MANIFEST, mf.seal(self._key, self.manifest, self._vault_id))


def _put(conn: Connection, key: str, value: str) -> None:
    updated = conn.execute(update(t.meta).where(t.meta.c.key == key).values(value=value)).rowcount
    if not updated:
        conn.execute(insert(t.meta).values(key=key, value=value))


def _read_commits(conn: Connection) -> int:
    value = conn.execute(select(t.meta.c.value).where(t.meta.c.key == COMMITS)).scalar()
    return int(value) if isinstance(value, str) and value.isdigit() else 0


def _count_commit(conn: Connection) -> int:
    """Counts one change, in the transaction that makes it (readable: a counter, no content)."""
    count = _read_commits(conn) + 1
    _put(conn, COMMITS, str(count))
    return count


def _slot_row(slot: Keyslot) -> dict[str, object]:
    return {
        "id": slot.id,
        "kind": slot.kind.value,
        "kdf": slot.params.to_json(),
        "salt": slot.salt,
        "wrapped": slot.wrapped,
    }


def _set_aside_damaged_log(path: Path, clock: Clock) -> list[str]:
    wal, shm = sidecars(path)
    if inspect_wal(wal) is not WalState.DAMAGED:
        return []
    folder = DataDir(path.parent).set_aside
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = clock().astimezone().strftime("%Y-%m-%d-%H%M%S")
    os.replace(wal, folder / f"journal-log-damaged-{stamp}.db-wal")
    if shm.exists():
        os.replace(shm, folder / f"journal-log-damaged-{stamp}.db-shm")
    log.warning("a damaged write-ahead log was set aside")
    return [
        "Your journal's recent-changes file was damaged, so it was set aside in the "
        "'set-aside' folder. Every save peerjournal confirmed is in the journal itself."
    ]


__all__ = ["FOLD_WINDOW", "FORMAT_VERSION", "Vault"]
