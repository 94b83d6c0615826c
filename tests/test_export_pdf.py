"""The story, workbook and stocktake PDFs: text, fonts, pages, metadata, robustness."""

from __future__ import annotations

import io
import re
import signal
from collections.abc import Mapping
from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from peerjournal.core import story as st
from peerjournal.core.content import model as m
from peerjournal.export import fonts
from peerjournal.export.story import story_markdown, story_pdf
from peerjournal.export.workbook import ladder_chart, stocktake_pdf, workbook_pdf

ANSWERS = {
    "p2p.story.you.who": "I am Siân, and my partner is Zoë.",
    "p2p.story.you.matters": "My friend Łukasz says “keep going” — and I do.",
    "p2p.story.beginning.aware": "It began in 2015 – slowly, then all at once.",
    "p2p.story.turning-point.first-steps": "I asked for help. That was the first step.",
    "p2p.story.last-thoughts.role": "Hopeful, and ready to walk alongside someone.",
}


def _reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in _reader(pdf).pages]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _fonts(pdf: bytes) -> set[str]:
    names: set[str] = set()
    for page in _reader(pdf).pages:
        resources = page["/Resources"].get_object()
        assert isinstance(resources, DictionaryObject)
        for font in resources.get("/Font", DictionaryObject()).get_object().values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def _doc(content: m.Content, answers: Mapping[str, str], **options: object) -> st.StoryDocument:
    opts = st.StoryOptions(**options)  # type: ignore[arg-type]  # the tests pass real fields
    return st.assemble(content, lambda pid: answers.get(pid, ""), opts, today=date(2026, 11, 24))


def test_every_chosen_answer_is_in_the_pdf_whole_with_its_accents(content: m.Content) -> None:
    pdf = story_pdf(_doc(content, ANSWERS, name="Siân Evans"))
    text = _flat(" ".join(_pages(pdf)))
    for answer in ANSWERS.values():
        assert _flat(answer) in text
    for section in ("Introduction to you", "The beginning", "The turning point", "Last thoughts"):
        assert section in text
    assert "Siân Evans" in text
    assert "24 November 2026" in text


def test_sections_and_questions_left_out_are_not_printed(content: m.Content) -> None:
    options = st.default_options(content)
    beginning = options.section("p2p.story.beginning")
    you = options.section("p2p.story.you")
    assert beginning is not None and you is not None
    options = options.with_section(st.SectionChoice(beginning.key, False, beginning.questions))
    options = options.with_section(
        st.SectionChoice(
            you.key,
            True,
            tuple(
                st.QuestionChoice(q.prompt_id, q.prompt_id != "p2p.story.you.matters")
                for q in you.questions
            ),
        )
    )
    doc = st.assemble(content, lambda pid: ANSWERS.get(pid, ""), options)
    text = _flat(" ".join(_pages(story_pdf(doc))))
    assert "The beginning" not in text
    assert _flat(ANSWERS["p2p.story.beginning.aware"]) not in text
    assert "Łukasz" not in text
    assert "What matters to you?" not in text
    assert _flat(ANSWERS["p2p.story.you.who"]) in text
    # Unanswered questions are left out by default.
    assert "What do you love doing?" not in text


def test_blank_space_prints_unanswered_questions(content: m.Content) -> None:
    doc = _doc(content, ANSWERS, blank_space=True)
    text = _flat(" ".join(_pages(story_pdf(doc))))
    assert "What do you love doing?" in text
    assert "How are you regulating your thoughts, behaviours and emotions?" in text


def test_page_numbers_count_every_page(content: m.Content) -> None:
    long = "\n\n".join(
        f"Paragraph {n}: " + "I kept walking, one day at a time. " * 12 for n in range(6)
    )
    answers: dict[str, str] = {q.id: long for p in content.story_sections() for q in p.prompts}
    pages = _pages(story_pdf(_doc(content, answers)))
    total = len(pages)
    assert total > 3
    for number, text in enumerate(pages, 1):
        assert f"Page {number} of {total}" in text
    assert "Page 1 of" in pages[0]


def test_a_twenty_page_story_builds(content: m.Content) -> None:
    paragraph = "Some days were harder than others, and I learned to be kind to myself. " * 9
    answers: dict[str, str] = {
        q.id: "\n\n".join([paragraph] * 3)
        for part in content.story_sections()
        for q in part.prompts
    }
    doc = _doc(content, answers)
    pdf = story_pdf(doc)
    pages = [page.extract_text() for page in _reader(pdf).pages]
    assert len(pages) >= 20  # how fast it builds is measured by make bench, not here
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]


def test_markdown_formatting_survives(content: m.Content) -> None:
    answers = {
        "p2p.story.you.who": (
            "I am **bold about it** and *quietly hopeful*.\n\n"
            "- walking\n- swimming\n    - in the sea\n\n"
            "1. first\n2. second\n\n"
            "> A quote I love.\n\n"
            "## A heading\n\nLine one\nLine two"
        )
    }
    pdf = story_pdf(_doc(content, answers))
    used = _fonts(pdf)
    assert "NotoSerif-Bold" in used
    assert "NotoSerif-Italic" in used
    text = " ".join(_pages(pdf))
    assert text.count("•") >= 2
    assert "–" in text  # the nested bullet
    assert re.search(r"1\.\s*first", text) and re.search(r"2\.\s*second", text)
    assert "A quote I love." in text
    assert "**" not in text and "##" not in text
    lines = [line.strip() for line in text.splitlines()]
    assert "Line one" in lines and "Line two" in lines


def test_markup_in_answers_is_printed_as_text(content: m.Content) -> None:
    evil = 'A < B & C > D <b>not bold</b> <font name="x">&amp; <script>alert(1)</script>'
    text = _flat(" ".join(_pages(story_pdf(_doc(content, {"p2p.story.you.who": evil})))))
    assert _flat(evil) in text


def test_characters_the_fonts_lack_are_named_not_boxed(content: m.Content) -> None:
    answers = {"p2p.story.you.who": "Sea 🌊 and stars ★, arrows → and a tick ✓; 🫠."}
    pdf = story_pdf(_doc(content, answers))
    text = " ".join(_pages(pdf))
    assert "🌊" in text and "★" in text and "→" in text and "✓" in text
    assert "[melting face]" in text  # newer than every shipped font
    assert {"DejaVuSans", "Symbola"} <= _fonts(pdf)


def test_markup_drops_controls_and_names_unknown_characters() -> None:
    assert fonts.markup("a\x00b\x07c") == "abc"
    assert fonts.markup("<&>") == "&lt;&amp;&gt;"
    assert fonts.markup("🇬🇧") == "[flag GB]"
    assert fonts.markup("\U0010fffd") == "[U+10FFFD]"
    assert "font" in fonts.markup("→")


def test_metadata_and_paper(content: m.Content) -> None:
    named = _reader(story_pdf(_doc(content, ANSWERS, name="Zoë", title="Where I am now")))
    meta = named.metadata
    assert meta is not None
    assert meta.title == "Where I am now"
    assert meta.author == "Zoë"
    assert meta.creator == "peerjournal"
    box = named.pages[0].mediabox
    assert round(float(box.width)) == 595 and round(float(box.height)) == 842
    anonymous = _reader(story_pdf(_doc(content, ANSWERS), paper="letter"))
    assert anonymous.metadata is None or not anonymous.metadata.get("/Author")
    box = anonymous.pages[0].mediabox
    assert round(float(box.width)) == 612 and round(float(box.height)) == 792


def test_title_page_shows_the_iteration(content: m.Content) -> None:
    doc = _doc(content, ANSWERS).with_iteration(3, "Before the group")
    first = _pages(story_pdf(doc))[0]
    assert "Iteration 3: Before the group" in first
    assert "My Personal Recovery Story" in first


def test_conversation_page_gathers_the_discuss_note_and_points(content: m.Content) -> None:
    answers = dict(ANSWERS)
    answers["p2p.stocktake.discuss"] = "How much of my story to share."
    doc = _doc(
        content, answers, conversation_page=True, conversation_points=("Boundaries", "Supervision")
    )
    last = _flat(_pages(story_pdf(doc))[-1])
    assert "For our conversation" in last
    assert "How much of my story to share." in last
    assert "Boundaries" in last and "Supervision" in last
    without = _flat(" ".join(_pages(story_pdf(_doc(content, answers)))))
    assert "For our conversation" not in without


def test_story_markdown_keeps_the_answers(content: m.Content) -> None:
    md = story_markdown(_doc(content, ANSWERS, name="Siân"))
    assert md.startswith("# My Personal Recovery Story\n")
    assert "*Siân*" in md
    assert "## Introduction to you" in md
    assert "### Who are you?" in md
    for answer in ANSWERS.values():
        assert answer in md


def test_workbook_pdf_has_every_programme_and_question(content: m.Content) -> None:
    answers = {"m1.s1.positive": "Meeting people who get it — Siân."}
    pdf = workbook_pdf(content, lambda pid: answers.get(pid, ""), made=date(2026, 1, 2))
    text = _flat(" ".join(_pages(pdf)))
    for programme in content.programmes:
        if any(p.prompts for p in programme.parts):
            assert _flat(programme.title) in text
    assert "Meeting people who get it — Siân." in text
    assert "What feels positive about undertaking P2P?" in text
    assert "Not answered yet." in text


def test_stocktake_pdf_draws_the_history(content: m.Content) -> None:
    history = [
        (datetime(2026, 1, 5, tzinfo=UTC), 3),
        (datetime(2026, 3, 5, tzinfo=UTC), 5),
        (datetime(2026, 6, 5, tzinfo=UTC), 7),
    ]
    ladder = content.prompt(st.LADDER_ID)
    assert isinstance(ladder, m.LadderPrompt)
    answers = {
        st.LADDER_ID: "**Learning, 7.** I am open and ready to learn.",
        "p2p.stocktake.discovered": "I have come further than I thought.",
    }
    pdf = stocktake_pdf(content, lambda pid: answers.get(pid, ""), history, made=date(2026, 6, 5))
    text = _flat(" ".join(_pages(pdf)))
    assert "How it has moved" in text
    assert "Self reliance" in text and "Stuck" in text  # the chart's stage labels
    assert "05 Jan 2026" in text and "05 Jun 2026" in text
    assert "I have come further than I thought." in text
    empty = ladder_chart(ladder, [], width=400)
    assert any(getattr(s, "text", "") == "No snapshots yet" for s in empty.contents)


TEXT = hs.text(
    alphabet=hs.characters(
        blacklist_categories=["Cs"],
    ),
    max_size=400,
)
NASTY = hs.sampled_from(
    [
        "<",
        "&",
        ">",
        "&amp;",
        "<b>",
        "</para>",
        "\x00",
        "\x1b[31m",
        "\u202e",
        "שלום עולם",
        "مرحبا بالعالم",
        "😀👩‍👩‍👧🏽",
        "x" * 3000,
        "**",
        "_",
        "> ",
        "- ",
        "    - ",
        "1. ",
        "\n",
        "\n\n",
        "#",
        "`",
        "```",
        "[a](b)",
        "![i](j)",
        "\t",
        "\r",
        "\ufeff",
        "\u0301",
    ]
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(pieces=hs.lists(hs.one_of(TEXT, NASTY), max_size=12))
def test_markdown_to_pdf_never_crashes(content: m.Content, pieces: list[str]) -> None:
    text = "".join(pieces)
    pdf = story_pdf(_doc(content, {"p2p.story.you.who": text, "p2p.story.you.matters": text}))
    assert pdf.startswith(b"%PDF")
    assert len(_reader(pdf).pages) >= 1


def test_a_raised_mark_first_on_a_line_prints(content: m.Content) -> None:
    """Found by the property test above: a Hebrew accent, a letter, a combining mark."""
    pdf = story_pdf(_doc(content, {"p2p.story.you.who": "\u0591B\u0300"}))
    assert len(_reader(pdf).pages) >= 1


def test_a_page_reportlab_cannot_split_is_laid_out_again_unshaped(
    content: m.Content, caplog: pytest.LogCaptureFixture
) -> None:
    """Found by the property test above: a word in three fonts, Arabic, then a run too
    long for a line. Shaped, the split's first part came out a line taller than the room
    it was split for, and reportlab gave up (``LayoutError``): no PDF at all."""
    text = "0Ð\U000101fd\U0006b33c" + "مرحبا بالعالم" + "x" * 3000
    pdf = story_pdf(_doc(content, {"p2p.story.you.who": text}))
    words = "".join(page.extract_text() for page in _reader(pdf).pages)
    assert "0Ð" in words
    assert words.count("x") >= 3000
    assert "laying it out again without shaping" in caplog.text


@pytest.mark.parametrize("text", ["#" + "x" * 3000, "## " + "word " * 1500])
def test_a_heading_taller_than_a_page_prints(content: m.Content, text: str) -> None:
    """Found by fuzzing the property test's strategy: a line that begins with ``#`` is a
    heading in Markdown, and a heading taller than a page, kept with the next paragraph,
    had reportlab start page after page without end. The alarm turns a hang into a
    failure (it measures nothing: the PDF takes a tenth of a second)."""

    def hung(_signum: int, _frame: object) -> None:
        raise TimeoutError("the PDF was still being laid out after two minutes")

    before = signal.signal(signal.SIGALRM, hung)
    signal.alarm(120)
    try:
        pdf = story_pdf(_doc(content, {"p2p.story.you.who": text}))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)
    words = "".join(page.extract_text() for page in _reader(pdf).pages)
    assert words.count("x") >= 3000 or words.count("word") >= 1500


@pytest.mark.parametrize(
    "text",
    ["> - " + "word " * 1500, "> - a\n> - " + "x" * 3000, "> > > - " + "x" * 3000],
)
def test_a_quoted_list_longer_than_a_page_prints_every_word(content: m.Content, text: str) -> None:
    """Found by fuzzing the workbook: a list in a quote, one item longer than a page. The
    quote could not split it (reportlab gave up, or was asked to draw a frame's directive
    inside the quote); what the quote cannot split is laid out plainly."""
    for pdf in (
        story_pdf(_doc(content, {"p2p.story.you.who": text})),
        workbook_pdf(content, lambda _prompt_id: text, made=date(2026, 12, 7)),
    ):
        words = "".join(page.extract_text() for page in _reader(pdf).pages)
        assert words.count("x") >= 3000 or words.count("word") >= 1500


def test_a_quote_holding_a_short_list_prints_wherever_the_page_ends(
    content: m.Content, caplog: pytest.LogCaptureFixture
) -> None:
    """A short list is kept together; inside a quote that made the quote 16 million points
    tall, and where a page ended at the list the quote drew a frame's directive and the PDF
    failed (4 of these 60 placements). Each now prints with its quote, at the first try."""
    quote = "> What she said:\n>\n> - first thing, kindly\n> - second thing, warmly\n\nAfter."
    for n in range(60):
        lines = "\n\n".join(f"Line {i} of what I wrote." for i in range(n))
        pdf = story_pdf(_doc(content, {"p2p.story.you.who": f"{lines}\n\n{quote}"}))
        words = "".join(page.extract_text() for page in _reader(pdf).pages)
        assert "first thing" in words and "second thing" in words and "After." in words, n
    assert "laying it out again" not in caplog.text


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_huge_unbroken_word_and_deep_nesting(content: m.Content, paper: str) -> None:
    nested = "\n".join("    " * n + f"- level {n}" for n in range(200))
    quotes = "> " * 500 + "deep"
    answers = {"p2p.story.you.who": "y" * 20000, "p2p.story.you.matters": nested + "\n\n" + quotes}
    pdf = story_pdf(_doc(content, answers), paper=paper)
    text = " ".join(_pages(pdf))
    assert "level 0" in text and "deep" in text


def _unembedded(pdf: bytes) -> set[str]:
    """Every font a page uses whose program is not in the file (a reader would substitute)."""
    missing: set[str] = set()
    for page in _reader(pdf).pages:
        resources = page["/Resources"].get_object()
        assert isinstance(resources, DictionaryObject)
        for ref in resources.get("/Font", DictionaryObject()).get_object().values():
            font = ref.get_object()
            if "/DescendantFonts" in font:
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font.get("/FontDescriptor")
            described = descriptor.get_object() if descriptor is not None else {}
            if not any(k in described for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.add(str(font.get("/BaseFont")))
    return missing


def test_every_pdf_embeds_every_font_it_uses(content: m.Content) -> None:
    """Helvetica came in with the stocktake chart's initial state, not embedded."""
    history = [(datetime(2026, 1, 5, tzinfo=UTC), 3), (datetime(2026, 6, 5, tzinfo=UTC), 7)]
    answers = dict(ANSWERS)
    made = {
        "story": story_pdf(_doc(content, answers)),
        "workbook": workbook_pdf(content, lambda pid: answers.get(pid, ""), made=date(2026, 1, 2)),
        "stocktake": stocktake_pdf(
            content, lambda pid: answers.get(pid, ""), history, made=date(2026, 6, 5)
        ),
    }
    for name, pdf in made.items():
        assert _unembedded(pdf) == set(), name
        assert "Helvetica" not in _fonts(pdf), name


def test_a_list_never_ends_a_page_one_item_short() -> None:
    """Wherever a list falls (a longer or shorter answer before it), its last item is
    never alone at the top of a page: the last two go together."""
    items = [f"Strength number {n}: kindness shown in small ways" for n in range(1, 9)]
    seen_breaks = 0
    for lines in range(0, 40):
        before = "\n\n".join(f"Line {n} of what came before." for n in range(lines))
        answer = before + "\n\n" + "\n".join(f"- {item}" for item in items)
        doc = st.StoryDocument(
            title="My story",
            name="Siân",
            made=date(2026, 12, 2),
            sections=(
                st.StorySection(
                    "strengths",
                    "My strengths",
                    (st.StoryEntry("m1.s4.strengths", "My eight strengths", answer),),
                ),
            ),
        )
        pages = [_flat(p) for p in _pages(story_pdf(doc))]
        last, other = items[-1], items[-2]
        for number, text in enumerate(pages):
            if last in text:
                assert other in text, (
                    f"with {lines} lines before, page {number + 1} holds the last item alone"
                )
        holding = [n for n, text in enumerate(pages) if any(i in text for i in items)]
        seen_breaks += len(holding) > 1
    assert seen_breaks, "no placing split the list across pages: the test tried nothing"
