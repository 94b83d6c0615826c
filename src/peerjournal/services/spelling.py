"""Spelling for every answer and daily page: the dictionary, and the participant's words.

The dictionary loads on a thread of its own after unlock (50 ms for British English,
100 ms for Welsh), so the window never waits for it; editors underline nothing until
the hub says ``Changes(spelling=True)``. The words the participant adds ("Add to my
words") are theirs, so like everything they type they are kept encrypted in the vault
(the document ``my-words``), and the checker holding them is closed when the journal
locks.
"""

from __future__ import annotations

import logging
import sys
import threading
import unicodedata

from peerjournal.core.documents import MY_WORDS
from peerjournal.core.errors import BadWord, PeerJournalError
from peerjournal.core.hunspell import HunspellMissing
from peerjournal.core.json_types import JsonValue
from peerjournal.core.spelling import MAX_WORD_CHARS, SpellChecker, SpellingLanguage
from peerjournal.logs import describe_exception
from peerjournal.services.events import Changes, SessionState
from peerjournal.services.session import VaultSession

log = logging.getLogger(__name__)

MAX_OWN_WORDS = 10_000


class SpellingService:
    def __init__(self, session: VaultSession) -> None:
        self._session = session
        self._lock = threading.Lock()
        self._checker: SpellChecker | None = None
        self._wanted = SpellingLanguage.OFF
        self._generation = 0
        self._loader: threading.Thread | None = None
        session.hub.subscribe(self._on_change)

    @property
    def checker(self) -> SpellChecker | None:
        """The dictionary in use, or None while it loads, when off, or when locked."""
        return self._checker

    @property
    def language(self) -> SpellingLanguage:
        return self._wanted

    def own_words(self) -> list[str]:
        document = self._session.reader.get(MY_WORDS)
        value = document.value if document is not None else None
        words = value.get("words") if isinstance(value, dict) else None
        if not isinstance(words, list):
            return []
        return [w for w in words if isinstance(w, str) and 0 < len(w) <= MAX_WORD_CHARS]

    def use(self, language: SpellingLanguage) -> None:
        """Switches to ``language`` (loading it on a thread), or off."""
        with self._lock:
            loading = self._loader is not None and self._loader.is_alive()
            if language == self._wanted and (self._checker is not None or loading):
                return
            self._wanted = language
            self._generation += 1
            generation = self._generation
            old, self._checker = self._checker, None
        if old is not None:
            old.close()
        if language == SpellingLanguage.OFF or not self._session.unlocked:
            self._session.hub.notify(Changes(spelling=True))
            return
        try:
            own = self.own_words()
        except PeerJournalError as error:  # a damaged list: the dictionary still helps
            log.warning("own words could not be read: %s", type(error).__name__)
            own = []
        loader = threading.Thread(
            target=self._load, args=(language, own, generation), name="spelling", daemon=True
        )
        self._loader = loader
        loader.start()

    def _load(self, language: SpellingLanguage, own: list[str], generation: int) -> None:
        try:
            checker = SpellChecker(language, own)
        except HunspellMissing:
            log.warning("spelling is off: no Hunspell library")
            return
        except Exception:
            log.error(
                "the spelling dictionary failed to load:\n%s", describe_exception(*sys.exc_info())
            )
            return
        with self._lock:
            if generation != self._generation or not self._session.unlocked:
                checker.close()
                return
            self._checker = checker
        self._session.hub.notify(Changes(spelling=True))

    def add_word(self, word: str) -> None:
        """Keeps ``word`` as one of the participant's own, here and in every editor."""
        word = unicodedata.normalize("NFC", word.strip().replace("’", "'"))
        if not word or len(word) > MAX_WORD_CHARS or any(ch.isspace() for ch in word):
            raise BadWord(reason="only a single word can be added.")
        words = self.own_words()
        if word in words:
            return
        if len(words) >= MAX_OWN_WORDS:
            raise BadWord(reason=f"your own words are full ({MAX_OWN_WORDS:,}).")
        ordered: list[str] = sorted([*words, word], key=str.casefold)
        kept: list[JsonValue] = list(ordered)
        value: dict[str, JsonValue] = {"words": kept}
        self._session.vault.save(MY_WORDS, value)
        checker = self._checker
        if checker is not None:
            checker.add(word)
        self._session.hub.notify(Changes(spelling=True))

    def _on_change(self, changes: Changes) -> None:
        if changes.session in (SessionState.LOCKED, SessionState.CLOSED):
            with self._lock:
                self._generation += 1
                old, self._checker = self._checker, None
                self._wanted = SpellingLanguage.OFF
            if old is not None:
                old.close()


__all__ = ["MAX_OWN_WORDS", "SpellingService"]
