"""RedNotebook's data folder: one YAML file per month, ``2024-03.txt``.

Checked against RedNotebook's own ``storage.py`` and ``data.py``: a month file is named
``YYYY-MM.txt`` (exactly; its ``.new``/``.old``/``.CONFLICT_BACKUP`` copies are not month
files), is UTF-8, and holds a mapping of day number to the day's content, which always
has ``text`` and may have categories beside it (a category maps to ``None`` or to a
mapping of its entries; the old ``Tags`` key is one more). Only the text comes in,
exactly as written (RedNotebook's own markup, txt2tags, is left as it is); categories
are counted in ``left_out``. Hashtags are part of the text, so they come in with it.

The file is read with YAML's safe loader (RedNotebook writes it with the safe dumper,
so nothing is lost), through the parsed nodes, so each day knows its line. RedNotebook
keeps days, not times: each entry is at midnight, local time.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from pathlib import Path

import yaml

from peerjournal.core.importers import (
    BrokenImport,
    Entry,
    Found,
    by_time,
    count,
    decode,
    local,
    normalise_newlines,
    read_bytes,
)

KIND = "RedNotebook"

_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when there is one (far quicker), the pure-Python one otherwise."""
_MONTH_FILE = re.compile(r"(\d{4})-(\d{2})\.txt")
_DAY_KEY = re.compile(r"""\s*(?:\{\s*)?['"]?\d{1,2}['"]?\s*:""")


def data_folder(folder: Path) -> Path:
    """The folder with the month files: the one chosen, or its ``data`` folder.

    RedNotebook keeps its month files in ``~/.rednotebook/data``; the folder above it
    is as likely to be chosen.
    """
    inner = folder / "data"
    if not month_files(folder) and inner.is_dir() and month_files(inner):
        return inner
    return folder


def month_files(folder: Path) -> list[tuple[Path, int, int]]:
    """The folder's month files, oldest first, with their year and month."""
    found = []
    try:
        children = sorted(folder.iterdir())
    except OSError:
        return []
    for child in children:
        match = _MONTH_FILE.fullmatch(child.name)
        if match and child.is_file():
            found.append((child, int(match[1]), int(match[2])))
    return found


def looks_like(folder: Path) -> bool:
    """Whether the folder is RedNotebook's: a month file there starts like one."""
    return any(is_month_file(path) for path, _y, _m in month_files(data_folder(folder)))


def is_month_file(path: Path) -> bool:
    """Whether this is one of RedNotebook's month files, by its name and first line."""
    if not _MONTH_FILE.fullmatch(path.name):
        return False
    try:
        with path.open("rb") as file:
            head = file.read(4096).decode("utf-8-sig", errors="replace")
    except OSError:
        return False
    for line in head.splitlines():
        bare = line.strip()
        if bare and not bare.startswith("#") and bare != "---":
            return _DAY_KEY.match(line) is not None
    return False


def read(folder: Path) -> Found:
    entries: list[Entry] = []
    with_categories = 0
    for path, year, month in month_files(data_folder(folder)):
        found, categorised = _read_month(path, year, month)
        entries.extend(found)
        with_categories += categorised
    left_out = []
    if with_categories:
        left_out.append(
            f"The categories on {count(with_categories, 'day')} were not brought in "
            "(hashtags in the writing were, as part of it)."
        )
    return Found(KIND, by_time(entries), left_out)


def _read_month(path: Path, year: int, month: int) -> tuple[list[Entry], int]:
    source = path.name
    if not 1 <= month <= 12:
        raise BrokenImport(
            source, None, f"this is named like a RedNotebook month, but there is no month {month}"
        )
    text = decode(read_bytes(path, source), source)
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise BrokenImport(source, line, _damaged()) from None
    except (yaml.YAMLError, RecursionError):
        raise BrokenImport(source, None, _damaged()) from None
    if node is None:
        return [], 0
    if not isinstance(node, yaml.MappingNode):
        raise BrokenImport(source, node.start_mark.line + 1, _not_days())
    entries = []
    categorised = 0
    constructor = yaml.SafeLoader("")
    try:
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            try:
                key = constructor.construct_object(key_node, deep=True)
                content = constructor.construct_object(value_node, deep=True)
            except (yaml.YAMLError, ValueError, TypeError, RecursionError):
                raise BrokenImport(source, line, _damaged()) from None
            day = _day(key, year, month, source, line)
            if not isinstance(content, dict) or "text" not in content:
                raise BrokenImport(
                    source, line, f"the day {key} has no text as RedNotebook keeps it"
                )
            words = content["text"]
            if words is None:
                words = ""
            if not isinstance(words, str):
                raise BrokenImport(source, line, f"the text of day {key} cannot be read as writing")
            if any(name != "text" for name in content):
                categorised += 1
            words = normalise_newlines(words)
            if words.strip():
                when = local(datetime.combine(day, time()))
                entries.append(Entry(when, "", words, source, line))
    finally:
        constructor.dispose()
    return entries, categorised


def _day(key: object, year: int, month: int, source: str, line: int) -> date:
    if isinstance(key, str) and key.strip().isdigit():
        key = int(key)
    if not isinstance(key, int) or isinstance(key, bool):
        raise BrokenImport(source, line, _not_days())
    try:
        return date(year, month, key)
    except ValueError:
        raise BrokenImport(
            source, line, f"there is no day {key} in {date(year, month, 1):%B %Y}"
        ) from None


def _damaged() -> str:
    return "this month file is damaged here, so it cannot be read"


def _not_days() -> str:
    return "this month file does not hold days the way RedNotebook writes them"


__all__ = ["data_folder", "is_month_file", "looks_like", "month_files", "read"]
