"""Field sealing, keyslots and the recovery key, against tamper, wrong keys and typos."""

from __future__ import annotations

import hmac
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerjournal.core.errors import MalformedRecoveryKey, PassphraseEmpty
from peerjournal.core.vault import crypto
from peerjournal.core.vault.keyslots import FAST_KDF, Keyslot, SlotKind, normalise_passphrase
from peerjournal.core.vault.recovery_key import RecoveryKey

KEY = crypto.DataKey(bytes(range(32)))
WHERE = {"table": "documents", "column": "current", "row_id": "abc", "extra": "answer:x"}


def _open_by_opener(blob: bytes, table: str, column: str, row_id: str, extra: str = "") -> bytes:
    """The unlock's fast path: it must open and refuse exactly what ``open`` does."""
    return KEY.opener(table, column)(blob, row_id, extra)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_round_trips(text: str) -> None:
    sealed = KEY.seal(text.encode("utf-8", "surrogatepass"), **WHERE)
    assert KEY.open(sealed, **WHERE).decode("utf-8", "surrogatepass") == text
    assert _open_by_opener(sealed, **WHERE) == KEY.open(sealed, **WHERE)


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=1, max_size=200), st.data())
def test_any_single_byte_change_is_rejected(plain: bytes, data: st.DataObject) -> None:
    sealed = bytearray(KEY.seal(plain, **WHERE))
    index = data.draw(st.integers(0, len(sealed) - 1))
    flip = data.draw(st.integers(1, 255))
    sealed[index] ^= flip
    with pytest.raises(crypto.Tampered):
        KEY.open(bytes(sealed), **WHERE)
    with pytest.raises(crypto.Tampered):
        _open_by_opener(bytes(sealed), **WHERE)


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=100), st.integers(0, 60))
def test_truncation_is_rejected(plain: bytes, cut: int) -> None:
    sealed = KEY.seal(plain, **WHERE)
    with pytest.raises(crypto.Tampered):
        KEY.open(sealed[: len(sealed) - 1 - cut], **WHERE)
    with pytest.raises(crypto.Tampered):
        _open_by_opener(sealed[: len(sealed) - 1 - cut], **WHERE)


@pytest.mark.parametrize(
    "moved",
    [
        {"table": "versions"},
        {"column": "name"},
        {"row_id": "abd"},
        {"extra": "answer:y"},
    ],
)
def test_a_ciphertext_moved_anywhere_else_fails(moved: dict[str, str]) -> None:
    sealed = KEY.seal(b"Zo\xc3\xab", **WHERE)
    with pytest.raises(crypto.Tampered):
        KEY.open(sealed, **{**WHERE, **moved})
    with pytest.raises(crypto.Tampered):
        _open_by_opener(sealed, **{**WHERE, **moved})


def test_each_write_uses_a_fresh_nonce() -> None:
    assert KEY.seal(b"same", **WHERE) != KEY.seal(b"same", **WHERE)


def test_another_key_cannot_open() -> None:
    sealed = KEY.seal(b"secret", **WHERE)
    with pytest.raises(crypto.Tampered):
        crypto.DataKey(os.urandom(32)).open(sealed, **WHERE)


def test_lookups_are_keyed() -> None:
    other = crypto.DataKey(os.urandom(32))
    assert KEY.lookup("answer:x") == KEY.lookup("answer:x")
    assert KEY.lookup("answer:x") != other.lookup("answer:x")
    assert KEY.lookup("answer:x") != KEY.lookup("answer:y")


def test_keys_never_show_in_repr() -> None:
    recovery = RecoveryKey.generate()
    assert "redacted" in repr(KEY) and bytes(range(32)).hex() not in repr(KEY)
    assert recovery.formatted() not in repr(recovery)


def test_wiped_key_refuses_work() -> None:
    key = crypto.DataKey(os.urandom(32))
    opener = key.opener("documents", "current")
    sealed = key.seal(b"x", **WHERE)
    key.wipe()
    with pytest.raises(RuntimeError):
        key.seal(b"x", **WHERE)
    with pytest.raises(RuntimeError):
        opener(sealed, "abc", "answer:x")  # one made before the wipe goes dark with it
    with pytest.raises(RuntimeError):
        key.opener("documents", "current")


def test_keyslot_opens_only_with_its_passphrase() -> None:
    data_key = os.urandom(32)
    slot = Keyslot.create(
        SlotKind.PASSPHRASE, normalise_passphrase("Siân’s pass"), FAST_KDF, data_key
    )
    assert slot.unwrap(normalise_passphrase("Siân’s pass")) == (data_key, True)
    with pytest.raises(crypto.Tampered):
        slot.unwrap(normalise_passphrase("Sian's pass"))


def test_passphrase_is_unicode_normalised() -> None:
    composed = "Zo\u00eb"
    decomposed = "Zoe\u0308"
    assert normalise_passphrase(composed) == normalise_passphrase(decomposed)
    with pytest.raises(PassphraseEmpty):
        normalise_passphrase("")


def test_keyslot_parameters_cannot_be_weakened_unnoticed() -> None:
    data_key = os.urandom(32)
    slot = Keyslot.create(SlotKind.PASSPHRASE, b"pass", FAST_KDF, data_key)
    weaker = Keyslot(
        slot.id, slot.kind, FAST_KDF.__class__("argon2id", 20_000, 1, 1), slot.salt, slot.wrapped
    )
    with pytest.raises(crypto.Tampered):
        weaker.unwrap(b"pass")


def test_recovery_key_is_written_as_eight_blocks_and_reads_back() -> None:
    key = RecoveryKey.generate()
    blocks = key.blocks()
    assert len(blocks) == 8 and all(len(b) == 4 for b in blocks)
    assert set("".join(blocks)) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    typed = " ".join(blocks).lower()
    assert RecoveryKey.parse(typed).secret == key.secret
    assert RecoveryKey.parse(key.formatted()).secret == key.secret


def test_recovery_key_forgives_lookalikes() -> None:
    """0, 1 and 8 are never in a key (base32 is A-Z, 2-7): typed for O, I and B, they still open."""
    key = next(
        k
        for k in (RecoveryKey(bytes([n]) * 18) for n in range(256))
        if all(letter in k.formatted() for letter in "OIB")
    )
    text = key.formatted()
    lookalike = text.replace("O", "0").replace("I", "1").replace("B", "8")
    assert all(digit in lookalike for digit in "018")
    assert RecoveryKey.parse(lookalike).secret == key.secret
    assert RecoveryKey.parse(lookalike.lower().replace("-", " ")).secret == key.secret


@pytest.mark.parametrize(
    ("mangle", "words"),
    [
        (lambda t: t[:-5], "blocks of 4"),
        (lambda t: t[:5] + ("A" if t[5] != "A" else "C") + t[6:], "typing mistake"),
        (lambda t: t[:-1] + "!", "blocks of 4"),
    ],
)
def test_recovery_key_typos_are_caught_before_decrypting(mangle: object, words: str) -> None:
    text = RecoveryKey.generate().formatted()
    with pytest.raises(MalformedRecoveryKey) as caught:
        RecoveryKey.parse(mangle(text))  # type: ignore[operator]
    assert words in caught.value.message


@given(st.binary(max_size=200), st.binary(max_size=400))
@settings(max_examples=300)
def test_the_manifest_hmac_is_hmac_sha256(key: bytes, message: bytes) -> None:
    """Its inner and outer states are made once per key; its values are RFC 2104's."""
    assert crypto.HmacSha256(key).digest(message) == hmac.digest(key, message, "sha256")
