"""What the kind modules share: strict pydantic bases, content types, plain-value readers."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from peerjournal.core.errors import BadAnswer
from peerjournal.core.kinds.spec import StoredAnswer

Id = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]{0,79}$", strip_whitespace=True)
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000, strip_whitespace=True)]
LongText = Annotated[str, StringConstraints(max_length=200_000)]


class ContentModel(BaseModel):
    """A content pack's shape: unknown keys are mistakes to report, not to ignore."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=False, defer_build=True
    )


class Stored(StoredAnswer):
    """A stored answer's shape, strictly: a string where a list belongs is refused."""

    model_config = ConfigDict(strict=True, frozen=True, extra="ignore", defer_build=True)


class Plain(BaseModel):
    """A hand-written answer's shape (the demo's YAML), strictly, nothing extra allowed."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid", defer_build=True)


def unique(ids: list[str], what: str) -> None:
    seen: set[str] = set()
    for one in ids:
        if one in seen:
            raise ValueError(f"two {what} share the id '{one}'")
        seen.add(one)


def plain_text(value: object) -> str:
    if not isinstance(value, str):
        raise BadAnswer(reason="this needs text.")
    return value


def plain_int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadAnswer(reason="this needs a whole number.")
    return value


__all__ = [
    "ContentModel",
    "Id",
    "LongText",
    "Plain",
    "Stored",
    "Text",
    "plain_int",
    "plain_text",
    "unique",
]
