"""The documents and story versions of a vault: read, saved with folding, deleted.

The half of ``Vault`` that works on rows: a mixin, because these methods share the
vault's key, write transaction and sitting with the half that opens the file and holds
the keys (``store``). Every write keeps the manifest in step (``Ledger``).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Connection, func, insert, select, update

from peerjournal.core.errors import VaultCorrupt
from peerjournal.core.json_types import JsonDict, JsonValue
from peerjournal.core.vault import crypto
from peerjournal.core.vault import manifest as mf
from peerjournal.core.vault import tables as t
from peerjournal.core.vault.ledger import Ledger
from peerjournal.core.vault.reading import DocumentReader
from peerjournal.core.vault.records import (
    Body,
    Clock,
    Fold,
    SaveResult,
)
from peerjournal.core.vault.rows import (
    open_body,
    seal_body,
    seal_iteration,
    seal_name,
)
from peerjournal.core.vault.tables import blob

FOLD_WINDOW = timedelta(minutes=5)
FOLD_SPAN = timedelta(minutes=30)


class DocumentStore(DocumentReader):
    path: Path
    _clock: Clock
    _sitting: set[str]

    def _reading(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    def _writing(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    # -- documents ---------------------------------------------------------------------

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
            ledger = Ledger(conn, key)
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
            ledger = Ledger(conn, key)
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
            ledger = Ledger(conn, key)
            number = (conn.execute(select(func.max(t.iterations.c.number))).scalar() or 0) + 1
            row_id = crypto.random_id()
            sealed = seal_iteration(key, value, row_id, number)
            conn.execute(insert(t.iterations).values(id=row_id, number=number, body_ct=sealed))
            ledger.add("iterations", mf.iteration_entry(row_id, number, mf.tag_of(sealed)))
            ledger.commit()
        return number

    def _insert_version(
        self,
        conn: Connection,
        ledger: Ledger,
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
