"""``checklist``: yes / not yet questions, each with a note (Language and Impact)."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import ClassVar, Literal

import msgspec

from peerjournal.core.content.ids import PromptId
from peerjournal.core.errors import BadAnswer
from peerjournal.core.json_types import JsonValue
from peerjournal.core.kinds.base import Stored, StoredAnswer
from peerjournal.core.kinds.spec import KindSpec

NAME = "checklist"


class Check(StrEnum):
    YES = "yes"
    NOT_YET = "not_yet"
    UNSET = ""


class ChecklistQuestion(msgspec.Struct, frozen=True):
    id: str
    text: str


class ChecklistPrompt(msgspec.Struct, frozen=True):
    id: PromptId
    text: str
    questions: tuple[ChecklistQuestion, ...]
    kind: ClassVar[str] = NAME


class ChecklistItem(msgspec.Struct, frozen=True):
    state: Check = Check.UNSET
    note: str = ""


class ChecklistAnswer(msgspec.Struct, frozen=True):
    items: tuple[tuple[str, ChecklistItem], ...]
    kind: ClassVar[str] = NAME

    def item(self, question_id: str) -> ChecklistItem:
        return dict(self.items).get(question_id, ChecklistItem())


class _Item(Stored, frozen=True):
    state: Literal["yes", "not_yet", ""] = ""
    note: str = ""


class _Data(Stored, frozen=True):
    items: dict[str, _Item]


class ChecklistStored(StoredAnswer, frozen=True, tag=NAME):
    data: _Data

    def answer(self) -> ChecklistAnswer:
        return ChecklistAnswer(
            tuple((k, ChecklistItem(Check(v.state), v.note)) for k, v in self.data.items.items())
        )


def _validate(prompt: ChecklistPrompt, answer: ChecklistAnswer) -> None:
    questions = {q.id for q in prompt.questions}
    if any(k not in questions for k, _ in answer.items):
        raise BadAnswer(reason="an answer is for a question this list does not have.")


def _words(prompt: ChecklistPrompt, answer: ChecklistAnswer) -> str:
    lines = []
    for q in prompt.questions:
        item = answer.item(q.id)
        if item.state == Check.UNSET and not item.note.strip():
            continue
        state = {Check.YES: "Yes", Check.NOT_YET: "Not yet", Check.UNSET: "—"}[item.state]
        line = f"- {q.text} **{state}**"
        lines.append(f"{line} {item.note}".rstrip())
    return "\n".join(lines)


def _to_data(answer: ChecklistAnswer) -> dict[str, JsonValue]:
    return {"items": {k: {"state": v.state.value, "note": v.note} for k, v in answer.items}}


SPEC: KindSpec[ChecklistPrompt, ChecklistAnswer] = KindSpec(
    name=NAME,
    prompt_type=ChecklistPrompt,
    answer_type=ChecklistAnswer,
    stored=ChecklistStored,
    empty=lambda _p: ChecklistAnswer(()),
    to_data=_to_data,
    validate=_validate,
    texts=lambda answer: [v.note for _, v in answer.items],
    is_answered=lambda answer: any(
        v.state != Check.UNSET or v.note.strip() for _, v in answer.items
    ),
    words=_words,
    example=lambda prompt: json.dumps(
        {"items": {prompt.questions[0].id: {"state": "yes", "note": ""}}}
    ),
    pack="peerjournal.core.kinds.checklist.pack",
    editor="peerjournal.ui.editors.checklist:ChecklistEditor",
)

__all__ = [
    "SPEC",
    "Check",
    "ChecklistAnswer",
    "ChecklistItem",
    "ChecklistPrompt",
    "ChecklistQuestion",
]
