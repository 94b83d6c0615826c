"""A folder of dated Markdown or plain-text files, one or more a day, searched all through.

The day comes from the file's name (``2024-03-05.md``, ``2024-03-05 Tuesday.md``,
``Journal 2024_03_05.md``, ``20240305.txt``) or its folders (``2024/03/05.md``,
``2024-03/05.md``); failing that, from a ``date:`` in YAML front matter at the top of
the file (``---`` lines around it), which is then not part of the text. A file with no
date is listed in ``left_out`` rather than failing the import: a notes folder often
holds a few undated files, and those should not stop the rest. A file that is not UTF-8
does fail it, naming the file, because part of someone's writing would be lost.

The text is the file as written, apart from the front matter and line endings (made
``\\n``). Folders and files whose names start with a dot (``.obsidian``, ``.git``) are
not looked in. Days without a time are at midnight, local time.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import yaml

from peerjournal.core.importers import (
    MAX_ARCHIVE_BYTES,
    BrokenImport,
    Entry,
    Found,
    by_time,
    count,
    decode,
    display_name,
    local,
    read_bytes,
)

KIND = "text files"
SUFFIXES = frozenset({".md", ".markdown", ".txt"})

_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SEPARATED = re.compile(
    r"(?<!\d)(?P<y>\d{4})(?P<sep>[-_.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"
)
_COMPACT = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?!\d)")
_YEAR = re.compile(r"(\d{4})(?!\d)")
_NUMBER = re.compile(r"(\d{1,2})(?!\d)")
_YEAR_MONTH = re.compile(r"(\d{4})[-_.](\d{1,2})(?!\d)")
_FRONT = re.compile(r"---[ \t]*\n(?:(.*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_DATE_LINE = re.compile(r"^date[ \t]*:[ \t]*['\"]?([^'\"\n#]*?)['\"]?[ \t]*(?:#.*)?$", re.M)
_KEY_LINE = re.compile(r"^[A-Za-z_][\w -]*:", re.M)


class _NotOnCalendar:
    """A date that is written but does not exist (``2024-02-30``)."""


_BAD = _NotOnCalendar()


@dataclass(frozen=True, slots=True)
class _Front:
    when: datetime | date | _NotOnCalendar | None
    title: str
    end: int


def read(folder: Path) -> Found:
    entries: list[Entry] = []
    undated: list[str] = []
    not_real: list[str] = []
    empty = others = total = 0
    for path in _files(folder):
        name = path.relative_to(folder).as_posix()
        if path.suffix.lower() not in SUFFIXES:
            others += 1
            continue
        raw = read_bytes(path, name)
        total += len(raw)
        if total > MAX_ARCHIVE_BYTES:
            raise BrokenImport(
                display_name(folder),
                None,
                "the text files in this folder come to more than 1 GB, far more than a journal",
            )
        text = decode(raw, name)
        from_name = _date_from_path(path)
        front = _front_matter(text)
        when: datetime | date | _NotOnCalendar | None = from_name
        if not isinstance(when, date):
            when = front.when if front.when is not None else when
        if when is None:
            undated.append(name)
            continue
        if isinstance(when, _NotOnCalendar):
            not_real.append(name)
            continue
        body = text[front.end :]
        if not body.strip():
            empty += 1
            continue
        if not isinstance(when, datetime):
            when = local(datetime.combine(when, time()))
        line = text.count("\n", 0, front.end) + 1
        entries.append(Entry(when, front.title, body, name, line))
    return Found(KIND, by_time(entries), _left_out(undated, not_real, empty, others))


def _files(folder: Path) -> list[Path]:
    """Every file under ``folder``, in a steady order, skipping hidden ones."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__MACOSX")
        found.extend(Path(root, f) for f in sorted(files) if not f.startswith("."))
    return found


def _date_from_path(path: Path) -> date | _NotOnCalendar | None:
    stem = path.stem
    match = _SEPARATED.search(stem) or _COMPACT.match(stem)
    if match:
        return _real(match["y"], match["m"], match["d"])
    day_match = _NUMBER.match(stem)
    if not day_match:
        return None
    parent = path.parent.name
    year_month = _YEAR_MONTH.match(parent)
    if year_month:
        return _real(year_month[1], year_month[2], day_match[1])
    month_match = _NUMBER.match(parent)
    year_match = _YEAR.fullmatch(path.parent.parent.name)
    if month_match and year_match:
        return _real(year_match[1], month_match[1], day_match[1])
    return None


def _real(year: str, month: str, day: str) -> date | _NotOnCalendar:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return _BAD


def _front_matter(text: str) -> _Front:
    """The date and title in front matter at the top, and where the writing starts."""
    none = _Front(None, "", 0)
    match = _FRONT.match(text)
    if not match:
        return none
    block = match[1] or ""
    try:
        data = yaml.load(block, Loader=_LOADER)  # noqa: S506 (a safe loader)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError):
        data = None
        if not _KEY_LINE.search(block):
            return none
    else:
        if data is None and block.strip():
            return none
        if data is not None and not isinstance(data, dict):
            return none
    title = data.get("title") if data else None
    when = _front_date(data.get("date") if data else None)
    if when is None and data is None:
        found = _DATE_LINE.search(block)
        when = _front_date(found[1]) if found else None
    return _Front(when, title if isinstance(title, str) else "", match.end())


def _front_date(value: object) -> datetime | date | _NotOnCalendar | None:
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else local(value)
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        shaped = _SEPARATED.fullmatch(value) or _COMPACT.fullmatch(value)
        if shaped:
            return _BAD
        return None
    if len(value) <= 10:
        return moment.date()
    return moment if moment.tzinfo is not None else local(moment)


def _left_out(undated: list[str], not_real: list[str], empty: int, others: int) -> list[str]:
    left_out = [
        f"{name} has no date in its name or its first lines, so it was not brought in."
        for name in undated
    ]
    left_out.extend(
        f"{name} has a date that is not on the calendar, so it was not brought in."
        for name in not_real
    )
    if empty:
        left_out.append(f"{count(empty, 'dated file was', 'dated files were')} empty.")
    if others:
        one = others == 1
        left_out.append(
            f"{count(others, 'file')} that {'is' if one else 'are'} not Markdown or plain "
            f"text (pictures, for instance) {'was' if one else 'were'} not brought in."
        )
    return left_out


__all__ = ["SUFFIXES", "read"]
