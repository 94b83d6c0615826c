"""From a secret to the journal's data key, and what the file says about itself.

``read_slots`` reads the keyslots in a defined order (kind, then id) and sets aside any
whose settings are unsafe before any key derivation runs. ``choose_key`` tries each
slot and keeps the key that opens the sealed header: a slot copied in from an older
copy of the journal (wrapping a data key since replaced) or planted never wins, and a
damaged header still does not lock the participant out. ``inspect`` then compares the
header and the manifest with the file and says, in the participant's words, what
something other than peerjournal changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, func, select

from peerjournal.core.vault import crypto
from peerjournal.core.vault import header as h
from peerjournal.core.vault import manifest as mf
from peerjournal.core.vault import tables as t
from peerjournal.core.vault.keyslots import KdfParams, Keyslot, SlotKind
from peerjournal.core.vault.rows import blob

HEADER = "header"
MANIFEST = "manifest"
COMMITS = "commits"
FORMAT = "format_version"
VAULT_ID = "vault_id"


@dataclass(slots=True)
class Slots:
    usable: list[Keyslot] = field(default_factory=list)
    unsafe: dict[str, str] = field(default_factory=dict)
    """Slot id -> why it was not tried (settings unreadable or outside the bounds)."""


def read_slots(conn: Connection) -> Slots:
    found = Slots()
    rows = conn.execute(select(t.keyslots).order_by(t.keyslots.c.kind, t.keyslots.c.id)).all()
    for row in rows:
        try:
            kind = SlotKind(str(row.kind))
            params = KdfParams.from_json(str(row.kdf))
            if kind is SlotKind.RECOVERY and params.algorithm == "argon2id":
                raise ValueError("a recovery key with passphrase settings")
            if kind is SlotKind.PASSPHRASE and params.algorithm != "argon2id":
                raise ValueError("a passphrase key without Argon2id")
            found.usable.append(
                Keyslot(str(row.id), kind, params, bytes(row.salt), bytes(row.wrapped))
            )
        except (ValueError, TypeError) as exc:
            found.unsafe[str(row.id)] = str(exc)[:80]
    return found


def meta(conn: Connection) -> dict[str, str]:
    return {str(k): str(v) for k, v in conn.execute(select(t.meta.c.key, t.meta.c.value))}


@dataclass(slots=True)
class Opened:
    key: crypto.DataKey
    slot: Keyslot
    format2_slot: bool
    header: h.Header | None


def choose_key(
    conn: Connection, candidates: list[tuple[Keyslot, bytes, bool]], stored: dict[str, str]
) -> Opened | None:
    """The first unwrapped key that opens the sealed header; else one that reads any row.

    ``candidates`` are (slot, unwrapped key, whether the slot is format 2), in order.
    None means no candidate is this journal's key (a stale or planted slot only).
    """
    vault_id = stored.get(VAULT_ID, "")
    sealed_header = stored.get(HEADER)
    fallback: Opened | None = None
    for slot, raw, v2 in candidates:
        key = crypto.DataKey(raw)
        if sealed_header is not None:
            try:
                header = h.unseal(key, sealed_header, vault_id)
            except crypto.Tampered:
                if fallback is None and reads_a_row(conn, key):
                    fallback = Opened(key, slot, v2, None)
                else:
                    key.wipe()
                continue
            if fallback is not None:
                fallback.key.wipe()
            return Opened(key, slot, v2, header)
        if fallback is None and (reads_a_row(conn, key) or not has_rows(conn)):
            fallback = Opened(key, slot, v2, None)
        else:
            key.wipe()
    return fallback


def has_rows(conn: Connection) -> bool:
    return bool(conn.execute(select(func.count()).select_from(t.documents)).scalar())


def reads_a_row(conn: Connection, key: crypto.DataKey) -> bool:
    """Whether ``key`` opens the name of any document (it is this journal's key)."""
    rows = conn.execute(select(t.documents.c.id, blob(t.documents.c.name_ct)).limit(20)).all()
    for row in rows:
        try:
            key.open(bytes(row.name_ct), table="documents", column="name", row_id=row.id)
            return True
        except crypto.Tampered:
            continue
    if not rows:
        it = conn.execute(
            select(t.iterations.c.id, t.iterations.c.number, blob(t.iterations.c.body_ct)).limit(5)
        ).all()
        for row in it:
            try:
                key.open(
                    bytes(row.body_ct),
                    table="iterations",
                    column="body",
                    row_id=row.id,
                    extra=str(row.number),
                )
                return True
            except crypto.Tampered:
                continue
        return not it
    return False


def inspect(conn: Connection, opened: Opened, slots: Slots, stored: dict[str, str]) -> list[str]:
    """What differs between the sealed header and manifest and the file as it is."""
    found: list[str] = []
    vault_id = stored.get(VAULT_ID, "")
    if opened.header is None:
        found.append(
            "its sealed list of keys is missing"
            if HEADER not in stored
            else "its sealed list of keys cannot be read"
        )
    else:
        found += opened.header.differences(slots.usable, list(slots.unsafe))
        if opened.header.format != h.FORMAT or stored.get(FORMAT) != str(h.FORMAT):
            found.append("its format number was changed")
    sealed_manifest = stored.get(MANIFEST)
    commits = _int(stored.get(COMMITS))
    if sealed_manifest is None:
        found.append("its record of what it holds is missing")
        return found
    try:
        expected = mf.unseal(opened.key, sealed_manifest, vault_id)
    except crypto.Tampered:
        found.append("its record of what it holds cannot be read")
        return found
    if expected.commits != commits:
        found.append("its change counter was changed")
    found += expected.differences(mf.compute(conn, opened.key, commits))
    return found


def _int(value: str | None) -> int:
    return int(value) if value is not None and value.isdigit() else -1


__all__ = ["Opened", "Slots", "choose_key", "inspect", "meta", "read_slots"]
