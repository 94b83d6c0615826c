"""``text``: free writing in Markdown, the workbook's question word for word."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Literal

from peerjournal.core.content.ids import PromptId
from peerjournal.core.kinds.base import ContentModel, Id, Stored, Text, plain_text
from peerjournal.core.kinds.spec import KindSpec

NAME = "text"


@dataclass(frozen=True, slots=True)
class TextPrompt:
    id: PromptId
    text: str
    label: str = ""
    hint: str = ""
    kind: str = field(default=NAME, init=False)


@dataclass(frozen=True, slots=True)
class TextAnswer:
    text: str
    kind: str = field(default=NAME, init=False)


class TextIn(ContentModel):
    kind: Literal["text"]
    id: Id
    text: Text
    label: str = ""
    hint: str = ""

    def build(self) -> TextPrompt:
        return TextPrompt(
            id=PromptId(self.id), text=self.text, label=self.label.strip(), hint=self.hint.strip()
        )


class _Data(Stored):
    text: str


class TextStored(Stored):
    kind: Literal["text"]
    data: _Data

    def answer(self) -> TextAnswer:
        return TextAnswer(self.data.text)


def _validate(_prompt: TextPrompt, _answer: TextAnswer) -> None:
    return None


SPEC: KindSpec[TextPrompt, TextAnswer] = KindSpec(
    name=NAME,
    prompt_type=TextPrompt,
    answer_type=TextAnswer,
    schema=TextIn,
    stored=TextStored,
    empty=lambda _p: TextAnswer(""),
    to_data=lambda answer: {"text": answer.text},
    validate=_validate,
    texts=lambda answer: [answer.text],
    is_answered=lambda answer: bool(answer.text.strip()),
    words=lambda _p, answer: answer.text,
    example=lambda _p: json.dumps({"text": "..."}),
    from_plain=lambda _p, value: TextAnswer(plain_text(value)),
    editor="peerjournal.ui.editors.text:TextEditor",
)

__all__ = ["SPEC", "TextAnswer", "TextIn", "TextPrompt"]
