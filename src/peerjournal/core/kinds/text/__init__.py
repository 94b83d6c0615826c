"""``text``: free writing in Markdown, the workbook's question word for word."""

from __future__ import annotations

import json
from typing import ClassVar

import msgspec

from peerjournal.core.content.ids import PromptId
from peerjournal.core.kinds.base import Stored, StoredAnswer
from peerjournal.core.kinds.spec import KindSpec

NAME = "text"


class TextPrompt(msgspec.Struct, frozen=True):
    id: PromptId
    text: str
    label: str = ""
    hint: str = ""
    kind: ClassVar[str] = NAME


class TextAnswer(msgspec.Struct, frozen=True):
    text: str
    kind: ClassVar[str] = NAME


class _Data(Stored, frozen=True):
    text: str


class TextStored(StoredAnswer, frozen=True, tag=NAME):
    data: _Data

    def answer(self) -> TextAnswer:
        return TextAnswer(self.data.text)


def _validate(_prompt: TextPrompt, _answer: TextAnswer) -> None:
    return None


SPEC: KindSpec[TextPrompt, TextAnswer] = KindSpec(
    name=NAME,
    prompt_type=TextPrompt,
    answer_type=TextAnswer,
    stored=TextStored,
    empty=lambda _p: TextAnswer(""),
    to_data=lambda answer: {"text": answer.text},
    validate=_validate,
    texts=lambda answer: [answer.text],
    is_answered=lambda answer: bool(answer.text.strip()),
    words=lambda _p, answer: answer.text,
    example=lambda _p: json.dumps({"text": "..."}),
    pack="peerjournal.core.kinds.text.pack",
    editor="peerjournal.ui.editors.text:TextEditor",
)

__all__ = ["SPEC", "TextAnswer", "TextPrompt"]
