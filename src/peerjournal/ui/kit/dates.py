"""Dates in plain UK English: "Tuesday 3 March 2026", "3 March 2026, 14:05"."""

from __future__ import annotations

from datetime import date, datetime

from peerjournal.core.dates import long_date


def day_month_year(day: date) -> str:
    return long_date(day)


def long_day(day: date) -> str:
    return f"{day.strftime('%A')} {day_month_year(day)}"


def when(moment: datetime) -> str:
    """A saved time in local time: "Tuesday 3 March 2026 at 14:05"."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    return f"{long_day(local.date())} at {local.strftime('%H:%M')}"


__all__ = ["day_month_year", "long_day", "when"]
