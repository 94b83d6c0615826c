"""Reading the demo journal's YAML and checking every part of it against the content.

The file is read by the content packs' hardened reader (with dates allowed: this file
is ours), its shape by pydantic, and each answer by its kind's own ``from_plain`` and
``validate`` (``core/kinds``), so a new kind needs nothing here. What pydantic cannot
know is checked after: that every part and question exists, that dates come before the
demo's "today" and each version after the one before. A problem names the line.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from peerjournal.core import answers as a
from peerjournal.core import kinds
from peerjournal.core import story as st
from peerjournal.core.content import model as m
from peerjournal.core.content.yaml_reader import LocatedData, Path_, read_yaml
from peerjournal.core.errors import BadAnswer, ContentPackError

DATA_FILE = "demo_answers.yaml"
ANSWER_HOURS = (10, 20)
"""Answers are saved at a time of day between these hours (UTC), varying by prompt."""
PAGE_HOUR = 21
ITERATION_TIME = (21, 50)
MORNING = (9, 0)
"""The demo's "now" on its "today", when the journal is handed over."""


class DemoDataError(ValueError):
    """The demo's YAML does not fit the content: names the file, the line and the problem."""


@dataclass(frozen=True, slots=True)
class DemoVersion:
    """One saved state of an answer."""

    when: datetime
    answer: a.Answer


@dataclass(frozen=True, slots=True)
class DemoPage:
    day: date
    text: str
    prompt: str
    """The prompt of the day this page answers, or '' when it is free writing."""
    when: datetime


@dataclass(frozen=True, slots=True)
class DemoIteration:
    name: str
    when: datetime
    options: st.StoryOptions


@dataclass(frozen=True, slots=True)
class DemoJournal:
    today: date
    answers: Mapping[str, tuple[DemoVersion, ...]]
    """Prompt id -> its versions, oldest first; the last is the current answer."""
    pages: tuple[DemoPage, ...]
    contacts: tuple[m.Contact, ...]
    contacts_saved: datetime
    options: st.StoryOptions
    """The story draft's choices as the demo leaves them."""
    iterations: tuple[DemoIteration, ...]

    @property
    def now(self) -> datetime:
        """The moment the demo journal is handed over: the morning of its "today"."""
        return at(self.today, *MORNING)


# -- the file's shape ----------------------------------------------------------------------


Day = date
"""For fields named ``date`` (a field's name would hide the type in its class)."""


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Person(_In):
    name: str = Field(min_length=1)
    detail: str = ""
    description: str = ""


class _Contacts(_In):
    date: Day
    people: list[_Person] = Field(default_factory=list)


class _Iteration(_In):
    name: str = Field(min_length=1)
    date: Day
    title: str | None = None
    extras: list[str] | None = None
    conversation: list[str] | None = None


class _Story(_In):
    title: str = ""
    name: str = ""
    extras: list[str] = Field(default_factory=list)
    conversation: list[str] = Field(default_factory=list)
    iterations: list[_Iteration] = Field(default_factory=list)


class _Page(_In):
    date: Day
    prompt: str = ""
    text: str = Field(min_length=1)


class _Earlier(_In):
    date: Day
    answer: Any  # Any: the answer's shape is its kind's, checked by ``from_plain``


class _Wrapped(_In):
    answer: Any  # Any: as above
    date: Day | None = None
    earlier: list[_Earlier] = Field(default_factory=list)


class _Snapshot(_In):
    date: Day
    rung: int
    note: str = ""


class _Snapshots(_In):
    snapshots: list[_Snapshot] = Field(min_length=1)


class _Part(_In):
    written: tuple[Day, Day]
    answers: dict[str, Any]  # Any: each answer's shape is its kind's


class _Demo(_In):
    demo_journal: Literal[1]
    today: Day
    contacts: _Contacts
    story: _Story
    pages: list[_Page] = Field(default_factory=list)
    parts: dict[str, _Part]


# -- reading ---------------------------------------------------------------------------------


_BLOCK_START = re.compile(r"\s*(?:[-*+>]|\d+[.)]|#{1,6})\s")


def unwrap(text: str) -> str:
    """Joins the YAML file's wrapped lines into the paragraphs a participant would type.

    The app keeps a single line break as a line break (as typed), so text wrapped for
    the file's width would print with ragged breaks. Blank lines, list items, quotes and
    headings start new lines as before.
    """
    out: list[str] = []
    for line in text.strip().split("\n"):
        joinable = out and out[-1].strip() and line.strip()
        if joinable and not _BLOCK_START.match(line):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
    return "\n".join(out)


def _unwrapped(value: object) -> object:
    if isinstance(value, str):
        return unwrap(value)
    if isinstance(value, list):
        return [_unwrapped(v) for v in value]
    if isinstance(value, dict):
        return {k: _unwrapped(v) for k, v in value.items()}
    return value


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def _time_for(day: date, key: str) -> datetime:
    """A time of day for a save, steady for the same key, spread across the day."""
    low, high = ANSWER_HOURS
    minutes = zlib.crc32(key.encode("utf-8")) % ((high - low) * 60)
    return at(day, low) + timedelta(minutes=minutes)


def _spread(first: date, last: date, count: int) -> list[date]:
    if count <= 1:
        return [first] * count
    span = (last - first).days
    return [first + timedelta(days=round(i * span / (count - 1))) for i in range(count)]


def read_demo(raw: bytes, content: m.Content) -> DemoJournal:
    try:
        located = read_yaml(raw, file=DATA_FILE, dates=True)
    except ContentPackError as exc:
        raise DemoDataError(str(exc)) from None
    return _Checker(located, content).journal()


class _Checker:
    def __init__(self, located: LocatedData, content: m.Content) -> None:
        self._located = located
        self._content = content
        self._today = date.min

    def fail(self, path: Path_, problem: str) -> DemoDataError:
        return DemoDataError(f"{DATA_FILE}, line {self._located.line_of(path)}: {problem}")

    def shape(self, model: type[BaseModel], value: object, path: Path_) -> Any:
        """``value`` read as ``model``; a mismatch is one calm sentence with its line."""
        try:
            return model.model_validate(value)
        except ValidationError as exc:
            errors = exc.errors()
            # A misspelt key shows as both "extra" and "missing": name the misspelling.
            error = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
            where = (*path, *error["loc"])
            key = str(error["loc"][-1]) if error["loc"] else ""
            problems = {
                "extra_forbidden": f"'{key}' is not expected here.",
                "missing": f"'{key}' is missing here.",
                "literal_error": "expected 'demo_journal: 1' at the top.",
            }
            problem = problems.get(error["type"])
            if problem is None and "date" in error["type"]:
                problem = "expected a date (YYYY-MM-DD) here."
            raise self.fail(where, problem or f"this does not fit here ({error['msg']}).") from None

    def day(self, value: date, path: Path_) -> date:
        if self._today != date.min and value >= self._today:
            raise self.fail(path, f"the date must be before the demo's today ({self._today}).")
        return value

    def journal(self) -> DemoJournal:
        demo: _Demo = self.shape(_Demo, self._located.data, ())
        self._today = demo.today
        answers: dict[str, tuple[DemoVersion, ...]] = {}
        for part_id, part in demo.parts.items():
            answers.update(self.part(part_id, part, ("parts", part_id)))
        contacts = self.day(demo.contacts.date, ("contacts", "date"))
        options, iterations = self.story(demo.story)
        return DemoJournal(
            today=demo.today,
            answers=answers,
            pages=self.pages(demo.pages),
            contacts=tuple(
                m.Contact(unwrap(p.name), unwrap(p.detail), unwrap(p.description))
                for p in demo.contacts.people
            ),
            contacts_saved=at(contacts, 20),
            options=options,
            iterations=iterations,
        )

    def part(self, part_id: str, part: _Part, path: Path_) -> dict[str, tuple[DemoVersion, ...]]:
        found = self._content.part(part_id)
        if found is None:
            raise self.fail(path, f"there is no part '{part_id}' in the content.")
        first = self.day(part.written[0], (*path, "written", 0))
        last = self.day(part.written[1], (*path, "written", 1))
        if last < first:
            raise self.fail((*path, "written"), "the last day comes before the first.")
        prompts: dict[str, m.Prompt] = {p.id: p for p in found.prompts}
        undated = [pid for pid, v in part.answers.items() if not _dated(v)]
        days = dict(zip(undated, _spread(first, last, len(undated)), strict=True))
        out: dict[str, tuple[DemoVersion, ...]] = {}
        for prompt_id, value in part.answers.items():
            where = (*path, "answers", prompt_id)
            prompt = prompts.get(prompt_id)
            if prompt is None:
                raise self.fail(where, self._why_not(prompt_id, part_id))
            versions = self.versions(prompt, value, where, days.get(prompt_id))
            if versions:
                out[prompt_id] = versions
        return out

    def _why_not(self, prompt_id: str, part_id: str) -> str:
        readings = {
            item.id
            for programme in self._content.programmes
            for part in programme.parts
            for item in part.items
            if isinstance(item, m.Reading)
        }
        if prompt_id in readings:
            return f"'{prompt_id}' is a reading, not a question."
        if self._content.prompt(prompt_id) is not None:
            return f"'{prompt_id}' is not in the part '{part_id}'."
        return f"there is no question '{prompt_id}' in the content."

    def versions(
        self, prompt: m.Prompt, value: object, path: Path_, default_day: date | None
    ) -> tuple[DemoVersion, ...]:
        dated: list[tuple[date, object, Path_]] = []
        if isinstance(value, dict) and "snapshots" in value and isinstance(prompt, m.LadderPrompt):
            snaps: _Snapshots = self.shape(_Snapshots, value, path)
            for n, snap in enumerate(snaps.snapshots):
                where: Path_ = (*path, "snapshots", n)
                plain = {"rung": snap.rung, "note": snap.note}
                dated.append((self.day(snap.date, (*where, "date")), plain, where))
        elif isinstance(value, dict) and ("answer" in value or "earlier" in value):
            wrapped: _Wrapped = self.shape(_Wrapped, value, path)
            for n, old in enumerate(wrapped.earlier):
                where = (*path, "earlier", n)
                dated.append((self.day(old.date, (*where, "date")), old.answer, (*where, "answer")))
            day = self.day(wrapped.date, (*path, "date")) if wrapped.date else default_day
            dated.append((day or date.min, wrapped.answer, (*path, "answer")))
        else:
            dated.append((default_day or date.min, value, path))
        out: list[DemoVersion] = []
        for n, (day, raw, where) in enumerate(dated):
            if out and day <= out[-1].when.date():
                raise self.fail(where, "each version must be dated after the one before.")
            answer = self.answer(prompt, raw, where)
            if answer is not None:
                out.append(DemoVersion(_time_for(day, f"{prompt.id}#{n}"), answer))
        return tuple(out)

    def answer(self, prompt: m.Prompt, raw: object, path: Path_) -> a.Answer | None:
        """The answer in its kind's plain shape (None: lessons with none done, not begun)."""
        spec = kinds.spec_of(prompt.kind)
        if spec is None:
            raise self.fail(path, f"'{prompt.id}' is of a kind peerjournal does not know.")
        try:
            answer: a.Answer | None = spec.from_plain(prompt, _unwrapped(raw))
            if answer is not None:
                a.validate(prompt, answer)
        except (BadAnswer, ValidationError, ValueError) as exc:
            why = exc.message if isinstance(exc, BadAnswer) else "its shape does not fit."
            raise self.fail(path, f"'{prompt.id}' cannot take this answer: {why}") from None
        return answer

    def pages(self, pages: list[_Page]) -> tuple[DemoPage, ...]:
        out: list[DemoPage] = []
        seen: set[date] = set()
        for n, page in enumerate(pages):
            where: Path_ = ("pages", n, "date")
            day = self.day(page.date, where)
            if day in seen:
                raise self.fail(where, f"there is already a page for {day}.")
            seen.add(day)
            minutes = zlib.crc32(day.isoformat().encode()) % 45
            out.append(
                DemoPage(day, unwrap(page.text), unwrap(page.prompt), at(day, PAGE_HOUR, minutes))
            )
        return tuple(out)

    def story(self, story: _Story) -> tuple[st.StoryOptions, tuple[DemoIteration, ...]]:
        base = st.default_options(self._content)
        options = self.options(base, story.title, story.name, story.extras, story.conversation)
        iterations: list[DemoIteration] = []
        for n, it in enumerate(story.iterations):
            where: Path_ = ("story", "iterations", n)
            day = self.day(it.date, (*where, "date"))
            if iterations and day <= iterations[-1].when.date():
                raise self.fail(where, "each story version must be dated after the one before.")
            chosen = self.options(
                base,
                story.title if it.title is None else it.title,
                story.name,
                story.extras if it.extras is None else it.extras,
                story.conversation if it.conversation is None else it.conversation,
                where=where,
            )
            iterations.append(DemoIteration(unwrap(it.name), at(day, *ITERATION_TIME), chosen))
        return options, tuple(iterations)

    def options(
        self,
        base: st.StoryOptions,
        title: str,
        name: str,
        extras: list[str],
        conversation: list[str],
        *,
        where: Path_ = ("story",),
    ) -> st.StoryOptions:
        options = replace(base, title=unwrap(title), name=unwrap(name))
        for n, pid in enumerate(extras):
            if self._content.prompt(pid) is None:
                raise self.fail((*where, "extras", n), f"there is no question '{pid}'.")
            options = st.add_extra(self._content, options, pid)
        points = tuple(unwrap(p) for p in conversation)
        return replace(options, conversation_page=bool(points), conversation_points=points)


def _dated(value: object) -> bool:
    """Whether an entry carries its own dates (so takes no day from the part's window)."""
    return isinstance(value, dict) and ("snapshots" in value or {"answer", "date"} <= set(value))


__all__ = [
    "DATA_FILE",
    "DemoDataError",
    "DemoIteration",
    "DemoJournal",
    "DemoPage",
    "DemoVersion",
    "at",
    "read_demo",
    "unwrap",
]
