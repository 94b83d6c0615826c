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
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Connection, LargeBinary, cast, func, select

from peerjournal.core.vault import crypto
from peerjournal.core.vault import tables as t

MODULUS = 1 << 256
TABLES = ("documents", "versions", "iterations")
HEAD = 1 + crypto.NONCE_BYTES
TAG = 16


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


@dataclass(slots=True)
class Manifest:
    commits: int = 0
    sums: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))

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


def _head(column: ColumnElement[bytes]) -> ColumnElement[bytes]:
    return func.substr(cast(column, LargeBinary), 1, HEAD)


def _tail(column: ColumnElement[bytes]) -> ColumnElement[bytes]:
    """As bytes even if damage stored the value as text (it then fails to open anyway)."""
    return func.substr(cast(column, LargeBinary), -TAG)


def compute(conn: Connection, key: crypto.DataKey, commits: int) -> Manifest:
    """The manifest the rows as they are give (reads only the heads and tails of blobs)."""
    found = Manifest(commits=commits)
    dc, vc, ic = t.documents.c, t.versions.c, t.iterations.c
    for row in conn.execute(
        select(
            dc.id,
            dc.lookup,
            dc.last_seq,
            _head(dc.name_ct),
            _tail(dc.name_ct),
            _head(dc.current_ct),
            _tail(dc.current_ct),
        )
    ):
        entry = document_entry(
            row[0], bytes(row[1]), row[2], _join(row[3], row[4]), _join(row[5], row[6])
        )
        found.add(key, "documents", entry)
    for row in conn.execute(
        select(vc.id, vc.document_id, vc.seq, _head(vc.body_ct), _tail(vc.body_ct))
    ):
        found.add(key, "versions", version_entry(row[0], row[1], row[2], _join(row[3], row[4])))
    for row in conn.execute(select(ic.id, ic.number, _head(ic.body_ct), _tail(ic.body_ct))):
        found.add(key, "iterations", iteration_entry(row[0], row[1], _join(row[2], row[3])))
    return found


def _join(head: object, tail: object) -> bytes:
    def raw(part: object) -> bytes:
        if isinstance(part, bytes | bytearray | memoryview):
            return bytes(part)
        return str(part).encode("utf-8", "replace")

    return raw(head) + raw(tail)


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
