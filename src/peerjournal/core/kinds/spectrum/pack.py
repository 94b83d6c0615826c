"""``spectrum`` in a content pack, and written by hand (the demo's YAML)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from peerjournal.core.content.ids import PromptId
from peerjournal.core.errors import BadAnswer
from peerjournal.core.kinds.base import plain_int, unique
from peerjournal.core.kinds.pack_base import ContentModel, Id, Text
from peerjournal.core.kinds.spectrum import SpectrumAnswer, SpectrumPrompt, SpectrumRow


class SpectrumRowIn(ContentModel):
    id: Id
    left: Text
    right: Text


class SpectrumIn(ContentModel):
    kind: Literal["spectrum"]
    id: Id
    text: Text
    left_label: Text
    right_label: Text
    rows: list[SpectrumRowIn] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_rows(self) -> SpectrumIn:
        unique([r.id for r in self.rows], "rows")
        return self

    def build(self) -> SpectrumPrompt:
        return SpectrumPrompt(
            id=PromptId(self.id),
            text=self.text,
            left_label=self.left_label,
            right_label=self.right_label,
            rows=tuple(SpectrumRow(id=r.id, left=r.left, right=r.right) for r in self.rows),
        )


SCHEMA = SpectrumIn


def from_plain(_prompt: SpectrumPrompt, value: object) -> SpectrumAnswer:
    if not isinstance(value, dict):
        raise BadAnswer(reason="this needs a position for each row, by row id.")
    return SpectrumAnswer(tuple((str(k), plain_int(v)) for k, v in value.items()))
