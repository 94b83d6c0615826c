"""The recovery-language helper: finds phrasings the content packs suggest alternatives for.

It only points things out: each match carries the words found, the gentler phrasing the
pack suggests and why. Nothing is ever changed for the participant.

Matching is case-insensitive and on whole words or phrases ("relapse" does not match
inside "relapsed", which has its own entry). Accents and typography are handled so that
what a person would read as the same words matches: letters are compared without their
accents and after case folding, curly apostrophes count as straight ones, and any run
of spaces or a line break between words counts as one space. Spans always refer to the
participant's original text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from peerjournal.core.content import model as m
from peerjournal.core.folding import fold_with_map


@dataclass(frozen=True, slots=True)
class LanguageMatch:
    start: int
    end: int
    text: str
    """The words as the participant wrote them."""
    suggest: str
    why: str
    find: str


def fold(text: str) -> tuple[str, list[int]]:
    """The text folded for matching (``core.folding``), with each character's original index."""
    return fold_with_map(text)


def _pattern_for(find: str) -> str:
    folded, _ = fold(" ".join(find.split()))
    words = [re.escape(w) for w in folded.split(" ")]
    return r"\s+".join(words)


class LanguageChecker:
    """Compiled once from the phrases of all loaded packs (the first of a duplicate wins)."""

    def __init__(self, phrases: Iterable[m.Phrase]) -> None:
        self._phrases: dict[str, m.Phrase] = {}
        for phrase in phrases:
            key = fold(" ".join(phrase.find.split()))[0]
            if key.strip() and key not in self._phrases:
                self._phrases[key] = phrase
        # Longest first, so "suffering from" wins over a shorter phrase at the same place.
        ordered = sorted(self._phrases, key=len, reverse=True)
        self._groups = {f"p{n}": key for n, key in enumerate(ordered)}
        if ordered:
            alternatives = "|".join(
                f"(?P<p{n}>{_pattern_for(key)})" for n, key in enumerate(ordered)
            )
            self._regex: re.Pattern[str] | None = re.compile(
                rf"(?<!\w)(?:{alternatives})(?!\w)", re.UNICODE
            )
        else:
            self._regex = None

    @property
    def phrases(self) -> tuple[m.Phrase, ...]:
        return tuple(self._phrases.values())

    def matches(self, text: str) -> list[LanguageMatch]:
        if self._regex is None or not text:
            return []
        folded, index = fold(text)
        found: list[LanguageMatch] = []
        for hit in self._regex.finditer(folded):
            group = hit.lastgroup
            if group is None or hit.end() <= hit.start():
                continue
            phrase = self._phrases[self._groups[group]]
            start = index[hit.start()]
            end = index[hit.end() - 1] + 1
            while end < len(text) and unicodedata.combining(text[end]):
                end += 1
            found.append(
                LanguageMatch(
                    start=start,
                    end=end,
                    text=text[start:end],
                    suggest=phrase.suggest,
                    why=phrase.why,
                    find=phrase.find,
                )
            )
        return found


def find_phrases(text: str, phrases: Iterable[m.Phrase]) -> list[LanguageMatch]:
    """One-off convenience; build a ``LanguageChecker`` once to check text repeatedly."""
    return LanguageChecker(phrases).matches(text)
