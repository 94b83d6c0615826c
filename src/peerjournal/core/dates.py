"""Days as the participant reads them, in files the app writes: "3 December 2026"."""

from __future__ import annotations

import calendar
from datetime import date


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def month_before(day: date) -> date:
    """The same day of the month before, or that month's last day (31 March -> 28 February)."""
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def year_before(day: date) -> date:
    """The same day a year before (29 February -> 28 February)."""
    return date(
        day.year - 1, day.month, min(day.day, calendar.monthrange(day.year - 1, day.month)[1])
    )


__all__ = ["long_date", "month_before", "year_before"]
