"""Key rotation: every sealed value opened under the old data key and sealed under a new one.

Run in the caller's transaction, so a crash leaves the old key and every old row, or
the new key and every new row, never a mix. Ids, sequence numbers and story version
numbers stay as they are; lookups are recomputed (they are keyed too) and names are
padded as they are re-sealed. A row that does not open under the old key is carried
across as it is (still damaged, still named by ``check``), never dropped.
"""

from __future__ import annotations

from sqlalchemy import Connection, bindparam, select, update

from peerjournal.core.errors import VaultCorrupt
from peerjournal.core.vault import crypto
from peerjournal.core.vault import manifest as mf
from peerjournal.core.vault import tables as t
from peerjournal.core.vault.rows import (
    open_body,
    open_iteration,
    open_name,
    seal_body,
    seal_iteration,
    seal_name,
)
from peerjournal.core.vault.tables import blob


def reseal_all(conn: Connection, old: crypto.DataKey, new: crypto.DataKey) -> int:
    """Re-seals every row under ``new``; returns how many rows were carried as they were.

    Each table's new values are written in one ``executemany`` of one statement: a
    statement built per row cost more than the sealing itself at ten years.
    """
    carried = 0
    dc, vc, ic = t.documents.c, t.versions.c, t.iterations.c
    whole: list[dict[str, object]] = []
    name_only: list[dict[str, object]] = []
    for row in conn.execute(select(dc.id, blob(dc.name_ct), blob(dc.current_ct))).all():
        try:
            name = open_name(old, row.id, row.name_ct)
        except VaultCorrupt:
            carried += 1
            continue
        values: dict[str, object] = {
            "row_id": row.id,
            "new_lookup": new.lookup(name),
            "new_name": seal_name(new, name, row.id),
        }
        try:
            body = open_body(old, row.current_ct, "documents", "current", row.id, name)
        except VaultCorrupt:
            carried += 1
            name_only.append(values)
            continue
        values["new_current"] = seal_body(new, body, "documents", "current", row.id, name)
        whole.append(values)
    renamed = update(t.documents).where(dc.id == bindparam("row_id"))
    if whole:
        conn.execute(
            renamed.values(
                lookup=bindparam("new_lookup"),
                name_ct=bindparam("new_name"),
                current_ct=bindparam("new_current"),
            ),
            whole,
        )
    if name_only:
        conn.execute(
            renamed.values(lookup=bindparam("new_lookup"), name_ct=bindparam("new_name")),
            name_only,
        )
    versions: list[dict[str, object]] = []
    for row in conn.execute(select(vc.id, vc.document_id, blob(vc.body_ct))).all():
        try:
            body = open_body(old, row.body_ct, "versions", "body", row.id, row.document_id)
        except VaultCorrupt:
            carried += 1
            continue
        sealed = seal_body(new, body, "versions", "body", row.id, row.document_id)
        versions.append({"row_id": row.id, "new_body": sealed})
    if versions:
        conn.execute(
            update(t.versions)
            .where(vc.id == bindparam("row_id"))
            .values(body_ct=bindparam("new_body")),
            versions,
        )
    iterations: list[dict[str, object]] = []
    for row in conn.execute(select(ic.id, ic.number, blob(ic.body_ct))).all():
        try:
            value = open_iteration(old, row.id, row.number, row.body_ct)
        except VaultCorrupt:
            carried += 1
            continue
        sealed = seal_iteration(new, value, row.id, row.number)
        iterations.append({"row_id": row.id, "new_body": sealed})
    if iterations:
        conn.execute(
            update(t.iterations)
            .where(ic.id == bindparam("row_id"))
            .values(body_ct=bindparam("new_body")),
            iterations,
        )
    return carried


def fresh_manifest(conn: Connection, key: crypto.DataKey, commits: int) -> mf.Manifest:
    return mf.compute(conn, key, commits)


__all__ = ["fresh_manifest", "reseal_all"]
