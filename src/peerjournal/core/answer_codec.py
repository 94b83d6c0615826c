"""Stored answers read back through one pydantic ``TypeAdapter``, strictly.

The vault hands back JSON. Each answer kind has a model of exactly the shape
``answers.to_json`` writes (``core/kinds``, its ``stored``); the union of every
registered kind is discriminated by ``kind``, so a stored value is checked against one
model and turned into its frozen answer. Anything else (a string where a list belongs,
a bool for a rung, an unknown kind) is a ``ValueError``.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Union

from pydantic import Field, TypeAdapter, ValidationError

from peerjournal.core import kinds

if TYPE_CHECKING:
    from peerjournal.core.answers import Answer


@cache
def _adapter() -> TypeAdapter[Any]:
    """Built on first use (and again after a kind is registered): start-up need not pay."""
    members: tuple[Any, ...] = tuple(spec.stored for spec in kinds.specs())
    # Any: the union holds every registered kind's model, known only at run time.
    stored: Any = Annotated[Union[members], Field(discriminator="kind")]  # noqa: UP007
    return TypeAdapter(stored)


def forget() -> None:
    _adapter.cache_clear()


def parse(raw: object) -> Answer:
    """The answer ``raw`` holds; ``ValueError`` when it is not exactly one answer's shape."""
    try:
        stored = _adapter().validate_python(raw)
    except ValidationError as exc:
        raise ValueError(f"not an answer ({exc.error_count()} problems)") from None
    answer: Answer = stored.answer()
    return answer


__all__ = ["forget", "parse"]
