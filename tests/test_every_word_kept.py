"""Regression tests for issue 12 outside the window: history, backups, files, logs, parsing.

Each test names the finding it guards. They run the real services or the real command.
"""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from peerjournal.core import answers as a
from peerjournal.core.content.model import Content
from peerjournal.core.errors import BadAnswer
from peerjournal.core.vault.keyslots import FAST_KDF
from peerjournal.logs import reset_logging, setup_logging
from peerjournal.services.container import Services, build_services
from peerjournal.services.events import Changes
from tests.cli_helpers import run_cli
from tests.conftest import CANARY, PASSPHRASE

LADDER = "p2p.stocktake.ladder"
TEXT = "m1.s1.positive"


class Clock:
    """A settable clock for the services, in UTC."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 24, 9, 0, tzinfo=UTC))


@pytest.fixture
def timed(data_dir: Path, content: Content, clock: Clock) -> Iterator[Services]:
    built = build_services(data_dir, content=content, kdf=FAST_KDF, clock=clock)
    built.session.unlock(PASSPHRASE)
    yield built
    built.session.close()


# -- 8. history that is kept ---------------------------------------------------------------


def test_each_sitting_keeps_its_own_version(timed: Services, clock: Clock) -> None:
    """Three distinct edits a minute apart, each in its own sitting, are three versions."""
    for text in ("first thoughts", "second thoughts", "third thoughts"):
        timed.answers.save(TEXT, a.TextAnswer(text))
        timed.session.new_sitting()
        clock.advance(minutes=1)
    kept = [v.answer for v in timed.answers.history(TEXT)]
    assert kept == [
        a.TextAnswer(t) for t in ("first thoughts", "second thoughts", "third thoughts")
    ]


def test_within_one_sitting_typing_folds_but_a_pause_makes_a_version(
    timed: Services, clock: Clock
) -> None:
    timed.answers.save(TEXT, a.TextAnswer("I"))
    clock.advance(seconds=2)
    timed.answers.save(TEXT, a.TextAnswer("I am"))
    assert len(timed.answers.history(TEXT)) == 1
    clock.advance(minutes=6)
    timed.answers.save(TEXT, a.TextAnswer("I am here"))
    assert [v.answer for v in timed.answers.history(TEXT)] == [
        a.TextAnswer("I am"),
        a.TextAnswer("I am here"),
    ]


def test_a_version_is_never_replaced_by_nothing(timed: Services, clock: Clock) -> None:
    timed.answers.save(TEXT, a.TextAnswer("important words"))
    clock.advance(seconds=3)
    timed.answers.save(TEXT, a.TextAnswer(""))
    texts = [v.answer for v in timed.answers.history(TEXT)]
    assert texts == [a.TextAnswer("important words"), a.TextAnswer("")]


def test_a_ladder_keeps_a_mark_a_day_and_a_same_day_change_is_a_correction(
    timed: Services, clock: Clock
) -> None:
    first = timed.answers.save(LADDER, a.LadderAnswer(4))
    clock.advance(minutes=1)
    second = timed.answers.save(LADDER, a.LadderAnswer(6))
    assert second.corrected and not first.corrected
    assert [r for _d, r in timed.answers.ladder_history(LADDER)] == [6]
    clock.advance(days=1)
    third = timed.answers.save(LADDER, a.LadderAnswer(3))
    assert not third.corrected
    assert [r for _d, r in timed.answers.ladder_history(LADDER)] == [6, 3]


def test_a_ladder_mark_either_side_of_midnight_is_two_marks(
    data_dir: Path, content: Content
) -> None:
    local = datetime.now().astimezone().tzinfo
    clock = Clock(datetime(2026, 11, 24, 23, 59, tzinfo=local))
    services = build_services(data_dir, content=content, kdf=FAST_KDF, clock=clock)
    services.session.unlock(PASSPHRASE)
    try:
        services.answers.save(LADDER, a.LadderAnswer(4))
        clock.advance(minutes=2)
        services.answers.save(LADDER, a.LadderAnswer(5))
        assert [r for _d, r in services.answers.ladder_history(LADDER)] == [4, 5]
    finally:
        services.session.close()


def test_the_cli_refuses_to_save_nothing_unless_asked_to_clear(data_dir: Path) -> None:
    saved = run_cli("answer", TEXT, data_dir=data_dir, stdin="important\n", passphrase=PASSPHRASE)
    assert saved.returncode == 0, saved.stderr
    emptied = run_cli("answer", TEXT, data_dir=data_dir, stdin="", passphrase=PASSPHRASE)
    assert emptied.returncode != 0
    assert "--clear" in emptied.stderr
    shown = run_cli("show", TEXT, data_dir=data_dir, passphrase=PASSPHRASE)
    assert shown.stdout == "important\n"
    cleared = run_cli("answer", TEXT, "--clear", data_dir=data_dir, passphrase=PASSPHRASE)
    assert cleared.returncode == 0, cleared.stderr
    history = run_cli("history", TEXT, data_dir=data_dir, passphrase=PASSPHRASE)
    rows = [line.split("\t") for line in history.stdout.splitlines()]
    assert [(r[0], r[2]) for r in rows] == [("1", "important"), ("2", "")]


# -- 5. backups keep restore points ---------------------------------------------------------


def test_three_backups_in_one_day_are_three_restore_points(data_dir: Path) -> None:
    for _ in range(3):
        made = run_cli("backup", data_dir=data_dir, passphrase=PASSPHRASE)
        assert made.returncode == 0, made.stderr
    assert len(list((data_dir / "backups").glob("*.pjbackup"))) == 3


def test_rotation_keeps_ten_newest_and_the_newest_of_each_day_week_and_month(
    tmp_path: Path,
) -> None:
    from peerjournal.core.vault import backup as b

    folder = tmp_path / "backups"
    folder.mkdir()
    now = datetime(2026, 11, 24, 18, 0)
    made: list[datetime] = []
    # Hourly for two days, then daily for 500 days back.
    made += [now - timedelta(hours=h) for h in range(48)]
    made += [now - timedelta(days=d, hours=3) for d in range(2, 500)]
    for when in made:
        (folder / b.backup_name(when)).write_bytes(b"x")
    b.rotate(folder, now=now)
    kept = sorted((i.made for i in b.list_backups(folder)), reverse=True)
    newest_ten = sorted(made, reverse=True)[:10]
    assert all(t in kept for t in newest_ten)
    days = {t.date() for t in kept}
    assert all((now - timedelta(days=d)).date() in days for d in range(7))
    weeks = {t.isocalendar()[:2] for t in kept}
    assert all((now - timedelta(weeks=w)).isocalendar()[:2] in weeks for w in range(4))
    months = {(t.year, t.month) for t in kept}
    for m in range(12):
        year, month = divmod(now.year * 12 + now.month - 1 - m, 12)
        assert (year, month + 1) in months
    assert len(kept) <= 10 + 7 + 4 + 12


def test_rotation_never_deletes_the_only_backup_from_before_the_last_change(
    tmp_path: Path,
) -> None:
    from peerjournal.core.vault import backup as b

    folder = tmp_path / "backups"
    folder.mkdir()
    now = datetime(2026, 11, 24, 18, 0)
    before = now - timedelta(hours=5)
    (folder / b.backup_name(before)).write_bytes(b"x")
    for minute in range(15):  # "Back up now" many times since, with nothing changed
        (folder / b.backup_name(now - timedelta(minutes=minute))).write_bytes(b"x")
    b.rotate(folder, now=now, protect=folder / b.backup_name(before))
    assert before in [i.made for i in b.list_backups(folder)]


# -- 6. nothing readable by others ------------------------------------------------------------


def _loose_files(root: Path) -> list[str]:
    loose = []
    for path in [root, *root.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        if mode & 0o077:
            loose.append(f"{path.relative_to(root.parent)} {oct(mode)}")
    return loose


def test_every_file_is_private_under_umask_022(tmp_path: Path) -> None:
    data = tmp_path / "data"

    def cli(*args: str, stdin: str | None = None) -> None:
        old = os.umask(0o022)
        try:
            result = run_cli(*args, data_dir=data, stdin=stdin, passphrase=PASSPHRASE)
        finally:
            os.umask(old)
        assert result.returncode == 0, result.stderr

    cli("init")
    cli("answer", TEXT, stdin="a private thought")
    cli("journal", "add", stdin="a private day")
    cli("backup")
    cli("check")
    backup = next((data / "backups").glob("*.pjbackup"))
    cli("restore", str(backup))
    cli("export", "all", "--format", "md", "-o", str(data / "exports" / "all.md"))
    assert (data / "logs" / "peerjournal.log").exists()
    assert _loose_files(data) == []


def test_restore_through_the_services_leaves_private_files(
    data_dir: Path, content: Content
) -> None:
    old = os.umask(0o022)
    try:
        services = build_services(data_dir, content=content, kdf=FAST_KDF)
        services.session.unlock(PASSPHRASE)
        services.answers.save(TEXT, a.TextAnswer("before"))
        backup = services.backups.backup_now()
        services.backups.restore(backup, passphrase=PASSPHRASE)
        services.session.unlock(PASSPHRASE)
        services.answers.save(TEXT, a.TextAnswer("after"))
        services.session.close()
    finally:
        os.umask(old)
    assert _loose_files(data_dir) == []


# -- 7. logs never hold words --------------------------------------------------------------------


def test_a_failing_listener_leaves_no_words_in_any_file(services: Services, data_dir: Path) -> None:
    setup_logging(data_dir / "logs", level=logging.DEBUG)
    try:

        def listener(_changes: Changes) -> None:
            raise RuntimeError(f"my private words {CANARY}")

        services.hub.subscribe(listener)
        services.answers.save(TEXT, a.TextAnswer("hello"))
    finally:
        reset_logging()
    logs = data_dir / "logs" / "peerjournal.log"
    assert "a change listener failed" in logs.read_text(encoding="utf-8")
    for path in data_dir.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"canary-7f3a" not in data and b"my private words" not in data, path


# -- 9. stored answers are parsed, not asserted ----------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        {"kind": "choose", "data": {"chosen": "abc"}},
        {"kind": "ranked", "data": {"items": "abc"}},
        {"kind": "ranked", "data": {"items": [["a", "b"]]}},
        {"kind": "table", "data": {"notes": ["a"]}},
        {"kind": "checklist", "data": {"items": {"q": "yes"}}},
        {"kind": "ladder", "data": {"rung": True}},
        {"kind": "lessons", "data": {"done": "123"}},
        {"kind": "text", "data": "abc"},
        {"kind": "nothing", "data": {}},
        ["kind", "text"],
    ],
)
def test_malformed_stored_answers_are_refused(raw: object) -> None:
    with pytest.raises(BadAnswer):
        a.from_json(raw)  # type: ignore[arg-type]  # deliberately malformed


def test_malformed_answers_are_refused_under_python_optimise() -> None:
    code = (
        "from peerjournal.core import answers as a\n"
        "from peerjournal.core.errors import BadAnswer\n"
        "try:\n"
        "    print(a.from_json({'kind': 'choose', 'data': {'chosen': 'abc'}}))\n"
        "except BadAnswer:\n"
        "    print('refused')\n"
    )
    result = subprocess.run(
        [sys.executable, "-O", "-c", code], capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == "refused", result.stdout + result.stderr


def test_a_malformed_story_version_is_refused_under_python_optimise() -> None:
    code = (
        "from peerjournal.core import story as st\n"
        "try:\n"
        "    print(st.StoryDocument.from_json({'title': 't', 'name': '', 'made': '2026-01-01',"
        " 'sections': [], 'conversation_points': 'abc'}))\n"
        "except ValueError:\n"
        "    print('refused')\n"
    )
    result = subprocess.run(
        [sys.executable, "-O", "-c", code], capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == "refused", result.stdout + result.stderr


def test_src_has_no_assert_statements() -> None:
    src = Path(__file__).resolve().parents[1] / "src"
    found = [
        f"{path.relative_to(src)}:{n}"
        for path in src.rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.strip().startswith("assert ")
    ]
    assert found == []
