"""Story assembly (core) and the story service: options, iterations, new drafts, exports."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from peerjournal.core import answers as a
from peerjournal.core import story as st
from peerjournal.core.content import model as m
from peerjournal.core.documents import STORY_DRAFT
from peerjournal.core.errors import NoIteration, UnknownPrompt
from peerjournal.services.container import Services
from tests.conftest import CANARY

STORY_PARTS = [
    "p2p.story.you",
    "p2p.story.beginning",
    "p2p.story.turning-point",
    "p2p.story.journey",
    "p2p.story.thriving",
    "p2p.story.last-thoughts",
]


# -- core -------------------------------------------------------------------------------------


def test_default_options_have_every_section_in_order_and_extras_unticked(
    content: m.Content,
) -> None:
    options = st.default_options(content)
    assert [s.key for s in options.sections] == [*STORY_PARTS, st.EXTRAS_KEY]
    assert all(s.included for s in options.sections[:-1])
    extras = options.section(st.EXTRAS_KEY)
    assert extras is not None and not extras.included
    assert [q.prompt_id for q in extras.questions] == list(st.EXTRA_DEFAULTS)
    assert not any(q.included for q in extras.questions)
    you = options.section("p2p.story.you")
    assert you is not None
    assert you.questions[0].prompt_id == "p2p.story.you.who"


def test_options_json_round_trip_and_leniency(content: m.Content) -> None:
    options = replace(
        st.add_extra(content, st.default_options(content), "m1.s1.positive"),
        title="Where I am",
        name="Zoë",
        blank_space=True,
        conversation_page=True,
        conversation_points=("Boundaries",),
        paper="letter",
    )
    assert st.StoryOptions.from_json(options.to_json()) == options
    assert st.StoryOptions.from_json("nonsense") == st.StoryOptions()
    odd = st.StoryOptions.from_json({"sections": [{"key": 3}, "x"], "paper": "A0", "title": 5})
    assert odd == st.StoryOptions()


def test_normalise_drops_unknown_and_adds_new_questions(content: m.Content) -> None:
    stored = st.StoryOptions(
        sections=(
            st.SectionChoice(
                "p2p.story.beginning",
                True,
                (
                    st.QuestionChoice("p2p.story.beginning.coping", True),
                    st.QuestionChoice("gone.question", True),
                ),
            ),
            st.SectionChoice("gone.section", True, ()),
        )
    )
    options = st.normalise(content, stored)
    keys = [s.key for s in options.sections]
    assert keys[0] == "p2p.story.beginning"
    assert "gone.section" not in keys
    assert set(keys) == {*STORY_PARTS, st.EXTRAS_KEY}
    beginning = options.sections[0]
    ids = [q.prompt_id for q in beginning.questions]
    assert ids[0] == "p2p.story.beginning.coping"  # the participant's order is kept
    assert "gone.question" not in ids
    assert len(ids) == 6


def test_assemble_follows_the_choices_and_order(content: m.Content) -> None:
    answers = {
        "p2p.story.you.who": "Siân.",
        "p2p.story.you.love": "Walking.",
        "p2p.story.last-thoughts.role": "Hopeful.",
        "m1.s3.values": "1. **Honesty**",
        "p2p.stocktake.discuss": "Sharing.",
    }
    options = st.default_options(content)
    last = options.section("p2p.story.last-thoughts")
    you = options.section("p2p.story.you")
    assert last is not None and you is not None
    reordered_you = replace(you, questions=tuple(reversed(you.questions)))
    others = [s for s in options.sections if s.key not in (last.key, you.key)]
    options = replace(options, sections=(last, reordered_you, *others))
    options = st.add_extra(content, options, "m1.s3.values")
    doc = st.assemble(content, lambda p: answers.get(p, ""), options)
    assert [s.key for s in doc.sections] == ["p2p.story.last-thoughts", "p2p.story.you", "extras"]
    assert [e.prompt_id for e in doc.sections[1].entries] == [
        "p2p.story.you.love",
        "p2p.story.you.who",
    ]
    assert doc.sections[2].entries[0].question == "My top values"
    assert doc.title == st.DEFAULT_TITLE
    assert not doc.conversation_page and doc.discuss_note == ""
    blank = st.assemble(
        content,
        lambda p: answers.get(p, ""),
        replace(options, blank_space=True, conversation_page=True),
    )
    assert len(blank.sections[1].entries) == 5
    assert blank.sections[1].entries[0].blank
    assert blank.discuss_note == "Sharing."


def test_add_extra_refuses_unknown_prompts(content: m.Content) -> None:
    with pytest.raises(UnknownPrompt):
        st.add_extra(content, st.StoryOptions(), "no.such.prompt")


def test_document_json_round_trip(content: m.Content) -> None:
    doc = st.assemble(
        content,
        lambda p: "Words “quoted” — Łukasz" if p.endswith(".who") else "",
        replace(st.default_options(content), conversation_page=True, conversation_points=("x",)),
        today=date(2026, 2, 3),
    )
    assert st.StoryDocument.from_json(doc.to_json()) == doc
    with pytest.raises(ValueError):
        st.StoryDocument.from_json({"title": "x"})


# -- service ----------------------------------------------------------------------------------


def _answer(services: Services, prompt_id: str, text: str) -> None:
    services.answers.save(prompt_id, a.TextAnswer(text), fold=False)


def test_options_are_kept_encrypted_in_the_draft_document(services: Services) -> None:
    story = services.story
    assert story.options() == st.default_options(services.content)
    chosen = replace(story.options(), title=CANARY, name="Siân")
    story.save_options(options=chosen)
    assert story.options() == chosen
    stored = services.session.vault.get(STORY_DRAFT)
    assert stored is not None and stored.body.value == chosen.to_json()
    raw = services.data.vault.read_bytes()
    assert CANARY.encode() not in raw
    assert b"canary-7f3a" not in raw


def test_iterations_are_named_dated_immutable_and_comparable(services: Services) -> None:
    story = services.story
    _answer(services, "p2p.story.you.who", "I was stuck.")
    first = story.save_iteration(name="  First   go ")
    assert first.number == 1 and first.name == "First go"
    _answer(services, "p2p.story.you.who", "I was moving.")
    second = story.save_iteration(name="Second")
    assert [(i.number, i.name) for i in story.iterations()] == [(1, "First go"), (2, "Second")]
    again = story.iteration(number=1)
    assert again.document.entries[0].answer == "I was stuck."
    assert again.document.iteration == 1
    assert second.document.entries[0].answer == "I was moving."
    diff = story.diff(old=1, new=2)
    (changed,) = diff.changes
    assert changed.removed == ("stuck",) and changed.added == ("moving",)
    assert story.diff(old=2, new=None).unchanged
    with pytest.raises(NoIteration):
        story.iteration(number=9)


def test_new_draft_from_an_iteration_restores_options_and_optionally_answers(
    services: Services,
) -> None:
    story = services.story
    _answer(services, "p2p.story.you.who", "Then.")
    old_options = replace(story.options(), title="Back then", blank_space=True)
    story.save_options(options=old_options)
    story.save_iteration(name="Then")
    story.save_options(options=replace(old_options, title="Now", blank_space=False))
    _answer(services, "p2p.story.you.who", "Now.")
    restored = story.new_draft_from(number=1)
    assert restored == []
    assert story.options() == old_options
    assert services.answers.text_of("p2p.story.you.who") == "Now."
    restored = story.new_draft_from(number=1, restore_answers=True)
    assert restored == ["p2p.story.you.who"]
    assert services.answers.text_of("p2p.story.you.who") == "Then."
    history = [v.answer for v in services.answers.history("p2p.story.you.who")]
    assert a.TextAnswer("Now.") in history  # today's words stay in the history


def test_builds_for_the_draft_and_an_iteration(services: Services) -> None:
    story = services.story
    _answer(services, "p2p.story.you.who", "Siân, then.")
    story.save_iteration(name="Then")
    _answer(services, "p2p.story.you.who", "Siân, now.")
    draft = PdfReader(io.BytesIO(story.build_pdf(paper="letter")))
    text = " ".join(p.extract_text() for p in draft.pages)
    assert "Siân, now." in text and "Iteration" not in text
    assert round(float(draft.pages[0].mediabox.width)) == 612
    old = PdfReader(io.BytesIO(story.build_pdf(iteration=1)))
    old_text = " ".join(p.extract_text() for p in old.pages)
    assert "Siân, then." in old_text and "Iteration 1: Then" in old_text
    assert "Siân, now." in story.build_markdown()
    assert "Iteration 1: Then" in story.build_markdown(iteration=1)
    assert story.workbook_pdf().startswith(b"%PDF")
    assert "Siân, now." in story.workbook_markdown()
    services.answers.save("p2p.stocktake.ladder", a.LadderAnswer(4))
    assert story.stocktake_pdf().startswith(b"%PDF")
    assert "Accepting help, 4" in story.stocktake_markdown()
