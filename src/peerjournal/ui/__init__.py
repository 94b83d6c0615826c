"""The window. Importing it first makes PySide6's import hook cheap (see below)."""

from __future__ import annotations

import sys
from types import ModuleType

import shiboken6  # noqa: F401  (loads PySide6's support modules, before any PySide6 import)


def _read_without_keeping_source() -> None:
    """PySide6 asks of every module imported after it whether its source mentions
    "PySide6", through ``inspect.getsource``, which leaves each module's whole source in
    ``linecache``: about 7 MB of text by the time the journal is open, kept for the life
    of the process. The same question is answered here from the file's bytes, which are
    then let go; modules without a source file go to PySide6's own check."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or getattr(original, "peerjournal", False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(original(module))

    uses_pyside.peerjournal = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]


_read_without_keeping_source()
