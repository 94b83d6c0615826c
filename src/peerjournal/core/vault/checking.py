"""``check``: everything in the file read and compared, each problem named where it lies.

Every sealed value is opened; each document's versions must run 1..n with its current
text equal to the newest; no version may belong to no document; the sealed header must
list exactly the keyslots there are; and the manifest must give the sums the rows give.
A damaged item is named by what it is ("the answer m1.s1.positive", "the daily page of
2026-11-24", "story version 3") when its name still opens.
"""

from __future__ import annotations

from sqlalchemy import Connection, select, text

from peerjournal.core.documents import describe
from peerjournal.core.vault import crypto
from peerjournal.core.vault import header as h
from peerjournal.core.vault import tables as t
from peerjournal.core.vault import unlocking as u
from peerjournal.core.vault.records import Body, CheckReport, Damage
from peerjournal.core.vault.rows import open_body, open_iteration, open_name
from peerjournal.core.vault.tables import blob


def check_vault(conn: Connection, key: crypto.DataKey, header: h.Header | None) -> CheckReport:
    damaged: list[Damage] = []
    counts = {"documents": 0, "versions": 0, "iterations": 0}
    for (line,) in conn.execute(text("PRAGMA integrity_check")).all():
        if line != "ok":
            damaged.append(Damage("the database file", str(line)))
    dc, vc, ic = t.documents.c, t.versions.c, t.iterations.c
    docs = conn.execute(
        select(dc.id, dc.lookup, blob(dc.name_ct), blob(dc.current_ct), dc.last_seq)
    ).all()
    version_rows = conn.execute(
        select(vc.id, vc.document_id, vc.seq, blob(vc.body_ct)).order_by(vc.document_id, vc.seq)
    ).all()
    iteration_rows = conn.execute(select(ic.id, ic.number, blob(ic.body_ct))).all()
    by_doc: dict[str, list[tuple[str, int, bytes]]] = {}
    for v in version_rows:
        by_doc.setdefault(v.document_id, []).append((v.id, v.seq, v.body_ct))
    for doc in docs:
        counts["documents"] += 1
        name: str | None
        try:
            name = open_name(key, doc.id, doc.name_ct)
        except Exception:
            name = None
        where = describe(name, doc.id)
        if name is None:
            damaged.append(Damage(where, "its name does not decrypt"))
        elif key.lookup(name) != bytes(doc.lookup):
            damaged.append(Damage(where, "its lookup does not match its name"))
        current: Body | None = None
        if name is not None:
            try:
                current = open_body(key, doc.current_ct, "documents", "current", doc.id, name)
            except Exception:
                damaged.append(Damage(where, "its current text does not decrypt"))
        history = by_doc.pop(doc.id, [])
        seqs = [seq for _id, seq, _ct in history]
        if seqs != list(range(1, doc.last_seq + 1)):
            damaged.append(Damage(where, "versions are missing from its history, or out of order"))
        last: Body | None = None
        for version_id, seq, body_ct in history:
            counts["versions"] += 1
            try:
                body = open_body(key, body_ct, "versions", "body", version_id, doc.id)
            except Exception:
                damaged.append(Damage(f"{where}, version {seq}", "does not decrypt"))
                continue
            if seq == doc.last_seq:
                last = body
        if current is not None and last is not None and current != last:
            damaged.append(Damage(where, "its current text differs from its latest version"))
    for orphan in by_doc:
        damaged.append(Damage(f"versions of row {orphan[:8]}", "belong to no answer or page"))
    numbers = []
    for row in iteration_rows:
        counts["iterations"] += 1
        numbers.append(row.number)
        try:
            open_iteration(key, row.id, row.number, row.body_ct)
        except Exception:
            damaged.append(Damage(f"story version {row.number}", "does not decrypt"))
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
