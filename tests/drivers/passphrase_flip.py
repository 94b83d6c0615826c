"""Driver: changes the passphrase back and forth in a loop until it is killed.

``python -m tests.drivers.passphrase_flip DATA_DIR FIRST SECOND``
"""

from __future__ import annotations

import sys
from pathlib import Path

from peerjournal.core.vault.keyslots import FAST_KDF
from peerjournal.services.container import build_services


def main() -> None:
    data_dir, first, second = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    services = build_services(data_dir, kdf=FAST_KDF)
    services.session.unlock(first)
    current, other = first, second
    print("READY", flush=True)
    while True:
        services.session.change_passphrase(current, other)
        current, other = other, current


if __name__ == "__main__":
    main()
