"""The content pack schema (pydantic), used only at the YAML edge.

Validated packs are turned into the frozen dataclasses of ``model`` straight away, so
nothing outside the loader ever sees a pydantic object.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from peerjournal.core.content import model as m

Id = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]{0,79}$", strip_whitespace=True)
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000, strip_whitespace=True)]
LongText = Annotated[str, StringConstraints(max_length=200_000)]

PACK_FORMAT = 1


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class ReadingIn(_Strict):
    kind: Literal["reading"]
    id: Id
    title: str = ""
    body: LongText

    def build(self) -> m.Reading:
        return m.Reading(id=m.PromptId(self.id), title=self.title.strip(), body=self.body.strip())


class TextIn(_Strict):
    kind: Literal["text"]
    id: Id
    text: Text
    label: str = ""
    hint: str = ""

    def build(self) -> m.TextPrompt:
        return m.TextPrompt(
            id=m.PromptId(self.id), text=self.text, label=self.label.strip(), hint=self.hint.strip()
        )


class RungIn(_Strict):
    number: int = Field(ge=1, le=50)
    statement: Text


class StageIn(_Strict):
    id: Id
    label: Text
    rungs: list[RungIn] = Field(min_length=1)


class LadderIn(_Strict):
    kind: Literal["ladder"]
    id: Id
    text: Text
    stages: list[StageIn] = Field(min_length=1)

    @model_validator(mode="after")
    def _numbered_in_order(self) -> LadderIn:
        numbers = [r.number for s in self.stages for r in s.rungs]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError("the rungs must be numbered 1, 2, 3 ... in order, with no gaps")
        return self

    def build(self) -> m.LadderPrompt:
        return m.LadderPrompt(
            id=m.PromptId(self.id),
            text=self.text,
            stages=tuple(
                m.Stage(
                    id=s.id,
                    label=s.label,
                    rungs=tuple(m.Rung(number=r.number, statement=r.statement) for r in s.rungs),
                )
                for s in self.stages
            ),
        )


class OptionIn(_Strict):
    id: Id
    label: Text
    description: str = ""


class DomainIn(_Strict):
    id: Id
    title: Text
    options: list[OptionIn] = Field(min_length=1)


class ChooseIn(_Strict):
    kind: Literal["choose"]
    id: Id
    text: Text
    choose: int = Field(ge=1)
    domains: list[DomainIn] = Field(min_length=1)

    @model_validator(mode="after")
    def _enough_options(self) -> ChooseIn:
        total = sum(len(d.options) for d in self.domains)
        if self.choose > total:
            raise ValueError(
                f"'choose' asks for {self.choose} but the list has only {total} options"
            )
        ids = [o.id for d in self.domains for o in d.options]
        if len(set(ids)) != len(ids):
            raise ValueError("two options share an id")
        return self

    def build(self) -> m.ChoosePrompt:
        return m.ChoosePrompt(
            id=m.PromptId(self.id),
            text=self.text,
            choose=self.choose,
            domains=tuple(
                m.Domain(
                    id=d.id,
                    title=d.title,
                    options=tuple(
                        m.Option(id=o.id, label=o.label, description=o.description.strip())
                        for o in d.options
                    ),
                )
                for d in self.domains
            ),
        )


class RankedIn(_Strict):
    kind: Literal["ranked"]
    id: Id
    text: Text
    count: int = Field(ge=1, le=20)
    item_label: str = "Value"
    note_label: str = "What it means to me"

    def build(self) -> m.RankedPrompt:
        return m.RankedPrompt(
            id=m.PromptId(self.id),
            text=self.text,
            count=self.count,
            item_label=self.item_label,
            note_label=self.note_label,
        )


class TableRowIn(_Strict):
    id: Id
    cells: list[Text] = Field(min_length=1)


class TableIn(_Strict):
    kind: Literal["table"]
    id: Id
    text: Text
    columns: list[Text] = Field(min_length=1)
    notes_label: Text
    rows: list[TableRowIn] = Field(min_length=1)

    @model_validator(mode="after")
    def _cells_match_columns(self) -> TableIn:
        for row in self.rows:
            if len(row.cells) != len(self.columns):
                raise ValueError(
                    f"row '{row.id}' has {len(row.cells)} cells but there are "
                    f"{len(self.columns)} columns"
                )
        _unique([r.id for r in self.rows], "rows")
        return self

    def build(self) -> m.TablePrompt:
        return m.TablePrompt(
            id=m.PromptId(self.id),
            text=self.text,
            columns=tuple(self.columns),
            notes_label=self.notes_label,
            rows=tuple(m.TableRow(id=r.id, cells=tuple(r.cells)) for r in self.rows),
        )


class SpectrumRowIn(_Strict):
    id: Id
    left: Text
    right: Text


class SpectrumIn(_Strict):
    kind: Literal["spectrum"]
    id: Id
    text: Text
    left_label: Text
    right_label: Text
    rows: list[SpectrumRowIn] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_rows(self) -> SpectrumIn:
        _unique([r.id for r in self.rows], "rows")
        return self

    def build(self) -> m.SpectrumPrompt:
        return m.SpectrumPrompt(
            id=m.PromptId(self.id),
            text=self.text,
            left_label=self.left_label,
            right_label=self.right_label,
            rows=tuple(m.SpectrumRow(id=r.id, left=r.left, right=r.right) for r in self.rows),
        )


class QuestionIn(_Strict):
    id: Id
    text: Text


class ChecklistIn(_Strict):
    kind: Literal["checklist"]
    id: Id
    text: str = ""
    questions: list[QuestionIn] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_questions(self) -> ChecklistIn:
        _unique([q.id for q in self.questions], "questions")
        return self

    def build(self) -> m.ChecklistPrompt:
        return m.ChecklistPrompt(
            id=m.PromptId(self.id),
            text=self.text.strip(),
            questions=tuple(m.ChecklistQuestion(id=q.id, text=q.text) for q in self.questions),
        )


class LessonsIn(_Strict):
    kind: Literal["lessons"]
    id: Id
    text: Text = "Lessons done"
    count: int = Field(ge=1, le=100)

    def build(self) -> m.LessonsPrompt:
        return m.LessonsPrompt(id=m.PromptId(self.id), text=self.text, count=self.count)


ItemIn = Annotated[
    ReadingIn
    | TextIn
    | LadderIn
    | ChooseIn
    | RankedIn
    | TableIn
    | SpectrumIn
    | ChecklistIn
    | LessonsIn,
    Field(discriminator="kind"),
]

KINDS = tuple(k.value for k in m.Kind)


class TreeSpotIn(_Strict):
    place: Literal["roots", "trunk", "branches", "crown"]
    slot: int = Field(ge=1, le=20)


class PartIn(_Strict):
    id: Id
    title: Text
    short_title: str = ""
    intro: LongText = ""
    aims: list[Text] = []
    group: str = ""
    tree: TreeSpotIn | None = None
    story_section: bool = False
    items: list[ItemIn] = []

    def build(self) -> m.Part:
        return m.Part(
            id=m.PartId(self.id),
            title=self.title,
            short_title=self.short_title.strip() or self.title,
            intro=self.intro.strip(),
            aims=tuple(self.aims),
            items=tuple(i.build() for i in self.items),
            group=self.group.strip(),
            tree=m.TreeSpot(m.TreePlace(self.tree.place), self.tree.slot) if self.tree else None,
            story_section=self.story_section,
        )


class PhraseIn(_Strict):
    find: Text
    suggest: Text
    why: Text


class ContactIn(_Strict):
    name: Text
    detail: Text
    description: str = ""


class PackIn(_Strict):
    peerjournal_pack: Literal[1]
    id: Id
    title: Text
    short_title: str = ""
    intro: LongText = ""
    order: int = 100
    parts: list[PartIn] = []
    daily_prompts: list[Text] = []
    phrases: list[PhraseIn] = []
    contacts: list[ContactIn] = []

    def build_programme(self, source: str) -> m.Programme | None:
        if not self.parts:
            return None
        return m.Programme(
            id=m.PackId(self.id),
            title=self.title,
            short_title=self.short_title.strip() or self.title,
            intro=self.intro.strip(),
            order=self.order,
            parts=tuple(p.build() for p in self.parts),
            source=source,
        )


def _unique(ids: list[str], what: str) -> None:
    seen: set[str] = set()
    for one in ids:
        if one in seen:
            raise ValueError(f"two {what} share the id '{one}'")
        seen.add(one)
