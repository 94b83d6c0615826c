"""What the vault hands out: plain records with no database behind them.

Kept apart from ``store`` so the services (and the window starting up) can name these
types without importing SQLAlchemy before a journal is actually opened.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from enum import StrEnum

import msgspec

from peerjournal.core.json_types import JsonDict, JsonValue

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class Body(msgspec.Struct, frozen=True):
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


class _Sealed(msgspec.Struct):
    """A state as sealed, its value checked as JSON but not yet made into objects."""

    started: str
    saved: str
    value: msgspec.Raw


_SEALED = msgspec.json.Decoder(_Sealed)


def _value_of(raw: bytes | msgspec.Raw) -> JsonValue:
    try:
        value: JsonValue = msgspec.json.decode(raw)
    except msgspec.MsgspecError:
        value = json.loads(bytes(raw))
    return value


class Document:
    """A document's current state. One read at unlock keeps its value as the JSON it was
    sealed as, and makes it into objects only when asked (``value``, ``body``).

    Ten years of pages as JSON take half the memory of the same text as Python strings
    (a name like Łukasz makes a whole page two bytes a character) and no time to decode
    at unlock; each page is decoded when it is shown, searched or exported.
    """

    __slots__ = ("_raw", "_value", "name", "saved", "seq", "started")

    def __init__(self, name: str, seq: int, body: Body) -> None:
        self.name = name
        self.seq = seq
        self.started = body.started
        self.saved = body.saved
        self._value: JsonValue = body.value
        self._raw: msgspec.Raw | None = None

    @classmethod
    def sealed(cls, name: str, seq: int, plaintext: bytes) -> Document:
        """From the plaintext of its sealed state; raises ValueError (or KeyError,
        TypeError) as ``Body.decode`` does when it is not a state at all."""
        try:
            found = _SEALED.decode(plaintext)
        except msgspec.MsgspecError:  # what msgspec refuses (a NaN): read whole, as before
            return cls(name, seq, Body.decode(plaintext))
        doc = cls.__new__(cls)
        doc.name = name
        doc.seq = seq
        doc.started = datetime.fromisoformat(found.started)
        doc.saved = datetime.fromisoformat(found.saved)
        doc._value = None
        doc._raw = found.value
        return doc

    @property
    def value(self) -> JsonValue:
        """Decoded on each asking (and not kept, which is the point)."""
        return self._value if self._raw is None else _value_of(self._raw)

    @property
    def sealed_value(self) -> bytes | None:
        """The value's JSON as it was sealed, when it has not been decoded (see ``value``)."""
        return None if self._raw is None else bytes(self._raw)

    @property
    def body(self) -> Body:
        return Body(started=self.started, saved=self.saved, value=self.value)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        return (self.name, self.seq, self.body) == (other.name, other.seq, other.body)

    def __hash__(self) -> int:
        return hash((self.name, self.seq))

    def __repr__(self) -> str:
        return f"Document(name={self.name!r}, seq={self.seq!r}, saved={self.saved!r})"


class Version(msgspec.Struct, frozen=True):
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


class SaveResult(msgspec.Struct, frozen=True):
    seq: int
    folded: bool
    unchanged: bool
    saved: datetime
    corrected: bool = False
    """Folded under ``Fold.DAY``: today's version was corrected, not a new one added."""


class BroughtIn(msgspec.Struct):
    """What an import did, by document name."""

    new: list[str] = msgspec.field(default_factory=list)
    """Not here before: came in whole."""
    merged: list[str] = msgspec.field(default_factory=list)
    """Here already, and different: the versions that came in went into its history."""
    already_here: list[str] = msgspec.field(default_factory=list)
    """Here already with every version that came in: nothing was written."""
    story_versions: int = 0
    story_versions_already_here: int = 0


class Iteration(msgspec.Struct, frozen=True):
    number: int
    value: JsonDict


class Damage(msgspec.Struct, frozen=True):
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


class CheckReport(msgspec.Struct, frozen=True):
    damaged: tuple[Damage, ...]
    checked: dict[str, int] = msgspec.field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.damaged
