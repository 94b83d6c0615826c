"""``ladder``: the Ladder of Change, a rung a day (a later pick that day corrects it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import Field, model_validator

from peerjournal.core.content.ids import PromptId
from peerjournal.core.errors import BadAnswer
from peerjournal.core.kinds.base import ContentModel, Id, Plain, Stored, Text, plain_int
from peerjournal.core.kinds.spec import KindSpec

NAME = "ladder"


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
    kind: str = field(default=NAME, init=False)

    def rung(self, number: int) -> Rung | None:
        return next((r for s in self.stages for r in s.rungs if r.number == number), None)

    def stage_of(self, number: int) -> Stage | None:
        return next((s for s in self.stages if any(r.number == number for r in s.rungs)), None)

    @property
    def rung_count(self) -> int:
        return sum(len(s.rungs) for s in self.stages)


@dataclass(frozen=True, slots=True)
class LadderAnswer:
    rung: int
    note: str = ""
    kind: str = field(default=NAME, init=False)


class RungIn(ContentModel):
    number: int = Field(ge=1, le=50)
    statement: Text


class StageIn(ContentModel):
    id: Id
    label: Text
    rungs: list[RungIn] = Field(min_length=1)


class LadderIn(ContentModel):
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

    def build(self) -> LadderPrompt:
        return LadderPrompt(
            id=PromptId(self.id),
            text=self.text,
            stages=tuple(
                Stage(
                    id=s.id,
                    label=s.label,
                    rungs=tuple(Rung(number=r.number, statement=r.statement) for r in s.rungs),
                )
                for s in self.stages
            ),
        )


class _Data(Stored):
    rung: int
    note: str = ""


class LadderStored(Stored):
    kind: Literal["ladder"]
    data: _Data

    def answer(self) -> LadderAnswer:
        return LadderAnswer(rung=self.data.rung, note=self.data.note)


class _Plain(Plain):
    rung: int
    note: str = ""


def _validate(prompt: LadderPrompt, answer: LadderAnswer) -> None:
    if answer.rung != 0 and prompt.rung(answer.rung) is None:
        raise BadAnswer(reason=f"the ladder has rungs 1 to {prompt.rung_count}.")


def _words(prompt: LadderPrompt, answer: LadderAnswer) -> str:
    rung, stage = prompt.rung(answer.rung), prompt.stage_of(answer.rung)
    if rung is None or stage is None:
        return answer.note
    line = f"**{stage.label}, {answer.rung}.** {rung.statement}"
    return f"{line}\n\n{answer.note}" if answer.note.strip() else line


def _from_plain(_prompt: LadderPrompt, value: object) -> LadderAnswer:
    if isinstance(value, dict):
        plain = _Plain.model_validate(value)
        return LadderAnswer(plain.rung, plain.note)
    return LadderAnswer(plain_int(value))


SPEC: KindSpec[LadderPrompt, LadderAnswer] = KindSpec(
    name=NAME,
    prompt_type=LadderPrompt,
    answer_type=LadderAnswer,
    schema=LadderIn,
    stored=LadderStored,
    empty=lambda _p: LadderAnswer(0),
    to_data=lambda answer: {"rung": answer.rung, "note": answer.note},
    validate=_validate,
    texts=lambda answer: [answer.note],
    is_answered=lambda answer: answer.rung > 0,
    words=_words,
    example=lambda _p: '{"rung": 5, "note": "..."}',
    from_plain=_from_plain,
    editor="peerjournal.ui.editors.ladder:LadderEditor",
)

__all__ = ["SPEC", "LadderAnswer", "LadderIn", "LadderPrompt", "Rung", "Stage"]
