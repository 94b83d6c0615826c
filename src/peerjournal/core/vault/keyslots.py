"""Keyslots: the data key wrapped under the passphrase (Argon2id) or the recovery key.

The Argon2id parameters are stored with each slot so they can be raised later without
breaking old vaults. Wrapping binds the slot id, kind and parameters as associated
data, so a slot's parameters cannot be swapped for weaker ones unnoticed; parameters
outside ``BOUNDS`` are refused before any work (a planted slot asking for 8 KiB, or for
4 TiB, is never run). Format-2 slots also bind ``vault2`` so that a slot written by
this version cannot pass for one of the first format (whose header was not sealed).

The recovery slot (format 2) is sealed to an X25519 public key derived from the
recovery key, so a new data key can be wrapped for the recovery key without knowing
it: changing the passphrase rotates the data key and the recovery key keeps working.
The public key itself is authenticated in the vault's sealed header.
"""

from __future__ import annotations

import json
import os
import time
import unicodedata
from enum import StrEnum
from typing import TYPE_CHECKING

import msgspec
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from peerjournal.core.errors import PassphraseEmpty
from peerjournal.core.vault import crypto

if TYPE_CHECKING:  # the X25519 modules are imported when a recovery key is used
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

SALT_BYTES = 16
DEFAULT_MEMORY_KIB = 64 * 1024
TARGET_SECONDS = 0.5
MIN_ITERATIONS = 3
MAX_ITERATIONS = 40


class Bounds(msgspec.Struct, frozen=True):
    """What a stored Argon2id setting may be; anything else is refused before any work."""

    memory_kib: tuple[int, int] = (19 * 1024, 1024 * 1024)
    iterations: tuple[int, int] = (1, 64)
    lanes: tuple[int, int] = (1, 8)


BOUNDS = Bounds()
RECOVERY_ALGORITHMS = ("hkdf-sha256", "x25519-hkdf")


class SlotKind(StrEnum):
    PASSPHRASE = "passphrase"
    RECOVERY = "recovery"


class KdfParams(msgspec.Struct, frozen=True):
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
        """Reads stored settings; ``ValueError`` names what is wrong (never runs anything)."""
        try:
            data = json.loads(text)
            params = cls(
                algorithm=str(data["algorithm"]),
                memory_kib=_whole(data["memory_kib"]),
                iterations=_whole(data["iterations"]),
                lanes=_whole(data["lanes"]),
            )
        except (ValueError, KeyError, TypeError):
            raise ValueError("its settings cannot be read") from None
        params.check()
        return params

    def check(self) -> None:
        """``ValueError`` unless these are settings peerjournal could have written."""
        if self.algorithm in RECOVERY_ALGORITHMS:
            if (self.memory_kib, self.iterations, self.lanes) != (0, 0, 0):
                raise ValueError("a recovery key's settings are not empty")
            return
        if self.algorithm != "argon2id":
            raise ValueError(f"an unknown key derivation, {self.algorithm[:20]!r}")
        for name, value, (low, high) in (
            ("memory", self.memory_kib, BOUNDS.memory_kib),
            ("passes", self.iterations, BOUNDS.iterations),
            ("lanes", self.lanes, BOUNDS.lanes),
        ):
            if not low <= value <= high:
                raise ValueError(f"{name} {value} is outside {low} to {high}")


def _whole(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("not a whole number")
    return value


def argon2id(
    memory_kib: int = DEFAULT_MEMORY_KIB, iterations: int = 4, lanes: int = 2
) -> KdfParams:
    return KdfParams("argon2id", memory_kib, iterations, lanes)


RECOVERY_PARAMS = KdfParams("hkdf-sha256", 0, 0, 0)
"""The recovery key already holds 144 random bits, so it needs no slow derivation."""

X25519_PARAMS = KdfParams("x25519-hkdf", 0, 0, 0)
"""A format-2 recovery slot: sealed to the recovery key's X25519 public key."""

FAST_KDF = argon2id(memory_kib=BOUNDS.memory_kib[0], iterations=1, lanes=1)
"""For tests and benchmark vaults only: the cheapest setting within ``BOUNDS`` (about
12 ms); never chosen for a real journal, whose settings come from ``calibrate``."""


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


def _slot_aad(slot_id: str, kind: SlotKind, params: KdfParams, *, v2: bool = True) -> bytes:
    extra = f"{kind}|{params.to_json()}" + ("|vault2" if v2 else "")
    return crypto.associated_data("keyslots", "wrapped", slot_id, extra)


def recovery_private(secret: bytes) -> X25519PrivateKey:
    """The recovery key's X25519 private key (derived, never stored)."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    seed = crypto.hkdf(secret, info=b"peerjournal recovery x25519")
    return X25519PrivateKey.from_private_bytes(seed)


def recovery_public(secret: bytes) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return recovery_private(secret).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _x25519_kek(shared: bytes, ephemeral: bytes, public: bytes, salt: bytes) -> bytes:
    return crypto.hkdf(shared, salt=salt, info=b"peerjournal recovery slot|" + ephemeral + public)


class Keyslot(msgspec.Struct, frozen=True):
    id: str
    kind: SlotKind
    params: KdfParams
    salt: bytes
    wrapped: bytes
    """For an X25519 recovery slot: the 32-byte ephemeral public key, then the sealed key."""

    @classmethod
    def create(cls, kind: SlotKind, secret: bytes, params: KdfParams, data_key: bytes) -> Keyslot:
        """A passphrase slot, or a recovery slot sealed to the recovery key's public key."""
        if kind is SlotKind.RECOVERY:
            return cls.for_recovery(recovery_public(secret), data_key)
        params.check()
        slot_id = crypto.random_id()
        salt = os.urandom(SALT_BYTES)
        kek = derive_kek(secret, salt, params)
        wrapped = crypto.seal_with(kek, data_key, _slot_aad(slot_id, kind, params))
        return cls(id=slot_id, kind=kind, params=params, salt=salt, wrapped=wrapped)

    @classmethod
    def for_recovery(cls, public: bytes, data_key: bytes) -> Keyslot:
        """Wraps ``data_key`` for the holder of the recovery key whose public key this is."""
        from cryptography.hazmat.primitives.asymmetric.x25519 import (
            X25519PrivateKey,
            X25519PublicKey,
        )
        from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

        slot_id = crypto.random_id()
        salt = os.urandom(SALT_BYTES)
        ephemeral = X25519PrivateKey.generate()
        ephemeral_public = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
        kek = _x25519_kek(shared, ephemeral_public, public, salt)
        aad = _slot_aad(slot_id, SlotKind.RECOVERY, X25519_PARAMS)
        wrapped = ephemeral_public + crypto.seal_with(kek, data_key, aad)
        return cls(slot_id, SlotKind.RECOVERY, X25519_PARAMS, salt, wrapped)

    def unwrap(self, secret: bytes) -> tuple[bytes, bool]:
        """The data key, and whether the slot was written by format 2.

        Raises ``crypto.Tampered`` for a wrong secret or a damaged slot.
        """
        if self.params.algorithm == "x25519-hkdf":
            from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
            from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

            if len(self.wrapped) < 32:
                raise crypto.Tampered
            private = recovery_private(secret)
            public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
            ephemeral = self.wrapped[:32]
            try:
                shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
            except ValueError:
                raise crypto.Tampered from None
            kek = _x25519_kek(shared, ephemeral, public, self.salt)
            aad = _slot_aad(self.id, self.kind, self.params)
            return crypto.open_with(kek, self.wrapped[32:], aad), True
        kek = derive_kek(secret, self.salt, self.params)
        try:
            return crypto.open_with(
                kek, self.wrapped, _slot_aad(self.id, self.kind, self.params)
            ), True
        except crypto.Tampered:
            legacy = _slot_aad(self.id, self.kind, self.params, v2=False)
            return crypto.open_with(kek, self.wrapped, legacy), False
