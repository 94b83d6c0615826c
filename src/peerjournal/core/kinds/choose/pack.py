"""``choose`` in a content pack, and written by hand (the demo's YAML)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from peerjournal.core.content.ids import PromptId
from peerjournal.core.errors import BadAnswer
from peerjournal.core.kinds.base import plain_text
from peerjournal.core.kinds.choose import ChooseAnswer, ChoosePrompt, Domain, Option
from peerjournal.core.kinds.pack_base import ContentModel, Id, Text


class OptionIn(ContentModel):
    id: Id
    label: Text
    description: str = ""


class DomainIn(ContentModel):
    id: Id
    title: Text
    options: list[OptionIn] = Field(min_length=1)


class ChooseIn(ContentModel):
    kind: Literal["choose"]
    id: Id
    text: Text
    choose: int = Field(ge=1)
    domains: list[DomainIn] = Field(min_length=1)

    @model_validator(mode="after")
    def _enough_options(self) -> ChooseIn:
        total = sum(len(d.options) for d in self.domains)
        if self.choose > total:
            raise ValueError(
                f"'choose' asks for {self.choose} but the list has only {total} options"
            )
        ids = [o.id for d in self.domains for o in d.options]
        if len(set(ids)) != len(ids):
            raise ValueError("two options share an id")
        return self

    def build(self) -> ChoosePrompt:
        return ChoosePrompt(
            id=PromptId(self.id),
            text=self.text,
            choose=self.choose,
            domains=tuple(
                Domain(
                    id=d.id,
                    title=d.title,
                    options=tuple(
                        Option(id=o.id, label=o.label, description=o.description.strip())
                        for o in d.options
                    ),
                )
                for d in self.domains
            ),
        )


SCHEMA = ChooseIn


def from_plain(_prompt: ChoosePrompt, value: object) -> ChooseAnswer:
    if not isinstance(value, list):
        raise BadAnswer(reason="this needs a list of choices.")
    return ChooseAnswer(tuple(plain_text(v) for v in value))
