"""``lessons``: a course session's lessons, ticked off one by one ("3 of 11")."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import Field

from peerjournal.core.content.ids import PromptId
from peerjournal.core.errors import BadAnswer
from peerjournal.core.json_types import JsonValue
from peerjournal.core.kinds.base import ContentModel, Id, Stored, Text, plain_int
from peerjournal.core.kinds.spec import KindSpec

NAME = "lessons"


@dataclass(frozen=True, slots=True)
class LessonsPrompt:
    id: PromptId
    text: str
    count: int
    kind: str = field(default=NAME, init=False)


@dataclass(frozen=True, slots=True)
class LessonsAnswer:
    done: tuple[int, ...]
    kind: str = field(default=NAME, init=False)


class LessonsIn(ContentModel):
    kind: Literal["lessons"]
    id: Id
    text: Text = "Lessons done"
    count: int = Field(ge=1, le=100)

    def build(self) -> LessonsPrompt:
        return LessonsPrompt(id=PromptId(self.id), text=self.text, count=self.count)


class _Data(Stored):
    done: list[int]


class LessonsStored(Stored):
    kind: Literal["lessons"]
    data: _Data

    def answer(self) -> LessonsAnswer:
        return LessonsAnswer(tuple(sorted(set(self.data.done))))


def _validate(prompt: LessonsPrompt, answer: LessonsAnswer) -> None:
    if any(not 1 <= d <= prompt.count for d in answer.done):
        raise BadAnswer(reason=f"this session has lessons 1 to {prompt.count}.")


def _from_plain(prompt: LessonsPrompt, value: object) -> LessonsAnswer | None:
    """How many lessons are done (the first N); None when none is: not begun."""
    done = plain_int(value)
    if not 0 <= done <= prompt.count:
        raise BadAnswer(reason=f"give how many lessons are done, from 0 to {prompt.count}.")
    return LessonsAnswer(tuple(range(1, done + 1))) if done else None


def _to_data(answer: LessonsAnswer) -> dict[str, JsonValue]:
    return {"done": list[JsonValue](sorted(answer.done))}


SPEC: KindSpec[LessonsPrompt, LessonsAnswer] = KindSpec(
    name=NAME,
    prompt_type=LessonsPrompt,
    answer_type=LessonsAnswer,
    schema=LessonsIn,
    stored=LessonsStored,
    empty=lambda _p: LessonsAnswer(()),
    to_data=_to_data,
    validate=_validate,
    texts=lambda _answer: [],
    is_answered=lambda answer: bool(answer.done),
    words=lambda prompt, answer: f"{len(answer.done)} of {prompt.count} lessons done",
    example=lambda _p: '{"done": [1, 2, 3]}',
    from_plain=_from_plain,
    editor="peerjournal.ui.editors.lessons:LessonsEditor",
)

__all__ = ["SPEC", "LessonsAnswer", "LessonsIn", "LessonsPrompt"]
