"""Search over everything written, held only in memory while the journal is unlocked.

Matching is case- and accent-insensitive ("zoe" finds "Zoë", "lukasz" finds "Łukasz"):
texts are folded once when indexed, queries when asked. Every word of the query must
appear; "quoted phrases" must appear as written. Nothing here is ever written to disk.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterable, Iterator

import msgspec

from peerjournal.core.folding import fold, fold_with_map

SNIPPET_CHARS = 160

_LINE_MARKERS = r"^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+"
_MARKUP = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|" + _LINE_MARKERS + ")", re.M)
_LINE_MARKUP = re.compile(_LINE_MARKERS, re.M)


def plain(markdown: str) -> str:
    """Markdown's emphasis, heading, quote and list markers taken out, for snippets.

    A text with no ``*`` or ``_`` can hold only the markers that start a line, and that
    pattern alone runs ten times faster than the whole one with its look-arounds.
    """
    if "*" in markdown or "_" in markdown:
        return _MARKUP.sub("", markdown)
    return _LINE_MARKUP.sub("", markdown)


_TERMS = re.compile(r'"([^"]+)"|(\S+)')


def parse_query(query: str) -> list[str]:
    terms = []
    for phrase, word in _TERMS.findall(query):
        term = fold((phrase or word).strip())
        if term:
            terms.append(term)
    return terms


class Hit(msgspec.Struct, frozen=True):
    name: str
    title: str
    snippet: str
    score: int
    highlights: tuple[tuple[int, int], ...]
    """Where the query's words are in ``snippet`` (start, end), for the UI to emphasise."""
    text: str = ""
    """The whole text that matched (the page, the answer's words)."""


Source = str | Callable[[], str]
"""A text, or a way to read it again when a hit shows it (so the index need not keep it)."""


class Entry(msgspec.Struct):
    title: str
    source: Source
    folded: str
    order: str

    @property
    def text(self) -> str:
        return self.source if isinstance(self.source, str) else self.source()


class SearchIndex:
    def __init__(self) -> None:
        self._entries: dict[str, Entry] = {}
        self._removed: set[str] = set()

    def __len__(self) -> int:
        return len(self._entries)

    def put(
        self, name: str, title: str, text: str, *, order: str = "", source: Source | None = None
    ) -> None:
        """``source`` reads ``text`` again for a hit, when keeping it would cost memory."""
        if blank(text):
            self._entries.pop(name, None)
            self._removed.add(name)
            return
        self._entries[name] = entry(name, title, text, order, source)

    def add(self, name: str, found: Entry) -> None:
        """An entry already made (``folded_entry``), in place of ``put``."""
        self._entries[name] = found

    def merge_from(self, newer: SearchIndex) -> None:
        """Takes ``newer``'s entries over this index's (saves made while this was built)."""
        self._entries.update(newer._entries)
        for name in newer._removed:
            if name not in newer._entries:
                self._entries.pop(name, None)

    def remove(self, name: str) -> None:
        self._entries.pop(name, None)
        self._removed.add(name)

    def clear(self) -> None:
        self._entries.clear()

    def search(self, query: str, *, limit: int = 50) -> list[Hit]:
        return _ranked(self._entries.items(), parse_query(query), limit)


def blank(text: str) -> bool:
    """Nothing to find in it: such a text is never indexed (and drops out if it was)."""
    return not text or text.isspace()


def entry(name: str, title: str, text: str, order: str = "", source: Source | None = None) -> Entry:
    """What one document is matched by: its title and text folded, bold markers out.

    Bold markers come out for matching, so a phrase reads across them (the full Markdown
    clean-up is left to the snippets of the hits). Folding goes character by character,
    so title and text fold apart and join; and as ``*`` and ``_`` fold to themselves,
    only a text whose folding shows a marker is looked at again.
    """
    folded = fold(text)
    # A one-character look (memchr over the folded ASCII) before the two-character ones,
    # which cost a third as much as the folding itself over years of pages.
    if (
        ("*" in folded or "_" in folded)
        and ("**" in folded or "__" in folded)
        and ("**" in text or "__" in text)
    ):
        folded = fold(text.replace("**", "").replace("__", ""))
    return Entry(
        title, text if source is None else source, f"{fold(title)}\n{folded}", order or name
    )


def folded_entry(name: str, title: str, folded: str, order: str, source: Source) -> Entry | None:
    """An entry from a text already folded (a page folded from its sealed JSON), or None
    when the text itself must be looked at: blank, or with ``*`` or ``_`` that may be bold
    markers (``entry`` then takes them out)."""
    if blank(folded) or "*" in folded or "_" in folded:
        return None
    return Entry(title, source, f"{fold(title)}\n{folded}", order or name)


def search_entries(
    entries: Iterable[tuple[str, Entry]], query: str, *, limit: int = 50
) -> list[Hit]:
    """``search_stream`` over entries already made (by ``entry`` or ``folded_entry``)."""
    return _ranked(entries, parse_query(query), limit)


def search_stream(
    items: Iterable[tuple[str, str, str, str]], query: str, *, limit: int = 50
) -> list[Hit]:
    """One search over (name, title, text, order) as they come, with no index kept.

    The same matches, scores and order as ``SearchIndex.search`` over the same items;
    only the best ``limit`` are held while the rest stream past, so a search on the
    command line never holds years of folded text at once.
    """
    terms = parse_query(query)
    entries = (
        (name, entry(name, title, text, order))
        for name, title, text, order in items
        if not blank(text)
    )
    return _ranked(entries, terms, limit)


def _ranked(candidates: Iterable[tuple[str, Entry]], terms: list[str], limit: int) -> list[Hit]:
    """Best first: most occurrences, then latest ``order``, then first come."""
    if not terms:
        return []

    def matches() -> Iterator[tuple[int, str, str, Entry]]:
        for name, found in candidates:
            folded = found.folded
            if all(term in folded for term in terms):
                yield sum(folded.count(term) for term in terms), found.order, name, found

    best = heapq.nlargest(limit, matches(), key=lambda m: (m[0], m[1]))
    hits = []
    for score, _order, name, found in best:
        # Markdown markers are taken out here, for the few hits shown: doing it for every
        # page at unlock would cost more than the whole index.
        whole = found.text
        text = plain(whole)
        snippet, marks = _snippet(text, fold(text), terms)
        hits.append(Hit(name, found.title, snippet, score, marks, whole))
    return hits


def _first_match(text: str, folded_whole: str, terms: list[str]) -> int:
    """Where in ``text`` the first match starts, folding only a window when it can."""
    first = min((p for t in terms if (p := folded_whole.find(t)) >= 0), default=-1)
    if first < 0:
        return -1
    # Folding rarely changes lengths, so the folded position is close to the original
    # one: map a window around it instead of the whole (possibly very long) text.
    start = max(0, first - 400)
    window = text[start : first + 400]
    folded, index = fold_with_map(window)
    found = min((p for t in terms if (p := folded.find(t)) >= 0), default=-1)
    if found >= 0:
        return start + index[found]
    folded, index = fold_with_map(text)
    found = min((p for t in terms if (p := folded.find(t)) >= 0), default=-1)
    return index[found] if found >= 0 else -1


def _snippet(
    text: str, folded_whole: str, terms: list[str]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    centre = _first_match(text, folded_whole, terms)
    if centre < 0:
        snippet = " ".join(text[:SNIPPET_CHARS].split())
        return snippet, ()
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
