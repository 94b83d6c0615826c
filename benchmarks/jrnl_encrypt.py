"""Runs inside jrnl's own environment: encrypts a journal the way jrnl itself does.

jrnl would otherwise ask for a password on a terminal; the password is put in a
plain-file keyring (keyrings.alt) that jrnl then reads without prompting.
"""

from __future__ import annotations

import sys
from pathlib import Path

import keyring
from jrnl.encryption import determine_encryption_method_for_writing


def main() -> None:
    plain, out = Path(sys.argv[1]), Path(sys.argv[2])
    method = determine_encryption_method_for_writing(True)
    encryption = method("default", {})
    encryption.password = "benchmark passphrase"
    out.write_bytes(encryption.encrypt(plain.read_text(encoding="utf-8")))
    keyring.set_password("jrnl", "default", "benchmark passphrase")


if __name__ == "__main__":
    main()
