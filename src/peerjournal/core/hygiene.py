"""Process hygiene at start: no core dumps, nothing that lets another process read memory.

A crash dump would hold the passphrase, the data key and decrypted text. On Linux the
process sets ``RLIMIT_CORE`` to 0 and ``PR_SET_DUMPABLE`` to 0 (which also keeps other
processes of the same user from attaching a debugger, as KeePassXC does); on macOS and
other POSIX systems the core limit alone; on Windows, Windows Error Reporting's crash
dialog and dump are turned off for this process. Each step is best effort and silent.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3
SEM_FAILCRITICALERRORS = 0x0001
SEM_NOGPFAULTERRORBOX = 0x0002


def harden_process() -> None:
    if sys.platform == "win32":
        with contextlib.suppress(Exception):
            ctypes.windll.kernel32.SetErrorMode(  # type: ignore[attr-defined]  # Windows only
                SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX
            )
        return
    with contextlib.suppress(Exception):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            _libc().prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def dumpable() -> int | None:
    """Linux's dumpable flag for this process (0 once hardened); None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    return int(_libc().prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))


def _libc() -> ctypes.CDLL:
    """The C library already in the process (``find_library`` would run ``ldconfig``)."""
    return ctypes.CDLL(None, use_errno=True)


__all__ = ["dumpable", "harden_process"]
