"""Stored answers read back strictly, through one tagged union of every kind's form.

The vault hands back JSON. Each answer kind has a ``msgspec`` struct of exactly the
shape ``answers.to_json`` writes (``core/kinds``, its ``stored``), tagged by ``kind``,
so a stored value is checked against one struct and turned into its frozen answer.
Anything else (a string where a list belongs, a bool for a rung, an unknown kind) is a
``ValueError``. msgspec rather than pydantic: reading a journal then costs no pydantic
import, and the check is the same whatever Python's flags.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, Union

import msgspec

from peerjournal.core import kinds

if TYPE_CHECKING:
    from peerjournal.core.answers import Answer


@cache
def _union() -> Any:
    """Built on first use (and again after a kind is registered)."""
    members: tuple[Any, ...] = tuple(spec.stored for spec in kinds.specs())
    # Any: the union holds every registered kind's struct, known only at run time.
    return Union[members]  # noqa: UP007


def forget() -> None:
    _union.cache_clear()


def parse(raw: object) -> Answer:
    """The answer ``raw`` holds; ``ValueError`` when it is not exactly one answer's shape."""
    try:
        stored = msgspec.convert(raw, _union(), strict=True)
    except msgspec.ValidationError as exc:
        raise ValueError("not an answer") from exc
    answer: Answer = stored.answer()
    return answer


__all__ = ["forget", "parse"]
