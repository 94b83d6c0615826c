"""``table`` in a content pack, and written by hand (the demo's YAML)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from peerjournal.core.content.ids import PromptId
from peerjournal.core.errors import BadAnswer
from peerjournal.core.kinds.base import plain_text, unique
from peerjournal.core.kinds.pack_base import ContentModel, Id, Text
from peerjournal.core.kinds.table import TableAnswer, TablePrompt, TableRow


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


SCHEMA = TableIn


def from_plain(_prompt: TablePrompt, value: object) -> TableAnswer:
    if not isinstance(value, dict):
        raise BadAnswer(reason="this needs a note for each row, by row id.")
    return TableAnswer(tuple((str(k), plain_text(v)) for k, v in value.items()))
