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

from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from peerjournal.core.errors import NoVault, VaultCorrupt, VaultTooNew
from peerjournal.core.vault import crypto
from peerjournal.core.vault import header as h
from peerjournal.core.vault import manifest as mf
from peerjournal.core.vault.keyslots import KdfParams, Keyslot, SlotKind
from peerjournal.core.vault.sqlite import as_driver, looks_like_sqlite

if TYPE_CHECKING:
    from peerjournal.core.vault.sqlite import Reader


HEADER = "header"
MANIFEST = "manifest"
COMMITS = "commits"
FORMAT = "format_version"
VAULT_ID = "vault_id"


class Slots(msgspec.Struct):
    usable: list[Keyslot] = msgspec.field(default_factory=list)
    unsafe: dict[str, str] = msgspec.field(default_factory=dict)
    """Slot id -> why it was not tried (settings unreadable or outside the bounds)."""


_SLOTS = (
    "SELECT id, kind, kdf, CAST(salt AS BLOB), CAST(wrapped AS BLOB) FROM keyslots "
    "ORDER BY kind, id"
)


def read_slots(conn: Reader) -> Slots:
    found = Slots()
    for slot_id, kind_text, kdf, salt, wrapped in as_driver(conn).execute(_SLOTS).fetchall():
        try:
            kind = SlotKind(str(kind_text))
            params = KdfParams.from_json(str(kdf))
            if kind is SlotKind.RECOVERY and params.algorithm == "argon2id":
                raise ValueError("a recovery key with passphrase settings")
            if kind is SlotKind.PASSPHRASE and params.algorithm != "argon2id":
                raise ValueError("a passphrase key without Argon2id")
            found.usable.append(Keyslot(str(slot_id), kind, params, bytes(salt), bytes(wrapped)))
        except (ValueError, TypeError) as exc:
            found.unsafe[str(slot_id)] = str(exc)[:80]
    return found


def meta(conn: Reader) -> dict[str, str]:
    rows = as_driver(conn).execute("SELECT key, value FROM meta").fetchall()
    return {str(k): str(v) for k, v in rows}


class Opened(msgspec.Struct):
    key: crypto.DataKey
    slot: Keyslot
    format2_slot: bool
    header: h.Header | None


def choose_key(
    conn: Reader, candidates: list[tuple[Keyslot, bytes, bool]], stored: dict[str, str]
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


def has_rows(conn: Reader) -> bool:
    return as_driver(conn).execute("SELECT 1 FROM documents LIMIT 1").fetchone() is not None


def reads_a_row(conn: Reader, key: crypto.DataKey) -> bool:
    """Whether ``key`` opens the name of any document (it is this journal's key)."""
    raw = as_driver(conn)
    rows = raw.execute("SELECT id, CAST(name_ct AS BLOB) FROM documents LIMIT 20").fetchall()
    for row_id, name_ct in rows:
        try:
            key.open(bytes(name_ct), table="documents", column="name", row_id=row_id)
            return True
        except crypto.Tampered:
            continue
    if not rows:
        it = raw.execute(
            "SELECT id, number, CAST(body_ct AS BLOB) FROM iterations LIMIT 5"
        ).fetchall()
        for row_id, number, body_ct in it:
            try:
                key.open(
                    bytes(body_ct),
                    table="iterations",
                    column="body",
                    row_id=row_id,
                    extra=str(number),
                )
                return True
            except crypto.Tampered:
                continue
        return not it
    return False


def inspect(conn: Reader, opened: Opened, slots: Slots, stored: dict[str, str]) -> list[str]:
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


def check_file(path: Path) -> None:
    """Refuses, calmly, a missing file or one that is not a database at all."""
    if not path.exists():
        raise NoVault(path=str(path.parent))
    if path.stat().st_size == 0 or not looks_like_sqlite(path):
        raise VaultCorrupt(detail="it is not a peerjournal database any more")


def quick_check(conn: Reader) -> None:
    row = as_driver(conn).execute("PRAGMA quick_check").fetchone()
    if row is None or row[0] != "ok":
        raise VaultCorrupt(detail="SQLite found damage inside the file")


def read_format(conn: Reader) -> tuple[str | None, int]:
    """The stored format number and how many keyslots there are (for ``check_format``)."""
    raw = as_driver(conn)
    version = raw.execute("SELECT value FROM meta WHERE key = ?", (FORMAT,)).fetchone()
    slots = raw.execute("SELECT count(*) FROM keyslots").fetchone()
    return (version[0] if version else None), (slots[0] if slots else 0)


def check_format(version: object, slot_count: object) -> None:
    """Refuses, calmly, a file with no keys, a strange format number, or a newer format."""
    if version is None or not slot_count:
        raise VaultCorrupt(detail="its keys are missing")
    if not str(version).isdigit() or len(str(version)) > 6:
        raise VaultCorrupt(detail="its format number is not one peerjournal writes")
    if int(str(version)) > h.FORMAT:
        raise VaultTooNew()


def _int(value: str | None) -> int:
    return int(value) if value is not None and value.isdigit() else -1


__all__ = ["Opened", "Slots", "choose_key", "inspect", "meta", "read_slots"]
