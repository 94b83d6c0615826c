"""When a gentle reminder is due: the day before a session, and a daily page's time.

Pure, with the clock passed in, so tests move time by hand. A reminder says only
``REMINDER_TEXT``: nothing the participant wrote and nothing about a session, because
it can appear on a locked screen, a shared one, or in the desktop's notification list.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from peerjournal.core.sessions import Session

REMINDER_TEXT = "A gentle reminder from peerjournal"
SESSION_REMINDER_AT = time(10, 0)
"""The day before a session, the reminder comes at ten in the morning (or, when the
app starts later that day, as soon as it starts)."""


def session_moments(all_sessions: Iterable[Session]) -> tuple[tuple[datetime, datetime], ...]:
    """Each dated session's reminder moment and its start, soonest first."""
    out = set()
    for s in all_sessions:
        if s.when is not None:
            start = s.when.start()
            moment = datetime.combine(s.when.day - timedelta(days=1), SESSION_REMINDER_AT)
            out.add((min(moment, start), start))
    return tuple(sorted(out))


@dataclass
class ReminderClock:
    """Which reminders have come; ``due`` says whether one should come now.

    A session's reminder comes once, between its moment and the session's start (so a
    computer switched on the morning of the session still hears of it); the daily one
    once a day, from its time until midnight, ``daily_done`` carrying the day it last
    came across restarts.
    """

    before_session: bool = False
    daily_at: time | None = None
    moments: tuple[tuple[datetime, datetime], ...] = ()
    daily_done: date | None = None
    _fired: set[datetime] = field(default_factory=set)

    def due(self, now: datetime, *, wrote_today: bool = False) -> bool:
        """True when a reminder should come now (and it is counted as come)."""
        come = False
        if self.before_session:
            for moment, start in self.moments:
                if moment <= now < start and moment not in self._fired:
                    self._fired.add(moment)
                    come = True
        if (
            self.daily_at is not None
            and now.time() >= self.daily_at
            and self.daily_done != now.date()
        ):
            self.daily_done = now.date()
            come = come or not wrote_today
        return come

    def next_check(self, now: datetime) -> datetime | None:
        """The soonest moment something could come due after ``now``."""
        candidates = []
        if self.before_session:
            candidates += [m for m, _s in self.moments if m > now and m not in self._fired]
        if self.daily_at is not None:
            today = datetime.combine(now.date(), self.daily_at)
            upcoming = today if today > now and self.daily_done != now.date() else None
            candidates.append(upcoming or today + timedelta(days=1))
        return min(candidates) if candidates else None


__all__ = ["REMINDER_TEXT", "SESSION_REMINDER_AT", "ReminderClock", "session_moments"]
