"""The shipped content packs carry the programme material faithfully.

The workbook's questions must be word for word (whitespace aside) so a participant
can move between the paper workbook and the app. ``data/seed_questions.txt`` is the
hand-built list of every question and answerable statement of seeds 001 (Module 1)
and 002 (Preparing for Peer 2 Peer); the rest checks the structure the app relies
on: the tree, the ladder, the strengths, the course sessions, the story sections.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from peerjournal.core.content import model as m
from peerjournal.core.content.loader import load_content, pack_files, shipped_packs_dir

SEED_QUESTIONS = Path(__file__).parent / "data" / "seed_questions.txt"


def norm(text: str) -> str:
    return " ".join(text.split())


def read_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in SEED_QUESTIONS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
            continue
        assert current is not None, f"a line before any section: {line!r}"
        current.append(norm(line))
    return sections


def pairs(lines: list[str]) -> list[tuple[str, str]]:
    out = []
    for line in lines:
        left, sep, right = line.partition(" | ")
        assert sep, f"not a pair: {line!r}"
        out.append((left, right))
    return out


def texts_of(programme: m.Programme) -> Counter[str]:
    """Every question-like text a participant sees in a programme, normalised."""
    found: list[str] = []
    for prompt in programme.prompts:
        found.append(prompt.text)
        if isinstance(prompt, m.LadderPrompt):
            found.extend(r.statement for s in prompt.stages for r in s.rungs)
        elif isinstance(prompt, m.ChecklistPrompt):
            found.extend(q.text for q in prompt.questions)
        elif isinstance(prompt, m.SpectrumPrompt):
            found.extend(t for row in prompt.rows for t in (row.left, row.right))
        elif isinstance(prompt, m.TablePrompt):
            found.extend(c for row in prompt.rows for c in row.cells)
        elif isinstance(prompt, m.ChoosePrompt):
            found.extend(t for o in prompt.options() for t in (o.label, o.description))
    return Counter(norm(t) for t in found if t)


def only(programme: m.Programme, kind: type[m.Prompt]) -> list[m.Prompt]:
    return [p for p in programme.prompts if isinstance(p, kind)]


@pytest.fixture(scope="module")
def content() -> m.Content:
    return load_content()


@pytest.fixture(scope="module")
def sections() -> dict[str, list[str]]:
    return read_sections()


def programme(content: m.Content, pack_id: str) -> m.Programme:
    found = content.programme(pack_id)
    assert found is not None, f"the pack '{pack_id}' did not load"
    return found


def test_the_shipped_packs_load_without_problems(content: m.Content) -> None:
    assert content.problems == ()
    assert [p.id for p in content.programmes] == [
        "tree",
        "preparing-p2p",
        "module-1",
        "course",
        "ips",
    ]


def test_the_seed_list_is_complete(sections: dict[str, list[str]]) -> None:
    assert len(sections["p2p-questions"]) == 5 + 6 + 6 + 5 + 5 + 1 + 5 + 3
    assert len(sections["p2p-rungs"]) == 1 + 10
    assert len(sections["p2p-checklist"]) == 1 + 5
    assert len(sections["m1-questions"]) == 6 + 2 + 1 + 3 + 2 + 3
    assert len(sections["m1-aims"]) == 12
    assert len(sections["m1-spectrum"]) == 8
    assert len(sections["m1-principles"]) == 8
    assert len(sections["m1-strengths"]) == 28


@pytest.mark.parametrize(
    ("pack_id", "section"),
    [
        ("preparing-p2p", "p2p-questions"),
        ("preparing-p2p", "p2p-rungs"),
        ("preparing-p2p", "p2p-checklist"),
        ("module-1", "m1-questions"),
    ],
)
def test_every_seed_question_is_there_word_for_word(
    content: m.Content, sections: dict[str, list[str]], pack_id: str, section: str
) -> None:
    have = texts_of(programme(content, pack_id))
    missing = [text for text, times in Counter(sections[section]).items() if have[text] < times]
    assert missing == []


@pytest.mark.parametrize(
    ("pack_id", "section"), [("preparing-p2p", "p2p-questions"), ("module-1", "m1-questions")]
)
def test_the_workbook_packs_ask_only_the_workbook_questions(
    content: m.Content, sections: dict[str, list[str]], pack_id: str, section: str
) -> None:
    asked = Counter(norm(p.text) for p in only(programme(content, pack_id), m.TextPrompt))
    listed = Counter(sections[section])
    invented = [text for text, times in asked.items() if times > listed[text]]
    assert invented == []


def test_the_ladder_has_ten_rungs_in_five_stages(
    content: m.Content, sections: dict[str, list[str]]
) -> None:
    ladder = content.prompt("p2p.stocktake.ladder")
    assert isinstance(ladder, m.LadderPrompt)
    assert ladder.rung_count == 10
    assert [(s.id, s.label, len(s.rungs)) for s in ladder.stages] == [
        ("stuck", "Stuck", 2),
        ("accepting-help", "Accepting help", 2),
        ("believing", "Believing", 2),
        ("learning", "Learning", 2),
        ("self-reliance", "Self reliance", 2),
    ]
    rungs = [r for s in ladder.stages for r in s.rungs]
    assert [r.number for r in rungs] == list(range(1, 11))
    assert [norm(r.statement) for r in rungs] == sections["p2p-rungs"][1:]
    assert norm(ladder.text) == sections["p2p-rungs"][0]
    for stage in ladder.stages:
        use = content.prompt(f"p2p.stocktake.{stage.id}.use")
        assert isinstance(use, m.TextPrompt)
        assert use.label == stage.label
        assert use.text == (
            "How can you use this in a positive way in your role/emerging role in peer support?"
        )
    for closing in ("discovered", "positive", "discuss"):
        assert isinstance(content.prompt(f"p2p.stocktake.{closing}"), m.TextPrompt)


def test_the_language_and_impact_checklist(
    content: m.Content, sections: dict[str, list[str]]
) -> None:
    checklist = content.prompt("p2p.story.language.checklist")
    assert isinstance(checklist, m.ChecklistPrompt)
    assert norm(checklist.text) == sections["p2p-checklist"][0]
    assert [norm(q.text) for q in checklist.questions] == sections["p2p-checklist"][1:]


def test_the_story_sections_are_in_order(content: m.Content) -> None:
    assert [p.id for p in content.story_sections()] == [
        "p2p.story.you",
        "p2p.story.beginning",
        "p2p.story.turning-point",
        "p2p.story.journey",
        "p2p.story.thriving",
        "p2p.story.last-thoughts",
    ]
    language = content.part("p2p.story.language")
    assert language is not None
    assert not language.story_section
    p2p = programme(content, "preparing-p2p")
    story = [p for p in p2p.parts if p.id.startswith("p2p.story.")]
    assert [p.id for p in story][-2:] == ["p2p.story.language", "p2p.story.last-thoughts"]
    assert {p.group for p in story} == {"Personal Recovery Story"}
    assert all(p.intro for p in story)
    stocktake = content.part("p2p.stocktake")
    assert stocktake is not None
    assert stocktake.group == "Reflective Activity 1"


def test_module_1_aims(content: m.Content, sections: dict[str, list[str]]) -> None:
    aims = [
        norm(aim)
        for part_id in ("m1.s1", "m1.s2", "m1.s3", "m1.s4")
        for aim in (content.part(part_id) or pytest.fail(part_id)).aims
    ]
    assert aims == sections["m1-aims"]


def test_module_1_session_1_has_six_questions(content: m.Content) -> None:
    part = content.part("m1.s1")
    assert part is not None
    assert len(part.prompts) == 6


def test_the_helper_peer_spectrum(content: m.Content, sections: dict[str, list[str]]) -> None:
    spectrum = content.prompt("m1.s2.relationship-spectrum")
    assert isinstance(spectrum, m.SpectrumPrompt)
    assert spectrum.left_label == "Helper type relationship"
    assert spectrum.right_label == "Mutually empowering peer relationship"
    assert [(norm(r.left), norm(r.right)) for r in spectrum.rows] == pairs(sections["m1-spectrum"])


def test_the_principles_table(content: m.Content, sections: dict[str, list[str]]) -> None:
    table = content.prompt("m1.s2.principles")
    assert isinstance(table, m.TablePrompt)
    assert table.columns == ("Principle", "Feature")
    assert table.notes_label == "What does this mean for boundaries?"
    assert [tuple(norm(c) for c in r.cells) for r in table.rows] == pairs(sections["m1-principles"])
    assert [r.id for r in table.rows][:2] == ["mutual", "reciprocal"]


def test_the_strengths(content: m.Content, sections: dict[str, list[str]]) -> None:
    strengths = content.prompt("m1.s4.strengths")
    assert isinstance(strengths, m.ChoosePrompt)
    assert strengths.choose == 8
    assert [(d.id, d.title, len(d.options)) for d in strengths.domains] == [
        ("executing", "Executing", 7),
        ("influencing", "Influencing", 7),
        ("relationship-building", "Relationship building", 7),
        ("strategic-thinking", "Strategic thinking", 7),
    ]
    assert [(norm(o.label), norm(o.description)) for o in strengths.options()] == pairs(
        sections["m1-strengths"]
    )
    for option in strengths.options():
        assert "  " not in option.description


def test_values_and_transactional_analysis(content: m.Content) -> None:
    values = content.prompt("m1.s3.values")
    assert isinstance(values, m.RankedPrompt)
    assert values.count == 5
    assert values.item_label == "Value"
    assert values.note_label == "What it means to me in peer support"
    labels = {}
    for prompt_id in ("m1.s3.ta-parent", "m1.s3.ta-child", "m1.s3.ta-adult"):
        prompt = content.prompt(prompt_id)
        assert isinstance(prompt, m.TextPrompt)
        labels[prompt_id] = prompt.label
    assert labels == {
        "m1.s3.ta-parent": "Parent states",
        "m1.s3.ta-child": "Child states",
        "m1.s3.ta-adult": "Adult",
    }


def test_no_seed_typo_survives(content: m.Content) -> None:
    module = programme(content, "module-1")
    everything = " ".join(
        [part.intro for part in module.parts]
        + [i.body for part in module.parts for i in part.items if isinstance(i, m.Reading)]
        + list(texts_of(module))
    )
    for typo in ("NATRUAL", "PARTICPIANT", "gang’when", "in you peer"):
        assert typo not in everything


def test_the_tree(content: m.Content) -> None:
    spots = {p.id: (p.tree.place.value, p.tree.slot) for p in content.tree_parts() if p.tree}
    assert spots == {
        "tree.mutuality": ("roots", 1),
        "tree.inter-view": ("trunk", 1),
        "tree.self-view": ("trunk", 2),
        "tree.life-view": ("trunk", 3),
        "tree.co-operation": ("branches", 1),
        "tree.co-education": ("branches", 2),
        "tree.co-action": ("branches", 3),
        "tree.co-reflection": ("branches", 4),
        "tree.co-progression": ("branches", 5),
        "tree.purposefulness": ("crown", 1),
    }
    for part in programme(content, "tree").parts:
        assert part.intro
        assert 3 <= len(part.prompts) <= 5
        assert all(isinstance(p, m.TextPrompt) for p in part.prompts)


def test_the_course_sessions(content: m.Content) -> None:
    course = programme(content, "course")
    sessions = [(p.id, p.title) for p in course.parts]
    assert sessions == [
        ("course.s01", "Introduction"),
        ("course.s02", "What is Recovery?"),
        ("course.s03", "Personal Recovery"),
        ("course.s04", "What is Peer Support?"),
        ("course.s05", "The Peer Relationship"),
        ("course.s06", "Review and Evaluation"),
        ("course.s07", "Use of Language and Communications"),
        ("course.s08", "Using Your Experiences Effectively"),
        ("course.s09", "Surviving and Thriving"),
        ("course.s10", "Positive Risk Taking and Boundaries"),
        ("course.s11", "Review and Evaluation"),
        ("course.s12", "Useful Resources"),
    ]
    counts = []
    for part in course.parts:
        lessons = content.prompt(f"{part.id}.lessons")
        assert isinstance(lessons, m.LessonsPrompt)
        counts.append(lessons.count)
        assert part.intro
        assert any(isinstance(p, m.TextPrompt) for p in part.prompts)
    assert counts == [11, 6, 5, 7, 7, 1, 10, 7, 11, 10, 3, 2]
    session_9 = content.part("course.s09")
    assert session_9 is not None
    assert sum(isinstance(p, m.TextPrompt) for p in session_9.prompts) == 3
    readings = norm(
        " ".join(
            re.sub(r"^> ?", "", i.body, flags=re.MULTILINE)
            for i in session_9.items
            if isinstance(i, m.Reading)
        )
    )
    assert DEEGAN in readings
    assert "Pat Deegan" in readings
    assert SLADE in readings


DEEGAN = (
    "[Strengths based practice is] ‘a powerful antidote to the high cost of the deficits "
    "approach. In this model, strength is not constructed as some superheroic state of "
    "invulnerability. Rather, we learn that even when people present with obvious "
    "vulnerabilities, they also have strengths. Their strengths are in their passions, in "
    "their skills, in their interest in their relationships and in their environments. If "
    "mental health practitioners look for strengths, they will find them.’ "
    "(Rapp, C A and Goscha, R)."
)
SLADE = (
    "‘Language shapes how we see and construct the world, it is important to consider how "
    "language can encourage recovery i.e. to use shorthands which foster rather than "
    "inhibit the recovery journey.’ (Slade M, 2010)"
)


def test_daily_prompts_phrases_and_contacts(content: m.Content) -> None:
    assert len(content.daily_prompts) >= 30
    assert len(set(content.daily_prompts)) == len(content.daily_prompts)
    assert len(content.phrases) >= 25
    assert {"suffer from", "suffers from", "committed suicide"} <= {p.find for p in content.phrases}
    finds = [p.find.lower() for p in content.phrases]
    assert len(set(finds)) == len(finds)
    assert "committed suicide" in finds
    contacts = {c.name: c.detail for c in content.contacts}
    assert contacts["Samaritans"] == "116 123"
    assert contacts["NHS 111"] == "111"
    assert contacts["Emergency"] == "999"


def test_all_ids_are_unique(content: m.Content) -> None:
    ids: list[str] = []
    for path in pack_files(shipped_packs_dir()):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        ids.append(data["id"])
    for prog in content.programmes:
        for part in prog.parts:
            ids.append(part.id)
            ids.extend(item.id for item in part.items)
            for prompt in part.prompts:
                inner: list[str] = []
                if isinstance(prompt, m.LadderPrompt):
                    inner = [s.id for s in prompt.stages]
                elif isinstance(prompt, m.ChoosePrompt):
                    inner = [d.id for d in prompt.domains] + [o.id for o in prompt.options()]
                elif isinstance(prompt, (m.TablePrompt, m.SpectrumPrompt)):
                    inner = [r.id for r in prompt.rows]
                elif isinstance(prompt, m.ChecklistPrompt):
                    inner = [q.id for q in prompt.questions]
                assert len(set(inner)) == len(inner), prompt.id
    duplicated = [i for i, times in Counter(ids).items() if times > 1]
    assert duplicated == []
