"""A prompt kind that exists only in the tests: a rating from 1 to N, with a word for each.

It proves the recipe in CONTRIBUTING.md: this folder (the kind, here, its pack schema,
``pack.py``, and its editor, ``editor.py``) and one line, ``kinds.register(SPEC)``, are
all a new kind needs.
"""

from __future__ import annotations

import json
from typing import ClassVar

import msgspec

from peerjournal.core.content.ids import PromptId
from peerjournal.core.errors import BadAnswer
from peerjournal.core.kinds.base import Stored, StoredAnswer
from peerjournal.core.kinds.spec import KindSpec

NAME = "rating"


class RatingPrompt(msgspec.Struct, frozen=True):
    id: PromptId
    text: str
    words: tuple[str, ...]
    kind: ClassVar[str] = NAME


class RatingAnswer(msgspec.Struct, frozen=True):
    value: int
    kind: ClassVar[str] = NAME


class _Data(Stored, frozen=True):
    value: int


class RatingStored(StoredAnswer, frozen=True, tag=NAME):
    data: _Data

    def answer(self) -> RatingAnswer:
        return RatingAnswer(self.data.value)


def _validate(prompt: RatingPrompt, answer: RatingAnswer) -> None:
    if not 0 <= answer.value <= len(prompt.words):
        raise BadAnswer(reason=f"a rating runs from 1 to {len(prompt.words)}.")


def _words(prompt: RatingPrompt, answer: RatingAnswer) -> str:
    if not answer.value:
        return ""
    return f"{answer.value} of {len(prompt.words)}: {prompt.words[answer.value - 1]}"


SPEC: KindSpec[RatingPrompt, RatingAnswer] = KindSpec(
    name=NAME,
    prompt_type=RatingPrompt,
    answer_type=RatingAnswer,
    stored=RatingStored,
    empty=lambda _p: RatingAnswer(0),
    to_data=lambda answer: {"value": answer.value},
    validate=_validate,
    texts=lambda _answer: [],
    is_answered=lambda answer: answer.value > 0,
    words=_words,
    example=lambda _p: json.dumps({"value": 3}),
    pack="tests.kinds.rating.pack",
    editor="tests.kinds.rating.editor:RatingEditor",
)
