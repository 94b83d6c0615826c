"""The authenticated row set: a keyed sum over every row, kept in step with every save.

Each row of ``documents``, ``versions`` and ``iterations`` has an *entry*: its table,
id, position (sequence number, story version number, lookup), and the nonce and tag of
each sealed value it holds. The manifest keeps, per table, the sum modulo 2^256 of a
keyed PRF (HMAC-SHA256 under a subkey of the data key) of every entry, the number of
rows, and the journal's change counter; it is sealed (AES-GCM) in ``meta``.

A save adds its new entries and takes away the old ones in the same transaction, so it
costs a few HMACs whatever the journal's size. Deleting, duplicating or reordering a
row, putting an older ciphertext back in one, or putting an older manifest back, all
leave a sum that the rows no longer give, and without the key no one can compute the
sum a changed set should have. Only the whole file put back to an older copy of itself
passes: docs/security.md says so.

The nonce and tag stand for the whole ciphertext: a changed ciphertext body with the
same nonce and tag fails to decrypt, so it is caught when it is read.
"""

from __future__ import annotations

import base64
import json
import sqlite3
from typing import TYPE_CHECKING

import msgspec

from peerjournal.core.vault import crypto
from peerjournal.core.vault.sqlite import as_driver

if TYPE_CHECKING:
    from peerjournal.core.vault.sqlite import Reader

MODULUS = 1 << 256
TABLES = ("documents", "versions", "iterations")
HEAD = 1 + crypto.NONCE_BYTES
TAG = 16
if (HEAD, TAG) != (13, 16):  # the queries below spell them out
    raise ImportError("the manifest queries assume a 12-byte nonce and a 16-byte tag")


def tag_of(blob: bytes) -> bytes:
    """The format byte, nonce and tag of a sealed value: all an entry needs of it."""
    return bytes(blob[:HEAD]) + bytes(blob[-TAG:])


def document_entry(row_id: str, lookup: bytes, last_seq: int, name: bytes, current: bytes) -> bytes:
    return _entry("documents", row_id, lookup.hex(), str(last_seq), name.hex(), current.hex())


def version_entry(row_id: str, document_id: str, seq: int, body: bytes) -> bytes:
    return _entry("versions", row_id, document_id, str(seq), body.hex())


def iteration_entry(row_id: str, number: int, body: bytes) -> bytes:
    return _entry("iterations", row_id, str(number), body.hex())


def _entry(*parts: str) -> bytes:
    return "\x1f".join(parts).encode("ascii", "replace")


class Manifest(msgspec.Struct):
    commits: int = 0
    sums: dict[str, int] = msgspec.field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    counts: dict[str, int] = msgspec.field(default_factory=lambda: dict.fromkeys(TABLES, 0))

    def add(self, key: crypto.DataKey, table: str, entry: bytes) -> None:
        self.sums[table] = (self.sums[table] + key.mark(entry)) % MODULUS
        self.counts[table] += 1

    def remove(self, key: crypto.DataKey, table: str, entry: bytes) -> None:
        self.sums[table] = (self.sums[table] - key.mark(entry)) % MODULUS
        self.counts[table] -= 1

    def differences(self, other: Manifest) -> list[str]:
        """What differs from ``other`` (the rows as they are), in the participant's words."""
        words = {
            "documents": "answers and pages",
            "versions": "earlier versions",
            "iterations": "saved story versions",
        }
        found = []
        for table in TABLES:
            if self.sums[table] == other.sums[table]:
                continue
            have, had = other.counts[table], self.counts[table]
            if have < had:
                found.append(f"{had - have} of its {words[table]} are missing")
            elif have > had:
                found.append(f"{have - had} {words[table]} were added by something else")
            else:
                found.append(f"its {words[table]} were changed, put back or reordered")
        return found

    def to_json(self) -> bytes:
        return json.dumps(
            {
                "commits": self.commits,
                "sums": {k: format(v, "064x") for k, v in self.sums.items()},
                "counts": self.counts,
            },
            sort_keys=True,
        ).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> Manifest:
        data = json.loads(raw)
        return cls(
            commits=int(data["commits"]),
            sums={k: int(data["sums"][k], 16) for k in TABLES},
            counts={k: int(data["counts"][k]) for k in TABLES},
        )


def seal(key: crypto.DataKey, manifest: Manifest, vault_id: str) -> str:
    blob = key.seal(manifest.to_json(), table="meta", column="manifest", row_id=vault_id)
    return base64.b64encode(blob).decode("ascii")


def unseal(key: crypto.DataKey, text: str, vault_id: str) -> Manifest:
    """Raises ``crypto.Tampered`` when it is not this journal's own, whole."""
    try:
        blob = base64.b64decode(text, validate=True)
        raw = key.open(blob, table="meta", column="manifest", row_id=vault_id)
        return Manifest.from_json(raw)
    except (ValueError, KeyError, TypeError):
        raise crypto.Tampered from None


# Each row's entry is spelled out in SQL, byte for byte what ``document_entry``,
# ``version_entry`` and ``iteration_entry`` give for the row as it was saved, so the
# interpreter only keys and adds them. HEAD (1 + 12) and TAG (16) bytes of each sealed
# column are read as bytes even if damage stored text there (the queries are written out,
# never built from strings); hex(NULL) is empty and a NULL id or number spells "None", so
# a damaged row is still counted, never skipped.
_DOCUMENTS = """
SELECT CAST(
    'documents'
    || char(31) || ifnull(CAST(id AS TEXT), 'None')
    || char(31) || lower(hex(CAST(lookup AS BLOB)))
    || char(31) || ifnull(CAST(last_seq AS TEXT), 'None')
    || char(31) || lower(hex(substr(CAST(name_ct AS BLOB), 1, 13))
        || hex(substr(CAST(name_ct AS BLOB), -16)))
    || char(31) || lower(hex(substr(CAST(current_ct AS BLOB), 1, 13))
        || hex(substr(CAST(current_ct AS BLOB), -16)))
    AS BLOB) AS entry
FROM documents
"""
_VERSIONS = """
SELECT CAST(
    'versions'
    || char(31) || ifnull(CAST(id AS TEXT), 'None')
    || char(31) || ifnull(CAST(document_id AS TEXT), 'None')
    || char(31) || ifnull(CAST(seq AS TEXT), 'None')
    || char(31) || lower(hex(substr(CAST(body_ct AS BLOB), 1, 13))
        || hex(substr(CAST(body_ct AS BLOB), -16)))
    AS BLOB) AS entry
FROM versions
"""
_ITERATIONS = """
SELECT CAST(
    'iterations'
    || char(31) || ifnull(CAST(id AS TEXT), 'None')
    || char(31) || ifnull(CAST(number AS TEXT), 'None')
    || char(31) || lower(hex(substr(CAST(body_ct AS BLOB), 1, 13))
        || hex(substr(CAST(body_ct AS BLOB), -16)))
    AS BLOB) AS entry
FROM iterations
"""
_QUERIES = {"documents": _DOCUMENTS, "versions": _VERSIONS, "iterations": _ITERATIONS}
_JOINED = {
    # Built from the three constant queries above, never from anything read or typed.
    table: f"SELECT CAST(group_concat(entry, char(30)) AS BLOB), count(*) FROM ({query})"  # noqa: S608
    for table, query in _QUERIES.items()
}


def compute(conn: Reader, key: crypto.DataKey, commits: int) -> Manifest:
    """The manifest the rows as they are give (reads only the heads and tails of blobs).

    It runs at every unlock, before the journal is shown: at ten years that is 10,000
    rows, so SQLite builds each row's entry and Python only keys and adds them.
    """
    raw = as_driver(conn)
    found = Manifest(commits=commits)
    for table, query in _QUERIES.items():
        entries = _entries(raw, _JOINED[table], query)
        found.sums[table] = key.mark_sum(entries) % MODULUS
        found.counts[table] = len(entries)
    return found


def _entries(raw: sqlite3.Connection, joined_query: str, query: str) -> list[bytes]:
    """Every row's entry, from one SQLite step for the whole table when it can be.

    Joined in SQL, the table is read with the interpreter free (one step, not one per
    row); entries hold no record separator unless a row was planted or damaged, which
    the count then gives away, and those are read a row at a time.
    """
    joined, count = raw.execute(joined_query).fetchone()
    entries = bytes(joined).split(b"\x1e") if joined is not None else []
    if len(entries) == count:
        return entries
    return [bytes(entry) for (entry,) in raw.execute(query)]


__all__ = [
    "Manifest",
    "compute",
    "document_entry",
    "iteration_entry",
    "seal",
    "tag_of",
    "unseal",
    "version_entry",
]
