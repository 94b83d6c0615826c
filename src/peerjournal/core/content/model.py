"""The programme as plain, frozen objects.

Everything the participant reads or answers comes from content packs; these are the
validated, immutable shapes the rest of the app works with. Answers are keyed by
``PromptId`` and nothing else, so rewording a question never orphans an answer. They are
``msgspec`` structs, as every record a command imports is (docs/architecture.md: a frozen
dataclass costs half a millisecond to build at import, a struct almost nothing).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import ClassVar

import msgspec

from peerjournal.core.content.ids import PackId, PartId, PromptId
from peerjournal.core.kinds.checklist import ChecklistPrompt, ChecklistQuestion
from peerjournal.core.kinds.choose import ChoosePrompt, Domain, Option
from peerjournal.core.kinds.ladder import LadderPrompt, Rung, Stage
from peerjournal.core.kinds.lessons import LessonsPrompt
from peerjournal.core.kinds.ranked import RankedPrompt
from peerjournal.core.kinds.spectrum import SpectrumPrompt, SpectrumRow
from peerjournal.core.kinds.table import TablePrompt, TableRow
from peerjournal.core.kinds.text import TextPrompt


class Kind(StrEnum):
    """The kinds shipped with the app (``core/kinds`` holds each; a prompt's ``kind`` is
    its name, a plain string, so a kind registered later needs no entry here)."""

    READING = "reading"
    TEXT = "text"
    LADDER = "ladder"
    CHOOSE = "choose"
    RANKED = "ranked"
    TABLE = "table"
    SPECTRUM = "spectrum"
    CHECKLIST = "checklist"
    LESSONS = "lessons"


class TreePlace(StrEnum):
    ROOTS = "roots"
    TRUNK = "trunk"
    BRANCHES = "branches"
    CROWN = "crown"


class Reading(msgspec.Struct, frozen=True):
    id: PromptId
    title: str
    body: str
    kind: ClassVar[str] = Kind.READING.value


Prompt = (
    TextPrompt
    | LadderPrompt
    | ChoosePrompt
    | RankedPrompt
    | TablePrompt
    | SpectrumPrompt
    | ChecklistPrompt
    | LessonsPrompt
)
Item = Reading | Prompt


class TreeSpot(msgspec.Struct, frozen=True):
    """Where a part of the Peer Coaching Tree sits: its place and its order within it."""

    place: TreePlace
    slot: int


class Part(msgspec.Struct, frozen=True):
    id: PartId
    title: str
    short_title: str
    intro: str
    aims: tuple[str, ...]
    items: tuple[Item, ...]
    group: str = ""
    tree: TreeSpot | None = None
    story_section: bool = False
    session: str = ""
    """A session of the programme, which can have a date: "prepare" when its questions
    are the preparation for it, "reflect" when they are for afterwards; "" otherwise."""

    @property
    def prompts(self) -> tuple[Prompt, ...]:
        return tuple(i for i in self.items if not isinstance(i, Reading))


class Programme(msgspec.Struct, frozen=True):
    id: PackId
    title: str
    short_title: str
    intro: str
    order: int
    parts: tuple[Part, ...]
    source: str

    @property
    def prompts(self) -> tuple[Prompt, ...]:
        return tuple(p for part in self.parts for p in part.prompts)


class Phrase(msgspec.Struct, frozen=True):
    """A deficit phrasing and the recovery phrasing suggested in its place."""

    find: str
    suggest: str
    why: str


class Contact(msgspec.Struct, frozen=True):
    name: str
    detail: str
    description: str = ""
    source: str = ""
    """The organisation's pack it came from ("Cardiff Peer Network"); "" for the lines
    that come with peerjournal, and for the participant's own."""


class ScheduledSession(msgspec.Struct, frozen=True):
    """A session's date as an organisation's pack ships it ("2027-01-14" or
    "2027-01-14 18:30"); the participant may change it."""

    part_id: PartId
    at: str
    source: str


class ContentProblem(msgspec.Struct, frozen=True):
    file: str
    line: int
    problem: str
    hint: str

    def __str__(self) -> str:
        text = f"{self.file}, line {self.line}: {self.problem}"
        return f"{text} To fix: {self.hint}" if self.hint else text


class Located(msgspec.Struct, frozen=True):
    """A prompt together with where it lives, for search results and 'Earlier answers'."""

    programme: Programme
    part: Part
    prompt: Prompt


@dataclass(frozen=True, slots=True)
class Content:
    """The one dataclass of the model: its index of prompts is built once, in place, when it
    is made, and a frozen ``msgspec`` struct cannot be written to even then."""

    programmes: tuple[Programme, ...]
    daily_prompts: tuple[str, ...] = ()
    phrases: tuple[Phrase, ...] = ()
    contacts: tuple[Contact, ...] = ()
    schedule: tuple[ScheduledSession, ...] = ()
    problems: tuple[ContentProblem, ...] = ()
    warnings: tuple[ContentProblem, ...] = ()
    """What loads but may mislead (a pack's contact named like a shipped line)."""
    _index: dict[str, Located] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for programme in self.programmes:
            for part in programme.parts:
                for prompt in part.prompts:
                    self._index[prompt.id] = Located(programme, part, prompt)

    def prompts(self) -> Iterator[Prompt]:
        for programme in self.programmes:
            yield from programme.prompts

    def locate(self, prompt_id: str) -> Located | None:
        return self._index.get(prompt_id)

    def prompt(self, prompt_id: str) -> Prompt | None:
        found = self._index.get(prompt_id)
        return found.prompt if found else None

    def programme(self, pack_id: str) -> Programme | None:
        return next((p for p in self.programmes if p.id == pack_id), None)

    def part(self, part_id: str) -> Part | None:
        return next(
            (part for prog in self.programmes for part in prog.parts if part.id == part_id), None
        )

    def story_sections(self) -> tuple[Part, ...]:
        return tuple(part for prog in self.programmes for part in prog.parts if part.story_section)

    def session_parts(self) -> tuple[tuple[Programme, Part], ...]:
        return tuple(
            (prog, part) for prog in self.programmes for part in prog.parts if part.session
        )

    def tree_parts(self) -> tuple[Part, ...]:
        return tuple(part for prog in self.programmes for part in prog.parts if part.tree)


__all__ = [
    "ChecklistPrompt",
    "ChecklistQuestion",
    "ChoosePrompt",
    "Contact",
    "Content",
    "ContentProblem",
    "Domain",
    "Item",
    "Kind",
    "LadderPrompt",
    "LessonsPrompt",
    "Located",
    "Option",
    "PackId",
    "Part",
    "PartId",
    "Phrase",
    "Programme",
    "Prompt",
    "PromptId",
    "RankedPrompt",
    "Reading",
    "Rung",
    "ScheduledSession",
    "SpectrumPrompt",
    "SpectrumRow",
    "Stage",
    "TablePrompt",
    "TableRow",
    "TextPrompt",
    "TreePlace",
    "TreeSpot",
]
