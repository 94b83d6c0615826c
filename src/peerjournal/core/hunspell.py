"""Hunspell, the spell-checker of LibreOffice, Firefox and Chrome, through its C interface.

The library is the system's (Debian's ``libhunspell-1.7-0``, which ``make run`` installs)
or the copy a packaged app carries beside itself; the dictionaries are the app's own, in
``resources/dictionaries``. Nothing is downloaded. ``ctypes`` keeps the binding to the
seven calls we need, with no compiler at install time.

A handle is not safe to share between threads, so each call holds the handle's lock.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
import threading
from pathlib import Path

_NAMES = (
    "libhunspell-1.7.so.0",
    "libhunspell-1.7.so",
    "libhunspell.so",
    "libhunspell-1.7.0.dylib",
    "libhunspell-1.7.dylib",
    "libhunspell.dylib",
    "libhunspell.dll",
    "hunspell.dll",
)


class HunspellMissing(RuntimeError):
    """No Hunspell library on this computer: spelling is switched off, nothing else."""


def _candidates() -> list[str]:
    found: list[str] = []
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        found += [os.path.join(bundled, name) for name in _NAMES]
    for stem in ("hunspell-1.7", "hunspell"):
        name = ctypes.util.find_library(stem)
        if name:
            found.append(name)
    return found + list(_NAMES)


_library: ctypes.CDLL | None = None
_library_lock = threading.Lock()


def library() -> ctypes.CDLL:
    """The Hunspell library, loaded once; ``HunspellMissing`` when there is none."""
    global _library
    with _library_lock:
        if _library is not None:
            return _library
        for candidate in _candidates():
            try:
                lib = ctypes.CDLL(candidate)
            except OSError:
                continue
            _declare(lib)
            _library = lib
            return lib
        raise HunspellMissing("the Hunspell library is not installed")


def _declare(lib: ctypes.CDLL) -> None:
    handle = ctypes.c_void_p
    words = ctypes.POINTER(ctypes.POINTER(ctypes.c_char_p))
    lib.Hunspell_create.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    lib.Hunspell_create.restype = handle
    lib.Hunspell_destroy.argtypes = [handle]
    lib.Hunspell_destroy.restype = None
    lib.Hunspell_spell.argtypes = [handle, ctypes.c_char_p]
    lib.Hunspell_spell.restype = ctypes.c_int
    lib.Hunspell_suggest.argtypes = [handle, words, ctypes.c_char_p]
    lib.Hunspell_suggest.restype = ctypes.c_int
    lib.Hunspell_free_list.argtypes = [handle, words, ctypes.c_int]
    lib.Hunspell_free_list.restype = None
    lib.Hunspell_add.argtypes = [handle, ctypes.c_char_p]
    lib.Hunspell_add.restype = ctypes.c_int
    lib.Hunspell_get_dic_encoding.argtypes = [handle]
    lib.Hunspell_get_dic_encoding.restype = ctypes.c_char_p


class Hunspell:
    """One dictionary (an ``.aff`` and ``.dic`` pair), open until ``close``."""

    def __init__(self, aff: Path, dic: Path) -> None:
        for path in (aff, dic):
            if not path.is_file():
                raise FileNotFoundError(f"the dictionary file {path.name} is missing")
        self._lib = library()
        self._lock = threading.Lock()
        self._handle: int | None = self._lib.Hunspell_create(os.fsencode(aff), os.fsencode(dic))
        if not self._handle:
            raise RuntimeError(f"Hunspell could not open {dic.name}")
        encoding = self._lib.Hunspell_get_dic_encoding(self._handle) or b"UTF-8"
        self.encoding = encoding.decode("ascii", "replace")

    def _encode(self, word: str) -> bytes | None:
        try:
            return word.encode(self.encoding)
        except (UnicodeEncodeError, LookupError):
            return None

    def spell(self, word: str) -> bool:
        raw = self._encode(word)
        if raw is None:
            return False
        with self._lock:
            if self._handle is None:
                return True
            return bool(self._lib.Hunspell_spell(self._handle, raw))

    def suggest(self, word: str, limit: int = 6) -> list[str]:
        raw = self._encode(word)
        if raw is None:
            return []
        found = ctypes.POINTER(ctypes.c_char_p)()
        with self._lock:
            if self._handle is None:
                return []
            count = self._lib.Hunspell_suggest(self._handle, ctypes.byref(found), raw)
            try:
                out = [
                    (found[i] or b"").decode(self.encoding, "replace")
                    for i in range(min(count, limit))
                ]
            finally:
                self._lib.Hunspell_free_list(self._handle, ctypes.byref(found), count)
        return [w for w in out if w]

    def add(self, word: str) -> None:
        raw = self._encode(word)
        if raw is None:
            return
        with self._lock:
            if self._handle is not None:
                self._lib.Hunspell_add(self._handle, raw)

    def close(self) -> None:
        with self._lock:
            if self._handle is not None:
                self._lib.Hunspell_destroy(self._handle)
                self._handle = None
