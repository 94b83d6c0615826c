"""Day One's JSON export: a ZIP holding one ``.json`` file per journal, or one such file.

The ZIP is read in memory, member by member (never unpacked to disk), and only its
``.json`` members are opened. Members with ``..`` or an absolute path in their name
are skipped unread (and named in ``left_out``), as are macOS's ``__MACOSX`` copies.

Exact text: what Day One exported, with three changes.

- Pictures, videos, sound and PDFs are not brought in, so their places in the text
  (``![](dayone-moment://ABC123)``, ``dayone-moment:/video/...``) are taken out: a line
  holding nothing else goes, with one blank line that set it apart, and one sitting in
  a line of writing goes on its own. ``left_out`` counts them.
- Day One writes Markdown and escapes punctuation with a backslash (``Hello\\.``,
  ``\\-``, ``\\!``); the backslash before ``\\ . - ! ( ) # * _ [ ] + >`` is taken out, so
  the page reads as it did in Day One, except inside code (between backticks) and where
  taking it out would turn a line into a heading, a list item or a quotation (a line
  starting ``\\#``, ``\\>``, ``\\- ``, ``\\+ ``, ``\\* `` or ``1\\. ``): there it stays.
- Line endings are made ``\\n``.

Times: ``creationDate`` is UTC; it is shown in the entry's own ``timeZone`` when that is a
zone this computer knows, so the day is the one the participant wrote on, else in UTC.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from peerjournal.core.importers import (
    MAX_ARCHIVE_BYTES,
    MAX_FILE_BYTES,
    BrokenImport,
    Entry,
    Found,
    NotRecognised,
    by_time,
    count,
    display_name,
    load_json,
    normalise_newlines,
    parse_json,
    quote,
    too_large,
)

KIND = "Day One"

_MEDIA = {
    "photos": "photo",
    "videos": "video",
    "audios": "audio",
    "pdfAttachments": "pdf",
}
_WORDS = {
    "photo": ("photo", "photos"),
    "video": ("video", "videos"),
    "audio": ("sound recording", "sound recordings"),
    "pdf": ("PDF", "PDFs"),
}
_MOMENT = re.compile(
    r"!\[[^\]\n]*\]\(dayone-moment:/{1,2}(?:(?P<kind>[A-Za-z]+)/)?(?P<id>[^)\s/]+)\)"
)
_MOMENT_KINDS = {"video": "video", "audio": "audio", "pdfattachment": "pdf"}
_UNESCAPE = re.compile(
    r"(?P<code>```[\s\S]*?(?:```|\Z)|`[^`\n]+`)"
    r"|(?P<keep>^[ \t]{0,3}(?:\\[#>]|\\[-+*](?=[ \t]|$)|\d+\\[.)](?=[ \t]|$)))"
    r"|\\(?P<char>[\\.\-!()#*_\[\]+>])",
    re.MULTILINE,
)


def read(path: Path) -> Found:
    """A Day One export: the ZIP Day One makes, or a ``.json`` file from inside one."""
    source = display_name(path)
    if path.suffix.lower() == ".json":
        return from_export(load_json(path, source), source)
    return _read_zip(path, source)


def is_export(data: object) -> bool:
    """Whether parsed JSON is shaped like Day One's export."""
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        return False
    if "metadata" in data:
        return True
    return any(isinstance(item, dict) and "creationDate" in item for item in data["entries"])


def from_export(data: object, source: str, member: str | None = None) -> Found:
    """Entries from one journal's JSON; ``member`` is its name inside the ZIP, if any."""
    name = member or source
    where = name if member is None else f"{member} in {source}"
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise BrokenImport(
            where, None, "this is not shaped like a Day One export: it has no list of entries"
        )
    entries: list[Entry] = []
    media = dict.fromkeys(_WORDS, 0)
    empty = tagged = starred = 0
    for number, item in enumerate(data["entries"], start=1):
        if not isinstance(item, dict):
            raise BrokenImport(where, None, f"entry {number} is not an entry Day One writes")
        when = _when(item, number, where)
        raw = item.get("text")
        if raw is None:
            raw = ""
        if not isinstance(raw, str):
            raise BrokenImport(where, None, f"entry {number} has text that cannot be read")
        listed: set[str] = set()
        for key, kind in _MEDIA.items():
            items = item.get(key)
            if isinstance(items, list):
                media[kind] += len(items)
                listed.update(str(m.get("identifier")) for m in items if isinstance(m, dict))
        text, moments = without_moments(normalise_newlines(raw))
        for kind, identifier in moments:
            if identifier not in listed:
                media[kind] += 1
        text = unescape(text)
        if item.get("tags"):
            tagged += 1
        if item.get("starred") is True:
            starred += 1
        if not text.strip():
            empty += 1
            continue
        entries.append(Entry(when, "", text, where, None))
    return Found(KIND, by_time(entries), _left_out(name, media, empty, tagged, starred))


def _when(item: dict[str, object], number: int, where: str) -> datetime:
    created = item.get("creationDate")
    if not isinstance(created, str):
        raise BrokenImport(where, None, f"entry {number} has no date")
    try:
        when = datetime.fromisoformat(created)
    except ValueError:
        raise BrokenImport(
            where, None, f"entry {number} has the date '{quote(created)}', which is not a real date"
        ) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    zone = item.get("timeZone")
    if isinstance(zone, str) and zone:
        try:
            return when.astimezone(ZoneInfo(zone))
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    return when.astimezone(UTC)


def without_moments(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The text without Day One's picture places, and what each one was (kind, id)."""
    found = [
        (_MOMENT_KINDS.get((m["kind"] or "").lower(), "photo"), m["id"])
        for m in _MOMENT.finditer(text)
    ]
    if not found:
        return text, found
    lines = text.split("\n")
    keep = []
    for line in lines:
        bare = _MOMENT.sub("", line)
        keep.append(not (bare.strip() == "" and bare != line))
    index = 0
    while index < len(lines):
        if keep[index]:
            index += 1
            continue
        end = index
        while end < len(lines) and not keep[end]:
            end += 1
        blank_before = index == 0 or (keep[index - 1] and not lines[index - 1].strip())
        if end < len(lines) and not lines[end].strip() and blank_before:
            keep[end] = False
        elif end == len(lines) and index > 0 and not lines[index - 1].strip():
            keep[index - 1] = False
        index = end
    kept = [_MOMENT.sub("", line) for line, wanted in zip(lines, keep, strict=True) if wanted]
    return "\n".join(kept), found


def unescape(text: str) -> str:
    """Day One's backslashes before punctuation taken out (see the module docstring)."""
    if "\\" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        char = match["char"]
        return match.group(0) if char is None else char

    return _UNESCAPE.sub(one, text)


def _left_out(name: str, media: dict[str, int], empty: int, tagged: int, starred: int) -> list[str]:
    left_out = []
    parts = [count(n, *_WORDS[kind]) for kind, n in media.items() if n]
    if parts:
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        verb = "was" if sum(media.values()) == 1 else "were"
        left_out.append(f"{listed} in {name} {verb} not brought in.")
    if empty:
        left_out.append(
            f"{count(empty, 'entry', 'entries')} in {name} had no writing, "
            "only pictures or nothing at all, so there was nothing to bring in."
        )
    if tagged:
        left_out.append(
            f"The tags on {count(tagged, 'entry', 'entries')} in {name} were not brought in."
        )
    if starred:
        left_out.append(
            f"The star on {count(starred, 'entry', 'entries')} in {name} was not brought in "
            "(daily pages have no stars)."
        )
    return left_out


def _read_zip(path: Path, source: str) -> Found:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError):
        raise BrokenImport(
            source, None, "this is not a ZIP file, or it is damaged, so it cannot be opened"
        ) from None
    except OSError as exc:
        why = exc.strerror or "it could not be opened"
        raise BrokenImport(source, None, f"it could not be read ({why})") from None
    with archive:
        members = [info for info in archive.infolist() if _journal_member(info)]
        if not members:
            raise NotRecognised(
                source, None, "this ZIP holds no Day One journal (a .json file) to bring in"
            )
        total = 0
        for info in members:
            where = f"{info.filename} in {source}"
            if info.file_size > MAX_FILE_BYTES:
                raise BrokenImport(where, None, too_large(info.file_size))
            total += info.file_size
        if total > MAX_ARCHIVE_BYTES:
            raise BrokenImport(
                source, None, "its journals unpack to more than 1 GB, far more than any journal"
            )
        found = [_read_member(archive, info, source) for info in members]
        unsafe = [
            info.filename
            for info in archive.infolist()
            if info.filename.lower().endswith(".json") and _unsafe(info.filename)
        ]
    entries = by_time([entry for one in found for entry in one.entries])
    left_out = [line for one in found for line in one.left_out]
    if unsafe:
        left_out.append(
            f"{count(len(unsafe), 'file')} in {source} {'was' if len(unsafe) == 1 else 'were'} "
            f"not read, because {'its name points' if len(unsafe) == 1 else 'their names point'} "
            f"outside the ZIP: {', '.join(quote(name) for name in unsafe)}."
        )
    return Found(KIND, entries, left_out)


def _journal_member(info: zipfile.ZipInfo) -> bool:
    name = info.filename
    if info.is_dir() or not name.lower().endswith(".json") or _unsafe(name):
        return False
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return parts[0] != "__MACOSX" and not parts[-1].startswith("._")


def _unsafe(name: str) -> bool:
    """A name that would reach outside the ZIP if it were ever unpacked."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return not parts or name.startswith(("/", "\\")) or ".." in parts or ":" in parts[0]


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> Found:
    where = f"{info.filename} in {source}"
    try:
        with archive.open(info) as member:
            raw = member.read(MAX_FILE_BYTES + 1)
    except RuntimeError:
        raise BrokenImport(
            where, None, "it is locked with a password inside the ZIP, so it cannot be read"
        ) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError):
        raise BrokenImport(
            where, None, "it is damaged inside the ZIP, so it cannot be read"
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise BrokenImport(where, None, too_large(len(raw)))
    data = parse_json(raw, where)
    if not is_export(data):
        raise BrokenImport(
            where, None, "this is not shaped like a Day One export: it has no list of entries"
        )
    return from_export(data, source, member=info.filename)


__all__ = ["from_export", "is_export", "read", "unescape", "without_moments"]
