"""Before I share, through the real window: the draft goes through the review (a
suggestion shown where it occurs and taken by editing the answer in place, the five
questions answered and kept with that version), the PDF is saved and recorded with its
review; the same words are not reviewed twice; a saved version's review can be skipped,
and that is remembered."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from peerjournal.core import answers as a
from peerjournal.core import story as st
from peerjournal.services.container import Services
from peerjournal.ui.main_window import MainWindow
from peerjournal.ui.story.share_review import ShareReviewDialog
from peerjournal.ui.story.story_page import StoryPage
from tests.gui.conftest import ScriptedPrompter

WHO = "p2p.story.you.who"
WAIT = 10_000


def _text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def _story(window: MainWindow, qtbot: QtBot) -> StoryPage:
    assert window.journal is not None
    window.journal.open_place("story")
    page = window.journal.pages.get("story")
    assert isinstance(page, StoryPage)
    qtbot.waitUntil(lambda: page.preview.ready, timeout=WAIT)
    return page


def _review(page: StoryPage, qtbot: QtBot) -> ShareReviewDialog:
    review = page.review
    assert review is not None
    qtbot.waitUntil(review.isVisible)
    return review


def test_the_draft_is_reviewed_before_its_pdf_is_saved(
    window: MainWindow,
    locked_services: Services,
    qtbot: QtBot,
    prompter: ScriptedPrompter,
    tmp_path: Path,
) -> None:
    services = locked_services
    services.answers.save(WHO, a.TextAnswer("I am Siân. My brother suffers from anxiety."))
    page = _story(window, qtbot)
    page.choices.name_edit.setText("Siân")

    page.choices.save_pdf_button.click()
    review = _review(page, qtbot)
    assert review.step.text() == "BEFORE I SHARE · STEP 1 OF 3"
    assert review.pdf.document.pageCount() > 0  # the story as it will print, page by page
    told = review.findChild(type(review.step), "reviewSummary")
    assert told is not None and "answers." in told.text()

    # The suggestion is marked where it occurs, in the answer itself.
    editor = review.editors[WHO]
    edit = editor.edit
    text = edit.toPlainText()
    start = text.index("suffers from")
    block = edit.document().findBlock(start)

    def marked() -> bool:
        spans = [(r.start, r.length) for r in block.layout().formats()]
        return any(s <= start - block.position() < s + n for s, n in spans)

    qtbot.waitUntil(marked)  # the highlighter runs once the box is shown
    card_words = " ".join(
        w.text() for w in review.findChildren(type(review.step)) if "you might say" in w.text()
    )
    assert "“suffers from”: you might say “lives with”" in card_words

    # Taken by editing the answer in place: the participant's own change, saved.
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("suffers from"), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    qtbot.keyClicks(edit, "lives with")
    review.next.click()
    assert review.step.text() == "BEFORE I SHARE · STEP 2 OF 3"
    checklist = review.checklist
    assert checklist is not None and len(checklist.yes) == 5
    for yes in checklist.yes.values():
        yes.click()
    review.next.click()
    assert "You answered 5 of the 5 questions." in review.ready_summary.text()

    target = tmp_path / "mine.pdf"
    prompter.paths = [target]
    review.save_pdf.click()
    qtbot.waitUntil(target.exists, timeout=WAIT)
    day = date.today()
    words = QLocale().toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")
    assert prompter.suggested[-1] == f"Recovery story – Siân – {words}.pdf"
    printed = _text(target)
    assert "My brother lives with anxiety." in printed and "suffers" not in printed
    saved = services.answers.get(WHO)
    assert isinstance(saved, a.TextAnswer) and "lives with" in saved.text

    qtbot.waitUntil(lambda: bool(services.reviews.all() and services.reviews.all()[-1].shared))
    (kept,) = services.reviews.all()
    assert kept.version is None and not kept.skipped
    answered = a.from_json(kept.checklist)
    assert isinstance(answered, a.ChecklistAnswer) and len(answered.items) == 5
    assert all(item.state == a.Check.YES for _q, item in answered.items)
    assert [(s.how, s.file) for s in kept.shared] == [("pdf", "mine.pdf")]
    assert services.answers.get(st.CHECKLIST_ID) is None  # kept with the version only

    # The same words again: straight to saving, recorded with the same review.
    again = tmp_path / "again.pdf"
    prompter.paths = [again]
    page.choices.save_pdf_button.click()
    assert page.review is None
    qtbot.waitUntil(again.exists, timeout=WAIT)
    qtbot.waitUntil(lambda: len(services.reviews.all()[-1].shared) == 2)
    assert len(services.reviews.all()) == 1

    # Changed words are a new version of the draft: asked again.
    services.answers.save(WHO, a.TextAnswer("I am Siân."))
    page.choices.save_pdf_button.click()
    _review(page, qtbot).reject()


def test_a_versions_review_can_be_skipped_and_that_is_remembered(
    window: MainWindow,
    locked_services: Services,
    qtbot: QtBot,
    prompter: ScriptedPrompter,
    tmp_path: Path,
) -> None:
    services = locked_services
    services.answers.save(WHO, a.TextAnswer("I am Siân, a walker."))
    services.story.save_iteration(name="For Dewi")
    page = _story(window, qtbot)
    page.versions.pdf_requested.emit(1)
    review = _review(page, qtbot)
    assert review.version == 1 and not review.editors  # a kept version reads as it was
    first = tmp_path / "v1.pdf"
    prompter.paths = [first]
    review.skip.click()
    qtbot.waitUntil(first.exists, timeout=WAIT)
    assert "I am Siân, a walker." in _text(first)
    assert "(version 1)" in prompter.suggested[-1]
    qtbot.waitUntil(lambda: bool(services.reviews.all() and services.reviews.all()[-1].shared))
    (skipped,) = services.reviews.all()
    assert skipped.version == 1 and skipped.skipped

    second = tmp_path / "v1-again.pdf"
    prompter.paths = [second]
    page.versions.pdf_requested.emit(1)
    assert page.review is None  # not asked again for these words
    qtbot.waitUntil(second.exists, timeout=WAIT)
