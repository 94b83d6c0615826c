"""jrnl's journals: its plain-text file and its JSON export (``jrnl --export json``).

The plain-text format is read the way jrnl 4 reads it (``Journal._parse``): an entry
starts at a line beginning ``[date] ``, and runs to the line before the next one. jrnl
writes each entry followed by a newline and puts one more newline between entries, so
exactly one trailing newline is taken off each entry's text; everything else is kept as
it is in the file.

Exact text, decided against jrnl itself:

- ``Entry.text`` is the entry's lines as they stand in the file. For a journal jrnl
  wrote, that is ``title + "\\n" + body`` (or the title alone when the body is empty),
  which is also how the JSON export is joined, so both readers give the same text.
  jrnl puts the body on its own line even when it was typed on the title's line
  (``jrnl "Hello. Then more"`` is stored as ``Hello.`` and ``Then more``), so that
  line break is jrnl's and cannot be told apart from one the participant typed.
- ``Entry.title`` is jrnl's title, worked out exactly as jrnl does (the first line,
  or the first sentence when the entry has a single line and no line end).
- A star at the end of the first line marks a starred entry (jrnl writes ``title *``);
  the ``" *"`` jrnl adds is taken out of the text. There are no stars in peerjournal,
  so ``left_out`` says how many entries had one.
- An entry line whose date is not a real date (``[2024-13-40 10:00]``) fails the whole
  import: jrnl would silently fold such an entry into the one before it.
- A date line with nothing after the ``]`` also starts an entry, whose text starts on
  the next line (jrnl wants a space there, which an editor may have trimmed). Text
  before the first entry is refused rather than dropped, as jrnl would drop it.

Dates: ``YYYY-MM-DD`` with ``HH:MM``, ``HH:MM:SS``, either with ``AM``/``PM``, or no time
(09:00, jrnl's default hour). A journal configured with another ``timeformat`` can be
read by passing it to ``read_text``. jrnl keeps no time zone, so times are local.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from peerjournal.core.importers import (
    BrokenImport,
    Entry,
    Found,
    NotRecognised,
    by_time,
    count,
    decode,
    display_name,
    load_json,
    local,
    normalise_newlines,
    quote,
    read_bytes,
)

KIND_TEXT = "jrnl"
KIND_JSON = "jrnl JSON"
DEFAULT_HOUR = 9

_DATE = (
    r"(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})"
    r"(?: (?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?: ?(?P<ampm>[AaPp][Mm]))?)?"
)
_START = re.compile(r"\[(?P<blob>" + _DATE + r")\](?: |(?=\n)|\Z)")
_ANY_START = re.compile(r"\[(?P<blob>[^\]\n]+)\](?: |(?=\n)|\Z)")
_LINE_BREAKS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_DATE_ONLY = re.compile(_DATE)

# jrnl's own sentence splitter (jrnl/journals/Entry.py, after segtok), for the same titles.
_SENTENCE_END = re.compile(
    r"""
    (
    [.!?\u2026\u203C\u203D\u2047\u2048\u2049\u22EF\uFE52\uFE57]
    [\'\u2019\"\u201D]?
    [\]\)]*
    \s+
    )
    |[\uFF01\uFF0E\uFF1F\uFF61\u3002]
    """,
    re.VERBOSE,
)
_LOCKED_PREFIXES = (b"JRNLv3", b"gAAAAA")
_LOCKED = (
    "this jrnl journal is locked with a password, so it cannot be read here; make an "
    "unlocked copy with `jrnl --decrypt --file unlocked.txt` and bring that copy in"
)
_NOT_TEXT = (
    "this is not a text file; if it is a jrnl journal locked with a password, make an "
    "unlocked copy with `jrnl --decrypt --file unlocked.txt` and bring that copy in"
)


def read(path: Path) -> Found:
    """Either of jrnl's formats, told apart by the file's name."""
    if path.suffix.lower() == ".json":
        return read_json(path)
    return read_text(path)


def read_text(path: Path, timeformat: str | None = None) -> Found:
    """A jrnl journal file; ``timeformat`` is the journal's, if it is not a usual one."""
    source = display_name(path)
    raw = read_bytes(path, source)
    if raw.startswith(_LOCKED_PREFIXES):
        raise BrokenImport(source, None, _LOCKED)
    return parse_text(decode(raw, source, if_binary=_NOT_TEXT), source, timeformat)


def parse_text(text: str, source: str, timeformat: str | None = None) -> Found:
    starts = _starts(text, source, timeformat)
    if not starts:
        if text.strip():
            raise NotRecognised(source, _first_written_line(text), _not_jrnl())
        return Found(KIND_TEXT, [], [])
    first_at = starts[0][0]
    if text[:first_at].strip():
        raise NotRecognised(source, _first_written_line(text), _not_jrnl())
    entries: list[Entry] = []
    starred = empty = 0
    line = text.count("\n", 0, first_at) + 1
    previous_at = first_at
    for index, (at, body_at, when) in enumerate(starts):
        line += text.count("\n", previous_at, at)
        previous_at = at
        end = starts[index + 1][0] - 1 if index + 1 < len(starts) else len(text)
        title, entry_text, star = _split(text[body_at:end])
        starred += star
        if not entry_text.strip():
            empty += 1
            continue
        entries.append(Entry(when, title, entry_text, source, line))
    return Found(KIND_TEXT, by_time(entries), _left_out(starred, empty))


def _starts(text: str, source: str, timeformat: str | None) -> list[tuple[int, int, datetime]]:
    """Where each entry starts, where its text starts, and its time."""
    found: list[tuple[int, int, datetime]] = []
    pattern = _START if timeformat is None else _ANY_START
    for match in _at_line_starts(pattern, text):
        if timeformat is None:
            naive = _naive(match, text, source, match.start())
        else:
            try:
                naive = datetime.strptime(match["blob"], timeformat)
            except ValueError:
                shaped = _DATE_ONLY.fullmatch(match["blob"])
                if shaped is None:
                    continue
                naive = _naive(shaped, text, source, match.start())
        body_at = match.end()
        if text.startswith("\n", body_at):
            body_at += 1
        found.append((match.start(), body_at, local(naive)))
    return found


def _at_line_starts(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern`` wherever a line starts with it (searching for "\\n[" is far quicker)."""
    if text.startswith("["):
        match = pattern.match(text)
        if match:
            yield match
    at = text.find("\n[")
    while at != -1:
        match = pattern.match(text, at + 1)
        if match:
            yield match
        at = text.find("\n[", at + 1)


def _naive(match: re.Match[str], text: str, source: str, at: int) -> datetime:
    """The wall-clock time in a date like ``2024-03-05 09:00:00 AM``."""
    hour = DEFAULT_HOUR if match["h"] is None else int(match["h"])
    minute = 0 if match["mi"] is None else int(match["mi"])
    second = 0 if match["s"] is None else int(match["s"])
    ampm = match["ampm"]
    try:
        if ampm is not None:
            if not 1 <= hour <= 12:
                raise ValueError
            hour = hour % 12 + (12 if ampm.lower() == "pm" else 0)
        return datetime(int(match["y"]), int(match["mo"]), int(match["d"]), hour, minute, second)
    except ValueError:
        blob = match.groupdict().get("blob") or match.group(0)
        line = text.count("\n", 0, at) + 1
        raise BrokenImport(source, line, f"the date '{quote(blob)}' is not a real date") from None


def _split(raw: str) -> tuple[str, str, bool]:
    """jrnl's title, the entry's text as written, and whether jrnl would star it."""
    first, newline, rest = raw.partition("\n")
    if _LINE_BREAKS.search(first):
        first = raw.splitlines()[0]
        rest = raw[len(first) + 1 :]
    starred = first.strip().endswith("*")
    jrnl_text = first.strip("\n *") + "\n" + rest if starred else raw
    title = _title(jrnl_text)
    written = raw[:-1] if raw.endswith("\n") else raw
    first, newline, rest = written.partition("\n")
    if starred:
        bare = first.rstrip()
        if bare == "*" or bare.endswith(" *"):
            first = bare[:-1].rstrip()
    return title, first + newline + rest, starred


def _title(text: str) -> str:
    """``jrnl.journals.Entry.split_title``'s title, quirks and all."""
    indent = len(text) - len(text.lstrip())
    newline = text.find("\n", indent)
    if newline != -1:
        return text[: newline - indent + 1].strip()
    sep = _SENTENCE_END.search(text)
    return text if sep is None else text[: sep.end()].strip()


def _first_written_line(text: str) -> int:
    stripped = text.lstrip()
    return text.count("\n", 0, len(text) - len(stripped)) + 1 if stripped else 1


def _not_jrnl() -> str:
    return (
        "this does not look like a journal from jrnl: each entry there starts with its "
        "date in square brackets, like [2024-03-05 09:00]"
    )


def _left_out(starred: int, empty: int) -> list[str]:
    left_out = []
    if starred:
        left_out.append(
            f"The star on {count(starred, 'entry', 'entries')} was not brought in "
            "(daily pages have no stars)."
        )
    if empty:
        left_out.append(f"{count(empty, 'empty entry', 'empty entries')} had nothing to bring in.")
    return left_out


def read_json(path: Path) -> Found:
    """jrnl's JSON export."""
    source = display_name(path)
    return from_export(load_json(path, source), source)


def is_export(data: object) -> bool:
    """Whether parsed JSON is shaped like jrnl's export rather than Day One's."""
    if not isinstance(data, dict) or "metadata" in data:
        return False
    entries = data.get("entries")
    if "tags" not in data or not isinstance(entries, list):
        return False
    first = entries[0] if entries else {}
    return isinstance(first, dict) and (not first or bool({"date", "title"} & first.keys()))


def from_export(data: object, source: str) -> Found:
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise BrokenImport(source, None, _not_export())
    entries: list[Entry] = []
    starred = empty = 0
    for number, item in enumerate(data["entries"], start=1):
        if not isinstance(item, dict):
            raise BrokenImport(source, None, f"entry {number} is not an entry jrnl writes")
        title, body = item.get("title", ""), item.get("body", "")
        if not isinstance(title, str) or not isinstance(body, str):
            raise BrokenImport(source, None, f"entry {number} has no text that can be read")
        when = _export_when(item, number, source)
        if item.get("starred") is True:
            starred += 1
        text = normalise_newlines(title + "\n" + body if body else title)
        if not text.strip():
            empty += 1
            continue
        entries.append(Entry(when, normalise_newlines(title), text, source, None))
    return Found(KIND_JSON, by_time(entries), _left_out(starred, empty))


def _export_when(item: dict[str, object], number: int, source: str) -> datetime:
    day, clock = item.get("date"), item.get("time", "09:00")
    if not isinstance(day, str) or not isinstance(clock, str):
        raise BrokenImport(source, None, f"entry {number} has no date")
    try:
        naive = datetime.fromisoformat(f"{day}T{clock}")
    except ValueError:
        raise BrokenImport(
            source,
            None,
            f"entry {number} has the date '{quote(day + ' ' + clock)}', which is not a real date",
        ) from None
    if naive.tzinfo is not None:
        return naive
    return local(naive)


def _not_export() -> str:
    return "this is not shaped like a jrnl export: it has no list of entries"


__all__ = ["from_export", "is_export", "parse_text", "read", "read_json", "read_text"]
