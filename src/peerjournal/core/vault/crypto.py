"""Field encryption: AES-256-GCM under subkeys of one random data key.

Every sealed value is ``version || nonce || ciphertext+tag``. The associated data binds
it to its table, column, row id (and, for history rows, the owning document) and the
format version, so a ciphertext copied to another row or column fails to open rather
than showing the wrong text. Lookups use an HMAC under a separate subkey, so equality
can be tested on disk without revealing what is being looked up.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Callable, Iterable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

FORMAT_VERSION = 1
KEY_BYTES = 32
NONCE_BYTES = 12
_HEADER = bytes([FORMAT_VERSION])


class Tampered(Exception):
    """A sealed value did not authenticate: damaged, moved, or sealed under another key."""


def random_key() -> bytearray:
    return bytearray(os.urandom(KEY_BYTES))


def random_id() -> str:
    """Row ids: random, so they reveal neither order nor count of what was written."""
    return os.urandom(16).hex()


def hkdf(key: bytes | bytearray, *, info: bytes, salt: bytes | None = None) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=info).derive(
        bytes(key)
    )


def associated_data(table: str, column: str, row_id: str, extra: str = "") -> bytes:
    return f"peerjournal|v{FORMAT_VERSION}|{table}|{column}|{row_id}|{extra}".encode()


def seal_with(key: bytes | bytearray, plaintext: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return _HEADER + nonce + AESGCM(bytes(key)).encrypt(nonce, plaintext, aad)


def open_with(key: bytes | bytearray, blob: bytes, aad: bytes) -> bytes:
    if len(blob) < 1 + NONCE_BYTES + 16 or blob[:1] != _HEADER:
        raise Tampered
    try:
        return AESGCM(bytes(key)).decrypt(blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :], aad)
    except InvalidTag:
        raise Tampered from None


_IPAD = bytes(x ^ 0x36 for x in range(256))
_OPAD = bytes(x ^ 0x5C for x in range(256))
_SHA256_BLOCK = 64


class HmacSha256:
    """HMAC-SHA256 (RFC 2104) under one key, its padded inner and outer states made once.

    The same values as ``hmac.digest(key, message, "sha256")``, at about a third of the
    cost: OpenSSL 3 sets up each one-shot HMAC from scratch, and unlocking keys ten
    thousand manifest entries.
    """

    __slots__ = ("_inner", "_outer")

    def __init__(self, key: bytes) -> None:
        if len(key) > _SHA256_BLOCK:
            key = hashlib.sha256(key).digest()
        padded = key.ljust(_SHA256_BLOCK, b"\0")
        self._inner = hashlib.sha256(padded.translate(_IPAD))
        self._outer = hashlib.sha256(padded.translate(_OPAD))

    def digest(self, message: bytes) -> bytes:
        inner = self._inner.copy()
        inner.update(message)
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.digest()


class DataKey:
    """The unwrapped data key and its subkeys; the only object that ever holds them."""

    __slots__ = ("_aead", "_key", "_lookup_key", "_manifest_key", "_marker")

    def __init__(self, key: bytes | bytearray) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError("a data key is 32 bytes")
        self._key = bytearray(key)
        self._aead: AESGCM | None = AESGCM(hkdf(self._key, info=b"peerjournal field encryption"))
        self._lookup_key = bytearray(hkdf(self._key, info=b"peerjournal lookup hmac"))
        self._manifest_key = bytearray(hkdf(self._key, info=b"peerjournal manifest prf"))
        self._marker: HmacSha256 | None = HmacSha256(bytes(self._manifest_key))

    def __repr__(self) -> str:
        return "DataKey(<redacted>)"

    @property
    def raw(self) -> bytes:
        """For wrapping into a keyslot only."""
        return bytes(self._key)

    def seal(
        self, plaintext: bytes, *, table: str, column: str, row_id: str, extra: str = ""
    ) -> bytes:
        if self._aead is None:
            raise RuntimeError("the key has been wiped")
        nonce = os.urandom(NONCE_BYTES)
        aad = associated_data(table, column, row_id, extra)
        return _HEADER + nonce + self._aead.encrypt(nonce, plaintext, aad)

    def open(self, blob: bytes, *, table: str, column: str, row_id: str, extra: str = "") -> bytes:
        if self._aead is None:
            raise RuntimeError("the key has been wiped")
        if len(blob) < 1 + NONCE_BYTES + 16 or blob[:1] != _HEADER:
            raise Tampered
        aad = associated_data(table, column, row_id, extra)
        try:
            return self._aead.decrypt(blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :], aad)
        except InvalidTag:
            raise Tampered from None

    def opener(self, table: str, column: str) -> Callable[[bytes, str, str], bytes]:
        """``open`` for one column, its associated data begun once: (blob, row id, extra).

        The same checks and the same associated data as ``open``; reading every page at
        unlock calls it thousands of times, so the layers of keyword calls go.
        """
        if self._aead is None:
            raise RuntimeError("the key has been wiped")
        decrypt = self._aead.decrypt
        head = f"peerjournal|v{FORMAT_VERSION}|{table}|{column}|"
        body_at = 1 + NONCE_BYTES

        def open_one(blob: bytes, row_id: str, extra: str) -> bytes:
            if len(blob) < body_at + 16 or blob[0] != FORMAT_VERSION:
                raise Tampered
            if self._aead is None:
                raise RuntimeError("the key has been wiped")
            aad = f"{head}{row_id}|{extra}".encode()
            try:
                return decrypt(blob[1:body_at], blob[body_at:], aad)
            except InvalidTag:
                raise Tampered from None

        return open_one

    def lookup(self, name: str) -> bytes:
        return hmac.digest(bytes(self._lookup_key), name.encode(), "sha256")

    def mark(self, entry: bytes) -> int:
        """A keyed 256-bit value for one row's entry in the manifest (see ``manifest``)."""
        return int.from_bytes(self._require_marker().digest(entry), "big")

    def mark_sum(self, entries: Iterable[bytes]) -> int:
        """The sum of ``mark`` over many entries (not reduced)."""
        digest = self._require_marker().digest
        return sum(map(int.from_bytes, map(digest, entries)))  # big-endian, as ``mark``

    def _require_marker(self) -> HmacSha256:
        if self._marker is None:
            raise RuntimeError("the key has been wiped")
        return self._marker

    def wipe(self) -> None:
        """Best effort: Python cannot promise every copy is gone, but ours are."""
        for buf in (self._key, self._lookup_key, self._manifest_key):
            for i in range(len(buf)):
                buf[i] = 0
        self._aead = None
        self._marker = None
