"""The manifest's part of each write, and the small records in ``meta`` it keeps with it."""

from __future__ import annotations

import contextlib

from sqlalchemy import Connection, insert, select, update

from peerjournal.core.vault import crypto
from peerjournal.core.vault import manifest as mf
from peerjournal.core.vault import tables as t
from peerjournal.core.vault import unlocking as u
from peerjournal.core.vault.keyslots import Keyslot

COMMITS = u.COMMITS


class Ledger:
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
        commits = count_commit(self._conn)
        if self.manifest is not None:
            self.manifest.commits = commits
            put(self._conn, u.MANIFEST, mf.seal(self._key, self.manifest, self._vault_id))


def put(conn: Connection, key: str, value: str) -> None:
    updated = conn.execute(update(t.meta).where(t.meta.c.key == key).values(value=value)).rowcount
    if not updated:
        conn.execute(insert(t.meta).values(key=key, value=value))


def read_commits(conn: Connection) -> int:
    value = conn.execute(select(t.meta.c.value).where(t.meta.c.key == COMMITS)).scalar()
    return int(value) if isinstance(value, str) and value.isdigit() else 0


def count_commit(conn: Connection) -> int:
    """Counts one change, in the transaction that makes it (readable: a counter, no content)."""
    count = read_commits(conn) + 1
    put(conn, COMMITS, str(count))
    return count


def slot_row(slot: Keyslot) -> dict[str, object]:
    return {
        "id": slot.id,
        "kind": slot.kind.value,
        "kdf": slot.params.to_json(),
        "salt": slot.salt,
        "wrapped": slot.wrapped,
    }
