"""``checklist`` in a content pack, and written by hand (the demo's YAML)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, TypeAdapter, model_validator

from peerjournal.core.content.ids import PromptId
from peerjournal.core.errors import BadAnswer
from peerjournal.core.kinds.base import unique
from peerjournal.core.kinds.checklist import (
    Check,
    ChecklistAnswer,
    ChecklistItem,
    ChecklistPrompt,
    ChecklistQuestion,
)
from peerjournal.core.kinds.pack_base import ContentModel, Id, Plain, Text


class QuestionIn(ContentModel):
    id: Id
    text: Text


class ChecklistIn(ContentModel):
    kind: Literal["checklist"]
    id: Id
    text: str = ""
    questions: list[QuestionIn] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_questions(self) -> ChecklistIn:
        unique([q.id for q in self.questions], "questions")
        return self

    def build(self) -> ChecklistPrompt:
        return ChecklistPrompt(
            id=PromptId(self.id),
            text=self.text.strip(),
            questions=tuple(ChecklistQuestion(id=q.id, text=q.text) for q in self.questions),
        )


SCHEMA = ChecklistIn


class _PlainItem(Plain):
    state: str | bool
    """``yes`` or ``not_yet`` (a bare ``yes`` in YAML 1.1 reads as true)."""
    note: str = ""


_PLAIN = TypeAdapter(dict[str, _PlainItem])


def from_plain(_prompt: ChecklistPrompt, value: object) -> ChecklistAnswer:
    items = []
    for key, item in _PLAIN.validate_python(value).items():
        if item.state not in (True, "yes", "not_yet"):
            raise BadAnswer(reason="the state is 'yes' or 'not_yet'.")
        state = Check.YES if item.state is True else Check(str(item.state))
        items.append((key, ChecklistItem(state, item.note)))
    return ChecklistAnswer(tuple(items))
