"""The demo journal: a made-up participant's journal, filled in, for ``peerjournal demo``.

Someone deciding whether to recommend the app should see every feature working without
writing a word: answers to every prompt, a ladder moving over time, strengths and
values, daily pages, support contacts, earlier versions in the history, and two saved
versions of the Personal Recovery Story a year apart that are worth comparing.

The words live in ``demo_answers.yaml`` beside this module (its header describes the
shape). ``load_demo`` reads it and checks every id, shape and date against the content,
so a renamed prompt fails loudly instead of quietly leaving a gap. ``build_demo`` then
creates a brand-new vault with the passphrase ``demo`` and fills it through the real
services, replaying every save in date order under a simulated clock, so versions,
ladder snapshots, pages and story versions carry believable dates. When it is done the
clock carries on from the demo's "today" and the session is left unlocked.
"""

from __future__ import annotations

import re
import tempfile
import time
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from pathlib import Path

import yaml

from peerjournal.core import answers as a
from peerjournal.core import story as st
from peerjournal.core.content import model as m
from peerjournal.core.content.yaml_reader import LocatedData, Path_
from peerjournal.core.errors import BadAnswer
from peerjournal.core.vault.keyslots import FAST_KDF
from peerjournal.core.vault.records import utc_now
from peerjournal.services.container import Services, build_services

DEMO_PASSPHRASE = "demo journal"
DEMO_KDF = FAST_KDF  # a throwaway journal with a known passphrase: the cheapest safe setting
"""A real Argon2id, cheap on purpose: the demo holds nothing secret and must open fast."""
DATA_FILE = "demo_answers.yaml"
FORMAT = 1

_ANSWER_HOURS = (10, 20)
"""Answers are saved at a time of day between these hours (UTC), varying by prompt."""
_PAGE_HOUR = 21
_ITERATION_TIME = (21, 50)
_MORNING = (9, 0)
"""The demo's "now" on its "today", when the journal is handed over."""


class DemoDataError(ValueError):
    """The demo's YAML does not fit the content: names the file, the line and the problem."""


# -- what the YAML describes ------------------------------------------------------------------


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
        return _at(self.today, *_MORNING)


def demo_folder() -> Path:
    """A fresh, empty temporary folder to hold one demo journal."""
    return Path(tempfile.mkdtemp(prefix="peerjournal-demo-"))


def demo_yaml() -> bytes:
    """The demo's words, as shipped inside the package."""
    return resources.files("peerjournal.services").joinpath(DATA_FILE).read_bytes()


# -- building the journal --------------------------------------------------------------------


class DemoClock:
    """Stands still at each simulated moment while filling; then ticks on from "now".

    After ``release`` it tells real elapsed time added to the demo's "now", or the real
    time if that is later, so saves made in the demo keep going forwards.
    """

    def __init__(self, start: datetime) -> None:
        self.now = start
        self._released: tuple[datetime, float] | None = None

    def set(self, when: datetime) -> None:
        self.now = when

    def release(self, now: datetime) -> None:
        self._released = (now, time.monotonic())

    def __call__(self) -> datetime:
        if self._released is None:
            return self.now
        start, mono = self._released
        ticking = start + timedelta(seconds=time.monotonic() - mono)
        return max(ticking, utc_now())


def build_demo(root: Path, *, content: m.Content | None = None) -> Services:
    """Creates and fills a demo journal in ``root`` (which must not hold one yet).

    Returns the services with the session unlocked (passphrase ``DEMO_PASSPHRASE``).
    Raises ``DemoDataError`` before anything is written if the demo's YAML does not fit
    the content.
    """
    clock = DemoClock(utc_now())
    services = build_services(root, content=content, clock=clock, kdf=DEMO_KDF)
    journal = load_demo(services.content)
    events = _events(services, journal)
    clock.set(min(when for when, _ in events) - timedelta(hours=1))
    services.session.create(DEMO_PASSPHRASE)
    try:
        for when, action in events:
            clock.set(when)
            action()
    except BaseException:
        services.session.close()
        raise
    clock.release(journal.now)
    return services


Action = Callable[[], object]


def _events(services: Services, journal: DemoJournal) -> list[tuple[datetime, Action]]:
    """Every save the demo makes, in the order they happened (ties keep their order)."""
    events: list[tuple[datetime, Action]] = []

    def save(prompt_id: str, answer: a.Answer) -> Action:
        return lambda: services.answers.save(prompt_id, answer, fold=False)

    for prompt_id, versions in journal.answers.items():
        for version in versions:
            events.append((version.when, save(prompt_id, version.answer)))
    for page in journal.pages:
        events.append((page.when, _bind(services.pages.save, page.day, page.text)))
    events.append((journal.contacts_saved, _bind(services.contacts.save_own, journal.contacts)))
    for iteration in journal.iterations:
        events.append((iteration.when, _iteration(services, iteration)))
    events.append((journal.now, lambda: services.story.save_options(options=journal.options)))
    ranked = sorted(enumerate(events), key=lambda pair: (pair[1][0], pair[0]))
    return [event for _, event in ranked]


def _bind(fn: Callable[..., object], *args: object) -> Action:
    return lambda: fn(*args)


def _iteration(services: Services, iteration: DemoIteration) -> Action:
    def run() -> None:
        services.story.save_options(options=iteration.options)
        services.story.save_iteration(name=iteration.name)

    return run


# -- reading and checking the YAML ----------------------------------------------------------------


_BLOCK_START = re.compile(r"\s*(?:[-*+>]|\d+[.)]|#{1,6})\s")


def unwrap(text: str) -> str:
    """Joins the YAML file's wrapped lines into the paragraphs a participant would type.

    The app keeps a single line break as a line break (as typed), so text wrapped for
    the file's width would print with ragged breaks. Blank lines, list items, quotes and
    headings start new lines as before.
    """
    out: list[str] = []
    for line in text.split("\n"):
        joinable = out and out[-1].strip() and line.strip()
        if joinable and not _BLOCK_START.match(line):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
    return "\n".join(out)


def load_demo(content: m.Content, raw: bytes | None = None) -> DemoJournal:
    """Reads the demo's YAML (the shipped one unless ``raw`` is given) against ``content``."""
    return _Reader(read_demo_yaml(demo_yaml() if raw is None else raw), content).journal()


_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_demo_yaml(raw: bytes) -> LocatedData:
    """Plain data with the line of every value; a key given twice is refused.

    Unlike a content pack this file is ours and holds dates, so it is read with the safe
    loader's own types rather than the content packs' stricter reader.
    """
    try:
        node = yaml.compose(raw.decode("utf-8-sig"), Loader=_LOADER)
    except UnicodeDecodeError:
        raise DemoDataError(f"{DATA_FILE}: the file is not UTF-8 text.") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise DemoDataError(f"{DATA_FILE}, line {line}: this is not valid YAML.") from None
    located = LocatedData(data=None)
    loader = yaml.SafeLoader("")

    def convert(node: yaml.Node, path: Path_) -> object:
        located.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            out: dict[str, object] = {}
            for key_node, value_node in node.value:
                key = loader.construct_object(key_node)
                line = key_node.start_mark.line + 1
                if not isinstance(key, str):
                    raise DemoDataError(f"{DATA_FILE}, line {line}: a key must be a word.")
                if key in out:
                    raise DemoDataError(f"{DATA_FILE}, line {line}: '{key}' is given twice.")
                out[key] = convert(value_node, (*path, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [convert(child, (*path, n)) for n, child in enumerate(node.value)]
        return loader.construct_object(node)

    try:
        located.data = convert(node, ()) if node is not None else {}
    finally:
        loader.dispose()
    return located


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def _time_for(day: date, key: str) -> datetime:
    """A time of day for a save, steady for the same key, spread across the day."""
    low, high = _ANSWER_HOURS
    minutes = zlib.crc32(key.encode("utf-8")) % ((high - low) * 60)
    return _at(day, low) + timedelta(minutes=minutes)


def _spread(first: date, last: date, count: int) -> list[date]:
    if count <= 1:
        return [first] * count
    span = (last - first).days
    return [first + timedelta(days=round(i * span / (count - 1))) for i in range(count)]


_TOP_KEYS = {"demo_journal", "today", "contacts", "story", "pages", "parts"}
_WRAPPER_KEYS = {"answer", "date", "earlier"}


class _Reader:
    def __init__(self, located: LocatedData, content: m.Content) -> None:
        self._located = located
        self._content = content
        self._today = date.min
        self._readings = {
            item.id
            for programme in content.programmes
            for part in programme.parts
            for item in part.items
            if isinstance(item, m.Reading)
        }

    # -- plain values ----------------------------------------------------------------

    def fail(self, path: Path_, problem: str) -> DemoDataError:
        return DemoDataError(f"{DATA_FILE}, line {self._located.line_of(path)}: {problem}")

    def mapping(
        self, value: object, path: Path_, *, allowed: Iterable[str] | None = None
    ) -> dict[str, object]:
        if not isinstance(value, dict):
            raise self.fail(path, "expected a mapping of names to values here.")
        out = {str(k): v for k, v in value.items()}
        if allowed is not None:
            known = set(allowed)
            for key in out:
                if key not in known:
                    raise self.fail((*path, key), f"'{key}' is not expected here.")
        return out

    def listing(self, value: object, path: Path_) -> list[object]:
        if not isinstance(value, list):
            raise self.fail(path, "expected a list here.")
        return value

    def required(self, data: dict[str, object], key: str, path: Path_) -> object:
        if key not in data:
            raise self.fail(path, f"'{key}' is missing here.")
        return data[key]

    def text(self, value: object, path: Path_, *, empty: bool = False) -> str:
        if not isinstance(value, str):
            raise self.fail(path, "expected text here.")
        text = unwrap(value.strip())
        if not text and not empty:
            raise self.fail(path, "this text is empty.")
        return text

    def integer(self, value: object, path: Path_) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(path, "expected a whole number here.")
        return value

    def day(self, value: object, path: Path_) -> date:
        if not isinstance(value, date) or isinstance(value, datetime):
            raise self.fail(path, "expected a date (YYYY-MM-DD) here.")
        if self._today != date.min and value >= self._today:
            raise self.fail(path, f"the date must be before the demo's today ({self._today}).")
        return value

    # -- the journal -------------------------------------------------------------------

    def journal(self) -> DemoJournal:
        top = self.mapping(self._located.data, (), allowed=_TOP_KEYS)
        if top.get("demo_journal") != FORMAT:
            raise self.fail(("demo_journal",), f"expected 'demo_journal: {FORMAT}'.")
        self._today = self.day(self.required(top, "today", ()), ("today",))
        answers: dict[str, tuple[DemoVersion, ...]] = {}
        parts = self.mapping(self.required(top, "parts", ()), ("parts",))
        for part_id, part_data in parts.items():
            answers.update(self.part(part_id, part_data, ("parts", part_id)))
        contacts, contacts_day = self.contacts(top.get("contacts", {}), ("contacts",))
        options, iterations = self.story(self.required(top, "story", ()), ("story",))
        return DemoJournal(
            today=self._today,
            answers=answers,
            pages=self.pages(top.get("pages", []), ("pages",)),
            contacts=contacts,
            contacts_saved=_at(contacts_day, 20),
            options=options,
            iterations=iterations,
        )

    def part(self, part_id: str, value: object, path: Path_) -> dict[str, tuple[DemoVersion, ...]]:
        part = self._content.part(part_id)
        if part is None:
            raise self.fail(path, f"there is no part '{part_id}' in the content.")
        data = self.mapping(value, path, allowed={"written", "answers"})
        window = self.listing(self.required(data, "written", path), (*path, "written"))
        if len(window) != 2:
            raise self.fail((*path, "written"), "write it as [first day, last day].")
        first = self.day(window[0], (*path, "written", 0))
        last = self.day(window[1], (*path, "written", 1))
        if last < first:
            raise self.fail((*path, "written"), "the last day comes before the first.")
        entries = self.mapping(self.required(data, "answers", path), (*path, "answers"))
        prompts: dict[str, m.Prompt] = {p.id: p for p in part.prompts}
        undated = [pid for pid, v in entries.items() if not self._dated(prompts.get(pid), v)]
        days = dict(zip(undated, _spread(first, last, len(undated)), strict=True))
        out: dict[str, tuple[DemoVersion, ...]] = {}
        for prompt_id, entry in entries.items():
            where = (*path, "answers", prompt_id)
            prompt = prompts.get(prompt_id)
            if prompt is None:
                if prompt_id in self._readings:
                    raise self.fail(where, f"'{prompt_id}' is a reading, not a question.")
                if self._content.prompt(prompt_id) is not None:
                    raise self.fail(where, f"'{prompt_id}' is not in the part '{part_id}'.")
                raise self.fail(where, f"there is no question '{prompt_id}' in the content.")
            versions = self.versions(prompt, entry, where, days.get(prompt_id))
            if versions:
                out[prompt_id] = versions
        return out

    @staticmethod
    def _dated(prompt: m.Prompt | None, value: object) -> bool:
        """Whether an entry carries its own dates (so takes no day from the window)."""
        if not isinstance(value, dict):
            return False
        if isinstance(prompt, m.LadderPrompt) and "snapshots" in value:
            return True
        return "answer" in value and "date" in value

    def versions(
        self, prompt: m.Prompt, value: object, path: Path_, default_day: date | None
    ) -> tuple[DemoVersion, ...]:
        if isinstance(prompt, m.LadderPrompt) and isinstance(value, dict) and "snapshots" in value:
            return self.snapshots(prompt, value, path)
        dated: list[tuple[date, object, Path_]] = []
        if isinstance(value, dict) and "answer" in value:
            data = self.mapping(value, path, allowed=_WRAPPER_KEYS)
            for n, old in enumerate(self.listing(data.get("earlier", []), (*path, "earlier"))):
                where: Path_ = (*path, "earlier", n)
                old_data = self.mapping(old, where, allowed={"date", "answer"})
                day = self.day(self.required(old_data, "date", where), (*where, "date"))
                dated.append((day, self.required(old_data, "answer", where), (*where, "answer")))
            day_value = data.get("date")
            current_day = (
                self.day(day_value, (*path, "date")) if day_value is not None else default_day
            )
            value, answer_path = data["answer"], (*path, "answer")
        else:
            current_day, answer_path = default_day, path
        if current_day is None:  # pragma: no cover - every undated entry gets a day
            raise self.fail(path, "this answer needs a date.")
        dated.append((current_day, value, answer_path))
        out: list[DemoVersion] = []
        for n, (day, raw, where) in enumerate(dated):
            if out and day <= out[-1].when.date():
                raise self.fail(where, "each version must be dated after the one before.")
            answer = self.answer(prompt, raw, where)
            if answer is not None:
                out.append(DemoVersion(_time_for(day, f"{prompt.id}#{n}"), answer))
        return tuple(out)

    def snapshots(
        self, prompt: m.LadderPrompt, value: dict[str, object], path: Path_
    ) -> tuple[DemoVersion, ...]:
        data = self.mapping(value, path, allowed={"snapshots"})
        out: list[DemoVersion] = []
        for n, item in enumerate(self.listing(data["snapshots"], (*path, "snapshots"))):
            where: Path_ = (*path, "snapshots", n)
            snap = self.mapping(item, where, allowed={"date", "rung", "note"})
            day = self.day(self.required(snap, "date", where), (*where, "date"))
            if out and day <= out[-1].when.date():
                raise self.fail(where, "each snapshot must be dated after the one before.")
            rung = self.integer(self.required(snap, "rung", where), (*where, "rung"))
            note = self.text(snap.get("note", ""), (*where, "note"), empty=True)
            answer = self.checked(prompt, a.LadderAnswer(rung, note), where)
            out.append(DemoVersion(_time_for(day, f"{prompt.id}#{n}"), answer))
        if not out:
            raise self.fail(path, "give at least one snapshot.")
        return tuple(out)

    def checked(self, prompt: m.Prompt, answer: a.Answer, path: Path_) -> a.Answer:
        try:
            a.validate(prompt, answer)
        except BadAnswer as exc:
            raise self.fail(path, f"'{prompt.id}' cannot take this answer: {exc}") from None
        return answer

    def answer(self, prompt: m.Prompt, value: object, path: Path_) -> a.Answer | None:
        """The answer in the prompt's shape; None for lessons with none done (not started)."""
        answer: a.Answer
        match prompt:
            case m.TextPrompt():
                answer = a.TextAnswer(self.text(value, path))
            case m.LadderPrompt():
                if isinstance(value, dict):
                    data = self.mapping(value, path, allowed={"rung", "note"})
                    rung = self.integer(self.required(data, "rung", path), (*path, "rung"))
                    note = self.text(data.get("note", ""), (*path, "note"), empty=True)
                    answer = a.LadderAnswer(rung, note)
                else:
                    answer = a.LadderAnswer(self.integer(value, path))
            case m.ChoosePrompt():
                chosen = self.listing(value, path)
                answer = a.ChooseAnswer(
                    tuple(self.text(c, (*path, n)) for n, c in enumerate(chosen))
                )
            case m.RankedPrompt():
                items = []
                for n, item in enumerate(self.listing(value, path)):
                    data = self.mapping(item, (*path, n), allowed={"value", "note"})
                    items.append(
                        a.RankedItem(
                            self.text(self.required(data, "value", (*path, n)), (*path, n)),
                            self.text(data.get("note", ""), (*path, n, "note"), empty=True),
                        )
                    )
                answer = a.RankedAnswer(tuple(items))
            case m.TablePrompt():
                notes = self.mapping(value, path, allowed=[r.id for r in prompt.rows])
                answer = a.TableAnswer(
                    tuple((k, self.text(v, (*path, k))) for k, v in notes.items())
                )
            case m.SpectrumPrompt():
                positions = self.mapping(value, path, allowed=[r.id for r in prompt.rows])
                answer = a.SpectrumAnswer(
                    tuple((k, self.integer(v, (*path, k))) for k, v in positions.items())
                )
            case m.ChecklistPrompt():
                checks = self.mapping(value, path, allowed=[q.id for q in prompt.questions])
                answer = a.ChecklistAnswer(
                    tuple((k, self.check(v, (*path, k))) for k, v in checks.items())
                )
            case m.LessonsPrompt():
                done = self.integer(value, path)
                if not 0 <= done <= prompt.count:
                    raise self.fail(
                        path, f"give how many lessons are done, from 0 to {prompt.count}."
                    )
                if done == 0:
                    return None
                answer = a.LessonsAnswer(tuple(range(1, done + 1)))
        return self.checked(prompt, answer, path)

    def check(self, value: object, path: Path_) -> a.ChecklistItem:
        data = self.mapping(value, path, allowed={"state", "note"})
        raw = self.required(data, "state", path)
        if raw is True:  # YAML 1.1 reads a bare yes as true
            raw = "yes"
        states = {a.Check.YES.value, a.Check.NOT_YET.value}
        if raw not in states:
            raise self.fail((*path, "state"), "the state is 'yes' or 'not_yet'.")
        return a.ChecklistItem(
            a.Check(str(raw)), self.text(data.get("note", ""), (*path, "note"), empty=True)
        )

    # -- pages, contacts, story --------------------------------------------------------

    def pages(self, value: object, path: Path_) -> tuple[DemoPage, ...]:
        out: list[DemoPage] = []
        seen: set[date] = set()
        for n, item in enumerate(self.listing(value, path)):
            where: Path_ = (*path, n)
            data = self.mapping(item, where, allowed={"date", "prompt", "text"})
            day = self.day(self.required(data, "date", where), (*where, "date"))
            if day in seen:
                raise self.fail((*where, "date"), f"there is already a page for {day}.")
            seen.add(day)
            prompt = self.text(data.get("prompt", ""), (*where, "prompt"), empty=True)
            text = self.text(self.required(data, "text", where), (*where, "text"))
            minutes = zlib.crc32(day.isoformat().encode()) % 45
            out.append(DemoPage(day, text, prompt, _at(day, _PAGE_HOUR, minutes)))
        return tuple(out)

    def contacts(self, value: object, path: Path_) -> tuple[tuple[m.Contact, ...], date]:
        data = self.mapping(value, path, allowed={"date", "people"})
        day = self.day(self.required(data, "date", path), (*path, "date"))
        people: list[m.Contact] = []
        for n, item in enumerate(self.listing(data.get("people", []), (*path, "people"))):
            where: Path_ = (*path, "people", n)
            person = self.mapping(item, where, allowed={"name", "detail", "description"})
            people.append(
                m.Contact(
                    self.text(self.required(person, "name", where), (*where, "name")),
                    self.text(person.get("detail", ""), (*where, "detail"), empty=True),
                    self.text(person.get("description", ""), (*where, "description"), empty=True),
                )
            )
        return tuple(people), day

    def story(
        self, value: object, path: Path_
    ) -> tuple[st.StoryOptions, tuple[DemoIteration, ...]]:
        keys = {"title", "name", "extras", "conversation", "iterations"}
        data = self.mapping(value, path, allowed=keys)
        options = self.options(data, path, st.default_options(self._content))
        iterations: list[DemoIteration] = []
        for n, item in enumerate(self.listing(data.get("iterations", []), (*path, "iterations"))):
            where: Path_ = (*path, "iterations", n)
            it = self.mapping(item, where, allowed=keys - {"iterations"} | {"date"})
            name = self.text(self.required(it, "name", where), (*where, "name"))
            day = self.day(self.required(it, "date", where), (*where, "date"))
            if iterations and day <= iterations[-1].when.date():
                raise self.fail(where, "each story version must be dated after the one before.")
            chosen = self.options({**data, **it}, where, st.default_options(self._content))
            iterations.append(DemoIteration(name, _at(day, *_ITERATION_TIME), chosen))
        return options, tuple(iterations)

    def options(
        self, data: dict[str, object], path: Path_, base: st.StoryOptions
    ) -> st.StoryOptions:
        options = replace(
            base,
            title=self.text(data.get("title", ""), (*path, "title"), empty=True),
            name=self.text(data.get("name", ""), (*path, "name"), empty=True),
        )
        for n, prompt_id in enumerate(self.listing(data.get("extras", []), (*path, "extras"))):
            pid = self.text(prompt_id, (*path, "extras", n))
            if self._content.prompt(pid) is None:
                raise self.fail((*path, "extras", n), f"there is no question '{pid}'.")
            options = st.add_extra(self._content, options, pid)
        points = tuple(
            self.text(p, (*path, "conversation", n))
            for n, p in enumerate(
                self.listing(data.get("conversation", []), (*path, "conversation"))
            )
        )
        return replace(options, conversation_page=bool(points), conversation_points=points)


__all__ = [
    "DEMO_KDF",
    "DEMO_PASSPHRASE",
    "DemoClock",
    "DemoDataError",
    "DemoIteration",
    "DemoJournal",
    "DemoPage",
    "DemoVersion",
    "build_demo",
    "demo_folder",
    "demo_yaml",
    "load_demo",
]
