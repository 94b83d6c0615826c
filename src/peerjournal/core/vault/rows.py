"""Sealing and opening the values each row holds, with their associated data.

Kept apart so the store, key rotation and salvage seal exactly alike. Names are padded
to a multiple of ``NAME_BLOCK`` bytes before sealing, so the ciphertext's length no
longer tells which question an answer belongs to.
"""

from __future__ import annotations

import json

from peerjournal.core.errors import VaultCorrupt
from peerjournal.core.json_types import JsonDict
from peerjournal.core.vault import crypto
from peerjournal.core.vault.records import Body

NAME_BLOCK = 128


def seal_name(key: crypto.DataKey, name: str, doc_id: str) -> bytes:
    raw = name.encode("utf-8")
    padded = raw + b"\x00" * (-len(raw) % NAME_BLOCK or (0 if raw else NAME_BLOCK))
    return key.seal(padded, table="documents", column="name", row_id=doc_id)


def name_of(padded: bytes) -> str:
    """A name as opened: its padding off (raises UnicodeDecodeError when not a name)."""
    return padded.rstrip(b"\x00").decode("utf-8")


def open_name(key: crypto.DataKey, doc_id: str, sealed: bytes) -> str:
    try:
        return name_of(key.open(bytes(sealed), table="documents", column="name", row_id=doc_id))
    except (crypto.Tampered, UnicodeDecodeError):
        raise VaultCorrupt(detail="a saved answer does not decrypt") from None


def seal_body(
    key: crypto.DataKey, body: Body, table: str, column: str, row_id: str, extra: str
) -> bytes:
    return key.seal(body.encode(), table=table, column=column, row_id=row_id, extra=extra)


def open_body(
    key: crypto.DataKey, sealed: bytes, table: str, column: str, row_id: str, extra: str
) -> Body:
    try:
        return Body.decode(
            key.open(bytes(sealed), table=table, column=column, row_id=row_id, extra=extra)
        )
    except (crypto.Tampered, ValueError, KeyError, TypeError):
        raise VaultCorrupt(detail="a saved answer does not decrypt") from None


def seal_iteration(key: crypto.DataKey, value: JsonDict, row_id: str, number: int) -> bytes:
    return key.seal(
        json.dumps(value, ensure_ascii=False).encode("utf-8"),
        table="iterations",
        column="body",
        row_id=row_id,
        extra=str(number),
    )


def open_iteration(key: crypto.DataKey, row_id: str, number: int, sealed: bytes) -> JsonDict:
    try:
        raw = key.open(
            bytes(sealed), table="iterations", column="body", row_id=row_id, extra=str(number)
        )
        value = json.loads(raw)
    except (crypto.Tampered, ValueError):
        raise VaultCorrupt(detail="a saved story version does not decrypt") from None
    if not isinstance(value, dict):
        raise VaultCorrupt(detail="a saved story version does not decrypt")
    return value


__all__ = [
    "NAME_BLOCK",
    "name_of",
    "open_body",
    "open_iteration",
    "open_name",
    "seal_body",
    "seal_iteration",
    "seal_name",
]
