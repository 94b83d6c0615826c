"""The programme as plain, frozen objects.

Everything the participant reads or answers comes from content packs; these are the
validated, immutable shapes the rest of the app works with. Answers are keyed by
``PromptId`` and nothing else, so rewording a question never orphans an answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NewType

PackId = NewType("PackId", str)
PartId = NewType("PartId", str)
PromptId = NewType("PromptId", str)


class Kind(StrEnum):
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


@dataclass(frozen=True, slots=True)
class Reading:
    id: PromptId
    title: str
    body: str
    kind: Kind = field(default=Kind.READING, init=False)


@dataclass(frozen=True, slots=True)
class TextPrompt:
    id: PromptId
    text: str
    label: str = ""
    hint: str = ""
    kind: Kind = field(default=Kind.TEXT, init=False)


@dataclass(frozen=True, slots=True)
class Rung:
    number: int
    statement: str


@dataclass(frozen=True, slots=True)
class Stage:
    id: str
    label: str
    rungs: tuple[Rung, ...]


@dataclass(frozen=True, slots=True)
class LadderPrompt:
    id: PromptId
    text: str
    stages: tuple[Stage, ...]
    kind: Kind = field(default=Kind.LADDER, init=False)

    def rung(self, number: int) -> Rung | None:
        return next((r for s in self.stages for r in s.rungs if r.number == number), None)

    def stage_of(self, number: int) -> Stage | None:
        return next((s for s in self.stages if any(r.number == number for r in s.rungs)), None)

    @property
    def rung_count(self) -> int:
        return sum(len(s.rungs) for s in self.stages)


@dataclass(frozen=True, slots=True)
class Option:
    id: str
    label: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Domain:
    id: str
    title: str
    options: tuple[Option, ...]


@dataclass(frozen=True, slots=True)
class ChoosePrompt:
    id: PromptId
    text: str
    choose: int
    domains: tuple[Domain, ...]
    kind: Kind = field(default=Kind.CHOOSE, init=False)

    def options(self) -> Iterator[Option]:
        for domain in self.domains:
            yield from domain.options

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options() if o.id == option_id), None)


@dataclass(frozen=True, slots=True)
class RankedPrompt:
    id: PromptId
    text: str
    count: int
    item_label: str = "Value"
    note_label: str = "What it means to me"
    kind: Kind = field(default=Kind.RANKED, init=False)


@dataclass(frozen=True, slots=True)
class TableRow:
    id: str
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TablePrompt:
    id: PromptId
    text: str
    columns: tuple[str, ...]
    notes_label: str
    rows: tuple[TableRow, ...]
    kind: Kind = field(default=Kind.TABLE, init=False)


@dataclass(frozen=True, slots=True)
class SpectrumRow:
    id: str
    left: str
    right: str


@dataclass(frozen=True, slots=True)
class SpectrumPrompt:
    id: PromptId
    text: str
    left_label: str
    right_label: str
    rows: tuple[SpectrumRow, ...]
    kind: Kind = field(default=Kind.SPECTRUM, init=False)


@dataclass(frozen=True, slots=True)
class ChecklistQuestion:
    id: str
    text: str


@dataclass(frozen=True, slots=True)
class ChecklistPrompt:
    id: PromptId
    text: str
    questions: tuple[ChecklistQuestion, ...]
    kind: Kind = field(default=Kind.CHECKLIST, init=False)


@dataclass(frozen=True, slots=True)
class LessonsPrompt:
    """A course session's lessons, ticked off one by one ("3 of 11")."""

    id: PromptId
    text: str
    count: int
    kind: Kind = field(default=Kind.LESSONS, init=False)


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


@dataclass(frozen=True, slots=True)
class TreeSpot:
    """Where a part of the Peer Coaching Tree sits: its place and its order within it."""

    place: TreePlace
    slot: int


@dataclass(frozen=True, slots=True)
class Part:
    id: PartId
    title: str
    short_title: str
    intro: str
    aims: tuple[str, ...]
    items: tuple[Item, ...]
    group: str = ""
    tree: TreeSpot | None = None
    story_section: bool = False

    @property
    def prompts(self) -> tuple[Prompt, ...]:
        return tuple(i for i in self.items if not isinstance(i, Reading))


@dataclass(frozen=True, slots=True)
class Programme:
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


@dataclass(frozen=True, slots=True)
class Phrase:
    """A deficit phrasing and the recovery phrasing suggested in its place."""

    find: str
    suggest: str
    why: str


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    detail: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class ContentProblem:
    file: str
    line: int
    problem: str
    hint: str

    def __str__(self) -> str:
        text = f"{self.file}, line {self.line}: {self.problem}"
        return f"{text} To fix: {self.hint}" if self.hint else text


@dataclass(frozen=True, slots=True)
class Located:
    """A prompt together with where it lives, for search results and 'Earlier answers'."""

    programme: Programme
    part: Part
    prompt: Prompt


@dataclass(frozen=True, slots=True)
class Content:
    programmes: tuple[Programme, ...]
    daily_prompts: tuple[str, ...] = ()
    phrases: tuple[Phrase, ...] = ()
    contacts: tuple[Contact, ...] = ()
    problems: tuple[ContentProblem, ...] = ()
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

    def tree_parts(self) -> tuple[Part, ...]:
        return tuple(part for prog in self.programmes for part in prog.parts if part.tree)
