"""``lessons``: a course session's lessons, ticked off one by one ("3 of 11")."""

from __future__ import annotations

from typing import ClassVar

import msgspec

from peerjournal.core.content.ids import PromptId
from peerjournal.core.errors import BadAnswer
from peerjournal.core.json_types import JsonValue
from peerjournal.core.kinds.base import Stored, StoredAnswer
from peerjournal.core.kinds.spec import KindSpec
from peerjournal.core.phrases import count

NAME = "lessons"


class LessonsPrompt(msgspec.Struct, frozen=True):
    id: PromptId
    text: str
    count: int
    kind: ClassVar[str] = NAME


class LessonsAnswer(msgspec.Struct, frozen=True):
    done: tuple[int, ...]
    kind: ClassVar[str] = NAME


class _Data(Stored, frozen=True):
    done: list[int]


class LessonsStored(StoredAnswer, frozen=True, tag=NAME):
    data: _Data

    def answer(self) -> LessonsAnswer:
        return LessonsAnswer(tuple(sorted(set(self.data.done))))


def _validate(prompt: LessonsPrompt, answer: LessonsAnswer) -> None:
    if any(not 1 <= d <= prompt.count for d in answer.done):
        raise BadAnswer(reason=f"this session has lessons 1 to {prompt.count}.")


def _to_data(answer: LessonsAnswer) -> dict[str, JsonValue]:
    return {"done": list[JsonValue](sorted(answer.done))}


SPEC: KindSpec[LessonsPrompt, LessonsAnswer] = KindSpec(
    name=NAME,
    prompt_type=LessonsPrompt,
    answer_type=LessonsAnswer,
    stored=LessonsStored,
    empty=lambda _p: LessonsAnswer(()),
    to_data=_to_data,
    validate=_validate,
    texts=lambda _answer: [],
    is_answered=lambda answer: bool(answer.done),
    words=lambda prompt, answer: f"{len(answer.done)} of {count(prompt.count, 'lesson')} done",
    example=lambda _p: '{"done": [1, 2, 3]}',
    pack="peerjournal.core.kinds.lessons.pack",
    editor="peerjournal.ui.editors.lessons:LessonsEditor",
    in_story=False,
)

__all__ = ["SPEC", "LessonsAnswer", "LessonsPrompt"]
