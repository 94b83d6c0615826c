"""``ranked``: a top N in order, each with a note (the top five values)."""

from __future__ import annotations

from typing import ClassVar

import msgspec

from peerjournal.core.content.ids import PromptId
from peerjournal.core.errors import BadAnswer
from peerjournal.core.kinds.base import Stored, StoredAnswer
from peerjournal.core.kinds.spec import KindSpec

NAME = "ranked"


class RankedPrompt(msgspec.Struct, frozen=True):
    id: PromptId
    text: str
    count: int
    item_label: str = "Value"
    note_label: str = "What it means to me"
    kind: ClassVar[str] = NAME


class RankedItem(msgspec.Struct, frozen=True):
    value: str
    note: str = ""


class RankedAnswer(msgspec.Struct, frozen=True):
    items: tuple[RankedItem, ...]
    kind: ClassVar[str] = NAME


class _Item(Stored, frozen=True):
    value: str
    note: str = ""


class _Data(Stored, frozen=True):
    items: list[_Item]


class RankedStored(StoredAnswer, frozen=True, tag=NAME):
    data: _Data

    def answer(self) -> RankedAnswer:
        return RankedAnswer(tuple(RankedItem(i.value, i.note) for i in self.data.items))


def _validate(prompt: RankedPrompt, answer: RankedAnswer) -> None:
    if len(answer.items) > prompt.count:
        raise BadAnswer(reason=f"this list holds your top {prompt.count}.")


def _words(_prompt: RankedPrompt, answer: RankedAnswer) -> str:
    return "\n".join(
        f"{n}. **{i.value}**" + (f": {i.note}" if i.note.strip() else "")
        for n, i in enumerate(answer.items, 1)
        if i.value.strip() or i.note.strip()
    )


def _texts(answer: RankedAnswer) -> list[str]:
    return [t for i in answer.items for t in (i.value, i.note)]


SPEC: KindSpec[RankedPrompt, RankedAnswer] = KindSpec(
    name=NAME,
    prompt_type=RankedPrompt,
    answer_type=RankedAnswer,
    stored=RankedStored,
    empty=lambda _p: RankedAnswer(()),
    to_data=lambda answer: {"items": [{"value": i.value, "note": i.note} for i in answer.items]},
    validate=_validate,
    texts=_texts,
    is_answered=lambda answer: any(t.strip() for t in _texts(answer)),
    words=_words,
    example=lambda _p: '{"items": [{"value": "Honesty", "note": "..."}]}',
    pack="peerjournal.core.kinds.ranked.pack",
    editor="peerjournal.ui.editors.ranked:RankedEditor",
)

__all__ = ["SPEC", "RankedAnswer", "RankedItem", "RankedPrompt"]
