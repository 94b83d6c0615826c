"""Your own copy, both ways: the whole journal as ``peerjournal.json``, and back in.

The copy is made from the vault's documents and every version of each, so it holds what
the journal holds, versions, story settings, story versions and own contacts included;
bringing it into a journal writes it in one transaction (``Vault.bring_in``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from peerjournal import __version__
from peerjournal.core import answers as a
from peerjournal.core import portable as p
from peerjournal.core.answers import MAX_TEXT_CHARS
from peerjournal.core.content import model as m
from peerjournal.core.dates import long_date
from peerjournal.core.documents import (
    CONTACTS,
    PAGE,
    SESSION_DATES,
    STORY_DRAFT,
    answer_name,
    day_of,
    page_name,
    page_text,
    prompt_of,
)
from peerjournal.core.errors import NotACopy
from peerjournal.core.json_types import JsonDict, JsonValue
from peerjournal.core.phrases import count, listed
from peerjournal.core.vault.records import Body, BroughtIn, Document
from peerjournal.services.answers import loose_text
from peerjournal.services.events import Changes
from peerjournal.services.incoming import DayText, Incoming, look
from peerjournal.services.session import VaultSession


@dataclass(frozen=True, slots=True)
class Summary:
    """What came in, for the sentence the participant reads."""

    answers: int
    pages: int
    merged: int
    already_here: int
    story_versions: int
    other: int
    added_to: int = 0
    """Pages that were here, with what came in for their day added at the end."""
    left_out: tuple[str, ...] = ()

    def sentence(self) -> str:
        parts = []
        if self.answers:
            parts.append(count(self.answers, "answer"))
        if self.pages:
            parts.append(count(self.pages, "daily page"))
        if self.story_versions:
            parts.append(count(self.story_versions, "saved story version"))
        if self.other:
            parts.append(count(self.other, "other item"))
        if parts:
            said = "Brought in " + listed(parts) + "."
        else:
            said = "" if self.added_to else "Nothing new came in."
        if self.merged:
            said += (
                f" {count(self.merged, 'item')} you already had differed: what came in is "
                "in its history, and what you had stays as it is."
            )
        if self.added_to:
            said += (
                " 1 page you already had now ends with what came in for its day; what it said "
                "before is kept in its history."
                if self.added_to == 1
                else f" {self.added_to:,} pages you already had now end with what came in for "
                "their day; what they said before is kept in their history."
            )
        if self.already_here:
            said += f" {count(self.already_here, 'item')} you already had were left alone."
        for sentence in self.left_out:
            said += f" {sentence}"
        return said.strip()


class TransferService:
    def __init__(self, session: VaultSession, content: m.Content) -> None:
        self._session = session
        self._content = content

    # -- out ----------------------------------------------------------------------------

    def portable(self, *, now: datetime | None = None) -> p.ExportFile:
        reader = self._session.reader
        answers: list[p.AnswerRecord] = []
        pages: list[p.PageRecord] = []
        other: list[p.DocumentRecord] = []
        draft = contacts = None
        for doc in sorted(self._session.read_all(), key=lambda d: d.name):
            versions = [_version(v.seq, v.body) for v in reader.history(doc.name)] or [
                _version(doc.seq, doc.body)
            ]
            prompt_id = prompt_of(doc.name)
            day = day_of(doc.name)
            if prompt_id is not None:
                answers.append(self._answer_record(prompt_id, doc, versions))
            elif day is not None:
                text = page_text(doc.value) or ""
                pages.append(p.PageRecord(day.isoformat(), text, _iso(doc.saved), versions))
            elif doc.name == STORY_DRAFT:
                draft = p.DocumentRecord(doc.name, versions)
            elif doc.name == CONTACTS:
                contacts = p.DocumentRecord(doc.name, versions)
            else:
                other.append(p.DocumentRecord(doc.name, versions))
        story = [p.StoryVersion(i.number, i.value) for i in reader.iterations()]
        return p.ExportFile(
            format=p.FORMAT,
            format_version=p.FORMAT_VERSION,
            app_version=__version__,
            exported=_iso(now or datetime.now(UTC)),
            answers=answers,
            daily_pages=pages,
            story_draft=draft,
            story_versions=story,
            support_contacts=contacts,
            other_documents=other,
        )

    def _answer_record(
        self, prompt_id: str, doc: Document, versions: list[p.Version]
    ) -> p.AnswerRecord:
        prompt = self._content.prompt(prompt_id)
        located = self._content.locate(prompt_id)
        value = doc.value
        try:
            answer = a.from_json(value)
            text = a.words(prompt, answer) if prompt and prompt.kind == answer.kind else ""
        except Exception:
            text = ""
        question = (
            p.Question(prompt.kind, prompt.text, located.part.title if located else None)
            if prompt is not None
            else None
        )
        return p.AnswerRecord(
            prompt_id,
            question,
            value,
            text or loose_text(value),
            _iso(doc.saved),
            versions,
        )

    # -- in -----------------------------------------------------------------------------

    def bring_in(self, raw: bytes) -> Summary:
        """Reads a copy and writes it into this journal; all of it or, on any fault, none."""
        try:
            found = p.read(raw)
            documents = _documents_of(found)
        except (p.NotAnExport, ValueError) as exc:
            raise NotACopy(detail=str(exc)) from None
        iterations: list[JsonDict] = [s.value for s in found.story_versions]
        done = self._session.vault.bring_in(documents, iterations)
        self._session.reload()
        self._tell(done)
        return _summary(done)

    def look(self, path: Path) -> Incoming:
        """What is at ``path``, read whole, before anything is written."""
        return look(path)

    def bring(self, incoming: Incoming) -> Summary:
        """Brings in what ``look`` found: a copy as ``bring_in``, other writing as pages."""
        if incoming.copy is not None:
            return self.bring_in(incoming.copy)
        summary = self.bring_pages(incoming.days)
        return replace(summary, left_out=tuple(incoming.left_out))

    def bring_pages(self, days: Sequence[DayText]) -> Summary:
        """Each day's writing as that day's page, in one transaction.

        A day with no page yet gets one holding exactly what came in. A day that has a
        page keeps every word of it: what came in is added after it, unless the page
        already holds it (brought in before), and what the page said before stays in its
        history.
        """
        here = {
            d: page_text(doc.value) or ""
            for doc in self._session.reader.documents(prefix=PAGE)
            if (d := day_of(doc.name)) is not None
        }
        now = self._session.clock()
        documents: list[tuple[str, list[Body]]] = []
        skipped = filled = 0
        for one in days:
            existing = here.get(one.day, "")
            came = one.text.strip()
            if not existing.strip():
                filled += one.day in here
                body = Body(started=one.first, saved=one.last, value={"text": one.text})
            elif existing.strip() == came or existing.rstrip().endswith(f"\n\n{came}"):
                skipped += 1  # brought in before: it is the page, or what was added to it
                continue
            else:
                combined = f"{existing.rstrip()}\n\n{one.text.strip(chr(10))}"
                if len(combined) > MAX_TEXT_CHARS:
                    raise NotACopy(
                        detail=f"your page of {long_date(one.day)} and what came in for that "
                        "day would be too long for one page together"
                    )
                body = Body(started=now, saved=now, value={"text": combined})
            documents.append((page_name(one.day), [body]))
        done = self._session.vault.bring_in(documents, [], newest_on_top=True)
        self._session.reload()
        self._tell(done)
        summary = _summary(done)
        return replace(
            summary,
            pages=summary.pages + filled,
            added_to=summary.merged - filled,
            merged=0,
            already_here=summary.already_here + skipped,
        )

    def _tell(self, done: BroughtIn) -> None:
        """Every view showing something that came in redraws from what is kept now."""
        changed = [*done.new, *done.merged]
        if not changed and not done.story_versions:
            return
        self._session.hub.notify(
            Changes(
                answers=frozenset(p for n in changed if (p := prompt_of(n)) is not None),
                pages=frozenset(d.isoformat() for n in changed if (d := day_of(n)) is not None),
                story=bool(done.story_versions) or STORY_DRAFT in changed,
                contacts=CONTACTS in changed,
                sessions=SESSION_DATES in changed,
            )
        )


def _documents_of(found: p.ExportFile) -> list[tuple[str, list[Body]]]:
    documents: list[tuple[str, list[Body]]] = []
    for answer in found.answers:
        documents.append((answer_name(answer.prompt_id), _bodies(answer.versions)))
    for page in found.daily_pages:
        day = date.fromisoformat(page.date)
        documents.append((page_name(day), _bodies(page.versions)))
    for record in (found.story_draft, found.support_contacts, *found.other_documents):
        if record is not None:
            documents.append((record.name, _bodies(record.versions)))
    return documents


def _bodies(versions: list[p.Version]) -> list[Body]:
    """Versions oldest first, by their number (which the copy says, never by clock)."""
    ordered = sorted(versions, key=lambda v: v.version)
    return [
        Body(
            started=_when(v.started),
            saved=_when(v.saved),
            value=_plain(v.value),
        )
        for v in ordered
    ]


def _when(text: str) -> datetime:
    when = datetime.fromisoformat(text)
    if when.tzinfo is None:
        raise ValueError(f"the time {text!r} says no time zone")
    return when


def _plain(value: object) -> JsonValue:
    return value  # type: ignore[return-value]  # decoded JSON, so JSON


def _version(seq: int, body: Body) -> p.Version:
    return p.Version(seq, _iso(body.started), _iso(body.saved), body.value)


def _iso(when: datetime) -> str:
    return when.isoformat()


def _summary(done: BroughtIn) -> Summary:
    new = done.new
    return Summary(
        answers=sum(1 for n in new if prompt_of(n) is not None),
        pages=sum(1 for n in new if day_of(n) is not None),
        merged=len(done.merged),
        already_here=len(done.already_here),
        story_versions=done.story_versions,
        other=sum(1 for n in new if prompt_of(n) is None and day_of(n) is None),
    )


__all__ = ["Summary", "TransferService"]
