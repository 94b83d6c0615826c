"""What a prompt kind is made of: everything one kind needs, found in one place.

A kind is one module under ``core/kinds/`` (no Qt) holding its content schema, its
prompt and answer types, how its answer is stored and read back, checked, put into
words and written by hand (the command line's JSON, the demo's YAML); and one editor
under ``ui/editors/`` named in ``editor``. ``core/kinds/__init__.py`` lists them, and
every dispatch on a kind goes through that list. CONTRIBUTING.md has the recipe.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from peerjournal.core.json_types import JsonDict, JsonValue

P = TypeVar("P")
A = TypeVar("A")


class StoredAnswer(BaseModel):
    """The stored form of one kind's answer, read back strictly; ``answer`` builds it."""

    def answer(self) -> Any:  # Any: each kind's model returns its own answer type
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class KindSpec(Generic[P, A]):
    name: str
    prompt_type: type[P]
    answer_type: type[A]
    schema: type[BaseModel]
    """The content pack's form of the prompt (pydantic, with ``build() -> P``)."""
    stored: type[StoredAnswer]
    """The answer as stored: ``{"kind": name, "data": ...}`` (pydantic, strict)."""
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
    from_plain: Callable[[P, object], A | None]
    """The answer from a plain value written by hand (the demo's YAML; None: not begun)."""
    editor: str
    """``module:Class`` of its editor widget (imported only by the window)."""


AnySpec = KindSpec[Any, Any]
"""The registry holds specs of every kind, so it cannot name one pair of types."""

__all__ = ["AnySpec", "JsonDict", "JsonValue", "KindSpec", "StoredAnswer"]
