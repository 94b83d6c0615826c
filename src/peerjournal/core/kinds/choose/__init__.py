"""``choose``: N of a list grouped by domain (the strengths: 8 of 28)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import ClassVar

import msgspec

from peerjournal.core.content.ids import PromptId
from peerjournal.core.errors import BadAnswer
from peerjournal.core.kinds.base import Stored, StoredAnswer
from peerjournal.core.kinds.spec import KindSpec

NAME = "choose"


class Option(msgspec.Struct, frozen=True):
    id: str
    label: str
    description: str = ""


class Domain(msgspec.Struct, frozen=True):
    id: str
    title: str
    options: tuple[Option, ...]


class ChoosePrompt(msgspec.Struct, frozen=True):
    id: PromptId
    text: str
    choose: int
    domains: tuple[Domain, ...]
    kind: ClassVar[str] = NAME

    def options(self) -> Iterator[Option]:
        for domain in self.domains:
            yield from domain.options

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options() if o.id == option_id), None)


class ChooseAnswer(msgspec.Struct, frozen=True):
    chosen: tuple[str, ...]
    kind: ClassVar[str] = NAME


class _Data(Stored, frozen=True):
    chosen: list[str]


class ChooseStored(StoredAnswer, frozen=True, tag=NAME):
    data: _Data

    def answer(self) -> ChooseAnswer:
        return ChooseAnswer(tuple(self.data.chosen))


def _validate(prompt: ChoosePrompt, answer: ChooseAnswer) -> None:
    known = {o.id for o in prompt.options()}
    unknown = [c for c in answer.chosen if c not in known]
    if unknown:
        raise BadAnswer(reason=f"'{unknown[0]}' is not one of the choices.")
    if len(set(answer.chosen)) != len(answer.chosen):
        raise BadAnswer(reason="a choice is listed twice.")
    if len(answer.chosen) > prompt.choose:
        raise BadAnswer(reason=f"choose up to {prompt.choose}.")


def _words(prompt: ChoosePrompt, answer: ChooseAnswer) -> str:
    lines = []
    for option_id in answer.chosen:
        option = prompt.option(option_id)
        if option:
            lines.append(f"- **{option.label}**: {option.description}")
    return "\n".join(lines)


SPEC: KindSpec[ChoosePrompt, ChooseAnswer] = KindSpec(
    name=NAME,
    prompt_type=ChoosePrompt,
    answer_type=ChooseAnswer,
    stored=ChooseStored,
    empty=lambda _p: ChooseAnswer(()),
    to_data=lambda answer: {"chosen": list(answer.chosen)},
    validate=_validate,
    texts=lambda _answer: [],
    is_answered=lambda answer: bool(answer.chosen),
    words=_words,
    example=lambda prompt: json.dumps({"chosen": [o.id for o in prompt.options()][:2]}),
    pack="peerjournal.core.kinds.choose.pack",
    editor="peerjournal.ui.editors.choose:ChooseEditor",
)

__all__ = ["SPEC", "ChooseAnswer", "ChoosePrompt", "Domain", "Option"]
