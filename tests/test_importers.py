"""Other journals' files read into dated entries: jrnl, Day One, RedNotebook, text files.

Fixtures are written here by hand from each format's documented shape, so they always
run; where the real jrnl is installed (benchmarks/.venv-jrnl), journals it writes itself
are read too and compared with what its own JSON export says.
"""

from __future__ import annotations

import json
import os
import subprocess
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from peerjournal.core import importers
from peerjournal.core.importers import (
    BrokenImport,
    Entry,
    Found,
    NotRecognised,
    dayone,
    jrnl,
    read_any,
    rednotebook,
    textfiles,
)

ROOT = Path(__file__).parents[1]
JRNL_VENV = ROOT / "benchmarks" / ".venv-jrnl"
JRNL = JRNL_VENV / "bin" / "jrnl"
JRNL_PYTHON = JRNL_VENV / "bin" / "python"

COMBINING = "Zoe\u0308 cafe\u0301"
WORDS = f"Siân and Łukasz met 王芳 and محمد 🌱 ({COMBINING})"


def local(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, sec: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, sec).astimezone()


def write(path: Path, text: str, newline: str = "\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


def texts(found: Found) -> list[str]:
    return [entry.text for entry in found.entries]


# --- jrnl, plain text -------------------------------------------------------------------

# As jrnl 4 writes it: each entry ends with a newline, one more newline between entries,
# the body starts on the line after the title, a starred entry's title ends " *".
JRNL_TEXT = f"""[2024-03-05 08:15] Morning, {WORDS}.
A body line.

  An indented line after a blank one.

[2024-03-05 21:40] Evening on the same day *

[2024-03-04 07:00] Title only, and earlier

[2024-03-06 12:00] Links [like this] and [2024-03-06] in the middle stay.
[note] at the start of a line is not a date, so it stays too.
"""


def test_jrnl_text_entries_as_written(tmp_path: Path) -> None:
    found = jrnl.read_text(write(tmp_path / "journal.txt", JRNL_TEXT))
    assert found.kind == "jrnl"
    assert [e.when for e in found.entries] == [
        local(2024, 3, 4, 7, 0),
        local(2024, 3, 5, 8, 15),
        local(2024, 3, 5, 21, 40),
        local(2024, 3, 6, 12, 0),
    ]
    early, morning, evening, links = found.entries
    assert morning.title == f"Morning, {WORDS}."
    assert morning.text == (
        f"Morning, {WORDS}.\nA body line.\n\n  An indented line after a blank one."
    )
    assert morning.line == 1 and evening.line == 6 and early.line == 8 and links.line == 10
    assert evening.title == evening.text == "Evening on the same day"
    assert early.text == "Title only, and earlier"
    assert links.text == (
        "Links [like this] and [2024-03-06] in the middle stay.\n"
        "[note] at the start of a line is not a date, so it stays too."
    )
    assert {e.source for e in found.entries} == {"journal.txt"}
    assert [e.day for e in found.entries] == [
        date(2024, 3, 4),
        date(2024, 3, 5),
        date(2024, 3, 5),
        date(2024, 3, 6),
    ]
    assert all(e.when.tzinfo is not None for e in found.entries)
    assert found.left_out == ["The star on 1 entry was not brought in (daily pages have no stars)."]


def test_jrnl_windows_line_endings_are_made_plain(tmp_path: Path) -> None:
    plain = jrnl.read_text(write(tmp_path / "unix.txt", JRNL_TEXT))
    crlf = jrnl.read_text(write(tmp_path / "windows.txt", JRNL_TEXT, newline="\r\n"))
    assert texts(crlf) == texts(plain)
    assert all("\r" not in text for text in texts(crlf))
    assert [e.line for e in crlf.entries] == [e.line for e in plain.entries]


def test_jrnl_byte_order_mark_and_leading_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "journal.txt"
    path.write_bytes(b"\xef\xbb\xbf\n\n[2024-03-05 10:00] Hello\n")
    found = jrnl.read_text(path)
    assert texts(found) == ["Hello"]
    assert found.entries[0].line == 3


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("2024-03-05 09:30", local(2024, 3, 5, 9, 30)),
        ("2024-03-05 09:30:15", local(2024, 3, 5, 9, 30, 15)),
        ("2024-03-05 09:30:15 PM", local(2024, 3, 5, 21, 30, 15)),
        ("2024-03-05 12:05:00 AM", local(2024, 3, 5, 0, 5)),
        ("2024-03-05 12:05 PM", local(2024, 3, 5, 12, 5)),
        ("2024-03-05", local(2024, 3, 5, 9, 0)),
    ],
)
def test_jrnl_time_formats(tmp_path: Path, stamp: str, expected: datetime) -> None:
    found = jrnl.read_text(write(tmp_path / "journal.txt", f"[{stamp}] Entry\n"))
    assert [e.when for e in found.entries] == [expected]


def test_jrnl_own_timeformat(tmp_path: Path) -> None:
    path = write(
        tmp_path / "journal.txt", "[05/03/2024 10:00] Hello\nthere\n\n[06/03/2024 11:00] Two\n"
    )
    found = jrnl.read_text(path, timeformat="%d/%m/%Y %H:%M")
    assert [(e.when, e.text) for e in found.entries] == [
        (local(2024, 3, 5, 10, 0), "Hello\nthere"),
        (local(2024, 3, 6, 11, 0), "Two"),
    ]


def test_jrnl_title_is_first_sentence_only_without_a_line_end(tmp_path: Path) -> None:
    found = jrnl.read_text(write(tmp_path / "j.txt", "[2024-03-05 10:00] Hello. World here"))
    (entry,) = found.entries
    assert entry.title == "Hello."
    assert entry.text == "Hello. World here"


def test_jrnl_keeps_stars_that_are_not_jrnls_marker(tmp_path: Path) -> None:
    found = jrnl.read_text(write(tmp_path / "j.txt", "[2024-03-05 10:00] I love *this*\n"))
    assert texts(found) == ["I love *this*"]


def test_jrnl_extra_blank_lines_between_entries_are_the_participants(tmp_path: Path) -> None:
    text = "[2024-03-05 10:00] One\n\n\n[2024-03-05 11:00] Two\n[2024-03-05 12:00] Three\n"
    found = jrnl.read_text(write(tmp_path / "j.txt", text))
    assert texts(found) == ["One\n", "Two", "Three"]


def test_jrnl_empty_entries_and_empty_journal(tmp_path: Path) -> None:
    found = jrnl.read_text(
        write(tmp_path / "j.txt", "[2024-03-05 10:00] \n\n[2024-03-06 10:00] Hi\n")
    )
    assert texts(found) == ["Hi"]
    assert found.left_out == ["1 empty entry had nothing to bring in."]
    assert jrnl.read_text(write(tmp_path / "empty.txt", "\n\n")).entries == []


def test_jrnl_date_line_without_a_space_after_it(tmp_path: Path) -> None:
    text = "[2024-03-05 10:00]\nWritten below the date\n\n[2024-03-06 10:00] Next\n"
    found = jrnl.read_text(write(tmp_path / "j.txt", text))
    assert [(e.title, e.text, e.line) for e in found.entries] == [
        ("Written below the date", "Written below the date", 1),
        ("Next", "Next", 4),
    ]


def test_jrnl_utf16_is_said_plainly(tmp_path: Path) -> None:
    path = tmp_path / "journal.txt"
    path.write_bytes("[2024-03-05 10:00] Hi\n".encode("utf-16"))
    with pytest.raises(BrokenImport, match=r"^journal\.txt: this is saved as UTF-16 text"):
        read_any(path)


def test_jrnl_bad_date_names_file_and_line(tmp_path: Path) -> None:
    text = "[2024-03-05 10:00] Fine\n\n[2024-13-40 10:00] Not a day\n"
    with pytest.raises(BrokenImport) as caught:
        jrnl.read_text(write(tmp_path / "journal.txt", text))
    assert (
        str(caught.value) == "journal.txt, line 3: the date '2024-13-40 10:00' is not a real date"
    )
    assert (caught.value.source, caught.value.line) == ("journal.txt", 3)


def test_jrnl_bad_hour_for_am_pm(tmp_path: Path) -> None:
    with pytest.raises(BrokenImport, match=r"journal.txt, line 1: the date '2024-03-05 13:00 PM'"):
        jrnl.read_text(write(tmp_path / "journal.txt", "[2024-03-05 13:00 PM] Hm\n"))


def test_jrnl_text_before_the_first_entry_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "journal.txt", "\nA shopping list\n[2024-03-05 10:00] Hello\n")
    with pytest.raises(NotRecognised) as caught:
        jrnl.read_text(path)
    assert caught.value.line == 2
    assert "[2024-03-05 09:00]" in caught.value.reason


@pytest.mark.parametrize("head", [b"JRNLv3\x00\x10eyJzYWx0IjoiIn0=gAAAAABl", b"gAAAAABlxyz-_abc=="])
def test_jrnl_locked_journal(tmp_path: Path, head: bytes) -> None:
    path = tmp_path / "journal.txt"
    path.write_bytes(head + b"x" * 200)
    with pytest.raises(BrokenImport) as caught:
        read_any(path)
    assert caught.value.source == "journal.txt"
    assert "locked with a password" in caught.value.reason
    assert "jrnl --decrypt --file" in caught.value.reason


def test_jrnl_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "journal.txt"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(BrokenImport, match=r"journal\.txt: this is not a text file"):
        jrnl.read_text(path)


def test_jrnl_not_utf8_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "journal.txt"
    path.write_bytes("[2024-03-05 10:00] Hello\nSiân\n".encode("cp1252"))
    with pytest.raises(BrokenImport) as caught:
        jrnl.read_text(path)
    assert (caught.value.source, caught.value.line) == ("journal.txt", 2)
    assert "UTF-8" in caught.value.reason


# --- jrnl, JSON export -------------------------------------------------------------------

JRNL_JSON = {
    "tags": {"@siân": 1},
    "entries": [
        {
            "title": "Later.",
            "body": f"{WORDS}\n\nWith @Siân.",
            "date": "2024-03-06",
            "time": "18:05",
            "tags": ["@siân"],
            "starred": True,
        },
        {
            "title": "Title only",
            "body": "",
            "date": "2024-03-05",
            "time": "09:00",
            "tags": [],
            "starred": False,
        },
    ],
}


def test_jrnl_json_export(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(JRNL_JSON, indent=2), encoding="utf-8")
    found = read_any(path)
    assert found.kind == "jrnl JSON"
    assert found == jrnl.read_json(path) == jrnl.read(path)
    assert [(e.when, e.title, e.text, e.source, e.line) for e in found.entries] == [
        (local(2024, 3, 5, 9, 0), "Title only", "Title only", "export.json", None),
        (
            local(2024, 3, 6, 18, 5),
            "Later.",
            f"Later.\n{WORDS}\n\nWith @Siân.",
            "export.json",
            None,
        ),
    ]
    assert found.left_out == ["The star on 1 entry was not brought in (daily pages have no stars)."]


def test_jrnl_json_truncated(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    whole = json.dumps(JRNL_JSON, indent=2)
    path.write_text(whole[: len(whole) // 2], encoding="utf-8")
    with pytest.raises(BrokenImport) as caught:
        read_any(path)
    assert caught.value.source == "export.json"
    assert caught.value.line is not None and caught.value.line > 3
    assert "stops part-way" in caught.value.reason


def test_jrnl_json_damaged_in_the_middle(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text('{"tags": {},\n "entries": [\n  {"title": "x",, }\n ]}\n', encoding="utf-8")
    with pytest.raises(BrokenImport, match=r"^export.json, line 3: the file is damaged here"):
        jrnl.read_json(path)


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ({"title": "x", "body": ""}, "entry 1 has no date"),
        ({"title": "x", "body": "", "date": "2024-02-30", "time": "10:00"}, "not a real date"),
        ({"title": 3, "body": "", "date": "2024-02-03", "time": "10:00"}, "no text"),
        ("just words", "is not an entry"),
    ],
)
def test_jrnl_json_wrong_shape(tmp_path: Path, entry: object, reason: str) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"tags": {}, "entries": [entry]}), encoding="utf-8")
    with pytest.raises(BrokenImport, match=reason) as caught:
        jrnl.read_json(path)
    assert caught.value.source == "export.json"


def test_json_of_no_known_shape(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text('{"pages": [1, 2, 3]}', encoding="utf-8")
    with pytest.raises(NotRecognised, match="jrnl, Day One or RedNotebook"):
        read_any(path)
    with pytest.raises(BrokenImport, match=r"other\.json: this is not shaped like a jrnl export"):
        jrnl.read_json(path)


# --- jrnl itself ------------------------------------------------------------------------

needs_jrnl = pytest.mark.skipif(not JRNL.exists(), reason="jrnl is not installed in benchmarks")


def _jrnl_config(home: Path, timeformat: str) -> Path:
    config = home / "jrnl.yaml"
    config.write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
        "indent_character: '|'\n"
        f"journals:\n  default:\n    journal: {home / 'journal.txt'}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\n"
        f"timeformat: '{timeformat}'\nversion: v4.6\n",
        encoding="utf-8",
    )
    return config


def _run_jrnl(home: Path, config: Path, *args: str) -> str:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "LANG": "C.UTF-8",
    }
    if "TZ" in os.environ:
        env["TZ"] = os.environ["TZ"]
    done = subprocess.run(
        [str(JRNL), "--config-file", str(config), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=True,
    )
    return done.stdout


def _as_jrnl_exports(found: Found) -> list[tuple[str, str, str, str]]:
    """Our entries in the export's terms (jrnl's date and time, title, text)."""
    return [
        (e.when.strftime("%Y-%m-%d"), e.when.strftime("%H:%M"), e.title, e.text)
        for e in found.entries
    ]


def _exported(stdout: str) -> list[tuple[str, str, str, str]]:
    exported = json.loads(stdout[stdout.index("{") :])["entries"]
    return [
        (x["date"], x["time"], x["title"], x["title"] + ("\n" + x["body"] if x["body"] else ""))
        for x in exported
    ]


@needs_jrnl
def test_real_jrnl_entries_match_its_export(tmp_path: Path) -> None:
    config = _jrnl_config(tmp_path, "%Y-%m-%d %H:%M")
    typed = [
        f"2024-03-05 10:00: Hello there. This is {WORDS}",
        "2024-03-05 11:00 *: Starred, on the same day",
        "2024-03-06 09:30: Title only",
        "2024-03-07 08:00: Several lines\n  indented second line\n\nafter a blank",
        "2024-03-08 20:00: محمد كتب هذا. 王芳写了这个。Then English",
    ]
    for text in typed:
        _run_jrnl(tmp_path, config, text)
    hand = tmp_path / "hand.txt"
    write(hand, "[2024-03-09 10:00] Imported by jrnl\n    body with indent\n\n\n")
    _run_jrnl(tmp_path, config, "--import", "--file", str(hand))
    exported = _exported(_run_jrnl(tmp_path, config, "--export", "json"))
    export_path = tmp_path / "export.json"
    export_path.write_text(_run_jrnl(tmp_path, config, "--export", "json"), encoding="utf-8")

    ours = jrnl.read_text(tmp_path / "journal.txt")
    assert len(exported) == len(typed) + 1
    assert _as_jrnl_exports(ours) == exported
    assert ours.left_out == ["The star on 1 entry was not brought in (daily pages have no stars)."]
    assert texts(read_any(export_path)) == texts(ours)
    assert texts(ours)[0] == f"Hello there.\nThis is {WORDS}"


@needs_jrnl
def test_real_jrnl_twelve_hour_clock_with_seconds(tmp_path: Path) -> None:
    config = _jrnl_config(tmp_path, "%Y-%m-%d %I:%M:%S %p")
    _run_jrnl(tmp_path, config, "2024-03-05 21:07: Evening. A body")
    _run_jrnl(tmp_path, config, "2024-03-06 00:30: Just after midnight")
    file_text = (tmp_path / "journal.txt").read_text(encoding="utf-8")
    assert "[2024-03-05 09:07:00 PM]" in file_text
    ours = read_any(tmp_path / "journal.txt")
    assert [e.when for e in ours.entries] == [local(2024, 3, 5, 21, 7), local(2024, 3, 6, 0, 30)]
    assert _as_jrnl_exports(ours) == _exported(_run_jrnl(tmp_path, config, "--export", "json"))


@needs_jrnl
def test_real_jrnl_locked_journal(tmp_path: Path) -> None:
    """Locked as jrnl 4 locks it (v3); older v2 files start "gAAAAA", tested above."""
    path = tmp_path / "journal.txt"
    code = (
        "import sys\n"
        "from jrnl.encryption.Jrnlv3Encryption import Jrnlv3Encryption\n"
        "method = Jrnlv3Encryption('default', {})\n"
        "method.password = 'not a real one'\n"
        "open(sys.argv[1], 'wb').write(method.encrypt('[2024-03-05 10:00] Hi\\n'))\n"
    )
    subprocess.run([str(JRNL_PYTHON), "-c", code, str(path)], check=True, timeout=60)
    with pytest.raises(BrokenImport, match=r"journal\.txt: this jrnl journal is locked"):
        read_any(path)


# --- Day One ------------------------------------------------------------------------------


def _dayone_entry(created: str, text: str | None, **more: object) -> dict[str, object]:
    entry: dict[str, object] = {"uuid": "0F" * 16, "creationDate": created, **more}
    if text is not None:
        entry["text"] = text
    return entry


DAYONE_ENTRIES = [
    _dayone_entry(
        "2020-07-01T23:30:00Z",
        f"![](dayone-moment://AAA111)\n\n{WORDS}\\. A list\\-free line\\!\n\n"
        "\\# not a heading\n1\\. not a list\nSee `code \\. here` and \\(this\\)",
        timeZone="Europe/London",
        photos=[{"identifier": "AAA111", "md5": "0" * 32, "type": "jpeg"}],
        tags=["walk"],
    ),
    _dayone_entry(
        "2020-01-02T03:04:05Z",
        "Winter\nwith ![](dayone-moment://BBB222) inline",
        timeZone="Nowhere/Special",
    ),
    _dayone_entry("2020-01-02T10:00:00Z", "Same day, no zone.\n\n![](dayone-moment:/video/CCC333)"),
    _dayone_entry("2020-01-03T10:00:00Z", None, photos=[{"identifier": "DDD444"}], starred=True),
]


def _dayone_json(entries: list[dict[str, object]]) -> str:
    return json.dumps({"metadata": {"version": "1.0"}, "entries": entries}, indent=2)


def _dayone_zip(path: Path, members: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_dayone_zip(tmp_path: Path) -> None:
    path = _dayone_zip(
        tmp_path / "export.zip",
        {
            "Journal.json": _dayone_json(DAYONE_ENTRIES),
            "Travel.json": _dayone_json([_dayone_entry("2019-05-05T12:00:00Z", "Away")]),
            "photos/" + "0" * 32 + ".jpeg": b"\xff\xd8\xff",
            "__MACOSX/._Journal.json": b"\x00\x05\x16\x07 not json",
            "../evil.json": "{",
            "/abs.json": "{",
        },
    )
    found = read_any(path)
    assert found.kind == "Day One"
    assert found == dayone.read(path)
    away, winter, same_day, summer = found.entries
    assert away.text == "Away" and away.source == "Travel.json in export.zip"
    assert winter.when == datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert winter.text == "Winter\nwith  inline"
    assert same_day.when == datetime(2020, 1, 2, 10, tzinfo=UTC)
    assert same_day.text == "Same day, no zone."
    assert summer.when == datetime(2020, 7, 2, 0, 30, tzinfo=ZoneInfo("Europe/London"))
    assert summer.day == date(2020, 7, 2)
    assert summer.text == (
        f"{WORDS}. A list-free line!\n\n\\# not a heading\n1\\. not a list\n"
        "See `code \\. here` and (this)"
    )
    assert summer.source == "Journal.json in export.zip"
    assert (summer.title, summer.line) == ("", None)
    assert found.left_out == [
        "3 photos and 1 video in Journal.json were not brought in.",
        "1 entry in Journal.json had no writing, only pictures or nothing at all, "
        "so there was nothing to bring in.",
        "The tags on 1 entry in Journal.json were not brought in.",
        "The star on 1 entry in Journal.json was not brought in (daily pages have no stars).",
        "2 files in export.zip were not read, because their names point outside the ZIP: "
        "../evil.json, /abs.json.",
    ]


def test_dayone_bare_json(tmp_path: Path) -> None:
    path = write(tmp_path / "Journal.json", _dayone_json(DAYONE_ENTRIES[1:3]))
    found = read_any(path)
    assert found.kind == "Day One"
    assert texts(found) == ["Winter\nwith  inline", "Same day, no zone."]
    assert {e.source for e in found.entries} == {"Journal.json"}
    assert found.left_out == ["1 photo and 1 video in Journal.json were not brought in."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello\\. How are you\\?", "Hello. How are you\\?"),
        ("\\- not a list", "\\- not a list"),
        ("a \\- b", "a - b"),
        ("\\-dash", "-dash"),
        ("  \\> not a quote", "  \\> not a quote"),
        ("12\\. March", "12\\. March"),
        ("On 12\\.3\\.", "On 12.3."),
        ("\\* star\n\\*emphasis\\*", "\\* star\n*emphasis*"),
        ("```\ncode \\. kept\n```\nafter\\.", "```\ncode \\. kept\n```\nafter."),
        ("C:\\\\Users\\\\Siân", "C:\\Users\\Siân"),
        ("\\_\\[\\]\\+\\!\\(\\)", "_[]+!()"),
    ],
)
def test_dayone_unescape(text: str, expected: str) -> None:
    assert dayone.unescape(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Before\n\n![](dayone-moment://A)\n\nAfter", "Before\n\nAfter"),
        ("Before\n\n![](dayone-moment://A)", "Before"),
        ("![](dayone-moment://A)\n\nAfter\n", "After\n"),
        ("One\n![](dayone-moment://A) ![](dayone-moment://B)\nTwo", "One\nTwo"),
        ("Word ![caption](dayone-moment:/audio/C) word", "Word  word"),
        ("![](dayone-moment://A)", ""),
        ("![](https://example.org/a.png)", "![](https://example.org/a.png)"),
    ],
)
def test_dayone_moments_taken_out(text: str, expected: str) -> None:
    assert dayone.without_moments(text)[0] == expected


def test_dayone_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    path.write_bytes(b"PK\x03\x04 but not really a zip at all")
    with pytest.raises(BrokenImport) as caught:
        read_any(path)
    assert str(caught.value).startswith("export.zip: this is not a ZIP file")


def test_dayone_zip_without_journal(tmp_path: Path) -> None:
    path = _dayone_zip(tmp_path / "export.zip", {"photos/a.jpeg": b"\xff"})
    with pytest.raises(NotRecognised, match=r"export\.zip: this ZIP holds no Day One journal"):
        read_any(path)


def test_dayone_truncated_json_in_zip(tmp_path: Path) -> None:
    whole = _dayone_json(DAYONE_ENTRIES)
    path = _dayone_zip(tmp_path / "export.zip", {"Journal.json": whole[: len(whole) // 2]})
    with pytest.raises(BrokenImport) as caught:
        read_any(path)
    assert caught.value.source == "Journal.json in export.zip"
    assert caught.value.line is not None
    assert "stops part-way" in caught.value.reason


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ({"text": "No date"}, "entry 1 has no date"),
        ({"creationDate": "yesterday", "text": "x"}, "'yesterday', which is not a real date"),
        ({"creationDate": "2020-01-02T03:04:05Z", "text": 7}, "text that cannot be read"),
    ],
)
def test_dayone_wrong_shape(tmp_path: Path, entry: dict[str, object], reason: str) -> None:
    path = _dayone_zip(tmp_path / "export.zip", {"Journal.json": _dayone_json([entry])})
    with pytest.raises(BrokenImport, match=reason) as caught:
        read_any(path)
    assert caught.value.source == "Journal.json in export.zip"


def test_dayone_json_of_another_shape_in_zip(tmp_path: Path) -> None:
    path = _dayone_zip(tmp_path / "export.zip", {"Journal.json": '{"pages": []}'})
    with pytest.raises(
        BrokenImport, match=r"Journal\.json in export\.zip: this is not shaped like"
    ):
        read_any(path)


def test_dayone_zip_sizes_are_guarded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _dayone_zip(
        tmp_path / "export.zip",
        {"Journal.json": _dayone_json(DAYONE_ENTRIES), "Two.json": _dayone_json([])},
    )
    monkeypatch.setattr(dayone, "MAX_FILE_BYTES", 100)
    with pytest.raises(BrokenImport, match=r"Journal.json in export.zip: it is 0 MB, far larger"):
        read_any(path)
    monkeypatch.setattr(dayone, "MAX_FILE_BYTES", 10**9)
    monkeypatch.setattr(dayone, "MAX_ARCHIVE_BYTES", 200)
    with pytest.raises(BrokenImport, match=r"export.zip: its journals unpack to more than 1 GB"):
        read_any(path)


# --- RedNotebook ----------------------------------------------------------------------------


def _month_file(folder: Path, name: str, days: dict[int, dict[str, object]]) -> Path:
    """A month file as RedNotebook's storage.py writes it (safe dumper, Unicode kept)."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    path = folder / name
    folder.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as file:
        yaml.dump(days, file, Dumper=dumper, allow_unicode=True)
    return path


def test_rednotebook_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _month_file(
        data,
        "2024-03.txt",
        {
            5: {"text": f"{WORDS}\n\n**bold** in txt2tags #hashtag\n"},
            1: {"text": "First of the month", "Cooking": {"Soup": None}},
            9: {"text": "", "Tags": {"old": None}},
            12: {"text": "   "},
        },
    )
    _month_file(data, "2024-02.txt", {29: {"text": "Leap day"}})
    _month_file(data, "2024-02.CONFLICT_BACKUP1700000000.0.txt", {1: {"text": "backup"}})
    write(data / "2024-02.old.txt", "1: {text: old}\n")
    write(data / "notes.txt", "not a month file")
    found = read_any(data)
    assert found.kind == "RedNotebook"
    assert found == rednotebook.read(data)
    assert [(e.day, e.text, e.source) for e in found.entries] == [
        (date(2024, 2, 29), "Leap day", "2024-02.txt"),
        (date(2024, 3, 1), "First of the month", "2024-03.txt"),
        (date(2024, 3, 5), f"{WORDS}\n\n**bold** in txt2tags #hashtag\n", "2024-03.txt"),
    ]
    assert all(e.when == local(e.day.year, e.day.month, e.day.day) for e in found.entries)
    lines = (data / "2024-03.txt").read_text(encoding="utf-8").splitlines()
    for entry in found.entries[1:]:
        assert lines[entry.line - 1 if entry.line else 0].startswith(f"{entry.day.day}:")
    assert found.left_out == [
        "The categories on 2 days were not brought in "
        "(hashtags in the writing were, as part of it)."
    ]


def test_rednotebook_folder_above_data(tmp_path: Path) -> None:
    home = tmp_path / ".rednotebook"
    _month_file(home / "data", "2024-03.txt", {2: {"text": "Inside data"}})
    write(home / "configuration.cfg", "x=1\n")
    found = read_any(home)
    assert (found.kind, texts(found)) == ("RedNotebook", ["Inside data"])


def test_rednotebook_one_month_file_chosen(tmp_path: Path) -> None:
    path = _month_file(tmp_path, "2024-03.txt", {2: {"text": "x"}})
    with pytest.raises(BrokenImport, match=r"^2024-03\.txt: this is one month of a RedNotebook"):
        read_any(path)


def test_rednotebook_hand_edited_with_windows_line_endings(tmp_path: Path) -> None:
    data = tmp_path / "data"
    write(
        data / "2023-12.txt",
        "24:\n  text: 'Christmas Eve'\n25: {text: \"Day\\nTwo lines\"}\n",
        "\r\n",
    )
    found = rednotebook.read(data)
    assert [(e.day, e.text, e.line) for e in found.entries] == [
        (date(2023, 12, 24), "Christmas Eve", 1),
        (date(2023, 12, 25), "Day\nTwo lines", 3),
    ]


def test_rednotebook_month_file_that_does_not_parse(tmp_path: Path) -> None:
    data = tmp_path / "data"
    write(data / "2024-03.txt", "1:\n  text: fine\n2:\n  text: 'never closed\n3: {text: x}\n")
    with pytest.raises(BrokenImport) as caught:
        read_any(data)
    assert caught.value.source == "2024-03.txt"
    assert caught.value.line is not None and caught.value.line >= 4
    assert "damaged" in caught.value.reason


@pytest.mark.parametrize(
    ("content", "line", "reason"),
    [
        ("1: {text: a}\n30: {text: b}\n", 2, "there is no day 30 in February 2023"),
        ("1: {text: a}\n2: just words\n", 2, "the day 2 has no text"),
        ("1: {text: [a, list]}\n", 1, "cannot be read as writing"),
        ("- a list\n", 1, "does not hold days"),
    ],
)
def test_rednotebook_wrong_shape(tmp_path: Path, content: str, line: int, reason: str) -> None:
    data = tmp_path / "data"
    write(data / "2023-02.txt", content)
    with pytest.raises(BrokenImport, match=reason) as caught:
        rednotebook.read(data)
    assert (caught.value.source, caught.value.line) == ("2023-02.txt", line)


def test_rednotebook_not_utf8(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "2024-03.txt").write_bytes("1:\n  text: Siân\n".encode("cp1252"))
    with pytest.raises(BrokenImport) as caught:
        read_any(data)
    assert (caught.value.source, caught.value.line) == ("2024-03.txt", 2)


# --- text files ---------------------------------------------------------------------------


def test_text_files_folder(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    write(notes / "2024-03-05.md", f"# Tuesday\n\n{WORDS}\n")
    write(notes / "2024-03-05 Tuesday.md", "Second file on the same day")
    write(notes / "20240306.txt", "Compact name", newline="\r\n")
    write(notes / "2024_03_07-notes.markdown", "Underscores")
    write(notes / "Journal 2024-03-10.md", "Date later in the name")
    write(notes / "2024" / "03" / "08.md", "From the folders")
    write(notes / "2024-03" / "09 Saturday.md", "From a month folder")
    write(notes / "front.md", "---\ndate: 2024-03-11\ntitle: With front matter\n---\nBody\n")
    write(notes / "front-time.md", "---\ndate: 2024-03-12 18:30\n---\n\nEvening\n")
    write(notes / "2024-03-13.md", "---\ntags: [a]\n---\nName wins, front matter goes\n")
    write(notes / "rule.md", "---\nA rule, not front matter\n---\n")
    (notes / "bom.md").write_bytes(b"\xef\xbb\xbf---\ndate: 2024-03-14\n---\nBOM")
    write(notes / "notes.md", "No date anywhere")
    write(notes / "2024-02-30.md", "Not on the calendar")
    write(notes / "2024-03-15.md", "\n\n")
    write(notes / ".obsidian" / "2024-01-01.md", "hidden")
    write(notes / ".2024-01-02.md", "hidden too")
    (notes / "2024-03-05.jpg").write_bytes(b"\xff\xd8")
    found = read_any(notes)
    assert found.kind == "text files"
    assert found == textfiles.read(notes)
    assert [(e.day, e.source, e.text) for e in found.entries] == [
        (date(2024, 3, 5), "2024-03-05 Tuesday.md", "Second file on the same day"),
        (date(2024, 3, 5), "2024-03-05.md", f"# Tuesday\n\n{WORDS}\n"),
        (date(2024, 3, 6), "20240306.txt", "Compact name"),
        (date(2024, 3, 7), "2024_03_07-notes.markdown", "Underscores"),
        (date(2024, 3, 8), "2024/03/08.md", "From the folders"),
        (date(2024, 3, 9), "2024-03/09 Saturday.md", "From a month folder"),
        (date(2024, 3, 10), "Journal 2024-03-10.md", "Date later in the name"),
        (date(2024, 3, 11), "front.md", "Body\n"),
        (date(2024, 3, 12), "front-time.md", "\nEvening\n"),
        (date(2024, 3, 13), "2024-03-13.md", "Name wins, front matter goes\n"),
        (date(2024, 3, 14), "bom.md", "BOM"),
    ]
    by_source = {e.source: e for e in found.entries}
    assert by_source["front.md"].title == "With front matter"
    assert by_source["front.md"].line == 5
    assert by_source["2024-03-05.md"].line == 1
    assert by_source["front-time.md"].when == local(2024, 3, 12, 18, 30)
    assert by_source["2024-03-05.md"].when == local(2024, 3, 5)
    assert found.left_out == [
        "notes.md has no date in its name or its first lines, so it was not brought in.",
        "rule.md has no date in its name or its first lines, so it was not brought in.",
        "2024-02-30.md has a date that is not on the calendar, so it was not brought in.",
        "1 dated file was empty.",
        "1 file that is not Markdown or plain text (pictures, for instance) was not brought in.",
    ]


def test_text_files_front_matter_that_is_not_quite_yaml(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "---\ntitle: Morning: a walk\ndate: 2024-03-05\n---\nWalked\n")
    write(tmp_path / "b.md", "---\ndate: 2024-13-40\n---\nNo such day\n")
    found = textfiles.read(tmp_path)
    assert [(e.day, e.text) for e in found.entries] == [(date(2024, 3, 5), "Walked\n")]
    assert found.left_out == [
        "b.md has a date that is not on the calendar, so it was not brought in."
    ]


def test_text_files_not_utf8_names_the_file(tmp_path: Path) -> None:
    write(tmp_path / "2024-03-05.md", "Fine")
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "2024-03-06.md").write_bytes("Line one\nSiân\n".encode("latin-1"))
    with pytest.raises(BrokenImport) as caught:
        read_any(tmp_path)
    assert (caught.value.source, caught.value.line) == ("2024/2024-03-06.md", 2)
    assert str(caught.value).startswith("2024/2024-03-06.md, line 2: this is not saved as UTF-8")


def test_text_files_folder_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for day in range(1, 4):
        write(tmp_path / "notes" / f"2024-03-0{day}.md", "word " * 30)
    monkeypatch.setattr(textfiles, "MAX_ARCHIVE_BYTES", 200)
    with pytest.raises(BrokenImport, match=r"^notes: the text files in this folder come to"):
        read_any(tmp_path / "notes")


def test_empty_folder_has_nothing(tmp_path: Path) -> None:
    found = read_any(tmp_path)
    assert (found.kind, found.entries, found.left_out) == ("text files", [], [])


# --- shared -----------------------------------------------------------------------------


def test_read_any_picks_the_kind(tmp_path: Path) -> None:
    paths = {
        "jrnl": write(tmp_path / "journal.txt", "[2024-03-05 10:00] Hi\n"),
        "jrnl JSON": write(tmp_path / "export.json", json.dumps(JRNL_JSON)),
        "Day One": _dayone_zip(tmp_path / "dayone.zip", {"Journal.json": _dayone_json([])}),
        "RedNotebook": _month_file(tmp_path / "rn", "2024-03.txt", {1: {"text": "x"}}).parent,
        "text files": write(tmp_path / "md" / "2024-03-05.md", "x").parent,
    }
    write(tmp_path / "plain" / "2024-03.txt", "A monthly note, not RedNotebook's\n")
    assert {kind: read_any(path).kind for kind, path in paths.items()} == {k: k for k in paths}
    assert write(tmp_path / "dayone.json", _dayone_json([])).exists()
    assert read_any(tmp_path / "dayone.json").kind == "Day One"
    assert read_any(tmp_path / "plain").kind == "text files"


def test_read_any_of_nothing_and_of_other_writing(tmp_path: Path) -> None:
    with pytest.raises(BrokenImport, match=r"missing\.txt: there is nothing there"):
        read_any(tmp_path / "missing.txt")
    with pytest.raises(NotRecognised) as caught:
        read_any(write(tmp_path / "notes.md", "Dear diary, today I…\n"))
    assert str(caught.value) == (
        "notes.md, line 1: this does not look like a journal from jrnl, Day One or RedNotebook"
    )


def test_files_too_large_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "journal.txt", "[2024-03-05 10:00] " + "word " * 100)
    monkeypatch.setattr(importers, "MAX_FILE_BYTES", 100)
    with pytest.raises(BrokenImport, match=r"journal.txt: it is 0 MB, far larger than any journal"):
        read_any(path)


def test_broken_import_message() -> None:
    with_line = BrokenImport("journal.txt", 12, "the date '2024-13-40 10:00' is not a real date")
    assert str(with_line) == "journal.txt, line 12: the date '2024-13-40 10:00' is not a real date"
    assert isinstance(with_line, ValueError)
    assert str(BrokenImport("export.zip", None, "it is damaged")) == "export.zip: it is damaged"


def test_messages_quote_little_of_the_participants_text(tmp_path: Path) -> None:
    entry = {"title": "x", "body": "", "date": "2024-03-05 and then a great deal more" * 5}
    path = write(tmp_path / "export.json", json.dumps({"tags": {}, "entries": [entry]}))
    with pytest.raises(BrokenImport) as caught:
        read_any(path)
    assert "2024-03-05 and then" in caught.value.reason
    assert len(caught.value.reason) < 110
    assert importers.quote("x" * 100) == "x" * 39 + "…"


def test_entry_day() -> None:
    entry = Entry(datetime(2024, 3, 5, 23, 30, tzinfo=UTC), "", "x", "a.txt", 1)
    assert entry.day == date(2024, 3, 5)
