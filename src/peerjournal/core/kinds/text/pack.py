"""``text`` in a content pack, and written by hand (the demo's YAML)."""

from __future__ import annotations

from typing import Literal

from peerjournal.core.content.ids import PromptId
from peerjournal.core.kinds.base import plain_text
from peerjournal.core.kinds.pack_base import ContentModel, Id, Text
from peerjournal.core.kinds.text import TextAnswer, TextPrompt


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


SCHEMA = TextIn


def from_plain(_prompt: TextPrompt, value: object) -> TextAnswer:
    return TextAnswer(plain_text(value))
