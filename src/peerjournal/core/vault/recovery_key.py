"""The recovery key: 144 random bits written as eight blocks of four letters and digits.

Base32 (A-Z, 2-7) is easy to copy by hand; the last two bytes are a checksum, so a
mistyped key is caught before any decryption is tried and the participant is told
which block to look at again. Input is forgiving: case, spaces, dashes, and the look-
alikes 0/O, 1/I, 8/B are all accepted.
"""

from __future__ import annotations

import base64
import hashlib
import os

from peerjournal.core.errors import MalformedRecoveryKey

RANDOM_BYTES = 18
CHECK_BYTES = 2
BLOCK = 4
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


class RecoveryKey:
    __slots__ = ("_secret",)

    def __init__(self, secret: bytes) -> None:
        if len(secret) != RANDOM_BYTES:
            raise ValueError("a recovery key holds 18 bytes")
        self._secret = secret

    def __repr__(self) -> str:
        return "RecoveryKey(<redacted>)"

    @classmethod
    def generate(cls) -> RecoveryKey:
        return cls(os.urandom(RANDOM_BYTES))

    @property
    def secret(self) -> bytes:
        return self._secret

    def blocks(self) -> list[str]:
        check = hashlib.sha256(self._secret).digest()[:CHECK_BYTES]
        text = base64.b32encode(self._secret + check).decode("ascii")
        return [text[i : i + BLOCK] for i in range(0, len(text), BLOCK)]

    def formatted(self) -> str:
        return "-".join(self.blocks())

    @classmethod
    def parse(cls, text: str) -> RecoveryKey:
        cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_LOOKALIKES)
        expected = (RANDOM_BYTES + CHECK_BYTES) * 8 // 5
        if len(cleaned) != expected:
            raise MalformedRecoveryKey(
                hint=f"it should have {expected // BLOCK} blocks of {BLOCK} characters, "
                f"and this has {len(cleaned)} characters."
            )
        try:
            raw = base64.b32decode(cleaned)
        except ValueError:
            raise MalformedRecoveryKey(
                hint="it holds a character a recovery key never has (only A-Z and 2-7)."
            ) from None
        secret, check = raw[:RANDOM_BYTES], raw[RANDOM_BYTES:]
        if hashlib.sha256(secret).digest()[:CHECK_BYTES] != check:
            raise MalformedRecoveryKey(
                hint="one of the blocks has a typing mistake; please check each block again."
            )
        return cls(secret)
