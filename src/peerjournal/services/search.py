"""Search across answers and daily pages, from an index built in memory at unlock."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date
from functools import cache, partial

import msgspec

from peerjournal.core import answers as a
from peerjournal.core.content import model as m
from peerjournal.core.documents import answer_name, day_of, page_name, page_text, prompt_of
from peerjournal.core.folding import fold_page_json
from peerjournal.core.search import (
    Entry,
    Hit,
    SearchIndex,
    Source,
    blank,
    entry,
    folded_entry,
    search_entries,
)
from peerjournal.core.vault.records import Document
from peerjournal.services.answers import AnswerService, loose_text
from peerjournal.services.events import Changes, SessionState
from peerjournal.services.pages import PageService, stored_text
from peerjournal.services.session import VaultSession

READY_POLL_S = 0.05


class SearchResult(msgspec.Struct, frozen=True):
    title: str
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    prompt_id: str | None = None
    part_id: str | None = None
    day: date | None = None
    text: str = ""
    """The whole text that matched (the page, the answer's words)."""


@cache
def _weekday(number: int) -> str:
    return date(2024, 1, 1 + number).strftime("%A")  # 1 January 2024 was a Monday


@cache
def _month(number: int) -> str:
    return date(2024, number, 1).strftime("%B")


def page_title(day: date) -> str:
    """Named once per weekday and month, not per page: ten years are 3,650 titles."""
    return f"Daily page, {_weekday(day.weekday())} {day.day} {_month(day.month)} {day.year}"


def prompt_title(content: m.Content, prompt_id: str) -> str:
    found = content.locate(prompt_id)
    if found is None:
        return "Earlier answer"
    prompt = found.prompt
    question = prompt.text if len(prompt.text) <= 80 else prompt.text[:77].rstrip() + "…"
    return f"{found.programme.short_title} · {found.part.short_title}: {question}"


class SearchService:
    def __init__(
        self,
        session: VaultSession,
        content: m.Content,
        answers: AnswerService,
        pages: PageService,
    ) -> None:
        self._session = session
        self._content = content
        self._answers = answers
        self._pages = pages
        self._index = SearchIndex()
        self._guard = threading.Lock()
        self._ready = threading.Event()
        self._ready.set()
        self._generation = 0
        self._pending: tuple[list[Document], int] | None = None
        session.add_loader(self._load)
        session.hub.subscribe(self._on_change)

    def _load(self, documents: list[Document]) -> None:
        """Keeps what unlocking decrypted; the index itself is built later, off the unlock.

        Folding years of pages takes a few tenths of a second of pure Python, which would
        hold the interpreter while the window draws. The window asks for the index once it
        is idle (``start_indexing``); a search asked for earlier builds it on the spot.
        """
        with self._guard:
            self._generation += 1
            self._index = SearchIndex()
            self._pending = (documents, self._generation)
            self._ready.clear()

    def start_indexing(self) -> None:
        """Builds the index on a background thread (a no-op when there is nothing to do)."""
        with self._guard:
            pending, self._pending = self._pending, None
        if pending is None:
            return
        thread = threading.Thread(
            target=self._build, args=pending, name="search-index", daemon=True
        )
        thread.start()

    def _build(self, documents: list[Document], generation: int) -> None:
        index = SearchIndex()
        try:
            for doc in documents:
                found = self._page_entry(doc)
                if found is not None:
                    index.add(doc.name, found)
                    continue
                # A page's text is read again from its document for a hit, not kept twice.
                source = partial(stored_text, doc) if day_of(doc.name) is not None else None
                self._put(index, doc.name, doc.value, source)
        finally:
            with self._guard:
                if generation == self._generation:
                    # Saves made while building are in the vault: add them on top.
                    index.merge_from(self._index)
                    self._index = index
                    self._ready.set()

    @staticmethod
    def _page_entry(doc: Document) -> Entry | None:
        """A page's entry folded from its sealed JSON, never made into a string (or None,
        and the page goes the usual way: see ``fold_page_json`` and ``folded_entry``)."""
        day = day_of(doc.name)
        sealed = doc.sealed_value if day is not None else None
        folded = fold_page_json(sealed) if sealed is not None else None
        if day is None or folded is None:
            return None
        return folded_entry(
            doc.name, page_title(day), folded, day.isoformat(), partial(stored_text, doc)
        )

    def _put(
        self, index: SearchIndex, name: str, raw: object, source: Source | None = None
    ) -> None:
        found = self._entry_of(name, raw)
        if found is not None:
            title, text, order = found
            index.put(name, title, text, order=order, source=source)

    def _entry_of(self, name: str, raw: object) -> tuple[str, str, str] | None:
        """What a document is searched by: its title, its words, and its place in time."""
        day = day_of(name)
        if day is not None:
            text = page_text(raw)
            return (page_title(day), text, day.isoformat()) if text is not None else None
        prompt_id = prompt_of(name)
        if prompt_id is None:
            return None
        prompt = self._content.prompt(prompt_id)
        try:
            answer = a.from_json(raw)  # type: ignore[arg-type]  # checked by from_json
            text = (
                a.words(prompt, answer)
                if prompt is not None and prompt.kind == answer.kind
                else loose_text(a.to_json(answer))
            )
        except Exception:
            text = ""
        return prompt_title(self._content, prompt_id), text, ""

    def _on_change(self, changes: Changes) -> None:
        if changes.session is not None:
            if changes.session is not SessionState.UNLOCKED:
                with self._guard:
                    self._generation += 1
                    self._index = SearchIndex()
                    self._pending = None
                    self._ready.set()
            return
        if not self._session.unlocked:
            return
        with self._guard:
            for prompt_id in changes.answers:
                answer = self._answers.get(prompt_id)
                raw = a.to_json(answer) if answer is not None else None
                self._put(self._index, answer_name(prompt_id), raw)
            for iso in changes.pages:
                day = date.fromisoformat(iso)
                self._put(self._index, page_name(day), {"text": self._pages.get(day)})

    def wait_ready(self, timeout: float = 30) -> bool:
        """Builds what is pending here rather than wait for the window's idle build.

        Checked again and again: a lock and a new unlock while waiting leave new pending
        documents, which this thread then builds itself instead of sleeping until the
        window's timer comes round (a pool thread asleep here keeps an unlock waiting).
        """
        deadline = time.monotonic() + timeout
        while True:
            with self._guard:
                pending, self._pending = self._pending, None
            if pending is not None:
                self._build(*pending)
            if self._ready.wait(READY_POLL_S):
                return True
            if time.monotonic() >= deadline:
                return False

    def search(self, query: str, *, limit: int = 50) -> list[SearchResult]:
        self._session.reader  # noqa: B018 - raises VaultLocked when locked
        self.wait_ready()
        with self._guard:
            hits = self._index.search(query, limit=limit)
        return self._results(hits)

    def search_all(self, query: str, *, limit: int = 50) -> list[SearchResult]:
        """One search over every document as it is decrypted, keeping no index.

        For a search on the command line: the same results as ``search`` (the index is
        built from the same documents the same way), without holding years of folded
        text, or any page that does not match, in memory at once.
        """

        def entries() -> Iterator[tuple[str, Entry]]:
            for doc in self._session.read_all():
                quick = self._page_entry(doc)
                if quick is not None:
                    yield doc.name, quick
                    continue
                found = self._entry_of(doc.name, doc.value)
                if found is not None and not blank(found[1]):
                    title, text, order = found
                    yield doc.name, entry(doc.name, title, text, order)

        return self._results(search_entries(entries(), query, limit=limit))

    def _results(self, hits: list[Hit]) -> list[SearchResult]:
        results = []
        for hit in hits:
            prompt_id = prompt_of(hit.name)
            located = self._content.locate(prompt_id) if prompt_id else None
            results.append(
                SearchResult(
                    title=hit.title,
                    snippet=hit.snippet,
                    highlights=hit.highlights,
                    prompt_id=prompt_id,
                    part_id=located.part.id if located else None,
                    day=day_of(hit.name),
                    text=hit.text,
                )
            )
        return results

    def __len__(self) -> int:
        self.wait_ready()
        return len(self._index)
