"""Reading every document's current state: shared by the window's vault and the read-only one.

Plain SQL on the driver's cursor: ten years are 4,000 rows, each worth no row object.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from peerjournal.core.errors import NoIteration, VaultCorrupt
from peerjournal.core.vault import crypto
from peerjournal.core.vault.records import Damage, Document, Iteration, Version
from peerjournal.core.vault.rows import name_of, open_body, open_iteration
from peerjournal.core.vault.sqlite import as_driver

if TYPE_CHECKING:
    from peerjournal.core.vault.sqlite import Reader

Row = tuple[str, bytes, bytes, int]

_ALL_DOCUMENTS = (
    "SELECT id, CAST(name_ct AS BLOB), CAST(current_ct AS BLOB), last_seq FROM documents"
)


_DOCUMENT_ID = "SELECT id FROM documents WHERE lookup = ?"
_DOCUMENT = "SELECT id, CAST(current_ct AS BLOB), last_seq FROM documents WHERE lookup = ?"
_ITERATIONS = "SELECT id, number, CAST(body_ct AS BLOB) FROM iterations ORDER BY number"
_ITERATION = "SELECT id, number, CAST(body_ct AS BLOB) FROM iterations WHERE number = ?"
_VERSIONS_OF = (
    "SELECT id, seq, CAST(body_ct AS BLOB) FROM versions WHERE document_id = ? ORDER BY seq"
)


BATCH = 256
"""Rows read at a time: ten years of sealed pages are never all in memory at once."""


def open_documents(
    key: crypto.DataKey, rows: list[Row], prefix: str, unreadable: list[Damage]
) -> Iterator[Document]:
    """Each row that opens, as a document; one that does not is listed, never fatal.

    One damaged answer never hides the rest: it goes into ``unreadable``, by name when
    its name still opens.
    """
    open_name = key.opener("documents", "name")
    open_current = key.opener("documents", "current")
    for row_id, name_ct, current_ct, last_seq in rows:
        try:
            name = name_of(open_name(bytes(name_ct), row_id, ""))
        except (crypto.Tampered, UnicodeDecodeError):
            unreadable.append(Damage(f"document {row_id[:8]}", "its name does not decrypt"))
            continue
        if not name.startswith(prefix):
            continue
        try:
            plaintext = open_current(bytes(current_ct), row_id, name)
            doc = Document.sealed(name, last_seq, plaintext)
        except (crypto.Tampered, ValueError, KeyError, TypeError):
            unreadable.append(Damage(name, "its current text does not decrypt"))
            continue
        yield doc


class DocumentReader:
    """Every document's current state, for the window's vault and the read-only one alike.

    Each supplies its key and its reading connection; what did not open is kept in
    ``unreadable`` after a full read, so one damaged answer never hides the rest.
    """

    unreadable: list[Damage]

    def _require_key(self) -> crypto.DataKey:
        raise NotImplementedError

    def _reading(self) -> AbstractContextManager[Reader]:
        raise NotImplementedError

    def documents(self, prefix: str = "") -> Iterator[Document]:
        """Every readable document's current state (optionally those whose name has ``prefix``).

        A row that does not open is skipped, not fatal: it is listed in ``unreadable``
        (by name when its name still opens).
        """
        key = self._require_key()
        unreadable: list[Damage] = []
        with self._reading() as conn:
            cursor = as_driver(conn).execute(_ALL_DOCUMENTS)
            while rows := cursor.fetchmany(BATCH):
                yield from open_documents(key, rows, prefix, unreadable)
        if not prefix:
            self.unreadable = unreadable

    def history(self, name: str) -> list[Version]:
        """Every readable version of a document, oldest first (by counter, never by clock)."""
        key = self._require_key()
        with self._reading() as conn:
            raw = as_driver(conn)
            found = raw.execute(_DOCUMENT_ID, (key.lookup(name),)).fetchone()
            if found is None:
                return []
            doc_id = found[0]
            rows = raw.execute(_VERSIONS_OF, (doc_id,)).fetchall()
        out = []
        for version_id, seq, body_ct in rows:
            try:
                body = open_body(key, body_ct, "versions", "body", version_id, doc_id)
            except VaultCorrupt:
                continue
            out.append(Version(seq=seq, body=body))
        return out

    def get(self, name: str) -> Document | None:
        key = self._require_key()
        with self._reading() as conn:
            row = as_driver(conn).execute(_DOCUMENT, (key.lookup(name),)).fetchone()
        if row is None:
            return None
        doc_id, current_ct, last_seq = row
        body = open_body(key, current_ct, "documents", "current", doc_id, name)
        return Document(name=name, seq=last_seq, body=body)

    def iterations(self) -> list[Iteration]:
        """Every readable story version (a damaged one is left out, and named by ``check``)."""
        key = self._require_key()
        with self._reading() as conn:
            rows = as_driver(conn).execute(_ITERATIONS).fetchall()
        out = []
        for row_id, number, body_ct in rows:
            try:
                out.append(Iteration(number, open_iteration(key, row_id, number, body_ct)))
            except VaultCorrupt:
                continue
        return out

    def iteration(self, number: int) -> Iteration:
        key = self._require_key()
        with self._reading() as conn:
            row = as_driver(conn).execute(_ITERATION, (number,)).fetchone()
        if row is None:
            raise NoIteration(number=number)
        row_id, found, body_ct = row
        return Iteration(found, open_iteration(key, row_id, found, body_ct))
