"""The vault: an encrypted, versioned store of named documents in one SQLite file.

Everything the participant writes is a *document* with a name ("answer:m1.s1.positive",
"journal:2026-11-24", "contacts" ...) and a JSON value. Names and values are sealed;
on disk only random ids, an HMAC of the name (for lookups) and counters are readable.
Each save is a version, except that saves made while typing goes on fold into the
version of this sitting (see ``Fold``), so history stays useful without ever losing
what an earlier sitting wrote. A save returns only once SQLite has committed it with
``synchronous=FULL``, so an acknowledged save survives a crash or power loss.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    LargeBinary,
    cast,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy import exc as sa_exc

from peerjournal.core.errors import (
    NoIteration,
    NoVault,
    VaultCorrupt,
    VaultExists,
    VaultLocked,
    VaultTooNew,
    WrongPassphrase,
    WrongRecoveryKey,
)
from peerjournal.core.paths import DataDir
from peerjournal.core.vault import crypto, migrate
from peerjournal.core.vault import tables as t
from peerjournal.core.vault.files import fsync_dir, fsync_file, remove_with_sidecars, sidecars
from peerjournal.core.vault.keyslots import (
    RECOVERY_PARAMS,
    KdfParams,
    Keyslot,
    SlotKind,
    calibrate,
    normalise_passphrase,
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
from peerjournal.core.vault.sqlite import (
    database_errors,
    looks_like_sqlite,
    make_engine,
)
from peerjournal.core.vault.wal import WalState, inspect_wal

log = logging.getLogger(__name__)

FORMAT_VERSION = "1"
COMMITS = "commits"
FOLD_WINDOW = timedelta(minutes=5)
FOLD_SPAN = timedelta(minutes=30)


def _blob(column: ColumnElement[bytes]) -> ColumnElement[bytes]:
    """Reads a sealed column as bytes even if damage stored it as text (it then fails to open)."""
    return cast(column, LargeBinary).label(column.key)


class Vault:
    """An open vault file. Locked until ``unlock``; only then can anything be read or saved."""

    def __init__(self, path: Path, engine: Engine, *, clock: Clock = utc_now) -> None:
        self.path = path
        self.notices: list[str] = []
        """Things the participant should hear about opening (e.g. a log set aside)."""
        self._engine = engine
        self._clock = clock
        self._key: crypto.DataKey | None = None
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
        recovery = RecoveryKey.generate()
        slots = [
            Keyslot.create(SlotKind.PASSPHRASE, secret, params, bytes(data_key)),
            Keyslot.create(SlotKind.RECOVERY, recovery.secret, RECOVERY_PARAMS, bytes(data_key)),
        ]
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
                            {"key": "format_version", "value": FORMAT_VERSION},
                            {"key": "vault_id", "value": crypto.random_id()},
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
        vault._key = crypto.DataKey(data_key)
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
                        select(t.meta.c.value).where(t.meta.c.key == "format_version")
                    ).scalar()
                    slot_count = conn.execute(select(func.count()).select_from(t.keyslots)).scalar()
            if version is None or not slot_count:
                raise VaultCorrupt(detail="its keys are missing")
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

    def _slots(self, kind: SlotKind) -> list[Keyslot]:
        with database_errors(self.path), self._engine.connect() as conn:
            rows = conn.execute(select(t.keyslots).where(t.keyslots.c.kind == kind.value)).all()
        slots = []
        for row in rows:
            try:
                params = KdfParams.from_json(row.kdf)
            except (ValueError, KeyError, TypeError):
                continue
            slots.append(Keyslot(row.id, kind, params, bytes(row.salt), bytes(row.wrapped)))
        return slots

    def unlock(self, passphrase: str) -> None:
        secret = normalise_passphrase(passphrase)
        for slot in self._slots(SlotKind.PASSPHRASE):
            try:
                self._key = crypto.DataKey(slot.unwrap(secret))
                return
            except crypto.Tampered:
                continue
        raise WrongPassphrase()

    def verify_passphrase(self, passphrase: str) -> bool:
        """Whether ``passphrase`` opens this vault, without changing what is unlocked."""
        secret = normalise_passphrase(passphrase)
        for slot in self._slots(SlotKind.PASSPHRASE):
            try:
                slot.unwrap(secret)
                return True
            except crypto.Tampered:
                continue
        return False

    def unlock_with_recovery(self, recovery: RecoveryKey) -> None:
        for slot in self._slots(SlotKind.RECOVERY):
            try:
                self._key = crypto.DataKey(slot.unwrap(recovery.secret))
                return
            except crypto.Tampered:
                continue
        raise WrongRecoveryKey()

    def passphrase_params(self) -> KdfParams | None:
        slots = self._slots(SlotKind.PASSPHRASE)
        return slots[0].params if slots else None

    def set_passphrase(self, new_passphrase: str, *, kdf: KdfParams | None = None) -> None:
        """Rewraps the data key under a new passphrase, in one transaction.

        The new slot is written and the old ones removed atomically, so a crash at any
        moment leaves a vault that opens with either the old or the new passphrase.
        """
        key = self._require_key()
        secret = normalise_passphrase(new_passphrase)
        params = kdf or self.passphrase_params() or calibrate()
        slot = Keyslot.create(SlotKind.PASSPHRASE, secret, params, key.raw)
        with self._writing() as conn:
            conn.execute(t.keyslots.delete().where(t.keyslots.c.kind == SlotKind.PASSPHRASE.value))
            conn.execute(insert(t.keyslots), [_slot_row(slot)])
            _count_commit(conn)

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
                    t.documents.c.id, _blob(t.documents.c.current_ct), t.documents.c.last_seq
                ).where(t.documents.c.lookup == key.lookup(name))
            ).first()
        if row is None:
            return None
        body = self._open_body(key, row.current_ct, "documents", "current", row.id, name)
        return Document(name=name, seq=row.last_seq, body=body)

    def documents(self, prefix: str = "") -> Iterator[Document]:
        """Every document's current state (optionally those whose name has ``prefix``)."""
        key = self._require_key()
        with database_errors(self.path), self._engine.connect() as conn:
            rows = conn.execute(
                select(
                    t.documents.c.id,
                    _blob(t.documents.c.name_ct),
                    _blob(t.documents.c.current_ct),
                    t.documents.c.last_seq,
                )
            ).all()
        for row in rows:
            name = self._open_name(key, row.id, row.name_ct)
            if not name.startswith(prefix):
                continue
            body = self._open_body(key, row.current_ct, "documents", "current", row.id, name)
            yield Document(name=name, seq=row.last_seq, body=body)

    def history(self, name: str) -> list[Version]:
        """Every version of a document, oldest first (by counter, never by clock)."""
        key = self._require_key()
        with database_errors(self.path), self._engine.connect() as conn:
            doc_id = conn.execute(
                select(t.documents.c.id).where(t.documents.c.lookup == key.lookup(name))
            ).scalar()
            if doc_id is None:
                return []
            rows = conn.execute(
                select(t.versions.c.id, t.versions.c.seq, _blob(t.versions.c.body_ct))
                .where(t.versions.c.document_id == doc_id)
                .order_by(t.versions.c.seq)
            ).all()
        return [
            Version(
                seq=row.seq,
                body=self._open_body(key, row.body_ct, "versions", "body", row.id, doc_id),
            )
            for row in rows
        ]

    def save(
        self, name: str, value: JsonValue, *, fold: Fold = Fold.SITTING, blank: bool = False
    ) -> SaveResult:
        """Saves ``value`` as the document's new state; durable when this returns.

        ``blank`` says the value holds nothing (an emptied answer): it never folds, so
        the words before it stay a version of their own.
        """
        key = self._require_key()
        now = self._clock()
        with self._writing() as conn:
            row = conn.execute(
                select(
                    t.documents.c.id, _blob(t.documents.c.current_ct), t.documents.c.last_seq
                ).where(t.documents.c.lookup == key.lookup(name))
            ).first()
            if row is None:
                doc_id = crypto.random_id()
                body = Body(started=now, saved=now, value=value)
                conn.execute(
                    insert(t.documents).values(
                        id=doc_id,
                        lookup=key.lookup(name),
                        name_ct=key.seal(
                            name.encode(), table="documents", column="name", row_id=doc_id
                        ),
                        current_ct=self._seal_body(key, body, "documents", "current", doc_id, name),
                        last_seq=1,
                    )
                )
                self._insert_version(conn, key, doc_id, 1, body)
                self._sitting.add(doc_id)
                _count_commit(conn)
                return SaveResult(seq=1, folded=False, unchanged=False, saved=now)
            doc_id, last_seq = row.id, row.last_seq
            current = self._open_body(key, row.current_ct, "documents", "current", doc_id, name)
            if current.value == value:
                return SaveResult(seq=last_seq, folded=False, unchanged=True, saved=current.saved)
            foldable = not blank and self._may_fold(fold, doc_id, current, now)
            if foldable:
                body = Body(started=current.started, saved=now, value=value)
                version_id = conn.execute(
                    select(t.versions.c.id).where(
                        t.versions.c.document_id == doc_id, t.versions.c.seq == last_seq
                    )
                ).scalar()
                if version_id is None:
                    raise VaultCorrupt(detail="an answer's history is missing")
                conn.execute(
                    update(t.versions)
                    .where(t.versions.c.id == version_id)
                    .values(
                        body_ct=self._seal_body(key, body, "versions", "body", version_id, doc_id)
                    )
                )
                seq = last_seq
            else:
                body = Body(started=now, saved=now, value=value)
                seq = last_seq + 1
                self._insert_version(conn, key, doc_id, seq, body)
            conn.execute(
                update(t.documents)
                .where(t.documents.c.id == doc_id)
                .values(
                    current_ct=self._seal_body(key, body, "documents", "current", doc_id, name),
                    last_seq=seq,
                )
            )
            self._sitting.add(doc_id)
            _count_commit(conn)
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
        with self._writing() as conn:
            doc_id = conn.execute(
                select(t.documents.c.id).where(t.documents.c.lookup == key.lookup(name))
            ).scalar()
            if doc_id is None:
                return False
            conn.execute(t.versions.delete().where(t.versions.c.document_id == doc_id))
            conn.execute(t.documents.delete().where(t.documents.c.id == doc_id))
            _count_commit(conn)
            return True

    # -- story iterations ----------------------------------------------------------------

    def add_iteration(self, value: JsonDict) -> int:
        key = self._require_key()
        with self._writing() as conn:
            number = (conn.execute(select(func.max(t.iterations.c.number))).scalar() or 0) + 1
            row_id = crypto.random_id()
            sealed = key.seal(
                json.dumps(value, ensure_ascii=False).encode("utf-8"),
                table="iterations",
                column="body",
                row_id=row_id,
                extra=str(number),
            )
            conn.execute(insert(t.iterations).values(id=row_id, number=number, body_ct=sealed))
            _count_commit(conn)
        return number

    def iterations(self) -> list[Iteration]:
        key = self._require_key()
        with database_errors(self.path), self._engine.connect() as conn:
            rows = conn.execute(
                select(
                    t.iterations.c.id, t.iterations.c.number, _blob(t.iterations.c.body_ct)
                ).order_by(t.iterations.c.number)
            ).all()
        return [
            Iteration(row.number, self._open_iteration(key, row.id, row.number, row.body_ct))
            for row in rows
        ]

    def iteration(self, number: int) -> Iteration:
        key = self._require_key()
        with database_errors(self.path), self._engine.connect() as conn:
            row = conn.execute(
                select(
                    t.iterations.c.id, t.iterations.c.number, _blob(t.iterations.c.body_ct)
                ).where(t.iterations.c.number == number)
            ).first()
        if row is None:
            raise NoIteration(number=number)
        return Iteration(row.number, self._open_iteration(key, row.id, row.number, row.body_ct))

    # -- integrity ------------------------------------------------------------------------

    def check(self) -> CheckReport:
        """Decrypts and authenticates every sealed value and runs SQLite's integrity check."""
        key = self._require_key()
        damaged: list[Damage] = []
        counts = {"documents": 0, "versions": 0, "iterations": 0}
        with database_errors(self.path), self._engine.connect() as conn:
            for (line,) in conn.execute(text("PRAGMA integrity_check")).all():
                if line != "ok":
                    damaged.append(Damage("database", str(line)))
            dc, vc, ic = t.documents.c, t.versions.c, t.iterations.c
            docs = conn.execute(
                select(dc.id, dc.lookup, _blob(dc.name_ct), _blob(dc.current_ct), dc.last_seq)
            ).all()
            version_rows = conn.execute(
                select(vc.id, vc.document_id, vc.seq, _blob(vc.body_ct)).order_by(
                    vc.document_id, vc.seq
                )
            ).all()
            iteration_rows = conn.execute(select(ic.id, ic.number, _blob(ic.body_ct))).all()
        by_doc: dict[str, list[tuple[str, int, bytes]]] = {}
        for v in version_rows:
            by_doc.setdefault(v.document_id, []).append((v.id, v.seq, v.body_ct))
        for doc in docs:
            counts["documents"] += 1
            where = f"document {doc.id[:8]}"
            try:
                name = self._open_name(key, doc.id, doc.name_ct)
            except VaultCorrupt:
                damaged.append(Damage(where, "its name does not decrypt"))
                name = None
            if name is not None and key.lookup(name) != bytes(doc.lookup):
                damaged.append(Damage(where, "its lookup does not match its name"))
            current: Body | None = None
            if name is not None:
                try:
                    current = self._open_body(
                        key, doc.current_ct, "documents", "current", doc.id, name
                    )
                except VaultCorrupt:
                    damaged.append(Damage(where, "its current text does not decrypt"))
            history = by_doc.pop(doc.id, [])
            seqs = [seq for _id, seq, _ct in history]
            if seqs != list(range(1, doc.last_seq + 1)):
                damaged.append(Damage(where, "versions are missing from its history"))
            last: Body | None = None
            for version_id, seq, body_ct in history:
                counts["versions"] += 1
                try:
                    body = self._open_body(key, body_ct, "versions", "body", version_id, doc.id)
                except VaultCorrupt:
                    damaged.append(Damage(f"{where} version {seq}", "does not decrypt"))
                    continue
                if seq == doc.last_seq:
                    last = body
            if current is not None and last is not None and current != last:
                damaged.append(Damage(where, "its current text differs from its latest version"))
        for orphan in by_doc:
            damaged.append(Damage(f"versions of {orphan[:8]}", "belong to no document"))
        for row in iteration_rows:
            counts["iterations"] += 1
            try:
                self._open_iteration(key, row.id, row.number, row.body_ct)
            except VaultCorrupt:
                damaged.append(Damage(f"story version {row.number}", "does not decrypt"))
        return CheckReport(damaged=tuple(damaged), checked=counts)

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
        self, conn: Connection, key: crypto.DataKey, doc_id: str, seq: int, body: Body
    ) -> None:
        version_id = crypto.random_id()
        conn.execute(
            insert(t.versions).values(
                id=version_id,
                document_id=doc_id,
                seq=seq,
                body_ct=self._seal_body(key, body, "versions", "body", version_id, doc_id),
            )
        )

    @staticmethod
    def _seal_body(
        key: crypto.DataKey, body: Body, table: str, column: str, row_id: str, extra: str
    ) -> bytes:
        return key.seal(body.encode(), table=table, column=column, row_id=row_id, extra=extra)

    @staticmethod
    def _open_body(
        key: crypto.DataKey, blob: bytes, table: str, column: str, row_id: str, extra: str
    ) -> Body:
        try:
            return Body.decode(
                key.open(bytes(blob), table=table, column=column, row_id=row_id, extra=extra)
            )
        except (crypto.Tampered, ValueError, KeyError, TypeError):
            raise VaultCorrupt(detail="a saved answer does not decrypt") from None

    @staticmethod
    def _open_name(key: crypto.DataKey, doc_id: str, blob: bytes) -> str:
        try:
            return key.open(bytes(blob), table="documents", column="name", row_id=doc_id).decode()
        except (crypto.Tampered, UnicodeDecodeError):
            raise VaultCorrupt(detail="a saved answer does not decrypt") from None

    @staticmethod
    def _open_iteration(key: crypto.DataKey, row_id: str, number: int, blob: bytes) -> JsonDict:
        try:
            raw = key.open(
                bytes(blob), table="iterations", column="body", row_id=row_id, extra=str(number)
            )
            value = json.loads(raw)
        except (crypto.Tampered, ValueError):
            raise VaultCorrupt(detail="a saved story version does not decrypt") from None
        if not isinstance(value, dict):
            raise VaultCorrupt(detail="a saved story version does not decrypt")
        return value


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


def _read_commits(conn: Connection) -> int:
    value = conn.execute(select(t.meta.c.value).where(t.meta.c.key == COMMITS)).scalar()
    return int(value) if isinstance(value, str) and value.isdigit() else 0


def _count_commit(conn: Connection) -> None:
    """Counts one change, in the transaction that makes it (readable: a counter, no content)."""
    count = _read_commits(conn) + 1
    updated = conn.execute(
        update(t.meta).where(t.meta.c.key == COMMITS).values(value=str(count))
    ).rowcount
    if not updated:
        conn.execute(insert(t.meta).values(key=COMMITS, value=str(count)))


def _slot_row(slot: Keyslot) -> dict[str, object]:
    return {
        "id": slot.id,
        "kind": slot.kind.value,
        "kdf": slot.params.to_json(),
        "salt": slot.salt,
        "wrapped": slot.wrapped,
    }
