"""``table``: rows of a table, each with a note (principles beside boundaries)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from peerjournal.core.content.ids import PromptId
from peerjournal.core.errors import BadAnswer
from peerjournal.core.kinds.base import Stored, StoredAnswer
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
