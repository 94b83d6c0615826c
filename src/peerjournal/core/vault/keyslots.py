"""Keyslots: the data key wrapped under the passphrase (Argon2id) or the recovery key.

The Argon2id parameters are stored with each slot so they can be raised later without
breaking old vaults. Wrapping binds the slot id, kind and parameters as associated
data, so a slot's parameters cannot be swapped for weaker ones unnoticed.
"""

from __future__ import annotations

import json
import os
import time
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from peerjournal.core.errors import PassphraseEmpty
from peerjournal.core.vault import crypto

SALT_BYTES = 16
DEFAULT_MEMORY_KIB = 64 * 1024
TARGET_SECONDS = 0.5
MIN_ITERATIONS = 3
MAX_ITERATIONS = 40


class SlotKind(StrEnum):
    PASSPHRASE = "passphrase"
    RECOVERY = "recovery"


@dataclass(frozen=True, slots=True)
class KdfParams:
    algorithm: str
    memory_kib: int
    iterations: int
    lanes: int

    def to_json(self) -> str:
        return json.dumps(
            {
                "algorithm": self.algorithm,
                "memory_kib": self.memory_kib,
                "iterations": self.iterations,
                "lanes": self.lanes,
            },
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> KdfParams:
        data = json.loads(text)
        return cls(
            algorithm=str(data["algorithm"]),
            memory_kib=int(data["memory_kib"]),
            iterations=int(data["iterations"]),
            lanes=int(data["lanes"]),
        )


def argon2id(
    memory_kib: int = DEFAULT_MEMORY_KIB, iterations: int = 4, lanes: int = 2
) -> KdfParams:
    return KdfParams("argon2id", memory_kib, iterations, lanes)


RECOVERY_PARAMS = KdfParams("hkdf-sha256", 0, 0, 0)
"""The recovery key already holds 144 random bits, so it needs no slow derivation."""

FAST_KDF = argon2id(memory_kib=64, iterations=1, lanes=1)
"""For tests and benchmark vaults only: trivially cheap, never for a real journal."""


def calibrate(
    target_seconds: float = TARGET_SECONDS, memory_kib: int = DEFAULT_MEMORY_KIB
) -> KdfParams:
    """Picks the iteration count that costs about ``target_seconds`` on this machine.

    Two probes (one and three passes) separate the fixed cost of filling the memory
    from the cost of each pass, so the estimate holds for short and long targets.
    """
    salt = os.urandom(SALT_BYTES)
    timings = []
    for passes in (1, 3):
        best = float("inf")
        for _ in range(2):  # the faster of two: a busy moment should not weaken the key
            started = time.perf_counter()
            _argon2(b"calibration", salt, argon2id(memory_kib=memory_kib, iterations=passes))
            best = min(best, time.perf_counter() - started)
        timings.append(best)
    per_pass = max((timings[1] - timings[0]) / 2, 1e-4)
    fixed = max(timings[0] - per_pass, 0.0)
    iterations = round((target_seconds - fixed) / per_pass)
    return argon2id(
        memory_kib=memory_kib, iterations=max(MIN_ITERATIONS, min(MAX_ITERATIONS, iterations))
    )


def normalise_passphrase(passphrase: str) -> bytes:
    """NFC, so the same passphrase typed on another keyboard or system still opens it."""
    if passphrase == "":
        raise PassphraseEmpty()
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _argon2(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    return Argon2id(
        salt=salt,
        length=crypto.KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(secret)


def derive_kek(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    if params.algorithm == "argon2id":
        return _argon2(secret, salt, params)
    if params.algorithm == "hkdf-sha256":
        return crypto.hkdf(secret, info=b"peerjournal recovery keyslot", salt=salt)
    raise ValueError("unknown key derivation")


def _slot_aad(slot_id: str, kind: SlotKind, params: KdfParams) -> bytes:
    return crypto.associated_data("keyslots", "wrapped", slot_id, f"{kind}|{params.to_json()}")


@dataclass(frozen=True, slots=True)
class Keyslot:
    id: str
    kind: SlotKind
    params: KdfParams
    salt: bytes
    wrapped: bytes

    @classmethod
    def create(cls, kind: SlotKind, secret: bytes, params: KdfParams, data_key: bytes) -> Keyslot:
        slot_id = crypto.random_id()
        salt = os.urandom(SALT_BYTES)
        kek = derive_kek(secret, salt, params)
        wrapped = crypto.seal_with(kek, data_key, _slot_aad(slot_id, kind, params))
        return cls(id=slot_id, kind=kind, params=params, salt=salt, wrapped=wrapped)

    def unwrap(self, secret: bytes) -> bytes:
        """Raises ``crypto.Tampered`` for a wrong secret or a damaged slot."""
        kek = derive_kek(secret, self.salt, self.params)
        return crypto.open_with(kek, self.wrapped, _slot_aad(self.id, self.kind, self.params))
