"""Services: validation of answers, ladder snapshots, history and restore, progress."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from peerjournal.core import answers as a
from peerjournal.core.content import model as m
from peerjournal.core.errors import BadAnswer, TooLarge, UnknownPrompt, VaultLocked
from peerjournal.core.paths import DataDir, resolve_data_dir
from peerjournal.core.progress import overall_progress, part_progress
from peerjournal.services.container import Services, build_services
from peerjournal.services.pages import preview
from tests.conftest import PASSPHRASE


def test_a_ninth_strength_is_refused(services: Services, content: m.Content) -> None:
    prompt = content.prompt("m1.s4.strengths")
    assert isinstance(prompt, m.ChoosePrompt)
    options = [o.id for o in prompt.options()]
    services.answers.save("m1.s4.strengths", a.ChooseAnswer(tuple(options[:8])))
    with pytest.raises(BadAnswer) as caught:
        services.answers.save("m1.s4.strengths", a.ChooseAnswer(tuple(options[:9])))
    assert "up to 8" in caught.value.message
    saved = services.answers.get("m1.s4.strengths")
    assert isinstance(saved, a.ChooseAnswer) and len(saved.chosen) == 8


@pytest.mark.parametrize(
    ("prompt_id", "answer"),
    [
        ("p2p.stocktake.ladder", a.LadderAnswer(11)),
        ("m1.s3.values", a.RankedAnswer(tuple(a.RankedItem(str(i)) for i in range(6)))),
        ("m1.s2.principles", a.TableAnswer((("nonexistent", "x"),))),
        ("m1.s2.relationship-spectrum", a.SpectrumAnswer((("no-row", 50),))),
        ("m1.s1.positive", a.LadderAnswer(3)),
    ],
)
def test_answers_a_prompt_cannot_hold_are_refused(
    services: Services, prompt_id: str, answer: a.Answer
) -> None:
    with pytest.raises(BadAnswer):
        services.answers.save(prompt_id, answer)
    assert services.answers.get(prompt_id) is None


def test_unknown_prompt(services: Services) -> None:
    with pytest.raises(UnknownPrompt):
        services.answers.save("nope", a.TextAnswer("x"))


def test_a_huge_answer_is_refused_with_its_size(services: Services) -> None:
    with pytest.raises(TooLarge) as caught:
        services.answers.save("m1.s1.positive", a.TextAnswer("x" * (a.MAX_TEXT_CHARS + 1)))
    assert "MB" in caught.value.message


def test_a_ten_megabyte_paste_is_stored_exactly(services: Services) -> None:
    text = ("Zoë’s long paste \u202eRTL\u202c 🌱 \x07 " * 300_000)[:10_000_000]
    services.answers.save("m1.s1.positive", a.TextAnswer(text))
    again = build_services(services.data.root, content=services.content)
    services.session.close()
    again.session.unlock(PASSPHRASE)
    assert again.answers.get("m1.s1.positive") == a.TextAnswer(text)
    again.session.close()


def test_ladder_picks_are_dated_snapshots(data_dir: Path, content: m.Content) -> None:
    now = [datetime(2026, 1, 1, 9, tzinfo=UTC)]
    svc = build_services(data_dir, content=content, clock=lambda: now[0])
    svc.session.unlock(PASSPHRASE)
    svc.answers.save("p2p.stocktake.ladder", a.LadderAnswer(3))
    now[0] += timedelta(minutes=1)
    svc.answers.save("p2p.stocktake.ladder", a.LadderAnswer(4))
    now[0] += timedelta(days=30)
    svc.answers.save("p2p.stocktake.ladder", a.LadderAnswer(6))
    history = svc.answers.ladder_history("p2p.stocktake.ladder")
    assert [rung for _when, rung in history] == [4, 6]
    assert history[1][0] - history[0][0] >= timedelta(days=29)
    svc.session.close()


def test_restoring_an_earlier_version_keeps_everything(services: Services) -> None:
    services.answers.save("m1.s1.positive", a.TextAnswer("first"))
    services.answers.save("m1.s1.positive", a.TextAnswer("second"), fold=False)
    versions = services.answers.history("m1.s1.positive")
    services.answers.restore("m1.s1.positive", versions[0].seq)
    assert services.answers.get("m1.s1.positive") == a.TextAnswer("first")
    texts = [v.answer for v in services.answers.history("m1.s1.positive")]
    assert texts == [a.TextAnswer("first"), a.TextAnswer("second"), a.TextAnswer("first")]


def test_progress_counts_answers_and_lessons(services: Services, content: m.Content) -> None:
    part = content.part("m1.s1")
    course = content.part("course.s01")
    assert part is not None and course is not None
    before = part_progress(part, services.answers.get)
    assert before.done == 0 and before.total == 6
    services.answers.save("m1.s1.positive", a.TextAnswer("yes"))
    services.answers.save("m1.s1.challenging", a.TextAnswer("   "))
    assert part_progress(part, services.answers.get).label() == "1 of 6 answered"
    services.answers.save("course.s01.lessons", a.LessonsAnswer((1, 2, 3)))
    # 11 lessons and 2 questions, each one thing done or not
    assert part_progress(course, services.answers.get).label() == "3 of 13 done"
    overall = overall_progress(content, services.answers.get)
    assert overall.done == 4 and overall.total > 100  # the answer and the three lessons


def test_daily_pages_and_their_prompt(services: Services) -> None:
    day = date(2026, 11, 24)
    assert services.pages.prompt_for(day) == services.pages.prompt_for(day)
    assert services.pages.prompt_for(day) != services.pages.prompt_for(day + timedelta(days=1))
    services.pages.append(day, "Morning.")
    services.pages.append(day, "Evening.")
    assert services.pages.get(day) == "Morning.\n\nEvening."
    assert services.pages.summaries()[0].words == 2


def test_a_page_summary_is_kept_until_its_page_changes(services: Services) -> None:
    """Summaries are made once a page; a save, a lock or a new unlock makes them again."""
    day, other = date(2026, 11, 24), date(2026, 11, 20)
    services.pages.save(day, "one two")
    services.pages.save(other, "far back")
    first = services.pages.summaries()
    assert [(s.day, s.words) for s in first] == [(day, 2), (other, 2)]
    assert services.pages.summaries()[1] is first[1]  # kept, not counted again
    services.pages.save(day, "one two three")
    assert services.pages.summary(day) == services.pages.summaries()[0]
    assert services.pages.summaries()[0].words == 3 and services.pages.summaries()[0].preview == (
        "one two three"
    )
    services.pages.save(other, "   ")
    assert services.pages.summary(other) is None
    assert [s.day for s in services.pages.summaries()] == [day]
    services.session.lock()
    services.session.unlock(PASSPHRASE)
    assert [(s.day, s.words) for s in services.pages.summaries()] == [(day, 3)]


def test_locked_services_refuse_to_read(services: Services) -> None:
    services.answers.save("m1.s1.positive", a.TextAnswer("private"))
    services.session.lock()
    with pytest.raises(VaultLocked):
        services.answers.get("m1.s1.positive")
    with pytest.raises(VaultLocked):
        services.search.search("private")
    services.session.unlock(PASSPHRASE)
    assert services.answers.get("m1.s1.positive") == a.TextAnswer("private")


def test_data_folder_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PEERJOURNAL_DATA_DIR", raising=False)
    assert resolve_data_dir(None).name == "peerjournal"
    monkeypatch.setenv("PEERJOURNAL_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir(None) == tmp_path / "env"
    assert resolve_data_dir(str(tmp_path / "arg")) == tmp_path / "arg"
    assert DataDir(tmp_path).vault == tmp_path / "journal.db"


@given(
    hs.text(alphabet=hs.sampled_from([*"ab Zoë\n\t", "\u00a0", "\u2003"]), max_size=900),
    hs.integers(min_value=1, max_value=200),
)
@settings(max_examples=400)
def test_a_page_preview_is_the_start_of_its_words_joined(text: str, chars: int) -> None:
    """Read from the page's head alone, it is what splitting the whole page gives."""
    assert preview(text, chars) == " ".join(text.split())[:chars]
