"""The one rule for a new passphrase, kept by the window and the command line alike.

Kept apart from the key derivation so the window can check a passphrase as it is typed
without loading the cryptography.
"""

from __future__ import annotations

from peerjournal.core.errors import PassphraseEmpty, PassphraseTooShort

MIN_PASSPHRASE = 8
"""Characters: the window and the command line refuse anything shorter."""


def check_new_passphrase(passphrase: str) -> None:
    if passphrase == "":
        raise PassphraseEmpty()
    if len(passphrase) < MIN_PASSPHRASE or not passphrase.strip():
        raise PassphraseTooShort(minimum=MIN_PASSPHRASE)


__all__ = ["MIN_PASSPHRASE", "check_new_passphrase"]
