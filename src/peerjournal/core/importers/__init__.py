"""Writing from other journal apps, read into dated entries before anything is written.

The caller shows what was found and only then writes it, in one transaction, so every
reader here is pure: it reads files and returns values, and a file it cannot read whole
raises ``BrokenImport`` naming the file and the line. Half an import is worse than none,
because the participant would not know which half came in.

Line endings are normalised to ``\\n`` everywhere (a journal copied from Windows would
otherwise carry a stray ``\\r`` at the end of every line onto its pages); nothing else in
the participant's words is changed, except where a module's docstring says so.

Times are always timezone-aware. Formats that keep no time zone (jrnl, RedNotebook, text
files) are taken as this computer's local time, which is where they were written;
formats that keep only a day get midnight, so use ``Entry.day`` rather than the time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from peerjournal.core.phrases import count

MAX_FILE_BYTES = 200 * 1024 * 1024
"""Ten years of daily writing is some ten megabytes; a file twenty times that is not one."""
MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024
"""All the journal files read out of one ZIP together (a ZIP bomb unpacks to far more)."""
QUOTE_CHARS = 40
"""At most this much of the participant's own text ever appears in a message."""


@dataclass(frozen=True, slots=True)
class Entry:
    when: datetime
    """Always timezone-aware; see the module docstring for formats that keep no zone."""
    title: str
    """As the other app defines it (jrnl: its first line or sentence); may be empty."""
    text: str
    """The whole entry as the participant wrote it, title included."""
    source: str
    """The file it came from, as a short name to show ("Journal.json in export.zip")."""
    line: int | None
    """The 1-based line where it starts, for formats with lines."""

    @property
    def day(self) -> date:
        return self.when.date()


@dataclass(frozen=True, slots=True)
class Found:
    kind: str
    """Said to the participant: "jrnl", "jrnl JSON", "Day One", "RedNotebook", "text files"."""
    entries: list[Entry]
    """Oldest first; entries at the same moment keep the order they were found in."""
    left_out: list[str]
    """Sentences for the participant about what was found but not brought in."""


class BrokenImport(ValueError):
    """Raised for input that cannot be read; nothing is imported."""

    def __init__(self, source: str, line: int | None, reason: str) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}, line {self.line}"
        return f"{where}: {self.reason}"


class NotRecognised(BrokenImport):
    """Input that is no format we read, so ``read_any`` can say which ones it tried."""


NOT_RECOGNISED = "this does not look like a journal from jrnl, Day One or RedNotebook"


def read_any(path: Path) -> Found:
    """Works out the kind from what the path is, then reads it whole.

    A folder is RedNotebook's data folder if it holds RedNotebook month files
    (``2024-03.txt``), otherwise a folder of dated text files; a ``.zip`` is a Day One
    export; a ``.json`` is a jrnl or Day One export, told apart by its keys; anything
    else is a jrnl journal in its plain-text format.
    """
    from peerjournal.core.importers import dayone, jrnl, rednotebook, textfiles

    name = display_name(path)
    if path.is_dir():
        if rednotebook.looks_like(path):
            return rednotebook.read(path)
        return textfiles.read(path)
    if not path.exists():
        raise BrokenImport(name, None, "there is nothing there to read")
    suffix = path.suffix.lower()
    if suffix == ".zip":
        return dayone.read(path)
    if suffix == ".json":
        data = load_json(path, name)
        if jrnl.is_export(data):
            return jrnl.from_export(data, name)
        if dayone.is_export(data):
            return dayone.from_export(data, name)
        raise NotRecognised(name, None, NOT_RECOGNISED)
    if rednotebook.is_month_file(path):
        raise BrokenImport(
            name,
            None,
            "this is one month of a RedNotebook journal; choose the folder it is in "
            "to bring in every month",
        )
    try:
        return jrnl.read_text(path)
    except NotRecognised as exc:
        raise NotRecognised(exc.source, exc.line, NOT_RECOGNISED) from None


def display_name(path: Path) -> str:
    return path.name or str(path)


def read_bytes(path: Path, source: str) -> bytes:
    """The file's bytes, refusing one too large to be a journal before reading it."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise BrokenImport(source, None, too_large(size))
        return path.read_bytes()
    except OSError as exc:
        why = exc.strerror or "it could not be opened"
        raise BrokenImport(source, None, f"it could not be read ({why})") from None


def too_large(size: int) -> str:
    megabytes = size // (1024 * 1024)
    return (
        f"it is {megabytes:,} MB, far larger than any journal, so it was not read "
        f"(the most is {MAX_FILE_BYTES // (1024 * 1024)} MB)"
    )


def decode(raw: bytes, source: str, *, if_binary: str | None = None) -> str:
    """UTF-8 text (with or without a byte-order mark), every line ending made ``\\n``.

    ``if_binary`` is the reason to give for a file that is not text at all, when the
    format has a likely explanation (a jrnl journal locked the old way).
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise BrokenImport(
                source,
                None,
                "this is saved as UTF-16 text rather than UTF-8; open it in a text editor "
                "and save it again as UTF-8",
            ) from None
        if if_binary is not None and _looks_binary(raw):
            raise BrokenImport(source, None, if_binary) from None
        line = raw[: exc.start].count(b"\n") + 1
        raise BrokenImport(
            source,
            line,
            "this is not saved as UTF-8 text, so some of its letters cannot be read; "
            "open it in a text editor and save it again as UTF-8",
        ) from None
    return normalise_newlines(text)


def _looks_binary(raw: bytes) -> bool:
    head = raw[:4096]
    controls = sum(1 for byte in head if byte < 32 and byte not in b"\t\n\r\f")
    return b"\x00" in head or controls > len(head) // 20


def normalise_newlines(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_json(path: Path, source: str) -> object:
    return parse_json(read_bytes(path, source), source)


def parse_json(raw: bytes, source: str) -> object:
    text = decode(raw, source)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if not text[exc.pos :].strip() or exc.msg.startswith("Unterminated string"):
            reason = "the file stops part-way through, as if it was not saved or copied whole"
        else:
            reason = "the file is damaged here, so it cannot be read"
        raise BrokenImport(source, exc.lineno, reason) from None
    except RecursionError:
        raise BrokenImport(source, None, "the file nests far too deeply to be a journal") from None


def local(naive: datetime) -> datetime:
    """A wall-clock time from a format without zones, as this computer's local time."""
    return naive.replace(tzinfo=None).astimezone()


def quote(text: str) -> str:
    """A short piece of the participant's text for a message, never more than a little."""
    one_line = " ".join(text.split())
    if len(one_line) <= QUOTE_CHARS:
        return one_line
    return one_line[: QUOTE_CHARS - 1].rstrip() + "…"


def by_time(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda entry: entry.when)


__all__ = ["BrokenImport", "Entry", "Found", "NotRecognised", "count", "read_any"]
