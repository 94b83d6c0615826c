"""The programme's sessions in time: when each is, which comes next, what to prepare.

A session's date comes from the participant (kept encrypted in the vault) or from a
pack an organisation ships (``schedule:``), the participant's winning. Times are the
wall-clock time where the participant lives, so a session "at 18:30" stays at 18:30
when the clocks change. Nothing here is ever late: a date that has passed just passes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time

from peerjournal.core import answers as a
from peerjournal.core.content import model as m

PREPARE = "prepare"
REFLECT = "reflect"
SESSION_KINDS = (PREPARE, REFLECT)

_WHEN = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2}))?$")


@dataclass(frozen=True, slots=True)
class When:
    """A session's day, and its time when one is known."""

    day: date
    at: time | None = None

    @classmethod
    def parse(cls, text: str) -> When | None:
        """``2027-01-14`` or ``2027-01-14 18:30``; None for anything else."""
        found = _WHEN.match(text.strip())
        if found is None:
            return None
        try:
            day = date.fromisoformat(found.group(1))
            at = time(int(found.group(2)), int(found.group(3))) if found.group(2) else None
        except ValueError:
            return None
        return cls(day, at)

    def text(self) -> str:
        return self.day.isoformat() + (f" {self.at:%H:%M}" if self.at is not None else "")

    def start(self) -> datetime:
        """When it begins, in local wall-clock time (the day's start when no time is set)."""
        return datetime.combine(self.day, self.at or time())


@dataclass(frozen=True, slots=True)
class Session:
    programme: m.Programme
    part: m.Part
    when: When | None
    from_pack: str = ""
    """The pack file whose schedule gave the date, when the participant has not set it."""

    @property
    def prepares(self) -> bool:
        return self.part.session == PREPARE


OwnDates = Mapping[str, str | None]
"""The participant's dates by part id: a date's text, or None where they took one away."""


def sessions(content: m.Content, own: OwnDates) -> list[Session]:
    """Every session of the programme, in its programme's order, with its date if any."""
    shipped = {s.part_id: s for s in content.schedule}
    out: list[Session] = []
    for programme, part in content.session_parts():
        if part.id in own:
            text = own[part.id]
            out.append(Session(programme, part, When.parse(text) if text else None))
            continue
        scheduled = shipped.get(part.id)
        when = When.parse(scheduled.at) if scheduled is not None else None
        source = scheduled.source if scheduled is not None and when is not None else ""
        out.append(Session(programme, part, when, source))
    return out


def coming_up(all_sessions: list[Session], now: datetime) -> list[Session]:
    """Sessions from today on, soonest first: one today stays until the day is over."""
    today = now.date()
    dated = [s for s in all_sessions if s.when is not None and s.when.day >= today]
    return sorted(dated, key=lambda s: s.when.start() if s.when else datetime.max)


def days_until(when: When, now: datetime) -> int:
    return (when.day - now.date()).days


@dataclass(frozen=True, slots=True)
class Preparation:
    """The questions of a session and which have an answer."""

    questions: tuple[m.Prompt, ...]
    answered: frozenset[str]

    @property
    def done(self) -> int:
        return len(self.answered)

    @property
    def total(self) -> int:
        return len(self.questions)


def preparation(part: m.Part, lookup: Callable[[str], a.Answer | None]) -> Preparation:
    """A session's own questions (its lessons to tick are not preparation)."""
    questions = tuple(p for p in part.prompts if not isinstance(p, m.LessonsPrompt))
    answered = frozenset(
        p.id for p in questions if (found := lookup(p.id)) is not None and a.is_answered(found)
    )
    return Preparation(questions, answered)


__all__ = [
    "PREPARE",
    "REFLECT",
    "SESSION_KINDS",
    "OwnDates",
    "Preparation",
    "Session",
    "When",
    "coming_up",
    "days_until",
    "preparation",
    "sessions",
]
