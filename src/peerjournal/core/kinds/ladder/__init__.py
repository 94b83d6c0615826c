"""``ladder``: the Ladder of Change, a rung a day (a later pick that day corrects it)."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

import msgspec

from peerjournal.core.content.ids import PromptId
from peerjournal.core.errors import BadAnswer
from peerjournal.core.kinds.base import Stored, StoredAnswer
from peerjournal.core.kinds.spec import KindSpec

NAME = "ladder"


class Rung(msgspec.Struct, frozen=True):
    number: int
    statement: str


class Stage(msgspec.Struct, frozen=True):
    id: str
    label: str
    rungs: tuple[Rung, ...]


class LadderPrompt(msgspec.Struct, frozen=True):
    id: PromptId
    text: str
    stages: tuple[Stage, ...]
    kind: ClassVar[str] = NAME

    def rung(self, number: int) -> Rung | None:
        return next((r for s in self.stages for r in s.rungs if r.number == number), None)

    def stage_of(self, number: int) -> Stage | None:
        return next((s for s in self.stages if any(r.number == number for r in s.rungs)), None)

    @property
    def rung_count(self) -> int:
        return sum(len(s.rungs) for s in self.stages)


class LadderMark(msgspec.Struct, frozen=True):
    """One dated mark on the ladder, as it was kept that day, with what was written."""

    when: datetime
    rung: int
    note: str = ""


class LadderAnswer(msgspec.Struct, frozen=True):
    rung: int
    note: str = ""
    kind: ClassVar[str] = NAME


class _Data(Stored, frozen=True):
    rung: int
    note: str = ""


class LadderStored(StoredAnswer, frozen=True, tag=NAME):
    data: _Data

    def answer(self) -> LadderAnswer:
        return LadderAnswer(rung=self.data.rung, note=self.data.note)


def _validate(prompt: LadderPrompt, answer: LadderAnswer) -> None:
    if answer.rung != 0 and prompt.rung(answer.rung) is None:
        raise BadAnswer(reason=f"the ladder has rungs 1 to {prompt.rung_count}.")


def _words(prompt: LadderPrompt, answer: LadderAnswer) -> str:
    rung, stage = prompt.rung(answer.rung), prompt.stage_of(answer.rung)
    if rung is None or stage is None:
        return answer.note
    line = f"**{stage.label}, {answer.rung}.** {rung.statement}"
    return f"{line}\n\n{answer.note}" if answer.note.strip() else line


SPEC: KindSpec[LadderPrompt, LadderAnswer] = KindSpec(
    name=NAME,
    prompt_type=LadderPrompt,
    answer_type=LadderAnswer,
    stored=LadderStored,
    empty=lambda _p: LadderAnswer(0),
    to_data=lambda answer: {"rung": answer.rung, "note": answer.note},
    validate=_validate,
    texts=lambda answer: [answer.note],
    is_answered=lambda answer: answer.rung > 0,
    words=_words,
    example=lambda _p: '{"rung": 5, "note": "..."}',
    pack="peerjournal.core.kinds.ladder.pack",
    editor="peerjournal.ui.editors.ladder:LadderEditor",
)

__all__ = ["SPEC", "LadderAnswer", "LadderMark", "LadderPrompt", "Rung", "Stage"]
