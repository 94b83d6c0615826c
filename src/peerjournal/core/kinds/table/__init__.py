"""``table``: rows of a table, each with a note (principles beside boundaries)."""

from __future__ import annotations

import json
from typing import ClassVar

import msgspec

from peerjournal.core.content.ids import PromptId
from peerjournal.core.errors import BadAnswer
from peerjournal.core.kinds.base import Stored, StoredAnswer
from peerjournal.core.kinds.spec import KindSpec

NAME = "table"


class TableRow(msgspec.Struct, frozen=True):
    id: str
    cells: tuple[str, ...]


class TablePrompt(msgspec.Struct, frozen=True):
    id: PromptId
    text: str
    columns: tuple[str, ...]
    notes_label: str
    rows: tuple[TableRow, ...]
    kind: ClassVar[str] = NAME


class TableAnswer(msgspec.Struct, frozen=True):
    notes: tuple[tuple[str, str], ...]
    kind: ClassVar[str] = NAME

    def note(self, row_id: str) -> str:
        return dict(self.notes).get(row_id, "")


class _Data(Stored, frozen=True):
    notes: dict[str, str]


class TableStored(StoredAnswer, frozen=True, tag=NAME):
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


def _texts(answer: TableAnswer) -> list[str]:
    return [v for _, v in answer.notes]


SPEC: KindSpec[TablePrompt, TableAnswer] = KindSpec(
    name=NAME,
    prompt_type=TablePrompt,
    answer_type=TableAnswer,
    stored=TableStored,
    empty=lambda _p: TableAnswer(()),
    to_data=lambda answer: {"notes": dict(answer.notes)},
    validate=_validate,
    texts=_texts,
    is_answered=lambda answer: any(t.strip() for t in _texts(answer)),
    words=_words,
    example=lambda prompt: json.dumps({"notes": {prompt.rows[0].id: "..."}}),
    pack="peerjournal.core.kinds.table.pack",
    editor="peerjournal.ui.editors.table:TableEditor",
)

__all__ = ["SPEC", "TableAnswer", "TablePrompt", "TableRow"]
