"""Your own copy, both ways: peerjournal.json holds everything and comes back in exactly."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import jsonschema
import pytest

from peerjournal.core import answers as a
from peerjournal.core import portable
from peerjournal.core import story as st
from peerjournal.core.content import model as m
from peerjournal.core.content.model import Content
from peerjournal.core.errors import NotACopy
from peerjournal.core.vault.keyslots import FAST_KDF
from peerjournal.services.container import Services, build_services
from peerjournal.services.incoming import DayText
from tests.cli_helpers import run_cli
from tests.conftest import CANARY, PASSPHRASE

SCHEMA_FILE = Path(__file__).parents[1] / "docs" / "peerjournal-export.schema.json"


class Clock:
    """A clock that moves on an hour each time it is read, so every save is a version."""

    def __init__(self) -> None:
        self.now = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(hours=1)
        return self.now


def _fresh(root: Path, content: Content) -> Services:
    services = build_services(root, content=content, kdf=FAST_KDF, clock=Clock())
    services.session.create(PASSPHRASE)
    return services


@pytest.fixture
def written(tmp_path: Path, content: Content) -> Iterator[Services]:
    """A journal with something of every kind kept: versions, pages, story, contacts."""
    services = _fresh(tmp_path / "first", content)
    s = services
    s.answers.save("m1.s1.positive", a.TextAnswer("First thoughts"), fold=False)
    s.answers.save("m1.s1.positive", a.TextAnswer(CANARY), fold=False)
    s.answers.save("m1.s4.strengths", a.ChooseAnswer(("empathy",)), fold=False)
    s.answers.save(
        "m1.s3.values", a.RankedAnswer((a.RankedItem("Kindness", "to Zoë"),)), fold=False
    )
    s.answers.save("p2p.stocktake.ladder", a.LadderAnswer(4), fold=False)
    s.answers.save("p2p.stocktake.ladder", a.LadderAnswer(9), fold=False)
    s.pages.save(date(2026, 1, 3), "A walk with Łukasz")
    s.session.new_sitting()
    s.pages.save(date(2026, 1, 3), "A walk with Łukasz, and tea after")
    s.pages.save(date(2026, 1, 4), 'Quotes " and \\ back\nslashes 🌱')
    s.story.save_options(options=st.StoryOptions(title="My road", name="Siân"))
    s.story.save_iteration(name="For Thursday")
    s.contacts.save_own([m.Contact("Ffion", "07700 900123", "my sister")])
    yield services
    services.session.close()


def _without_time(data: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in data.items() if k != "exported"}


def test_everything_is_in_the_copy(written: Services) -> None:
    data = written.exports.as_json()
    answers = {r["prompt_id"]: r for r in data["answers"]}  # type: ignore[attr-defined]
    assert [v["value"]["data"]["text"] for v in answers["m1.s1.positive"]["versions"]] == [
        "First thoughts",
        CANARY,
    ]
    assert answers["m1.s1.positive"]["question"]["text"]
    assert [v["value"]["data"]["rung"] for v in answers["p2p.stocktake.ladder"]["versions"]] == [
        4,
        9,
    ]
    pages = {p["date"]: p for p in data["daily_pages"]}  # type: ignore[attr-defined]
    assert len(pages["2026-01-03"]["versions"]) == 2
    assert pages["2026-01-04"]["text"] == 'Quotes " and \\ back\nslashes 🌱'
    assert data["story_draft"]["versions"][-1]["value"]["title"] == "My road"  # type: ignore[index]
    assert len(data["story_versions"]) == 1  # type: ignore[arg-type]
    contacts = data["support_contacts"]["versions"][-1]["value"]  # type: ignore[index]
    assert "Ffion" in json.dumps(contacts, ensure_ascii=False)
    assert data["format"] == "peerjournal" and data["format_version"] == 2


def test_the_published_schema_is_the_format_and_every_copy_meets_it(written: Services) -> None:
    published = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert published == portable.schema(), "run: python -m peerjournal.core.portable > docs/..."
    jsonschema.validate(written.exports.as_json(), published)
    broken = written.exports.as_json()
    broken["daily_pages"] = [{"date": "2026-01-03"}]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, published)


def test_a_copy_brought_into_a_new_journal_gives_the_same_copy(
    written: Services, tmp_path: Path, content: Content
) -> None:
    first = written.exports.as_json()
    second = _fresh(tmp_path / "second", content)
    try:
        summary = second.transfer.bring_in(json.dumps(first).encode())
        assert summary.answers == 4 and summary.pages == 2 and summary.story_versions == 1
        assert _without_time(second.exports.as_json()) == _without_time(first)
        assert second.session.vault.check().ok
        assert second.answers.text_of("m1.s1.positive") == CANARY
        assert second.pages.get(date(2026, 1, 3)) == "A walk with Łukasz, and tea after"
        assert second.story.options().name == "Siân"
        assert [c.name for c in second.contacts.own()] == ["Ffion"]
        assert [h.answer for h in second.answers.history("p2p.stocktake.ladder")] == [
            a.LadderAnswer(4),
            a.LadderAnswer(9),
        ]
    finally:
        second.session.close()


def test_bringing_in_never_overwrites_and_knows_what_it_already_has(
    written: Services, tmp_path: Path, content: Content
) -> None:
    copy = json.dumps(written.exports.as_json()).encode()
    other = _fresh(tmp_path / "other", content)
    try:
        other.answers.save("m1.s1.positive", a.TextAnswer("Mine, written here"), fold=False)
        summary = other.transfer.bring_in(copy)
        assert summary.merged == 1
        assert "stays as it is" in summary.sentence()
        assert other.answers.text_of("m1.s1.positive") == "Mine, written here"
        kept = [h.answer for h in other.answers.history("m1.s1.positive")]
        assert a.TextAnswer(CANARY) in kept and a.TextAnswer("First thoughts") in kept
        assert other.session.vault.check().ok
        again = other.transfer.bring_in(copy)
        assert again.answers == again.pages == again.merged == again.story_versions == 0
        assert again.already_here > 0 and "left alone" in again.sentence()
        assert len(other.story.iterations()) == 1
    finally:
        other.session.close()


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (b"not json at all", "not readable JSON"),
        (b'{"format": "peerjournal"}', "not a peerjournal copy"),
        (b"[1, 2, 3]", "not a peerjournal copy"),
    ],
)
def test_a_broken_file_changes_nothing_and_says_why(
    services: Services, raw: bytes, says: str
) -> None:
    services.pages.save(date(2026, 2, 1), "Already here")
    before = services.exports.as_json()
    with pytest.raises(NotACopy) as caught:
        services.transfer.bring_in(raw)
    assert says in caught.value.message and "Nothing was changed" in caught.value.message
    assert _without_time(services.exports.as_json()) == _without_time(before)


def test_a_copy_broken_half_way_brings_in_none_of_it(written: Services, services: Services) -> None:
    data = written.exports.as_json()
    data["daily_pages"][-1]["versions"][0]["saved"] = "2026-01-04 10:00"  # type: ignore[index]
    with pytest.raises(NotACopy, match="time zone"):
        services.transfer.bring_in(json.dumps(data).encode())
    assert services.answers.text_of("m1.s1.positive") == ""  # the answers before it: not in
    assert services.pages.days() == []


def test_import_on_the_command_line(written: Services, data_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "peerjournal.json"
    copy.write_bytes(portable.write(written.transfer.portable()))
    done = run_cli("import", str(copy), data_dir=data_dir, passphrase=PASSPHRASE)
    assert done.returncode == 0, done.stderr
    assert "Brought in 4 answers, 2 daily pages, 1 saved story version" in done.stderr
    shown = run_cli("show", "m1.s1.positive", data_dir=data_dir, passphrase=PASSPHRASE)
    assert CANARY in shown.stdout
    missing = run_cli(
        "import", str(tmp_path / "nope.json"), data_dir=data_dir, passphrase=PASSPHRASE
    )
    assert missing.returncode != 0 and "There is no file or folder at" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_the_zip_holds_markdown_per_part_pages_and_the_copy(written: Services) -> None:
    import io
    import zipfile

    from peerjournal.services.exports import ABOUT_NAME

    data = written.exports.as_zip(now=datetime(2026, 2, 1, 12, tzinfo=UTC))
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None
    names = archive.namelist()
    folders = {n.split("/")[0] for n in names}
    assert folders == {"peerjournal 2026-02-01"}
    files = {n.split("/", 1)[1]: archive.read(n).decode("utf-8") for n in names}
    assert "not encrypted" in files[ABOUT_NAME]
    copy = portable.read(files["peerjournal.json"].encode("utf-8"))
    assert _without_time(json.loads(portable.write(copy))) == _without_time(
        written.exports.as_json()
    )
    parts = [n for n in files if n.endswith(".md") and n[:2].isdigit()]
    assert len(parts) >= 3
    assert len(parts) == len(set(parts))
    tree = next(f for n, f in files.items() if CANARY in f and n.endswith(".md"))
    assert "*Last changed" in tree
    assert all("/" not in n and ":" not in n for n in files)
    pages = files["Daily pages.md"]
    assert "A walk with Łukasz, and tea after" in pages and "🌱" in pages
    assert "Saturday 3 January 2026" in pages


def test_cli_export_all_as_zip(written: Services, tmp_path: Path) -> None:
    import zipfile

    written.session.close()
    target = tmp_path / "copy.zip"
    done = run_cli(
        "export",
        "all",
        "--format",
        "zip",
        "-o",
        str(target),
        data_dir=tmp_path / "first",
        passphrase=PASSPHRASE,
    )
    assert done.returncode == 0, done.stderr
    assert "not encrypted" in done.stderr
    assert any(n.endswith("peerjournal.json") for n in zipfile.ZipFile(target).namelist())


def _days(*items: tuple[date, str]) -> list[DayText]:
    return [
        DayText(
            day,
            text,
            datetime(day.year, day.month, day.day, 9, tzinfo=UTC),
            datetime(day.year, day.month, day.day, 21, tzinfo=UTC),
        )
        for day, text in items
    ]


def test_pages_brought_in_never_cover_what_was_there(written: Services) -> None:
    """A new day comes in exactly; a day with a page keeps every word, what came in after
    it; bringing the same in again changes nothing."""
    s = written
    had = s.pages.get(date(2026, 1, 3))
    incoming = _days(
        (date(2015, 6, 1), "Ten years ago, with Siân 🌱\n\nSecond paragraph  "),
        (date(2026, 1, 3), "From my old journal"),
    )
    summary = s.transfer.bring_pages(incoming)
    assert s.pages.get(date(2015, 6, 1)) == "Ten years ago, with Siân 🌱\n\nSecond paragraph  "
    assert s.pages.get(date(2026, 1, 3)) == f"{had}\n\nFrom my old journal"
    history = [text for _, _, text in s.pages.history(date(2026, 1, 3))]
    assert had in history
    assert (summary.pages, summary.added_to) == (1, 1)
    assert "1 daily page" in summary.sentence() and "now ends with" in summary.sentence()
    saved = s.pages.summaries()
    again = s.transfer.bring_pages(incoming)
    assert (again.pages, again.added_to, again.already_here) == (0, 0, 2)
    assert s.pages.summaries() == saved
    assert s.pages.history(date(2015, 6, 1))[0][1] == incoming[0].last


def test_a_copy_wins_over_nothing_but_never_over_what_is_there(
    written: Services, tmp_path: Path, content: Content
) -> None:
    """newest_on_top is for pages alone: a copy's answers still go under what is here."""
    copy = portable.write(written.transfer.portable())
    written.answers.save("m1.s1.positive", a.TextAnswer("Changed since"), fold=False)
    written.transfer.bring_in(copy)
    assert written.answers.text_of("m1.s1.positive") == "Changed since"


JRNL_TEXT = (
    "[2024-03-04 09:15] Tea with Siân.\nWe talked about the river 🌱\n\n"
    "[2024-03-04 21:00] Later, a call with Łukasz.\n\n"
    "[2024-03-06 08:00] محمد came by.\n"
)


def test_a_jrnl_journal_comes_in_on_the_command_line(data_dir: Path, tmp_path: Path) -> None:
    journal = tmp_path / "journal.txt"
    journal.write_text(JRNL_TEXT, encoding="utf-8")
    done = run_cli("import", str(journal), data_dir=data_dir, passphrase=PASSPHRASE)
    assert done.returncode == 0, done.stderr
    assert "holds 3 entries from jrnl" in done.stderr
    assert "Brought in 2 daily pages" in done.stderr
    shown = run_cli("journal", "show", "2024-03-04", data_dir=data_dir, passphrase=PASSPHRASE)
    assert shown.stdout.rstrip("\n") == (
        "Tea with Siân.\nWe talked about the river 🌱\n\nLater, a call with Łukasz."
    )
    again = run_cli("import", str(journal), data_dir=data_dir, passphrase=PASSPHRASE)
    assert "Nothing new came in" in again.stderr and "2 items you already had" in again.stderr


def test_a_broken_jrnl_journal_names_its_line_and_brings_in_nothing(
    data_dir: Path, tmp_path: Path
) -> None:
    journal = tmp_path / "journal.txt"
    journal.write_text(JRNL_TEXT + "\n[2024-13-40 10:00] Not a day.\n", encoding="utf-8")
    done = run_cli("import", str(journal), data_dir=data_dir, passphrase=PASSPHRASE)
    assert done.returncode != 0
    assert "journal.txt, line 8" in done.stderr and "Nothing was changed" in done.stderr
    assert "Traceback" not in done.stderr
    listed = run_cli("journal", "list", data_dir=data_dir, passphrase=PASSPHRASE)
    assert "2024-03-04" not in listed.stdout


def test_an_unpacked_copy_folder_comes_in_as_the_copy(
    written: Services, tmp_path: Path, content: Content
) -> None:
    import zipfile

    archive = tmp_path / "copy.zip"
    archive.write_bytes(written.exports.as_zip())
    zipfile.ZipFile(archive).extractall(tmp_path / "unpacked")
    (folder,) = (tmp_path / "unpacked").iterdir()
    fresh = _fresh(tmp_path / "fresh", content)
    try:
        incoming = fresh.transfer.look(folder)
        assert "is a copy of a peerjournal made on" in incoming.sentence()
        assert "4 answers, 2 daily pages and 1 saved story version" in incoming.sentence()
        fresh.transfer.bring(incoming)
        assert fresh.answers.text_of("m1.s1.positive") == CANARY
    finally:
        fresh.session.close()


def test_a_page_that_would_grow_too_long_brings_in_nothing(written: Services) -> None:
    from peerjournal.core.answers import MAX_TEXT_CHARS

    s = written
    had = s.pages.get(date(2026, 1, 3))
    too_much = "w" * (MAX_TEXT_CHARS - len(had))
    with pytest.raises(NotACopy, match="3 January 2026"):
        s.transfer.bring_pages(_days((date(2015, 1, 1), "fine"), (date(2026, 1, 3), too_much)))
    assert s.pages.get(date(2026, 1, 3)) == had
    assert date(2015, 1, 1) not in s.pages.days()


def test_a_short_entry_whose_words_the_page_holds_still_comes_in(written: Services) -> None:
    """Only the whole of what came in, as the page or its last block, counts as here."""
    s = written
    s.pages.save(date(2024, 3, 2), "I was ok today, more or less.")
    s.pages.save(date(2024, 3, 3), "")
    summary = s.transfer.bring_pages(_days((date(2024, 3, 2), "ok"), (date(2024, 3, 3), "Rain.")))
    assert s.pages.get(date(2024, 3, 2)) == "I was ok today, more or less.\n\nok"
    assert s.pages.get(date(2024, 3, 3)) == "Rain."
    assert (summary.pages, summary.added_to, summary.already_here) == (1, 1, 0)
    assert summary.sentence() == (
        "Brought in 1 daily page. 1 page you already had now ends with what came in for its "
        "day; what it said before is kept in its history."
    )
    only_added = s.transfer.bring_pages(_days((date(2024, 3, 3), "Sun later.")))
    assert only_added.sentence().startswith("1 page you already had now ends")


def test_a_damaged_zip_copy_is_said_calmly(written: Services, tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "copy.zip"
    archive.write_bytes(written.exports.as_zip())
    raw = bytearray(archive.read_bytes())
    info = next(i for i in zipfile.ZipFile(archive).infolist() if i.filename.endswith(".json"))
    middle = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    raw[middle : middle + 8] = b"\xff" * 8
    archive.write_bytes(bytes(raw))
    with pytest.raises(NotACopy, match=r"copy\.zip"):
        written.transfer.look(archive)
