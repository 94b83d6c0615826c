"""Counts and lists said in sentences: "1 daily page", "3,650 entries", "a, b and c"."""

from __future__ import annotations


def count(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one}" if n == 1 else f"{n:,} {many or one + 's'}"


def listed(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


__all__ = ["count", "listed"]
