"""The sealed header: the vault's format, id and every keyslot, authenticated by the data key.

Like KeePassXC's header HMAC and Standard Notes' key parameters in authenticated data,
this binds what the file says about its own keys: each slot's id, kind, key-derivation
settings, salt and a digest of its wrapped key, the recovery key's public key, and the
format. It is sealed with AES-GCM under the data key (so it can also be read back to
say exactly what differs), and checked at every unlock: a planted, removed or altered
slot is named, and nothing from a slot the header does not list is ever used.
"""

from __future__ import annotations

import base64
import hashlib
import json

import msgspec

from peerjournal.core.vault import crypto
from peerjournal.core.vault.keyslots import Keyslot

FORMAT = 2


class SlotRecord(msgspec.Struct, frozen=True):
    id: str
    kind: str
    kdf: str
    salt: str
    wrapped: str

    @classmethod
    def of(cls, slot: Keyslot) -> SlotRecord:
        return cls(
            id=slot.id,
            kind=slot.kind.value,
            kdf=slot.params.to_json(),
            salt=slot.salt.hex(),
            wrapped=hashlib.sha256(slot.wrapped).hexdigest(),
        )


class Header(msgspec.Struct, frozen=True):
    vault_id: str
    slots: tuple[SlotRecord, ...]
    recovery_public: str | None
    """Hex of the recovery key's X25519 public key; None while a first-format slot remains."""
    format: int = FORMAT

    def to_json(self) -> bytes:
        return json.dumps(
            {
                "format": self.format,
                "vault_id": self.vault_id,
                "slots": [
                    [s.id, s.kind, s.kdf, s.salt, s.wrapped]
                    for s in sorted(self.slots, key=lambda s: s.id)
                ],
                "recovery_public": self.recovery_public,
            },
            sort_keys=True,
        ).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> Header:
        data = json.loads(raw)
        return cls(
            vault_id=str(data["vault_id"]),
            slots=tuple(SlotRecord(*(str(x) for x in s)) for s in data["slots"]),
            recovery_public=(
                str(data["recovery_public"]) if data["recovery_public"] is not None else None
            ),
            format=int(data["format"]),
        )

    @classmethod
    def of(cls, vault_id: str, slots: list[Keyslot], recovery_public: bytes | None) -> Header:
        return cls(
            vault_id=vault_id,
            slots=tuple(SlotRecord.of(s) for s in slots),
            recovery_public=recovery_public.hex() if recovery_public else None,
        )

    def listed(self, slot: Keyslot) -> bool:
        """Whether ``slot`` is exactly one this header vouches for."""
        return SlotRecord.of(slot) in self.slots

    def differences(self, slots: list[Keyslot], unreadable: list[str]) -> list[str]:
        """How the keyslots in the file differ from the ones sealed in this header."""
        found = []
        mine = {s.id: s for s in self.slots}
        theirs = {s.id: SlotRecord.of(s) for s in slots}
        for slot_id, record in theirs.items():
            if slot_id not in mine:
                found.append(f"a {record.kind} key was added by something else")
            elif mine[slot_id] != record:
                found.append(f"its {record.kind} key was changed")
        for slot_id, record in mine.items():
            if slot_id not in theirs and slot_id not in unreadable:
                found.append(f"its {record.kind} key is missing")
        for _slot_id in unreadable:
            found.append("a key has settings that cannot be read or are unsafe")
        return found


def seal(key: crypto.DataKey, header: Header) -> str:
    blob = key.seal(header.to_json(), table="meta", column="header", row_id=header.vault_id)
    return base64.b64encode(blob).decode("ascii")


def unseal(key: crypto.DataKey, text: str, vault_id: str) -> Header:
    """Raises ``crypto.Tampered`` unless it is this journal's header, whole."""
    try:
        blob = base64.b64decode(text, validate=True)
        header = Header.from_json(key.open(blob, table="meta", column="header", row_id=vault_id))
    except (ValueError, KeyError, TypeError, IndexError):
        raise crypto.Tampered from None
    if header.vault_id != vault_id:
        raise crypto.Tampered
    return header


__all__ = ["FORMAT", "Header", "SlotRecord", "seal", "unseal"]
