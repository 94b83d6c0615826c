"""The rating kind in a content pack, and written by hand."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from peerjournal.core.content.ids import PromptId
from peerjournal.core.kinds.base import plain_int
from peerjournal.core.kinds.pack_base import ContentModel, Id, Text
from tests.kinds.rating import RatingAnswer, RatingPrompt


class RatingIn(ContentModel):
    kind: Literal["rating"]
    id: Id
    text: Text
    words: list[Text] = Field(min_length=2, max_length=10)

    def build(self) -> RatingPrompt:
        return RatingPrompt(id=PromptId(self.id), text=self.text, words=tuple(self.words))


SCHEMA = RatingIn


def from_plain(_prompt: RatingPrompt, value: object) -> RatingAnswer:
    return RatingAnswer(plain_int(value))
