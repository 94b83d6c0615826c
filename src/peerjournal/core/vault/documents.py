"""The documents and story versions of a vault: read, saved with folding, deleted.

The half of ``Vault`` that works on rows: a mixin, because these methods share the
vault's key, write transaction and sitting with the half that opens the file and holds
the keys (``store``). Every write keeps the manifest in step (``Ledger``).
"""

from __future__ import annotations

from collections.abc import Sequence
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
    BroughtIn,
    Clock,
    Fold,
    SaveResult,
)
from peerjournal.core.vault.rows import (
    open_body,
    open_iteration,
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

    # -- bringing writing in ---------------------------------------------------------------

    def bring_in(
        self,
        documents: Sequence[tuple[str, Sequence[Body]]],
        iterations: Sequence[JsonDict],
        *,
        newest_on_top: bool = False,
    ) -> BroughtIn:
        """Writes documents with their versions (oldest first) and story versions, in one
        transaction: all of it, or, when anything fails, none of it.

        A document not here yet comes in exactly, its versions as they were. One already
        here keeps what it has on top: versions that say something it does not hold go into
        its history, and its current state is saved again after them; versions it already
        holds are recognised and skipped. Story versions already here are skipped alike.
        With ``newest_on_top`` the last version that came in becomes the current state
        instead (a page the caller has made from what was here and what came in), and
        what was here stays in the history.
        """
        key = self._require_key()
        dc = t.documents.c
        summary = BroughtIn()
        with self._writing() as conn:
            ledger = Ledger(conn, key)
            for name, bodies in documents:
                if not bodies:
                    continue
                lookup = key.lookup(name)
                row = conn.execute(
                    select(dc.id, blob(dc.name_ct), blob(dc.current_ct), dc.last_seq).where(
                        dc.lookup == lookup
                    )
                ).first()
                if row is None:
                    self._insert_document(conn, ledger, key, name, bodies)
                    summary.new.append(name)
                    continue
                held = _held_values(conn, key, row.id)
                try:
                    current: Body | None = open_body(
                        key, row.current_ct, "documents", "current", row.id, name
                    )
                except VaultCorrupt:
                    current = None  # damaged: what comes in takes its place, as save does
                if current is not None:
                    held.append(current.value)
                fresh: list[Body] = []
                for body in bodies:
                    if body.value not in held:
                        held.append(body.value)
                        fresh.append(body)
                if not fresh:
                    summary.already_here.append(name)
                    continue
                again = current is not None and not newest_on_top
                on_top = current if current is not None and again else fresh[-1]
                seq = row.last_seq
                for body in [*fresh, current] if current is not None and again else fresh:
                    seq += 1
                    self._insert_version(conn, ledger, key, row.id, seq, body)
                current_ct = seal_body(key, on_top, "documents", "current", row.id, name)
                conn.execute(
                    update(t.documents)
                    .where(dc.id == row.id)
                    .values(current_ct=current_ct, last_seq=seq)
                )
                ledger.remove_document(row.id, lookup, row.last_seq, row.name_ct, row.current_ct)
                ledger.add_document(row.id, lookup, seq, row.name_ct, current_ct)
                summary.merged.append(name)
            held_iterations = _held_iterations(conn, key)
            number = conn.execute(select(func.max(t.iterations.c.number))).scalar() or 0
            for value in iterations:
                if value in held_iterations:
                    summary.story_versions_already_here += 1
                    continue
                held_iterations.append(value)
                number += 1
                row_id = crypto.random_id()
                sealed = seal_iteration(key, value, row_id, number)
                conn.execute(insert(t.iterations).values(id=row_id, number=number, body_ct=sealed))
                ledger.add("iterations", mf.iteration_entry(row_id, number, mf.tag_of(sealed)))
                summary.story_versions += 1
            ledger.commit()
        return summary

    def _insert_document(
        self,
        conn: Connection,
        ledger: Ledger,
        key: crypto.DataKey,
        name: str,
        bodies: Sequence[Body],
    ) -> None:
        doc_id = crypto.random_id()
        name_ct = seal_name(key, name, doc_id)
        current_ct = seal_body(key, bodies[-1], "documents", "current", doc_id, name)
        seq = len(bodies)
        conn.execute(
            insert(t.documents).values(
                id=doc_id,
                lookup=key.lookup(name),
                name_ct=name_ct,
                current_ct=current_ct,
                last_seq=seq,
            )
        )
        ledger.add_document(doc_id, key.lookup(name), seq, name_ct, current_ct)
        for number, body in enumerate(bodies, start=1):
            self._insert_version(conn, ledger, key, doc_id, number, body)

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


def _held_values(conn: Connection, key: crypto.DataKey, doc_id: str) -> list[JsonValue]:
    """The values of a document's versions that open (a damaged one is left as it is)."""
    vc = t.versions.c
    held: list[JsonValue] = []
    for v in conn.execute(select(vc.id, blob(vc.body_ct)).where(vc.document_id == doc_id)):
        try:
            held.append(open_body(key, v.body_ct, "versions", "body", v.id, doc_id).value)
        except VaultCorrupt:
            continue
    return held


def _held_iterations(conn: Connection, key: crypto.DataKey) -> list[JsonDict]:
    ic = t.iterations.c
    held: list[JsonDict] = []
    for r in conn.execute(select(ic.id, ic.number, blob(ic.body_ct))):
        try:
            held.append(open_iteration(key, r.id, r.number, r.body_ct))
        except VaultCorrupt:
            continue
    return held
