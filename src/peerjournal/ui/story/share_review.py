"""Before I share: the story as it will print, its language looked at where it occurs,
the five Language and Impact questions asked of this version, then Save PDF or Print.

Three steps, each skippable (and "skip" is remembered for exactly these words, so the
participant is not asked again). Suggestions are marked in the answers themselves; an
answer of the draft can be changed right there, through the one save path, and the
participant's words change only when they change them. The questions' answers are kept
with the review, not over the checklist on its page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core import answers as a
from peerjournal.core import story as st
from peerjournal.core.content import model as m
from peerjournal.core.language import LanguageChecker
from peerjournal.services.container import Services
from peerjournal.ui.editors import ChecklistEditor
from peerjournal.ui.editors.text import TextEditor
from peerjournal.ui.journal.answer_binding import AnswerBinding
from peerjournal.ui.journal.language_highlighter import attach, checker_for, describe
from peerjournal.ui.kit.autosave import AutoSaver
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.pdf_pages import MemoryPdf
from peerjournal.ui.kit.theme import set_role
from peerjournal.ui.kit.widgets import button, label

READ, QUESTIONS, READY = range(3)
PDF, PRINT = "pdf", "print"


def summary(document: st.StoryDocument) -> str:
    """ "In this story: 6 sections and 24 answers; 2 questions print with space to write on." """
    answers = sum(1 for e in document.entries if not e.blank)
    blank = sum(1 for e in document.entries if e.blank)
    words = (
        translate("share_review", "In this story: %1 sections and %2 answers.")
        .replace("%1", str(len(document.sections)))
        .replace("%2", str(answers))
    )
    if blank:
        words += " " + translate(
            "share_review", "%1 questions print with space to write on."
        ).replace("%1", str(blank))
    return words


class ShareReviewDialog(QDialog):
    """``share_requested(how, checklist, skipped)``: the participant chose Save PDF or
    Print (``how``), with the questions' answers (a stored checklist answer) or none."""

    share_requested = Signal(str, object, bool)

    def __init__(
        self,
        services: Services,
        autosaver: AutoSaver,
        document: st.StoryDocument,
        *,
        version: int | None,
        how: str,
        pdf: bytes,
        checklist: a.Answer | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shareReview")
        self.setWindowTitle(translate("share_review", "Before I share"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1100, 780)
        self._services = services
        self._autosaver = autosaver
        self.document = document
        self.version = version
        self.how = how
        self.bindings: list[AnswerBinding] = []
        self.editors: dict[str, TextEditor] = {}
        self._keep: list[object] = []  # highlighters live as long as their boxes
        self._checker: LanguageChecker = checker_for(services.content.phrases)

        self.step = label("", "eyebrow", self, name="reviewStep")
        self.title = label("", "title", self, name="reviewTitle")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._read_page(pdf))
        self.stack.addWidget(self._questions_page(checklist))
        self.stack.addWidget(self._ready_page())

        self.skip = button(
            translate("share_review", "Skip, and don't ask again for these words"),
            "quiet",
            self,
            name="reviewSkip",
        )
        self.back = button(translate("share_review", "Back"), "", self, name="reviewBack")
        self.next = button(translate("share_review", "Next"), "primary", self, name="reviewNext")
        row = QHBoxLayout()
        row.addWidget(self.skip)
        row.addStretch(1)
        row.addWidget(self.back)
        row.addWidget(self.next)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 16)
        outer.setSpacing(10)
        outer.addWidget(self.step)
        outer.addWidget(self.title)
        outer.addWidget(self.stack, 1)
        outer.addLayout(row)
        self.skip.clicked.connect(self._on_skip)
        self.back.clicked.connect(lambda: self.go(self.stack.currentIndex() - 1))
        self.next.clicked.connect(lambda: self.go(self.stack.currentIndex() + 1))
        self.go(READ)

    # -- the steps ------------------------------------------------------------------------

    def _read_page(self, pdf: bytes) -> QWidget:
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setObjectName("reviewRead")
        self.pdf = MemoryPdf(self)
        self.pages = QPdfView(split)
        self.pages.setObjectName("reviewPages")
        self.pages.setAccessibleName(translate("share_review", "Your story as it will print"))
        self.pages.setDocument(self.pdf.document)
        self.pages.setPageMode(QPdfView.PageMode.MultiPage)
        self.pages.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.show_pdf(pdf)
        split.addWidget(self.pages)

        side = QWidget(split)
        column = QVBoxLayout(side)
        column.setContentsMargins(12, 0, 4, 0)
        column.setSpacing(10)
        column.addWidget(label(summary(self.document), "", side, name="reviewSummary"))
        found = [e for e in self.document.entries if self._checker.matches(e.answer)]
        column.addWidget(
            label(
                translate(
                    "share_review",
                    "The helper marks words that have gentler, recovery-focused alternatives, "
                    "where they are. You decide: change an answer here, or leave it as it is.",
                )
                if found
                else translate("share_review", "The helper found nothing to mention."),
                "muted",
                side,
                name="reviewHelper",
            )
        )
        for entry in found:
            column.addWidget(self._entry_card(entry, side))
        column.addStretch(1)
        scroll = QScrollArea(split)
        scroll.setObjectName("reviewSuggestions")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(side)
        split.addWidget(scroll)
        split.setSizes([560, 480])
        split.setChildrenCollapsible(False)
        return split

    def _entry_card(self, entry: st.StoryEntry, parent: QWidget) -> QFrame:
        card = QFrame(parent)
        set_role(card, "card")
        card.setObjectName(f"reviewEntry:{entry.prompt_id}")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(16, 12, 16, 12)
        inner.setSpacing(6)
        inner.addWidget(label(entry.question, "question", card))
        prompt = self._services.content.prompt(entry.prompt_id)
        if self.version is None and isinstance(prompt, m.TextPrompt):
            editor = TextEditor(prompt, card)
            binding = AnswerBinding(
                editor, self._services.answers, self._autosaver, f"review:{prompt.id}", self
            )
            binding.load()
            self._keep.append(
                attach(editor.edit, self._services.content.phrases, self._services.spelling)
            )
            self.bindings.append(binding)
            self.editors[prompt.id] = editor
            inner.addWidget(editor)
        else:
            shown = QTextEdit(card)
            shown.setObjectName(f"reviewText:{entry.prompt_id}")
            shown.setAccessibleName(entry.question)
            shown.setReadOnly(True)
            shown.setPlainText(entry.answer)
            shown.setMinimumHeight(90)
            self._keep.append(attach(shown, self._services.content.phrases))
            inner.addWidget(shown)
            if self.version is not None:
                inner.addWidget(
                    label(
                        translate(
                            "share_review",
                            "This version is kept as it was. To change these words, change "
                            "the answer and save a new version.",
                        ),
                        "small",
                        card,
                    )
                )
        for match in self._checker.matches(entry.answer):
            inner.addWidget(label(describe(match), "small", card))
        return card

    def _questions_page(self, checklist: a.Answer | None) -> QWidget:
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        self.checklist: ChecklistEditor | None = None
        prompt = self._services.content.prompt(st.CHECKLIST_ID)
        if isinstance(prompt, m.ChecklistPrompt):
            column.addWidget(label(" ".join(prompt.text.split()), "muted", holder))
            self.checklist = ChecklistEditor(prompt, holder)
            self.checklist.setObjectName("reviewChecklist")
            self.checklist.set_answer(checklist)
            column.addWidget(self.checklist)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(holder)
        return scroll

    def _ready_page(self) -> QWidget:
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        self.ready_summary = label("", "", holder, name="reviewReady")
        column.addWidget(self.ready_summary)
        self.save_pdf = button(
            translate("share_review", "Save PDF…"),
            "primary" if self.how == PDF else "",
            holder,
            name="reviewSavePdf",
        )
        self.print_button = button(
            translate("share_review", "Print…"),
            "primary" if self.how == PRINT else "",
            holder,
            name="reviewPrint",
        )
        row = QHBoxLayout()
        row.addWidget(self.save_pdf)
        row.addWidget(self.print_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(
            label(
                translate(
                    "share_review",
                    "A saved or printed copy is not encrypted: keep it somewhere safe.",
                ),
                "small",
                holder,
            )
        )
        column.addStretch(1)
        self.save_pdf.clicked.connect(lambda: self._share(PDF))
        self.print_button.clicked.connect(lambda: self._share(PRINT))
        return holder

    # -- moving on ------------------------------------------------------------------------

    def go(self, index: int) -> None:
        index = max(READ, min(READY, index))
        self.stack.setCurrentIndex(index)
        titles = {
            READ: translate("share_review", "Read it as it will print"),
            QUESTIONS: translate("share_review", "Five questions, asked of this version"),
            READY: translate("share_review", "Ready to share"),
        }
        self.step.setText(
            translate("share_review", "BEFORE I SHARE · STEP %1 OF 3").replace("%1", str(index + 1))
        )
        self.title.setText(titles[index])
        self.back.setEnabled(index > READ)
        self.next.setVisible(index < READY)
        if index == READY:
            self.ready_summary.setText(self._ready_words())
            (self.save_pdf if self.how == PDF else self.print_button).setFocus()

    def _ready_words(self) -> str:
        answered = self.answers_given()
        total = len(self.checklist.checklist.questions) if self.checklist is not None else 0
        done = 0
        if isinstance(answered, a.ChecklistAnswer):
            done = sum(1 for _q, item in answered.items if item.state != a.Check.UNSET)
        return (
            summary(self.document)
            + " "
            + translate("share_review", "You answered %1 of the %2 questions.")
            .replace("%1", str(done))
            .replace("%2", str(total))
        )

    def answers_given(self) -> a.Answer | None:
        return self.checklist.answer() if self.checklist is not None else None

    def show_pdf(self, pdf: bytes) -> None:
        if pdf:
            self.pdf.load(pdf)

    @Slot()
    def _on_skip(self) -> None:
        self._save_answers()
        self.share_requested.emit(self.how, None, True)
        self.accept()

    def _share(self, how: str) -> None:
        given = self.answers_given()
        self._save_answers()  # on the lane ahead of the review and the PDF
        self.share_requested.emit(how, a.to_json(given) if given is not None else None, False)
        self.accept()

    def _save_answers(self) -> None:
        """Answers changed here go to the vault now, and the boxes let go of the save path."""
        for binding in self.bindings:
            self._autosaver.unregister(binding.key)
        self.bindings = []

    def done(self, result: int) -> None:
        self._save_answers()
        self.pdf.clear()
        super().done(result)


__all__ = ["PDF", "PRINT", "ShareReviewDialog", "summary"]
