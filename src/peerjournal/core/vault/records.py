"""What the vault hands out: plain records with no database behind them.

Kept apart from ``store`` so the services (and the window starting up) can name these
types without importing SQLAlchemy before a journal is actually opened.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

import msgspec

from peerjournal.core.json_types import JsonDict, JsonValue

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Body:
    """One sealed state of a document: when its version began, when last saved, its value."""

    started: datetime
    saved: datetime
    value: JsonValue

    def encode(self) -> bytes:
        return json.dumps(
            {
                "started": self.started.isoformat(),
                "saved": self.saved.isoformat(),
                "value": self.value,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8")

    @classmethod
    def decode(cls, raw: bytes) -> Body:
        """msgspec's reader first (ten years of pages decode in a third of the time); what it
        refuses (a NaN, a lone surrogate, a number past a double) goes to ``json``, which
        wrote it, so nothing that decoded before is lost."""
        try:
            data = msgspec.json.decode(raw)
        except msgspec.MsgspecError:
            data = json.loads(raw)
        return cls(
            started=datetime.fromisoformat(data["started"]),
            saved=datetime.fromisoformat(data["saved"]),
            value=data["value"],
        )


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    seq: int
    body: Body


@dataclass(frozen=True, slots=True)
class Version:
    seq: int
    body: Body


class Fold(StrEnum):
    """How a save may fold into the document's latest version instead of adding one.

    The history promise rests on these: a version is kept per sitting at least, and a
    version is never replaced by nothing.
    """

    NEVER = "never"
    """Always a new version (restoring an earlier one, a command-line save)."""
    SITTING = "sitting"
    """Fold while typing goes on: only into a version made in this sitting (since the
    last unlock or page switch), saved under 5 minutes ago and begun under 30."""
    DAY = "day"
    """One version a local day (a ladder mark): a later save the same day corrects it."""


@dataclass(frozen=True, slots=True)
class SaveResult:
    seq: int
    folded: bool
    unchanged: bool
    saved: datetime
    corrected: bool = False
    """Folded under ``Fold.DAY``: today's version was corrected, not a new one added."""


@dataclass(frozen=True, slots=True)
class Iteration:
    number: int
    value: JsonDict


@dataclass(frozen=True, slots=True)
class Damage:
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


@dataclass(frozen=True, slots=True)
class CheckReport:
    damaged: tuple[Damage, ...]
    checked: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.damaged
