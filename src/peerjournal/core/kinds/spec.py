"""What a prompt kind is made of: everything one kind needs, found in one place.

A kind is one folder under ``core/kinds/`` (no Qt): its ``__init__`` holds its prompt
and answer types, how its answer is stored and read back, checked, put into words and
written on the command line; its ``pack`` module holds the content pack's schema and
the reader of hand-written answers (the demo's YAML), both pydantic, imported only when
packs are read. Its editor lives under ``ui/editors/`` and is named in ``editor``.
``core/kinds/__init__.py`` lists the kinds, and every dispatch on a kind goes through
that list. CONTRIBUTING.md has the recipe.

Reading a journal (the window's unlock, a search on the command line) needs only the
``__init__`` half, so it never imports pydantic.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import msgspec

from peerjournal.core.json_types import JsonDict, JsonValue

if TYPE_CHECKING:
    from pydantic import BaseModel

P = TypeVar("P")
A = TypeVar("A")


class StoredAnswer(msgspec.Struct, frozen=True, tag_field="kind"):
    """The stored form of one kind's answer, read back strictly; ``answer`` builds it.

    Each kind's subclass names its ``tag`` (the stored ``kind``); ``msgspec`` reads it
    strictly: a string where a number belongs, a bool for a rung, a missing field are
    refused, and fields it does not know are ignored.
    """

    def answer(self) -> Any:  # Any: each kind's model returns its own answer type
        raise NotImplementedError


class Stored(msgspec.Struct, frozen=True):
    """A part of a stored answer (its ``data``, an item of a list)."""


class KindSpec(msgspec.Struct, Generic[P, A], frozen=True):
    name: str
    prompt_type: type[P]
    answer_type: type[A]
    stored: type[StoredAnswer]
    """The answer as stored: ``{"kind": name, "data": ...}`` (msgspec, strict)."""
    empty: Callable[[P], A]
    to_data: Callable[[A], JsonDict]
    validate: Callable[[P, A], None]
    """Raises ``BadAnswer`` for an answer this prompt cannot hold (a ninth strength)."""
    texts: Callable[[A], list[str]]
    """Every piece of free text in the answer (for the size limit and "answered")."""
    is_answered: Callable[[A], bool]
    words: Callable[[P, A], str]
    """The answer as readable Markdown, for search, export and the story."""
    example: Callable[[P], str]
    """The JSON a script would write for this prompt on the command line."""
    pack: str
    """The module holding ``SCHEMA`` (the content pack's form of the prompt, pydantic,
    with ``build() -> P``) and ``from_plain`` (the answer from a plain value written by
    hand, the demo's YAML; None: not begun)."""
    editor: str
    """``module:Class`` of its editor widget (imported only by the window)."""
    in_story: bool = True
    """Whether an answer reads as part of a story ("Add another answer" offers it); a
    tick list of lessons done does not."""

    def schema(self) -> type[BaseModel]:
        found: type[BaseModel] = importlib.import_module(self.pack).SCHEMA
        return found

    def from_plain(self, prompt: P, value: object) -> A | None:
        read: Callable[[P, object], A | None] = importlib.import_module(self.pack).from_plain
        return read(prompt, value)


AnySpec = KindSpec[Any, Any]
"""The registry holds specs of every kind, so it cannot name one pair of types."""

__all__ = ["AnySpec", "JsonDict", "JsonValue", "KindSpec", "Stored", "StoredAnswer"]
