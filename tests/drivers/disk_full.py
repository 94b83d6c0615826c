"""Driver: fills the 'disk' (a file-size limit) during a save or a backup.

Run as ``python -m tests.drivers.disk_full DATA_DIR PASSPHRASE save|backup``; prints
the name of the error the service raised and its message.
"""

from __future__ import annotations

import resource
import signal
import sys
from pathlib import Path

from peerjournal.core import answers as a
from peerjournal.core.errors import PeerJournalError
from peerjournal.services.container import build_services


def main() -> None:
    data_dir, passphrase, what = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    services = build_services(data_dir)
    services.session.unlock(passphrase)
    biggest = max(p.stat().st_size for p in data_dir.rglob("*") if p.is_file())
    vault_size = (data_dir / "journal.db").stat().st_size
    # A save needs room in the write-ahead log; a backup needs a whole copy of the vault.
    limit = biggest + 16 * 1024 if what == "save" else max(vault_size // 2, 40 * 1024)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    try:
        if what == "save":
            services.answers.save("m1.s1.challenging", a.TextAnswer("big " * 500_000))
        else:
            services.answers.save("m1.s1.challenging", a.TextAnswer("small"))
            services.backups.backup_now()
        print("NO ERROR", flush=True)
    except PeerJournalError as exc:
        print(f"{type(exc).__name__}: {exc.message}", flush=True)
    services.session.close()


if __name__ == "__main__":
    main()
