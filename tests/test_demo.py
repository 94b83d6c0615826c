"""The demo journal: built through the real services, complete, dated, and quick."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from peerjournal.core import answers as a
from peerjournal.core import progress as pr
from peerjournal.core import story as st
from peerjournal.core.content.model import Content, LessonsPrompt
from peerjournal.core.language import find_phrases
from peerjournal.services.container import Services, build_services
from peerjournal.services.demo import (
    DEMO_PASSPHRASE,
    DemoDataError,
    build_demo,
    demo_folder,
    demo_yaml,
    load_demo,
)

SHIPPED_PACKS = ("tree", "preparing-p2p", "module-1", "course", "ips")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    root = tmp_path_factory.mktemp("demo")
    services = build_demo(root)
    yield services
    services.session.close()


@pytest.fixture(scope="module")
def demo(built: Services) -> Services:
    return built


def test_the_demo_builds_and_is_left_unlocked(built: Services) -> None:
    services = built
    assert services.session.unlocked
    assert services.session.clock().date() >= date(2026, 11, 24)


def test_every_answerable_prompt_in_the_shipped_packs_has_an_answer(demo: Services) -> None:
    content = demo.content
    assert {p.id for p in content.programmes} >= set(SHIPPED_PACKS)
    missing = [
        p.id
        for p in content.prompts()
        if not isinstance(p, LessonsPrompt)
        and not ((got := demo.answers.get(p.id)) is not None and a.is_answered(got))
    ]
    assert missing == []
    lookup = demo.answers.get
    for programme in content.programmes:
        if programme.id != "course":  # its lessons run from done to not started
            assert pr.programme_progress(programme, lookup).fraction == 1.0, programme.id
        for part in programme.parts:
            answerable = [p for p in part.prompts if not isinstance(p, LessonsPrompt)]
            if answerable:
                done = sum(1 for p in answerable if a.is_answered(lookup(p.id) or a.empty_for(p)))
                assert done == len(answerable), part.id


def test_course_lessons_run_from_complete_to_not_started(demo: Services) -> None:
    course = demo.content.programme("course")
    assert course is not None
    sessions = [pr.part_progress(part, demo.answers.get) for part in course.parts]
    assert all(s.unit == "done" for s in sessions)  # lessons and questions together
    assert sessions[0].done == sessions[0].total
    assert sessions[1].done == sessions[1].total
    assert any(0 < s.done < s.total for s in sessions)
    last = course.parts[-1]
    lessons = demo.answers.get(f"{last.id}.lessons")
    assert lessons is None or not getattr(lessons, "done", ())  # none of its lessons yet
    assert sessions[-1].done == sessions[-1].total - 2  # only its questions are answered


def test_the_ladder_climbs_over_time_with_a_dip(demo: Services) -> None:
    history = demo.answers.ladder_history(st.LADDER_ID)
    rungs = [rung for _when, rung in history]
    assert len(history) >= 6
    assert rungs[0] <= 3 and rungs[-1] >= 7
    assert any(later < earlier for earlier, later in itertools.pairwise(rungs))
    days = [when.date() for when, _rung in history]
    assert days == sorted(days)
    assert (days[-1] - days[0]).days > 365


def test_structured_answers_have_their_shapes(demo: Services) -> None:
    strengths = demo.answers.get(st.STRENGTHS_ID)
    assert isinstance(strengths, a.ChooseAnswer) and len(strengths.chosen) == 8
    values = demo.answers.get(st.VALUES_ID)
    assert isinstance(values, a.RankedAnswer) and len(values.items) == 5
    assert all(item.note for item in values.items)
    table = demo.answers.get("m1.s2.principles")
    assert isinstance(table, a.TableAnswer) and len(table.notes) == 8
    spectrum = demo.answers.get("m1.s2.relationship-spectrum")
    assert isinstance(spectrum, a.SpectrumAnswer) and len(spectrum.positions) == 8
    checklist = demo.answers.get(st.CHECKLIST_ID)
    assert isinstance(checklist, a.ChecklistAnswer)
    states = {item.state for _q, item in checklist.items}
    assert states == {a.Check.YES, a.Check.NOT_YET}


def test_some_answers_have_earlier_versions(demo: Services) -> None:
    with_history = [p.id for p in demo.content.prompts() if len(demo.answers.history(p.id)) >= 2]
    assert len(with_history) >= 10
    assert "m1.s1.challenging" in with_history


def test_two_story_versions_a_year_apart_differ_meaningfully(demo: Services) -> None:
    iterations = demo.story.iterations()
    assert len(iterations) == 2
    assert (iterations[1].saved - iterations[0].saved).days >= 300
    diff = demo.story.diff(old=iterations[0].number, new=iterations[1].number)
    assert not diff.unchanged
    assert diff.title_change == ("My recovery story", "From surviving to growing")
    changes = {e.change.value for e in diff.changes}
    assert {"changed", "added"} <= changes
    assert len(diff.changes) >= 20


def test_recovery_language_changes_between_the_two_versions(demo: Services) -> None:
    phrases = demo.content.phrases
    first, second = (demo.story.iteration(number=it.number) for it in demo.story.iterations())
    found_first = [m.find for e in first.document.entries for m in find_phrases(e.answer, phrases)]
    found_now = [m.find for e in second.document.entries for m in find_phrases(e.answer, phrases)]
    assert found_first, "the first draft should show language the checker points out"
    assert found_now == []


def test_story_options_title_name_extras_and_conversation_page(demo: Services) -> None:
    options = demo.story.options()
    assert options.title == "From surviving to growing"
    assert options.name == "Sam"
    extras = options.section(st.EXTRAS_KEY)
    assert extras is not None and extras.included
    ticked = {q.prompt_id for q in extras.questions if q.included}
    assert {st.LADDER_ID, st.STRENGTHS_ID} <= ticked
    assert options.conversation_page and len(options.conversation_points) == 2
    document = demo.story.assemble()
    assert document.discuss_note


def test_daily_pages_are_spread_over_recent_months(demo: Services) -> None:
    days = demo.pages.days()
    assert 20 <= len(days) <= 30
    assert max(days) < date(2026, 11, 24)
    assert (max(days) - min(days)).days >= 60
    assert all(demo.pages.get(day).strip() for day in days)


def test_pages_that_answer_the_prompt_of_the_day_still_match_it(demo: Services) -> None:
    answering = [page for page in load_demo(demo.content).pages if page.prompt]
    assert len(answering) >= 10
    for page in answering:
        assert page.prompt == demo.pages.prompt_for(page.day), page.day


def test_own_contacts_and_search_find_the_people(demo: Services) -> None:
    own = demo.contacts.own()
    assert 2 <= len(own) <= 3
    assert any("Siân" in c.name for c in own)
    assert demo.search.search("Siân")
    assert demo.search.search("Łukasz")
    assert demo.search.search("zoe")


def test_the_vault_checks_clean_and_the_story_pdf_builds(demo: Services) -> None:
    report = demo.session.vault.check()
    assert report.ok, report.damaged
    assert report.checked["iterations"] == 2
    pdf = demo.story.build_pdf()
    assert pdf.startswith(b"%PDF-")
    assert demo.story.build_pdf(iteration=1).startswith(b"%PDF-")


def test_the_demo_reopens_with_its_passphrase(tmp_path: Path, content: Content) -> None:
    services = build_demo(tmp_path, content=content)
    services.session.close()
    again = build_services(tmp_path, content=content)
    again.session.unlock(DEMO_PASSPHRASE)
    try:
        assert len(again.pages.days()) >= 20
        assert len(again.story.iterations()) == 2
    finally:
        again.session.close()


def test_demo_folder_is_fresh_and_empty() -> None:
    one, two = demo_folder(), demo_folder()
    try:
        assert one != two
        assert one.is_dir() and not any(one.iterdir())
        assert one.name.startswith("peerjournal-demo-")
    finally:
        one.rmdir()
        two.rmdir()


def test_the_yaml_ships_inside_the_package() -> None:
    assert resources.files("peerjournal.services").joinpath("demo_answers.yaml").is_file()
    root = Path(__file__).resolve().parent.parent
    assert '"peerjournal.services" = ["*.yaml"]' in (root / "pyproject.toml").read_text()
    assert "demo_answers.yaml" in (root / "packaging" / "peerjournal.spec").read_text()


# -- the YAML is checked against the content -------------------------------------------------


def _edited(old: str, new: str) -> bytes:
    text = demo_yaml().decode("utf-8")
    assert old in text
    return text.replace(old, new, 1).encode("utf-8")


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("      tree.mutuality.roots: |", "      tree.mutuality.rootz: |", "no question"),
        ("  tree.mutuality:\n", "  tree.mutualityy:\n", "no part"),
        ("      m1.s1.positive: >-", "      m1.s2.uniqueness: >-", "reading"),
        ("      m1.s1.positive: >-", "      m1.s2.principles: >-", "not in the part"),
        ("learner, curious]", "learner, juggler]", "not one of the choices"),
        ("        expert: 70", "        expert: 170", "0 to 100"),
        ("            rung: 3\n", "            rung: 11\n", "rungs 1 to 10"),
        ("      course.s06.lessons: 1", "      course.s06.lessons: 4", "from 0 to 1"),
        ("            state: not_yet\n", "            state: maybe\n", "'yes' or 'not_yet'"),
        ("  title: From surviving", "  titel: From surviving", "'titel' is not expected"),
        ("  extras: [p2p.stocktake.ladder,", "  extras: [p2p.stocktake.lader,", "no question"),
        ("  - date: 2026-11-23\n", "  - date: 2026-11-25\n", "before the demo's today"),
        ("  - date: 2026-11-23\n", "  - date: 2026-11-19\n", "already a page"),
        ("            answer: Getting back to how", "            answer2: Getting back", "answer2"),
    ],
)
def test_the_yaml_is_checked_against_the_content(
    content: Content, old: str, new: str, problem: str
) -> None:
    with pytest.raises(DemoDataError, match=r"line [0-9]+") as caught:
        load_demo(content, _edited(old, new))
    assert problem in str(caught.value)


def test_a_key_given_twice_is_refused(content: Content) -> None:
    raw = _edited(
        "      tree.mutuality.roots: |",
        "      tree.mutuality.difference: Twice.\n      tree.mutuality.roots: |",
    )
    with pytest.raises(DemoDataError, match="appears twice"):
        load_demo(content, raw)


def test_versions_out_of_order_are_refused(content: Content) -> None:
    raw = _edited("          - date: 2026-01-13\n", "          - date: 2026-05-13\n")
    with pytest.raises(DemoDataError, match="after the one before"):
        load_demo(content, raw)


def test_the_shipped_yaml_names_only_ids_that_exist(content: Content) -> None:
    journal = load_demo(content)
    assert all(content.prompt(pid) is not None for pid in journal.answers)
    assert len(journal.iterations) == 2
