"""``table``: rows of a table, each with a note (principles beside boundaries)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Literal

from pydantic import Field, model_validator

from peerjournal.core.content.ids import PromptId
from peerjournal.core.errors import BadAnswer
from peerjournal.core.kinds.base import ContentModel, Id, Stored, Text, plain_text, unique
from peerjournal.core.kinds.spec import KindSpec

NAME = "table"


@dataclass(frozen=True, slots=True)
class TableRow:
    id: str
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TablePrompt:
    id: PromptId
    text: str
    columns: tuple[str, ...]
    notes_label: str
    rows: tuple[TableRow, ...]
    kind: str = field(default=NAME, init=False)


@dataclass(frozen=True, slots=True)
class TableAnswer:
    notes: tuple[tuple[str, str], ...]
    kind: str = field(default=NAME, init=False)

    def note(self, row_id: str) -> str:
        return dict(self.notes).get(row_id, "")


class TableRowIn(ContentModel):
    id: Id
    cells: list[Text] = Field(min_length=1)


class TableIn(ContentModel):
    kind: Literal["table"]
    id: Id
    text: Text
    columns: list[Text] = Field(min_length=1)
    notes_label: Text
    rows: list[TableRowIn] = Field(min_length=1)

    @model_validator(mode="after")
    def _cells_match_columns(self) -> TableIn:
        for row in self.rows:
            if len(row.cells) != len(self.columns):
                raise ValueError(
                    f"row '{row.id}' has {len(row.cells)} cells but there are "
                    f"{len(self.columns)} columns"
                )
        unique([r.id for r in self.rows], "rows")
        return self

    def build(self) -> TablePrompt:
        return TablePrompt(
            id=PromptId(self.id),
            text=self.text,
            columns=tuple(self.columns),
            notes_label=self.notes_label,
            rows=tuple(TableRow(id=r.id, cells=tuple(r.cells)) for r in self.rows),
        )


class _Data(Stored):
    notes: dict[str, str]


class TableStored(Stored):
    kind: Literal["table"]
    data: _Data

    def answer(self) -> TableAnswer:
        return TableAnswer(tuple(self.data.notes.items()))


def _validate(prompt: TablePrompt, answer: TableAnswer) -> None:
    rows = {r.id for r in prompt.rows}
    if any(k not in rows for k, _ in answer.notes):
        raise BadAnswer(reason="a note is for a row this table does not have.")


def _words(prompt: TablePrompt, answer: TableAnswer) -> str:
    parts = []
    for row in prompt.rows:
        note = answer.note(row.id)
        if note.strip():
            parts.append(f"**{row.cells[0]}**\n\n{note}")
    return "\n\n".join(parts)


def _from_plain(_prompt: TablePrompt, value: object) -> TableAnswer:
    if not isinstance(value, dict):
        raise BadAnswer(reason="this needs a note for each row, by row id.")
    return TableAnswer(tuple((str(k), plain_text(v)) for k, v in value.items()))


def _texts(answer: TableAnswer) -> list[str]:
    return [v for _, v in answer.notes]


SPEC: KindSpec[TablePrompt, TableAnswer] = KindSpec(
    name=NAME,
    prompt_type=TablePrompt,
    answer_type=TableAnswer,
    schema=TableIn,
    stored=TableStored,
    empty=lambda _p: TableAnswer(()),
    to_data=lambda answer: {"notes": dict(answer.notes)},
    validate=_validate,
    texts=_texts,
    is_answered=lambda answer: any(t.strip() for t in _texts(answer)),
    words=_words,
    example=lambda prompt: json.dumps({"notes": {prompt.rows[0].id: "..."}}),
    from_plain=_from_plain,
    editor="peerjournal.ui.editors.table:TableEditor",
)

__all__ = ["SPEC", "TableAnswer", "TableIn", "TablePrompt", "TableRow"]
