"""``check``: everything in the file read and compared, each problem named where it lies.

Every sealed value is opened; each document's versions must run 1..n with its current
text equal to the newest; no version may belong to no document; the sealed header must
list exactly the keyslots there are; and the manifest must give the sums the rows give.
A damaged item is named by what it is ("the answer m1.s1.positive", "the daily page of
2026-11-24", "story version 3") when its name still opens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peerjournal.core.documents import describe
from peerjournal.core.vault import crypto
from peerjournal.core.vault import header as h
from peerjournal.core.vault import unlocking as u
from peerjournal.core.vault.records import Body, CheckReport, Damage
from peerjournal.core.vault.rows import open_body, open_iteration, open_name
from peerjournal.core.vault.sqlite import as_driver

if TYPE_CHECKING:
    from peerjournal.core.vault.sqlite import Reader

_DOCUMENTS = (
    "SELECT id, lookup, CAST(name_ct AS BLOB), CAST(current_ct AS BLOB), last_seq FROM documents"
)
_VERSIONS = (
    "SELECT id, document_id, seq, CAST(body_ct AS BLOB) FROM versions ORDER BY document_id, seq"
)
_ITERATIONS = "SELECT id, number, CAST(body_ct AS BLOB) FROM iterations"


def check_vault(conn: Reader, key: crypto.DataKey, header: h.Header | None) -> CheckReport:
    """Every sealed value, the header, the manifest and SQLite's own integrity check.

    Plain SQL on the driver's cursor, so the window's vault and the read-only one (the
    ``check`` command, which imports no SQLAlchemy) run the same check.
    """
    raw = as_driver(conn)
    damaged: list[Damage] = []
    counts = {"documents": 0, "versions": 0, "iterations": 0}
    for (line,) in raw.execute("PRAGMA integrity_check").fetchall():
        if line != "ok":
            damaged.append(Damage("the database file", str(line)))
    docs = raw.execute(_DOCUMENTS).fetchall()
    version_rows = raw.execute(_VERSIONS).fetchall()
    iteration_rows = raw.execute(_ITERATIONS).fetchall()
    by_doc: dict[str, list[tuple[str, int, bytes]]] = {}
    for version_id, document_id, seq, body_ct in version_rows:
        by_doc.setdefault(document_id, []).append((version_id, seq, body_ct))
    for doc_id, lookup, name_ct, current_ct, last_seq in docs:
        counts["documents"] += 1
        name: str | None
        try:
            name = open_name(key, doc_id, name_ct)
        except Exception:
            name = None
        where = describe(name, doc_id)
        if name is None:
            damaged.append(Damage(where, "its name does not decrypt"))
        elif key.lookup(name) != bytes(lookup or b""):
            damaged.append(Damage(where, "its lookup does not match its name"))
        current: Body | None = None
        if name is not None:
            try:
                current = open_body(key, current_ct, "documents", "current", doc_id, name)
            except Exception:
                damaged.append(Damage(where, "its current text does not decrypt"))
        history = by_doc.pop(doc_id, [])
        seqs = [seq for _id, seq, _ct in history]
        if seqs != list(range(1, last_seq + 1)):
            damaged.append(Damage(where, "versions are missing from its history, or out of order"))
        last: Body | None = None
        for version_id, seq, body_ct in history:
            counts["versions"] += 1
            try:
                body = open_body(key, body_ct, "versions", "body", version_id, doc_id)
            except Exception:
                damaged.append(Damage(f"{where}, version {seq}", "does not decrypt"))
                continue
            if seq == last_seq:
                last = body
        if current is not None and last is not None and current != last:
            damaged.append(Damage(where, "its current text differs from its latest version"))
    for orphan in by_doc:
        damaged.append(Damage(f"versions of row {orphan[:8]}", "belong to no answer or page"))
    numbers = []
    for iteration_id, number, body_ct in iteration_rows:
        counts["iterations"] += 1
        numbers.append(number)
        try:
            open_iteration(key, iteration_id, number, body_ct)
        except Exception:
            damaged.append(Damage(f"story version {number}", "does not decrypt"))
    slots = u.read_slots(conn)
    stored = u.meta(conn)
    opened = u.Opened(key, slots.usable[0] if slots.usable else None, True, header)  # type: ignore[arg-type]  # the slot is not looked at
    if header is None and u.HEADER in stored:
        try:
            opened.header = h.unseal(key, stored[u.HEADER], stored.get(u.VAULT_ID, ""))
        except crypto.Tampered:
            opened.header = None
    for finding in u.inspect(conn, opened, slots, stored):
        damaged.append(Damage("the journal as a whole", finding))
    for slot_id, why in slots.unsafe.items():
        damaged.append(Damage(f"key {slot_id[:8]}", why))
    return CheckReport(damaged=tuple(damaged), checked=counts)


__all__ = ["check_vault", "describe"]
