"""``spectrum``: a mark between two ends for each row (helper ↔ peer relationship)."""

from __future__ import annotations

import json
from typing import ClassVar

import msgspec

from peerjournal.core.content.ids import PromptId
from peerjournal.core.errors import BadAnswer
from peerjournal.core.kinds.base import Stored, StoredAnswer
from peerjournal.core.kinds.spec import KindSpec

NAME = "spectrum"


class SpectrumRow(msgspec.Struct, frozen=True):
    id: str
    left: str
    right: str


class SpectrumPrompt(msgspec.Struct, frozen=True):
    id: PromptId
    text: str
    left_label: str
    right_label: str
    rows: tuple[SpectrumRow, ...]
    kind: ClassVar[str] = NAME


class SpectrumAnswer(msgspec.Struct, frozen=True):
    """Each row's position from 0 (the left end) to 100 (the right end)."""

    positions: tuple[tuple[str, int], ...]
    kind: ClassVar[str] = NAME

    def position(self, row_id: str) -> int | None:
        return dict(self.positions).get(row_id)


class _Data(Stored, frozen=True):
    positions: dict[str, int | float]


class SpectrumStored(StoredAnswer, frozen=True, tag=NAME):
    data: _Data

    def answer(self) -> SpectrumAnswer:
        return SpectrumAnswer(tuple((k, round(v)) for k, v in self.data.positions.items()))


def _validate(prompt: SpectrumPrompt, answer: SpectrumAnswer) -> None:
    rows = {r.id for r in prompt.rows}
    if any(k not in rows for k, _ in answer.positions):
        raise BadAnswer(reason="a position is for a row this question does not have.")
    if any(not 0 <= v <= 100 for _, v in answer.positions):
        raise BadAnswer(reason="positions run from 0 to 100.")


def describe_position(pos: int) -> str:
    if pos <= 15:
        return "mostly to the left"
    if pos <= 40:
        return "more to the left"
    if pos < 60:
        return "in the middle"
    if pos < 85:
        return "more to the right"
    return "mostly to the right"


def _words(prompt: SpectrumPrompt, answer: SpectrumAnswer) -> str:
    lines = []
    for row in prompt.rows:
        pos = answer.position(row.id)
        if pos is not None:
            lines.append(f"- {row.left} ↔ {row.right}: {describe_position(pos)}")
    return "\n".join(lines)


SPEC: KindSpec[SpectrumPrompt, SpectrumAnswer] = KindSpec(
    name=NAME,
    prompt_type=SpectrumPrompt,
    answer_type=SpectrumAnswer,
    stored=SpectrumStored,
    empty=lambda _p: SpectrumAnswer(()),
    to_data=lambda answer: {"positions": dict(answer.positions)},
    validate=_validate,
    texts=lambda _answer: [],
    is_answered=lambda answer: bool(answer.positions),
    words=_words,
    example=lambda prompt: json.dumps({"positions": {prompt.rows[0].id: 70}}),
    pack="peerjournal.core.kinds.spectrum.pack",
    editor="peerjournal.ui.editors.spectrum:SpectrumEditor",
)

__all__ = ["SPEC", "SpectrumAnswer", "SpectrumPrompt", "SpectrumRow"]
