"""Days as the participant reads them, in files the app writes: "3 December 2026"."""

from __future__ import annotations

from datetime import date


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


__all__ = ["long_date"]
