"""The story page with real services on a temporary journal, offscreen."""

from __future__ import annotations

import io
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerjournal.core import answers as a
from peerjournal.core import story as st
from peerjournal.services.container import Services
from peerjournal.ui.journal.language_highlighter import LanguageHighlighter, utf16_offset
from peerjournal.ui.kit.tasks import TaskRunner
from peerjournal.ui.story.story_page import StoryPage
from tests.gui.conftest import ScriptedPrompter

WAIT = 10_000


def _pdf_text(pdf: bytes) -> str:
    return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def page(qtbot: QtBot, services: Services, prompter: ScriptedPrompter) -> Iterator[StoryPage]:
    services.answers.save("p2p.story.you.who", a.TextAnswer("I am Siân, a walker."))
    services.answers.save(
        "p2p.story.beginning.aware", a.TextAnswer("After my relapse 😀 I was in denial.")
    )
    tasks = TaskRunner()
    widget = StoryPage(services, prompter=prompter, tasks=tasks)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    _wait_preview(qtbot, widget)
    yield widget
    tasks.wait(WAIT)


def _wait_preview(qtbot: QtBot, page: StoryPage) -> None:
    qtbot.waitUntil(
        lambda: page.preview_ready and page.preview.pdf_document.pageCount() > 0, timeout=WAIT
    )


def _rebuilt(qtbot: QtBot, page: StoryPage, before: int) -> None:
    qtbot.waitUntil(lambda: page.preview.generation > before, timeout=WAIT)
    _wait_preview(qtbot, page)


def test_preview_is_built_in_memory_with_the_answers(page: StoryPage) -> None:
    text = _pdf_text(page.preview.pdf_bytes)
    assert "I am Siân, a walker." in text
    assert "Introduction to you" in text
    assert page.preview.pdf_document.pageCount() == len(
        PdfReader(io.BytesIO(page.preview.pdf_bytes)).pages
    )
    assert (
        "pages" in page.preview.preview_label.text() or "page" in page.preview.preview_label.text()
    )


def test_unticking_a_section_leaves_it_out_and_is_saved(
    qtbot: QtBot, page: StoryPage, services: Services
) -> None:
    top = page.choices.chooser.topLevelItem(1)
    assert top is not None and top.data(0, Qt.ItemDataRole.UserRole + 1) == "p2p.story.beginning"
    before = page.preview.generation
    top.setCheckState(0, Qt.CheckState.Unchecked)
    _rebuilt(qtbot, page, before)
    assert "After my relapse" not in _pdf_text(page.preview.pdf_bytes)

    def saved() -> bool:
        section = services.story.options().section("p2p.story.beginning")
        return section is not None and not section.included

    qtbot.waitUntil(saved, timeout=WAIT)


def test_moving_a_section_changes_the_order(
    qtbot: QtBot, page: StoryPage, services: Services
) -> None:
    top = page.choices.chooser.topLevelItem(1)
    assert top is not None
    page.choices.chooser.setCurrentItem(top)
    before = page.preview.generation
    page.choices.up_button.click()
    assert [s.key for s in page.current_options().sections][:2] == [
        "p2p.story.beginning",
        "p2p.story.you",
    ]
    _rebuilt(qtbot, page, before)
    text = _pdf_text(page.preview.pdf_bytes)
    assert text.index("The beginning") < text.index("Introduction to you")
    qtbot.waitUntil(
        lambda: services.story.options().sections[0].key == "p2p.story.beginning", timeout=WAIT
    )
    question = top.child(1)
    assert question is not None
    page.choices.chooser.setCurrentItem(question)
    assert page.choices.chooser.move_current(-1)
    assert (
        page.choices.chooser.sections()[0].questions[0].prompt_id
        == "p2p.story.beginning.early-signs"
    )
    assert not page.choices.chooser.move_current(-1)  # already first in its section


def test_title_name_blank_space_and_paper(qtbot: QtBot, page: StoryPage) -> None:
    before = page.preview.generation
    qtbot.keyClicks(page.choices.title_edit, "Where I am now")
    page.choices.name_edit.setText("Zoë")  # QTest types ASCII only; this is what typing emits
    page.choices.name_edit.textEdited.emit("Zoë")
    page.choices.blank_check.setChecked(True)
    page.choices.paper_combo.setCurrentIndex(page.choices.paper_combo.findData("letter"))
    _rebuilt(qtbot, page, before)
    qtbot.waitUntil(lambda: "Zoë" in _pdf_text(page.preview.pdf_bytes), timeout=WAIT)
    reader = PdfReader(io.BytesIO(page.preview.pdf_bytes))
    text = _pdf_text(page.preview.pdf_bytes)
    assert "Where I am now" in text
    assert "What do you love doing?" in text  # unanswered, printed with space to write
    assert round(float(reader.pages[0].mediabox.width)) == 612


def test_save_version_compare_and_new_draft(
    qtbot: QtBot, page: StoryPage, services: Services, prompter: ScriptedPrompter
) -> None:
    qtbot.keyClicks(page.versions.version_name, "Before the group")
    page.versions.save_version_button.click()
    qtbot.waitUntil(lambda: page.versions.versions_list.count() == 1, timeout=WAIT)
    assert "Before the group" in page.versions.versions_list.item(0).text()
    services.answers.save("p2p.story.you.who", a.TextAnswer("I am Siân, a swimmer."), fold=False)
    page.versions.compare_button.click()
    old_html = page.versions.compare_view.old_view.toHtml()
    new_html = page.versions.compare_view.new_view.toHtml()
    assert "walker" in old_html and "line-through" in old_html
    assert "swimmer" in new_html and "#d5eddb" in new_html.lower()
    assert "1 changed" in page.versions.compare_view.summary.text()

    prompter.confirms = [True, True]
    page.versions.new_draft_button.click()
    qtbot.waitUntil(
        lambda: services.answers.text_of("p2p.story.you.who") == "I am Siân, a walker.",
        timeout=WAIT,
    )
    assert prompter.asked[-2:] == ["Start a new draft", "Bring back the answers too?"]


def test_language_helper_and_checklist(qtbot: QtBot, page: StoryPage, services: Services) -> None:
    page.tabs.setCurrentIndex(2)
    items = [
        page.language.language_list.item(i).text()
        for i in range(page.language.language_list.count())
    ]
    assert any("“relapse”" in t and "setback" in t for t in items)
    assert any("“in denial”" in t for t in items)
    document = page.language.language_text.document()
    block = document.findBlock(page.language.language_text.toPlainText().index("After my relapse"))
    formats = block.layout().formats()
    text = block.text()
    start = utf16_offset(text, text.index("relapse"))
    assert any(
        f.start == start and f.format.underlineStyle() != f.format.underlineStyle().NoUnderline
        for f in formats
    )
    # The emoji before "in denial" counts twice in UTF-16: the underline must still fit.
    denial = utf16_offset(text, text.index("in denial"))
    assert any(f.start == denial and f.length == len("in denial") for f in formats)
    assert isinstance(page.language.highlighter, LanguageHighlighter)
    match = page.language.highlighter.match_at(text, denial + 1)
    assert match is not None and match.suggest.startswith("sees things differently")

    assert page.language.checklist_editor is not None
    qtbot.mouseClick(
        page.language.checklist_editor.yes["positive-language"], Qt.MouseButton.LeftButton
    )

    def saved() -> bool:
        answer = services.answers.get(st.CHECKLIST_ID)
        return (
            isinstance(answer, a.ChecklistAnswer)
            and answer.item("positive-language").state == a.Check.YES
        )

    qtbot.waitUntil(saved, timeout=WAIT)


def test_save_pdf_and_print(
    qtbot: QtBot, page: StoryPage, prompter: ScriptedPrompter, tmp_path: Path
) -> None:
    target = tmp_path / "story.pdf"
    prompter.paths = [target]
    page.choices.save_pdf_button.click()
    review = page.review  # "Before I share" first
    assert review is not None
    qtbot.waitUntil(review.isVisible)
    review.next.click()
    review.next.click()
    review.save_pdf.click()
    qtbot.waitUntil(target.exists, timeout=WAIT)
    assert "I am Siân, a walker." in _pdf_text(target.read_bytes())
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert page.print_to(printer) == page.preview.pdf_document.pageCount()
    assert (tmp_path / "printed.pdf").stat().st_size > 0


def test_locking_clears_everything_decrypted(
    qtbot: QtBot, page: StoryPage, services: Services
) -> None:
    page.choices.name_edit.setText("Siân")
    services.session.lock()
    qtbot.waitUntil(lambda: page.preview.pdf_bytes == b"", timeout=WAIT)
    assert page.choices.chooser.topLevelItemCount() == 0
    assert page.choices.name_edit.text() == ""
    assert page.language.language_text.toPlainText() == ""
    assert page.preview.pdf_document.pageCount() == 0
    assert not page.grab().isNull()


def test_tooltip_names_the_suggestion_under_the_pointer(qtbot: QtBot, page: StoryPage) -> None:
    page.tabs.setCurrentIndex(2)
    edit = page.language.language_text
    text = edit.toPlainText()
    cursor = edit.textCursor()
    cursor.setPosition(utf16_offset(text, text.index("relapse") + 2))
    rect = edit.cursorRect(cursor)
    match = page.language.tooltips.match_at_point(rect.center().x(), rect.center().y())
    assert match is not None and match.find == "relapse"
    cursor.setPosition(utf16_offset(text, text.index("walker")))
    rect = edit.cursorRect(cursor)
    assert page.language.tooltips.match_at_point(rect.center().x(), rect.center().y()) is None


def test_a_question_dropped_outside_its_section_is_refused(page: StoryPage) -> None:
    chooser = page.choices.chooser
    before = chooser.structure()
    assert chooser.keeps_sections(before)
    first = chooser.topLevelItem(0)
    assert first is not None
    question = first.takeChild(0)
    assert question is not None
    chooser.addTopLevelItem(question)  # what a stray drop would do
    assert not chooser.keeps_sections(before)
    second = chooser.topLevelItem(1)
    assert second is not None
    chooser.takeTopLevelItem(chooser.indexOfTopLevelItem(question))
    second.addChild(question)  # into another section
    assert not chooser.keeps_sections(before)


def test_the_comparison_names_each_row_apart_from_the_version(qapp: QApplication) -> None:
    from peerjournal.core.story_diff import StoryDiff
    from peerjournal.ui.story.story_compare import side_html

    diff = StoryDiff(
        old_label="Iteration 1: Before the group",
        new_label="Current draft",
        title_change=("My recovery story", "From surviving to growing"),
        name_change=("", "Siân"),
        entries=(),
    )
    old, new = side_html(diff, side="old"), side_html(diff, side="new")
    assert "<h3>Iteration 1: Before the group</h3>" in old
    assert "Your name on the story:</span> <span" in new and "Siân</span>" in new
    assert "Story title:</span>" in old and "My recovery story</span>" in old
    row = old.split("Your name on the story:")[1].split("</p>")[0]
    assert "Before the group" not in row and "—" in row  # no name then; not the label


def test_add_another_answer_offers_only_what_reads_as_a_story(
    qtbot: QtBot, page: StoryPage, services: Services
) -> None:
    services.answers.save("course.s01.lessons", a.LessonsAnswer((1, 2, 3)))
    services.answers.save("m1.s1.positive", a.TextAnswer("Being listened to."))
    page.reload()
    offered = [
        page.choices.extra_combo.itemData(i) for i in range(page.choices.extra_combo.count())
    ]
    assert "m1.s1.positive" in offered
    assert "course.s01.lessons" not in offered  # a tick list of lessons done
