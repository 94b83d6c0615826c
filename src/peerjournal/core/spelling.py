"""Which words of a text look misspelt, for the red underline, and what to offer instead.

``SpellChecker`` wraps one Hunspell dictionary with what a journal needs on top: the
participant's own words ("Add to my words"), a memory of words already looked up (so
a 2,000-word answer is checked again in a millisecond as they type), and words left
alone because no dictionary could judge them: acronyms (NHS, CHIME), words with digits,
web and email addresses, and words in another script than the dictionary's (a name in
Arabic or Chinese in an English answer is not a spelling mistake).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from peerjournal.core.hunspell import Hunspell
from peerjournal.core.paths import bundled_dir


class SpellingLanguage(StrEnum):
    BRITISH_ENGLISH = "en_GB"
    WELSH = "cy_GB"
    OFF = "off"


MAX_WORD_CHARS = 60
_LETTER = r"[^\W\d_]"
_WORD = re.compile(rf"{_LETTER}[\u0300-\u036f]*(?:(?:['’-]|{_LETTER})[\u0300-\u036f]*)*")
_SKIP = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\S+", re.IGNORECASE)
_MEMORY_LIMIT = 50_000


@dataclass(frozen=True, slots=True)
class Misspelt:
    start: int
    end: int
    word: str


def dictionary_files(language: SpellingLanguage) -> tuple[Path, Path]:
    base = bundled_dir("resources") / "dictionaries"
    return base / f"{language.value}.aff", base / f"{language.value}.dic"


def _latin(word: str) -> bool:
    """Whether every letter is Latin script, which both shipped dictionaries are."""
    for ch in word:
        code = ord(ch)
        if code < 0x0250 or 0x1E00 <= code <= 0x1EFF or 0x0300 <= code <= 0x036F:
            continue
        if ch in "’":
            continue
        return False
    return True


def _skipped(text: str) -> list[tuple[int, int]]:
    if "@" not in text and "://" not in text and "www." not in text.lower():
        return []
    return [m.span() for m in _SKIP.finditer(text)]


def _judgeable(raw: str) -> tuple[int, str] | None:
    """Where the word a dictionary can judge sits in a token, and the word; or None."""
    word = raw.strip("'’-")
    if len(word) < 2 or len(word) > MAX_WORD_CHARS or word.isupper() or not _latin(word):
        return None
    return raw.index(word), word


class SpellChecker:
    """A dictionary, the participant's own words, and a memory of looked-up words."""

    def __init__(self, language: SpellingLanguage, own_words: Iterable[str] = ()) -> None:
        aff, dic = dictionary_files(language)
        self.language = language
        self._hunspell = Hunspell(aff, dic)
        self._lock = threading.Lock()
        self._known: dict[str, bool] = {}
        # Each token as typed -> where its misspelt word is in it, or None: a keystroke in
        # a 2,000-word paragraph looks every word up again, so no lookup may cost more.
        self._verdicts: dict[str, tuple[int, str] | None] = {}
        self._own: set[str] = set()
        for word in own_words:
            self.add(word)

    def is_known(self, word: str) -> bool:
        word = unicodedata.normalize("NFC", word.replace("’", "'"))
        found = self._known.get(word)
        if found is None:
            found = word in self._own or word.lower() in self._own or self._judge(word)
            with self._lock:
                if len(self._known) >= _MEMORY_LIMIT:
                    self._known.clear()
                self._known[word] = found
        return found

    def _judge(self, word: str) -> bool:
        if self._hunspell.spell(word):
            return True
        parts = [p for p in re.split(r"['-]", word) if p]
        if len(parts) > 1:  # a hyphenated compound whose parts are each words
            return all(len(p) < 2 or self._hunspell.spell(p) for p in parts)
        return False

    def misspelt(self, text: str) -> list[Misspelt]:
        out: list[Misspelt] = []
        verdicts = self._verdicts
        skipped: list[tuple[int, int]] | None = None
        for match in _WORD.finditer(text):
            raw = match.group(0)
            try:
                verdict = verdicts[raw]
            except KeyError:
                verdict = self._verdict(raw)
            if verdict is None:
                continue
            start = match.start() + verdict[0]
            if skipped is None:
                skipped = _skipped(text)
            if any(lo <= start < hi for lo, hi in skipped):
                continue
            out.append(Misspelt(start, start + len(verdict[1]), verdict[1]))
        return out

    def _verdict(self, raw: str) -> tuple[int, str] | None:
        found = _judgeable(raw)
        verdict = None if found is None or self.is_known(found[1]) else found
        with self._lock:
            if len(self._verdicts) >= _MEMORY_LIMIT:
                self._verdicts.clear()
            self._verdicts[raw] = verdict
        return verdict

    def suggestions(self, word: str, limit: int = 6) -> list[str]:
        return self._hunspell.suggest(unicodedata.normalize("NFC", word), limit)

    def add(self, word: str) -> None:
        word = unicodedata.normalize("NFC", word.strip().replace("’", "'"))
        if not word:
            return
        with self._lock:
            self._own.add(word)
            self._known.clear()
            self._verdicts.clear()
        self._hunspell.add(word)

    def close(self) -> None:
        self._hunspell.close()


__all__ = [
    "Misspelt",
    "SpellChecker",
    "SpellingLanguage",
    "dictionary_files",
]
