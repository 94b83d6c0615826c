"""Search over everything written, held only in memory while the journal is unlocked.

Matching is case- and accent-insensitive ("zoe" finds "Zoë", "lukasz" finds "Łukasz"):
texts are folded once when indexed, queries when asked. Every word of the query must
appear; "quoted phrases" must appear as written. Nothing here is ever written to disk.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

SNIPPET_CHARS = 160

_EXTRA_FOLDS = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
        "‘": "'",
        "’": "'",
        "“": '"',
        "”": '"',
        "–": "-",
        "—": "-",
    }
)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch.translate(_EXTRA_FOLDS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text: str) -> str:
    """Lower-cased, accent-free text for matching."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(ch) for ch in text)


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Folded text plus, for each folded character, the index of its original character."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        out.append(folded)
        index.extend([i] * len(folded))
    return "".join(out), index


_TERMS = re.compile(r'"([^"]+)"|(\S+)')


def parse_query(query: str) -> list[str]:
    terms = []
    for phrase, word in _TERMS.findall(query):
        term = fold((phrase or word).strip())
        if term:
            terms.append(term)
    return terms


@dataclass(frozen=True, slots=True)
class Hit:
    name: str
    title: str
    snippet: str
    score: int
    highlights: tuple[tuple[int, int], ...]
    """Where the query's words are in ``snippet`` (start, end), for the UI to emphasise."""


@dataclass(slots=True)
class _Entry:
    title: str
    text: str
    folded: str
    order: str


class SearchIndex:
    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def put(self, name: str, title: str, text: str, *, order: str = "") -> None:
        if not text.strip():
            self._entries.pop(name, None)
            return
        self._entries[name] = _Entry(title, text, fold(f"{title}\n{text}"), order or name)

    def remove(self, name: str) -> None:
        self._entries.pop(name, None)

    def clear(self) -> None:
        self._entries.clear()

    def search(self, query: str, *, limit: int = 50) -> list[Hit]:
        terms = parse_query(query)
        if not terms:
            return []
        scored: list[tuple[int, str, str]] = []
        for name, entry in self._entries.items():
            folded = entry.folded
            if all(term in folded for term in terms):
                score = sum(folded.count(term) for term in terms)
                scored.append((score, entry.order, name))
        scored.sort(key=lambda s: (-s[0], _reverse(s[1])))
        hits = []
        for score, _order, name in scored[:limit]:
            entry = self._entries[name]
            snippet, marks = _snippet(entry.text, terms)
            hits.append(Hit(name, entry.title, snippet, score, marks))
        return hits


def _reverse(order: str) -> tuple[int, ...]:
    """Newer first among equal scores (orders are dates or names; reversed code points)."""
    return tuple(-ord(c) for c in order)


def _snippet(text: str, terms: list[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    folded, index = fold_with_map(text)
    first = min((p for t in terms if (p := folded.find(t)) >= 0), default=-1)
    if first < 0:
        snippet = " ".join(text[:SNIPPET_CHARS].split())
        return snippet, ()
    centre = index[first]
    start = max(0, centre - SNIPPET_CHARS // 3)
    end = min(len(text), start + SNIPPET_CHARS)
    if start > 0:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 and start - space < 20 else start
    raw = text[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    snippet = prefix + " ".join(raw.split()) + suffix
    marks: list[tuple[int, int]] = []
    folded_snippet, snippet_index = fold_with_map(snippet)
    for term in terms:
        pos = folded_snippet.find(term)
        while pos >= 0:
            s = snippet_index[pos]
            e = snippet_index[min(pos + len(term), len(snippet_index)) - 1] + 1
            marks.append((s, e))
            pos = folded_snippet.find(term, pos + len(term))
    return snippet, tuple(sorted(set(marks)))
