"""``ranked`` in a content pack, and written by hand (the demo's YAML)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, TypeAdapter

from peerjournal.core.content.ids import PromptId
from peerjournal.core.kinds.pack_base import ContentModel, Id, Plain, Text
from peerjournal.core.kinds.ranked import RankedAnswer, RankedItem, RankedPrompt


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


SCHEMA = RankedIn


class _PlainItem(Plain):
    value: str
    note: str = ""


_PLAIN = TypeAdapter(list[_PlainItem])


def from_plain(_prompt: RankedPrompt, value: object) -> RankedAnswer:
    return RankedAnswer(tuple(RankedItem(i.value, i.note) for i in _PLAIN.validate_python(value)))
