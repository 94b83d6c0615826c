"""Writing to bring in, looked at before anything is written.

A file or folder is read whole first (a peerjournal copy, or another journal's files
through ``core.importers``), so a broken one is said, naming the file and the line,
before the journal is touched; then it goes in in one transaction. The participant sees
what it holds ("3,650 entries from jrnl, 2016 to 2025") before saying yes.
"""

from __future__ import annotations

import contextlib
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from peerjournal.core.answers import MAX_TEXT_CHARS
from peerjournal.core.dates import long_date
from peerjournal.core.errors import NotACopy
from peerjournal.core.phrases import count, listed

if TYPE_CHECKING:
    from peerjournal.core.importers import Entry, Found

COPY_NAME = "peerjournal.json"
MAX_COPY_BYTES = 512 * 1024 * 1024
"""A copy of thirty years is some tens of megabytes; more than this is not one."""


@dataclass(frozen=True, slots=True)
class DayText:
    """What came in for one day: every entry of that day, in order, as one page."""

    day: date
    text: str
    first: datetime
    last: datetime


@dataclass(frozen=True, slots=True)
class Incoming:
    source: str
    """The file or folder's name, as the participant chose it."""
    kind: str
    copy: bytes | None = None
    """A peerjournal copy's ``peerjournal.json``."""
    days: list[DayText] = field(default_factory=list)
    """Another journal's writing, one page a day."""
    entries: int = 0
    left_out: list[str] = field(default_factory=list)
    held: str = ""
    """What a copy holds, said: " made on 3 December 2026: 12 answers and 40 daily pages"."""

    def sentence(self) -> str:
        """What is about to come in, said before it does."""
        if self.copy is not None:
            return f"{self.source} is a copy of a peerjournal{self.held}."
        if not self.days:
            return f"{self.source} holds no writing to bring in ({self.kind})."
        first, last = self.days[0].day, self.days[-1].day
        span = (
            f"on {long_date(first)}"
            if first == last
            else f"from {long_date(first)} to {long_date(last)}"
        )
        entries = count(self.entries, "entry", "entries")
        pages = count(len(self.days), "daily page")
        return f"{self.source} holds {entries} from {self.kind}, {span}: {pages}."


def look(path: Path) -> Incoming:
    """Reads what is at ``path`` whole; raises ``NotACopy`` naming what is wrong."""
    name = path.name or str(path)
    try:
        if not (path.is_file() or path.is_dir()):
            raise NotACopy(detail=f"there is nothing at {path}")
        # a folder holding peerjournal.json is an Export everything ZIP, unpacked
        candidate = path if path.is_file() else path / COPY_NAME
        copy = _copy_in(candidate) if candidate.is_file() else None
        if copy is not None:
            return Incoming(source=name, kind="peerjournal", copy=copy, held=_held(copy))
        found = _other_journal(path)
    except OSError as exc:
        why = exc.strerror or "it could not be opened"
        raise NotACopy(detail=f"{name} could not be read ({why})") from None
    days = by_day(found.entries)
    return Incoming(
        source=name,
        kind=found.kind,
        days=days,
        entries=len(found.entries),
        left_out=list(found.left_out),
    )


def _other_journal(path: Path) -> Found:
    from peerjournal.core import importers

    try:
        return importers.read_any(path)
    except importers.BrokenImport as exc:
        raise NotACopy(detail=str(exc)) from None


def _copy_in(path: Path) -> bytes | None:
    """A peerjournal copy's JSON, from the file itself or from the ZIP it is in."""
    if path.stat().st_size > MAX_COPY_BYTES:
        return None
    if path.suffix.lower() == ".json":
        raw = path.read_bytes()
        return raw if _says_peerjournal(raw) else None
    if path.suffix.lower() != ".zip":
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            members = [
                i
                for i in archive.infolist()
                if i.filename.rsplit("/", 1)[-1] == COPY_NAME and i.file_size <= MAX_COPY_BYTES
            ]
            if len(members) != 1:
                return None
            try:
                raw = archive.read(members[0])
            except (zlib.error, RuntimeError, NotImplementedError, EOFError):
                raise NotACopy(
                    detail=f"{path.name} is damaged, or locked with a password"
                ) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError):
        return None
    return raw if _says_peerjournal(raw) else None


def _held(raw: bytes) -> str:
    """The copy's date and contents; a copy that does not read is refused here, early."""
    from peerjournal.core import portable

    try:
        found = portable.read(raw)
    except (portable.NotAnExport, ValueError) as exc:
        raise NotACopy(detail=str(exc)) from None
    counts = (
        (len(found.answers), "answer"),
        (len(found.daily_pages), "daily page"),
        (len(found.story_versions), "saved story version"),
    )
    parts = [count(n, what) for n, what in counts if n]
    made = ""
    with contextlib.suppress(ValueError):
        made = f" made on {long_date(datetime.fromisoformat(found.exported).date())}"
    if not parts:
        return f"{made}, with nothing written in it yet"
    return f"{made}: {listed(parts)}"


def _says_peerjournal(raw: bytes) -> bool:
    """A JSON object whose ``format`` is peerjournal's (a damaged one is still said so)."""
    import msgspec

    try:
        found = msgspec.json.decode(raw)
    except msgspec.DecodeError:
        return raw.lstrip()[:1] == b"{" and b'"format": "peerjournal"' in raw[:400]
    return isinstance(found, dict) and found.get("format") == "peerjournal"


def by_day(entries: Sequence[Entry]) -> list[DayText]:
    """Entries joined into one page per day, oldest first, a blank line between two."""
    grouped: dict[date, list[Entry]] = {}
    for entry in entries:
        grouped.setdefault(entry.when.date(), []).append(entry)
    days = []
    for day in sorted(grouped):
        ones = grouped[day]
        text = ones[0].text if len(ones) == 1 else "\n\n".join(e.text.strip("\n") for e in ones)
        if len(text) > MAX_TEXT_CHARS:
            raise NotACopy(detail=f"the writing for {long_date(day)} is too long for one page")
        whens = [e.when for e in ones]
        days.append(DayText(day, text, min(whens), max(whens)))
    return days


__all__ = ["COPY_NAME", "DayText", "Incoming", "by_day", "look"]
