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


_TOKENS = re.compile(r"\w+|\s+|[^\w\s]")
"""A folded text as tokens: runs of word characters, runs of space, and single others."""
SPACE = " "

_END = "\x00"
"""Marks, in the phrases' tree of tokens, where a phrase ends (no token is a NUL)."""
_Node = dict[str, "_Node | str"]


def tokens_of(folded: str) -> list[tuple[str, int, int]]:
    """Each token with its span; a run of spaces or a line break is one ``SPACE``."""
    return [
        (SPACE if hit.group().isspace() else hit.group(), hit.start(), hit.end())
        for hit in _TOKENS.finditer(folded)
    ]


_WORD = re.compile(r"\w")


def _is_word(token: str) -> bool:
    """Whether a token (or a single character) is of word characters, as ``\\w`` says."""
    return _WORD.match(token) is not None


class LanguageChecker:
    """Compiled once from the phrases of all loaded packs (the first of a duplicate wins).

    The phrases become a tree of their tokens: a pass over a text walks down it from each
    of the text's tokens only as far as they go on matching, so a pack of twelve thousand
    phrases costs a keystroke what a pack of forty does. Longest first at the same place
    ("suffering from" before "suffering"), one match at a time from left to right, as the
    single pattern of alternatives it replaced did (a test holds the two side by side).
    """

    def __init__(self, phrases: Iterable[m.Phrase]) -> None:
        self._phrases: dict[str, m.Phrase] = {}
        for phrase in phrases:
            key = fold(" ".join(phrase.find.split()))[0]
            if key.strip() and key not in self._phrases:
                self._phrases[key] = phrase
        self._trie: _Node = {}
        for key in self._phrases:
            node = self._trie
            for token, _start, _end in tokens_of(key):
                child = node.get(token)
                if not isinstance(child, dict):
                    child = {}
                    node[token] = child
                node = child
            node[_END] = key

    @property
    def phrases(self) -> tuple[m.Phrase, ...]:
        return tuple(self._phrases.values())

    def matches(self, text: str) -> list[LanguageMatch]:
        if not self._trie or not text:
            return []
        folded, index = fold(text)
        tokens = tokens_of(folded)
        words = [token for token, _start, _end in tokens]
        found: list[LanguageMatch] = []
        i = 0
        while i < len(tokens):
            hit = self._match_at(words, i, folded, tokens[i][1])
            if hit is None:
                i += 1
                continue
            length, key = hit
            phrase = self._phrases[key]
            start = index[tokens[i][1]]
            end = index[tokens[i + length - 1][2] - 1] + 1
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
            i += length
        return found

    def _match_at(self, words: list[str], i: int, folded: str, at: int) -> tuple[int, str] | None:
        """The longest phrase beginning at token ``i`` (its length in tokens, and key).

        A walk down the phrases' tokens: as long as the text's tokens go on matching, so
        its cost is the length of what matches, whatever the size of the pack.
        """
        node = self._trie.get(words[i])
        if not isinstance(node, dict):
            return None
        if not _is_word(words[i]) and at > 0 and _is_word(folded[at - 1]):
            return None  # whole words only: nothing of a word just before
        best: tuple[int, str] | None = None
        n = 1
        while True:
            key = node.get(_END)
            if isinstance(key, str):
                after = words[i + n] if i + n < len(words) else ""
                if not (after and not _is_word(words[i + n - 1]) and _is_word(after)):
                    best = (n, key)  # nothing of a word just after, either
            if i + n >= len(words):
                return best
            node = node.get(words[i + n])
            if not isinstance(node, dict):
                return best
            n += 1


def find_phrases(text: str, phrases: Iterable[m.Phrase]) -> list[LanguageMatch]:
    """One-off convenience; build a ``LanguageChecker`` once to check text repeatedly."""
    return LanguageChecker(phrases).matches(text)
