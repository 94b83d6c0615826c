"""``ladder`` in a content pack, and written by hand (the demo's YAML)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from peerjournal.core.content.ids import PromptId
from peerjournal.core.kinds.base import plain_int
from peerjournal.core.kinds.ladder import LadderAnswer, LadderPrompt, Rung, Stage
from peerjournal.core.kinds.pack_base import ContentModel, Id, Plain, Text


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


SCHEMA = LadderIn


class _Plain(Plain):
    rung: int
    note: str = ""


def from_plain(_prompt: LadderPrompt, value: object) -> LadderAnswer:
    if isinstance(value, dict):
        plain = _Plain.model_validate(value)
        return LadderAnswer(plain.rung, plain.note)
    return LadderAnswer(plain_int(value))
