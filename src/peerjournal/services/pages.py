"""Daily pages: one dated page a day, free writing with an optional gentle prompt."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

import msgspec

from peerjournal.core.dates import month_before, year_before
from peerjournal.core.documents import day_of, page_name, page_text
from peerjournal.core.errors import TooLarge
from peerjournal.core.limits import MAX_TEXT_CHARS
from peerjournal.core.vault.records import Document, SaveResult
from peerjournal.services.events import Changes, SessionState
from peerjournal.services.session import VaultSession

if TYPE_CHECKING:
    from peerjournal.core.content import model as m


class PageSummary(msgspec.Struct, frozen=True):
    day: date
    saved: datetime
    words: int
    preview: str


PREVIEW_CHARS = 120


def preview(text: str, chars: int = PREVIEW_CHARS) -> str:
    """The page's opening, its spaces and lines run together, from its head alone.

    The head's words joined are the start of the whole text's words joined, so when they
    reach ``chars`` the rest of a long page need not be split at all.
    """
    head = " ".join(text[: chars * 4].split())
    if len(head) >= chars or len(text) <= chars * 4:
        return head[:chars]
    return " ".join(text.split())[:chars]


def first_line(text: str, chars: int = 90) -> str:
    """The first line that holds words, without Markdown's marks, cut at ``chars``."""
    for line in text.splitlines():
        words = line.strip().lstrip("#>*-+ ").strip()
        if words:
            return words if len(words) <= chars else words[: chars - 1].rstrip() + "…"
    return ""


def stored_text(doc: Document) -> str:
    """A page's text as read at unlock, decoded now (and not kept)."""
    return page_text(doc.value) or ""


class PageService:
    def __init__(self, session: VaultSession, content: m.Content | Callable[[], m.Content]) -> None:
        """``content`` may come as a function, for a read that may never need it."""
        self._session = session
        self._content_of = content
        self._pages: dict[date, tuple[str | Document, datetime]] = {}
        """Each day's text: saved in this sitting, or its document as read at unlock."""
        self._summaries: dict[date, tuple[tuple[str | Document, datetime], PageSummary | None]] = {}
        """Each day's summary, with the entry of ``_pages`` it was made from."""
        self._guard = threading.Lock()
        session.add_loader(self._load)
        session.hub.subscribe(self._on_change)

    def _load(self, documents: list[Document]) -> None:
        pages: dict[date, tuple[str | Document, datetime]] = {}
        for doc in documents:
            day = day_of(doc.name)
            if day is not None:
                pages[day] = (doc, doc.saved)
        with self._guard:
            self._pages = pages
            self._summaries = {}

    @staticmethod
    def _text(found: str | Document) -> str:
        return found if isinstance(found, str) else stored_text(found)

    def _on_change(self, changes: Changes) -> None:
        if changes.session not in (None, SessionState.UNLOCKED):
            with self._guard:
                self._pages = {}
                self._summaries = {}

    def unreadable(self) -> set[date]:
        """Days whose saved page could not be read at unlock (damaged, not lost)."""
        return {
            d for item in self._session.reader.unreadable if (d := day_of(item.where)) is not None
        }

    def prompt_for(self, day: date) -> str:
        """The gentle prompt of the day: the same all day, different from day to day."""
        content = self._content_of
        prompts = (content() if callable(content) else content).daily_prompts
        return prompts[day.toordinal() % len(prompts)] if prompts else ""

    def get(self, day: date) -> str:
        self._session.reader  # noqa: B018 - raises VaultLocked when locked
        with self._guard:
            found = self._pages.get(day)
        return self._text(found[0]) if found else ""

    def days(self) -> list[date]:
        with self._guard:
            return sorted(self._pages, reverse=True)

    def looking_back(self, day: date) -> list[tuple[str, date, str]]:
        """The pages of a month ("month") and a year ("year") before ``day`` that hold
        words, with the first line of each (for "On this day", which the participant
        turns on)."""
        found: list[tuple[str, date, str]] = []
        for kind, earlier in (("month", month_before(day)), ("year", year_before(day))):
            line = first_line(self.get(earlier))
            if line:
                found.append((kind, earlier, line))
        return found

    def summaries(self) -> list[PageSummary]:
        """Every page that holds words, newest first.

        Each day's summary is made once and kept until that day is saved again: the list
        of earlier pages asks after every save, and counting the words of ten years of
        pages takes a tenth of a second.
        """
        with self._guard:
            items = sorted(self._pages.items(), reverse=True)
        found = []
        for day, entry in items:
            summary = self._summary_of(day, entry)
            if summary is not None:
                found.append(summary)
        return found

    def summary(self, day: date) -> PageSummary | None:
        """The day's summary (None when its page holds no words)."""
        with self._guard:
            entry = self._pages.get(day)
        return self._summary_of(day, entry) if entry is not None else None

    def _summary_of(self, day: date, entry: tuple[str | Document, datetime]) -> PageSummary | None:
        with self._guard:
            kept = self._summaries.get(day)
        if kept is not None and kept[0] is entry:
            return kept[1]
        stored, saved = entry
        text = self._text(stored)
        words = len(text.split())
        made = PageSummary(day, saved, words, preview(text)) if words else None
        with self._guard:
            if self._pages.get(day) is entry:
                self._summaries[day] = (entry, made)
        return made

    def save(self, day: date, text: str) -> SaveResult:
        if len(text) > MAX_TEXT_CHARS:
            raise TooLarge(size=round(len(text) / 1_000_000, 1), limit=MAX_TEXT_CHARS // 1_000_000)
        result = self._session.vault.save(page_name(day), {"text": text}, blank=not text.strip())
        with self._guard:
            self._pages[day] = (text, result.saved)
        if not result.unchanged:
            self._session.hub.notify(Changes(pages=frozenset({day.isoformat()})))
        return result

    def append(self, day: date, text: str) -> SaveResult:
        existing = self.get(day).rstrip()
        combined = f"{existing}\n\n{text.strip()}" if existing else text.strip()
        return self.save(day, combined)

    def history(self, day: date) -> list[tuple[int, datetime, str]]:
        out = []
        for v in self._session.reader.history(page_name(day)):
            out.append((v.seq, v.body.saved, page_text(v.body.value) or ""))
        return out
