"""``lessons`` in a content pack, and written by hand (the demo's YAML)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from peerjournal.core.content.ids import PromptId
from peerjournal.core.errors import BadAnswer
from peerjournal.core.kinds.base import plain_int
from peerjournal.core.kinds.lessons import LessonsAnswer, LessonsPrompt
from peerjournal.core.kinds.pack_base import ContentModel, Id, Text


class LessonsIn(ContentModel):
    kind: Literal["lessons"]
    id: Id
    text: Text = "Lessons done"
    count: int = Field(ge=1, le=100)

    def build(self) -> LessonsPrompt:
        return LessonsPrompt(id=PromptId(self.id), text=self.text, count=self.count)


SCHEMA = LessonsIn


def from_plain(prompt: LessonsPrompt, value: object) -> LessonsAnswer | None:
    """How many lessons are done (the first N); None when none is: not begun."""
    done = plain_int(value)
    if not 0 <= done <= prompt.count:
        raise BadAnswer(reason=f"give how many lessons are done, from 0 to {prompt.count}.")
    return LessonsAnswer(tuple(range(1, done + 1))) if done else None
