"""``ranked``: a top N in order, each with a note (the top five values)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import Field, TypeAdapter

from peerjournal.core.content.ids import PromptId
from peerjournal.core.errors import BadAnswer
from peerjournal.core.kinds.base import ContentModel, Id, Plain, Stored, Text
from peerjournal.core.kinds.spec import KindSpec

NAME = "ranked"


@dataclass(frozen=True, slots=True)
class RankedPrompt:
    id: PromptId
    text: str
    count: int
    item_label: str = "Value"
    note_label: str = "What it means to me"
    kind: str = field(default=NAME, init=False)


@dataclass(frozen=True, slots=True)
class RankedItem:
    value: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class RankedAnswer:
    items: tuple[RankedItem, ...]
    kind: str = field(default=NAME, init=False)


class RankedIn(ContentModel):
    kind: Literal["ranked"]
    id: Id
    text: Text
    count: int = Field(ge=1, le=20)
    item_label: str = "Value"
    note_label: str = "What it means to me"

    def build(self) -> RankedPrompt:
        return RankedPrompt(
            id=PromptId(self.id),
            text=self.text,
            count=self.count,
            item_label=self.item_label,
            note_label=self.note_label,
        )


class _Item(Stored):
    value: str
    note: str = ""


class _Data(Stored):
    items: list[_Item]


class RankedStored(Stored):
    kind: Literal["ranked"]
    data: _Data

    def answer(self) -> RankedAnswer:
        return RankedAnswer(tuple(RankedItem(i.value, i.note) for i in self.data.items))


class _PlainItem(Plain):
    value: str
    note: str = ""


_PLAIN = TypeAdapter(list[_PlainItem])


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
    schema=RankedIn,
    stored=RankedStored,
    empty=lambda _p: RankedAnswer(()),
    to_data=lambda answer: {"items": [{"value": i.value, "note": i.note} for i in answer.items]},
    validate=_validate,
    texts=_texts,
    is_answered=lambda answer: any(t.strip() for t in _texts(answer)),
    words=_words,
    example=lambda _p: '{"items": [{"value": "Honesty", "note": "..."}]}',
    from_plain=lambda _p, value: RankedAnswer(
        tuple(RankedItem(i.value, i.note) for i in _PLAIN.validate_python(value))
    ),
    editor="peerjournal.ui.editors.ranked:RankedEditor",
)

__all__ = ["SPEC", "RankedAnswer", "RankedIn", "RankedItem", "RankedPrompt"]
