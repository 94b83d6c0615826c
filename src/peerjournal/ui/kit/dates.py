"""Dates as the window's language says them: "Tuesday 3 March 2026" in English,
"Dydd Mawrth 3 Mawrth 2026" in Welsh, "3 March 2026 at 14:05".

Formatted with ``QLocale`` (the default one ``i18n.install`` sets), so month and day
names follow the language chosen in Settings, never the computer's locale by accident.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QTime

from peerjournal.ui.kit.i18n import translate


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def day_month_year(day: date) -> str:
    return QLocale().toString(_qdate(day), "d MMMM yyyy")


def long_day(day: date) -> str:
    return QLocale().toString(_qdate(day), "dddd d MMMM yyyy")


def when(moment: datetime) -> str:
    """A saved time in local time: "Tuesday 3 March 2026 at 14:05"."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    clock = QLocale().toString(QTime(local.hour, local.minute), "HH:mm")
    return translate("dates", "%1 at %2").replace("%1", long_day(local.date())).replace("%2", clock)


__all__ = ["day_month_year", "long_day", "when"]
