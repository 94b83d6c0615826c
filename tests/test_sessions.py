"""Session dates: parsed strictly, shipped by a pack or set by the participant (theirs
win, and are kept encrypted), and nothing is ever shown as late."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

from peerjournal.core import answers as a
from peerjournal.core import sessions as s
from peerjournal.core.content import model as m
from peerjournal.core.content.loader import load_files, pack_files, shipped_packs_dir
from peerjournal.core.errors import BadAnswer
from peerjournal.services.container import Services

SCHEDULE = """\
peerjournal_pack: 1
id: cardiff
title: Cardiff Peer Network dates
schedule:
  m1.s1: 2027-01-14 18:30
  m1.s2: 2027-01-21
  course.s01: "2027-02-04 10:00"
"""


def load_with(tmp_path: Path, text: str) -> m.Content:
    (tmp_path / "cardiff.yaml").write_text(text, encoding="utf-8")
    return load_files([*pack_files(shipped_packs_dir()), *pack_files(tmp_path)])


def test_a_date_is_a_day_and_perhaps_a_time() -> None:
    assert s.When.parse("2027-01-14") == s.When(date(2027, 1, 14))
    assert s.When.parse("2027-01-14 18:30") == s.When(date(2027, 1, 14), time(18, 30))
    assert s.When.parse("2027-01-14T09:05") == s.When(date(2027, 1, 14), time(9, 5))
    for bad in ("2027-02-30", "14/01/2027", "2027-01-14 25:00", "tomorrow", "", "2027-1-4"):
        assert s.When.parse(bad) is None, bad
    assert s.When(date(2027, 1, 14), time(18, 30)).text() == "2027-01-14 18:30"


def test_the_sessions_of_the_programme(content: m.Content) -> None:
    found = {(prog.id, part.id, part.session) for prog, part in content.session_parts()}
    assert {p for _g, p, _k in found} == {f"m1.s{n}" for n in range(1, 5)} | {
        f"course.s{n:02}" for n in range(1, 13)
    }
    assert all(k == s.PREPARE for g, _p, k in found if g == "module-1")
    assert all(k == s.REFLECT for g, _p, k in found if g == "course")


def test_a_pack_ships_a_schedule_and_the_participants_date_wins(tmp_path: Path) -> None:
    content = load_with(tmp_path, SCHEDULE)
    assert not content.problems
    shipped = s.sessions(content, {})
    by_id: dict[str, s.Session] = {x.part.id: x for x in shipped}
    assert by_id["m1.s1"].when == s.When(date(2027, 1, 14), time(18, 30))
    assert by_id["m1.s1"].from_pack == "cardiff.yaml"
    assert by_id["m1.s2"].when == s.When(date(2027, 1, 21))  # unquoted YAML date, as text
    assert by_id["course.s01"].when == s.When(date(2027, 2, 4), time(10))
    assert by_id["m1.s3"].when is None

    own = s.sessions(content, {"m1.s1": "2027-01-15 19:00", "m1.s2": None})
    by_id = {x.part.id: x for x in own}
    assert (
        by_id["m1.s1"].when == s.When(date(2027, 1, 15), time(19)) and not by_id["m1.s1"].from_pack
    )
    assert by_id["m1.s2"].when is None  # taken away by the participant


def test_a_schedule_for_no_session_or_a_bad_date_is_reported(tmp_path: Path) -> None:
    content = load_with(tmp_path, SCHEDULE + "  tree.mutuality: 2027-03-01\n")
    assert [p.line for p in content.problems] == [8]
    assert "not a session" in content.problems[0].problem
    assert not any(x.part_id == "tree.mutuality" for x in content.schedule)
    assert len(content.schedule) == 3

    broken = load_with(tmp_path, SCHEDULE.replace("2027-01-21", "21 January"))
    assert len(broken.problems) == 1 and broken.problems[0].line == 6
    assert "2027-01-14 18:30" in str(broken.problems[0])
    assert not broken.schedule  # the pack is skipped whole


def test_coming_up_never_shows_a_date_as_late(content: m.Content) -> None:
    own: dict[str, str | None] = {
        "m1.s1": "2026-12-01 18:30",
        "m1.s2": "2026-12-08 18:30",
        "course.s01": "2026-12-08",
        "m1.s3": "2026-12-15",
    }
    every = s.sessions(content, own)

    def names(now: datetime) -> list[str]:
        return [x.part.id for x in s.coming_up(every, now)]

    assert names(datetime(2026, 12, 5, 9)) == ["course.s01", "m1.s2", "m1.s3"]
    # The session's day: still coming up all day, even after its time.
    assert names(datetime(2026, 12, 8, 21)) == ["course.s01", "m1.s2", "m1.s3"]
    assert names(datetime(2026, 12, 9, 0, 1)) == ["m1.s3"]
    assert names(datetime(2027, 1, 1)) == []
    assert s.days_until(s.When(date(2026, 12, 8)), datetime(2026, 12, 5, 23, 59)) == 3


def test_preparation_counts_the_questions_not_the_lessons(services: Services) -> None:
    content = services.content
    course = content.part("course.s01")
    assert course is not None
    prep = s.preparation(course, services.answers.get)
    assert prep.total == len([p for p in course.prompts if p.kind != "lessons"]) == 2
    assert prep.done == 0
    services.answers.save("course.s01.hopes", a.TextAnswer("To listen better."))
    assert s.preparation(course, services.answers.get).done == 1


def test_the_participants_dates_are_kept_encrypted(services: Services) -> None:
    dates = services.sessions
    dates.set("m1.s2", s.When(date(2026, 12, 10), time(18, 30)))
    dates.set("course.s03", s.When(date(2026, 12, 17)))
    assert dates.own() == {"course.s03": "2026-12-17", "m1.s2": "2026-12-10 18:30"}
    dates.set("course.s03", None)
    assert dates.own()["course.s03"] is None
    dates.use_pack_date("course.s03")
    assert "course.s03" not in dates.own()
    with pytest.raises(BadAnswer):
        dates.set("tree.mutuality", s.When(date(2026, 12, 10)))

    services.session.lock()
    for path in services.data.root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for secret in ("2026-12-10", "18:30", "m1.s2"):
                assert secret.encode() not in data, path
                assert secret.encode("utf-16-le") not in data, path
