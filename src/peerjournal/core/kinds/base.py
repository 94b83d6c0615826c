"""What the kinds share without pydantic: plain-value readers and a uniqueness check."""

from __future__ import annotations

from peerjournal.core.errors import BadAnswer
from peerjournal.core.kinds.spec import Stored, StoredAnswer


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


__all__ = ["Stored", "StoredAnswer", "plain_int", "plain_text", "unique"]
