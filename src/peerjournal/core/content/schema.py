"""The content pack schema (pydantic), used only at the YAML edge.

Validated packs are turned into the frozen records of ``model`` straight away, so
nothing outside the loader ever sees a pydantic object. Each prompt kind brings its own
schema (``core/kinds/<kind>/pack.py``); the pack model is built from the registry when
first needed, and again after a kind is registered.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Literal, Protocol, Union

from pydantic import BeforeValidator, Field, create_model

from peerjournal.core import kinds
from peerjournal.core.content import model as m
from peerjournal.core.kinds.pack_base import ContentModel as _Strict
from peerjournal.core.kinds.pack_base import Id, LongText, Text
from peerjournal.core.sessions import When

PACK_FORMAT = 1


class ItemIn(Protocol):
    """What every item of a part is, whatever its kind: an id, and the object it builds."""

    id: str

    def build(self) -> m.Item: ...


class ReadingIn(_Strict):
    kind: Literal["reading"]
    id: Id
    title: str = ""
    body: LongText

    def build(self) -> m.Reading:
        return m.Reading(id=m.PromptId(self.id), title=self.title.strip(), body=self.body.strip())


class TreeSpotIn(_Strict):
    place: Literal["roots", "trunk", "branches", "crown"]
    slot: int = Field(ge=1, le=20)


class PartBase(_Strict):
    id: Id
    title: Text
    short_title: str = ""
    intro: LongText = ""
    aims: list[Text] = Field(default_factory=list)
    group: str = ""
    tree: TreeSpotIn | None = None
    story_section: bool = False
    session: Literal["", "prepare", "reflect"] = ""
    if TYPE_CHECKING:
        items: list[ItemIn]

    def build(self) -> m.Part:
        return m.Part(
            id=m.PartId(self.id),
            title=self.title,
            short_title=self.short_title.strip() or self.title,
            intro=self.intro.strip(),
            aims=tuple(self.aims),
            items=tuple(i.build() for i in self.items),
            group=self.group.strip(),
            tree=m.TreeSpot(m.TreePlace(self.tree.place), self.tree.slot) if self.tree else None,
            story_section=self.story_section,
            session=self.session,
        )


class PhraseIn(_Strict):
    find: Text
    suggest: Text
    why: Text


class ContactIn(_Strict):
    name: Text
    detail: Text
    description: str = ""


def _session_date(value: object) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if When.parse(text) is None:
        raise ValueError("a session's date is written 2027-01-14, or 2027-01-14 18:30")
    return text


SessionDate = Annotated[str, BeforeValidator(_session_date)]


class PackBase(_Strict):
    peerjournal_pack: Literal[1]
    id: Id
    language: str = Field(default="", pattern=r"^([a-z]{2,3})?$")
    """The language the pack is written in ("cy"), when it translates a pack of the same
    id: the one that matches the window's language is loaded, the others are left out."""
    title: Text
    short_title: str = ""
    intro: LongText = ""
    order: int = 100
    if TYPE_CHECKING:
        parts: list[PartBase]
    daily_prompts: list[Text] = Field(default_factory=list)
    phrases: list[PhraseIn] = Field(default_factory=list)
    contacts: list[ContactIn] = Field(default_factory=list)
    schedule: dict[Id, SessionDate] = Field(default_factory=dict)
    """Dates an organisation gives its sessions: session id -> "2027-01-14 18:30"."""

    def build_programme(self, source: str) -> m.Programme | None:
        if not self.parts:
            return None
        return m.Programme(
            id=m.PackId(self.id),
            title=self.title,
            short_title=self.short_title.strip() or self.title,
            intro=self.intro.strip(),
            order=self.order,
            parts=tuple(p.build() for p in self.parts),
            source=source,
        )


def kind_names() -> tuple[str, ...]:
    return ("reading", *kinds.names())


@cache
def pack_model() -> type[PackBase]:
    """The pack model for the kinds registered now (built once, until ``forget``)."""
    members: tuple[Any, ...] = (ReadingIn, *(spec.schema() for spec in kinds.specs()))
    # Any: the union is of every registered kind's schema, known only at run time.
    item: Any = Annotated[Union[members], Field(discriminator="kind")]  # noqa: UP007
    part = create_model("PartIn", __base__=PartBase, items=(list[item], []))
    return create_model("PackIn", __base__=PackBase, parts=(list[part], []))


def forget() -> None:
    """A kind was registered or taken away: the next pack is read with the new set."""
    pack_model.cache_clear()
