"""The "Your story" page: choose what goes in, see it, keep versions, check the language.

On the left, the choices (``ChoicesPanel``). In the middle, three tabs: a live preview
of the PDF (``PreviewPanel``: built off the UI thread, shown from memory, never from a
temporary file), the saved versions (``VersionsPanel``) and the recovery-language helper
with the Language and Impact checklist (``LanguagePanel``). This page ties them to the
services.

Choices are saved (encrypted, as the draft) through the window's one save path, about a
second after each change and at once on Lock, quick-hide, closing or leaving the page;
the Language and Impact checklist is the same answer as on its part's page, with its
"Not yet" and notes. When the journal locks, everything decrypted on this page
(preview, texts, choices) is cleared.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QSplitter, QTabWidget, QWidget

from peerjournal.core import answers as a
from peerjournal.core import story as st
from peerjournal.core.errors import PeerJournalError
from peerjournal.core.json_types import JsonValue
from peerjournal.core.language import LanguageChecker
from peerjournal.core.phrases import count
from peerjournal.core.story_review import Review
from peerjournal.services.container import Services
from peerjournal.services.events import Changes, SessionState
from peerjournal.ui.journal.answer_binding import AnswerBinding
from peerjournal.ui.journal.language_highlighter import attach as attach_marks
from peerjournal.ui.kit.autosave import AutoSaver
from peerjournal.ui.kit.changes import ChangeBridge
from peerjournal.ui.kit.errors import describe as describe_error
from peerjournal.ui.kit.ops import Op
from peerjournal.ui.kit.pdf_pages import MemoryPdf
from peerjournal.ui.kit.prompter import Prompter, QtPrompter
from peerjournal.ui.kit.tasks import TaskRunner
from peerjournal.ui.story.choices import ChoicesPanel
from peerjournal.ui.story.language import LanguagePanel
from peerjournal.ui.story.preview import PreviewPanel
from peerjournal.ui.story.share_review import PDF, PRINT, ShareReviewDialog
from peerjournal.ui.story.versions import DRAFT, VersionsPanel

DEBOUNCE_MS = 450
NARROW_TABS_WIDTH = 560
CHOICES_MIN_WIDTH = 340
"""The least width the preview, versions and language tabs need beside the choices."""
"""How soon the preview follows a change (saving goes through the AutoSaver)."""
DRAFT_KEY = "story:draft"
CHECKLIST_KEY = "story:checklist"


class StoryPage(QWidget):
    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        tasks: TaskRunner | None = None,
        prompter: Prompter | None = None,
        autosaver: AutoSaver | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("storyPage")
        self._services = services
        self._content = services.content
        self._tasks = tasks if tasks is not None else TaskRunner(self)
        self.autosaver = (
            autosaver
            if autosaver is not None
            else AutoSaver(self._tasks, end_sitting=services.session.new_sitting, parent=self)
        )
        self._prompter: Prompter = prompter if prompter is not None else QtPrompter()
        self.last_error = ""
        self.review: ShareReviewDialog | None = None
        self.printing = MemoryPdf(self)

        self.choices = ChoicesPanel(self)
        self._points_marks = attach_marks(
            self.choices.points_edit, services.content.phrases, services.spelling
        )
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("storyTabs")
        self.tabs.setUsesScrollButtons(True)  # a zoomed tab bar scrolls, never cuts a name
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        self.preview = PreviewPanel(self._tasks, self.tabs)
        self.versions = VersionsPanel(self.tabs)
        self.language = LanguagePanel(self._content, LanguageChecker(services.content.phrases))
        self.tabs.addTab(self.preview, self.tr("Preview"))
        self.tabs.addTab(_scrolling(self.versions, self.tabs), self.tr("Versions"))
        self.tabs.addTab(_scrolling(self.language, self.tabs), self.tr("Language"))
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setObjectName("storySplit")
        split.addWidget(self.choices)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([420, 860])
        self.split = split
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(split)

        story = services.story

        def write_draft(options: st.StoryOptions) -> object:
            story.save_options(options=options)
            return None

        self.autosaver.register(DRAFT_KEY, snapshot=self.current_options, write=write_draft)
        editor = self.language.checklist_editor
        self.checklist_binding: AnswerBinding | None = (
            AnswerBinding(editor, services.answers, self.autosaver, CHECKLIST_KEY, self)
            if editor is not None
            else None
        )
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(DEBOUNCE_MS)
        self._bridge = ChangeBridge(services.hub, self)
        self._connect_signals()
        if services.session.unlocked:
            self.reload()

    # -- narrow windows -----------------------------------------------------------------

    @property
    def narrow(self) -> bool:
        """Whether the choices are a tab of their own (a narrow or zoomed window)."""
        return self.tabs.indexOf(self.choices) >= 0

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Side by side the choices need their own width and the preview its own; when
        # there is not room for both, the choices become the first tab.
        holder = self.choices.widget()
        column = (
            (holder.minimumSizeHint().width() if holder is not None else 0)
            + self.choices.verticalScrollBar().sizeHint().width()
            + 2 * self.choices.frameWidth()
        )
        column = max(CHOICES_MIN_WIDTH, column)
        needed = column + NARROW_TABS_WIDTH
        # Beside the tabs the choices keep the width their words need; as a tab, any.
        self.choices.setMinimumWidth(0 if event.size().width() < needed else column)
        if not self.narrow and event.size().width() < needed:
            self.tabs.insertTab(0, self.choices, self.tr("What goes in"))
            self.tabs.setCurrentIndex(0)
        elif self.narrow and event.size().width() >= needed + 80:
            current = self.tabs.currentWidget()
            self.tabs.removeTab(self.tabs.indexOf(self.choices))
            self.split.insertWidget(0, self.choices)
            self.choices.show()
            self.split.setSizes([420, max(1, event.size().width() - 420)])
            if current is not self.choices and current is not None:
                self.tabs.setCurrentWidget(current)

    def _connect_signals(self) -> None:
        self.choices.changed.connect(self._on_choice_changed)
        self.choices.add_extra_requested.connect(self._on_add_extra)
        self.choices.save_pdf_button.clicked.connect(self._on_save_pdf)
        self.choices.print_button.clicked.connect(self._on_print)
        self.versions.save_requested.connect(self._on_save_version)
        self.versions.compare_requested.connect(self._on_compare)
        self.versions.new_draft_requested.connect(self._on_new_draft)
        self.versions.pdf_requested.connect(self._on_version_pdf)
        self.autosaver.key_failed.connect(self._on_key_failed)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._bridge.changes_applied.connect(self._on_changes)

    @property
    def status(self) -> str:
        return self.choices.status.text()

    def _say(self, text: str) -> None:
        self.choices.status.setText(text)

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Reads the draft's choices, the versions and the checklist from the journal."""
        try:
            options = self._services.story.options()
        except PeerJournalError:
            return
        answered = self._answered()
        self.choices.apply(self._content, options, answered)
        self.choices.offer_extras(self._content, answered)
        self._reload_versions()
        if self.checklist_binding is not None:
            with contextlib.suppress(PeerJournalError):
                self.checklist_binding.load()
        self.refresh_preview()

    def _answered(self) -> set[str]:
        return {
            pid for pid, answer in self._services.answers.all().items() if a.is_answered(answer)
        }

    def _reload_versions(self) -> None:
        try:
            iterations = self._services.story.iterations()
        except PeerJournalError:
            iterations = []
        self.versions.show_versions(iterations)

    def current_options(self) -> st.StoryOptions:
        return self.choices.current_options()

    @Slot()
    def _on_choice_changed(self) -> None:
        self.autosaver.touch(DRAFT_KEY)
        self._preview_timer.start()

    @Slot(str, object)
    def _on_key_failed(self, key: str, error: object) -> None:
        if key in (DRAFT_KEY, CHECKLIST_KEY) and isinstance(error, BaseException):
            self._say(describe_error(error).text())

    @Slot(str)
    def _on_add_extra(self, prompt_id: str) -> None:
        options = st.add_extra(self._content, self.current_options(), prompt_id)
        answered = self._answered()
        self.choices.apply(self._content, options, answered)
        self.choices.offer_extras(self._content, answered)
        self._on_choice_changed()

    # -- preview ---------------------------------------------------------------------------

    @Slot()
    def refresh_preview(self) -> None:
        """Assembles the story now and sets it as a PDF in the background."""
        if not self._services.session.unlocked:
            return
        options = self.choices.options
        try:
            document = self._services.story.assemble(options=options)
        except PeerJournalError as exc:
            self._on_task_error(exc)
            return
        self.language.show_story(document)
        render = self._services.story.render_pdf
        paper = options.paper
        self.preview.build(
            lambda: render(document=document, paper=paper),
            error=self._show_problem,
            still_wanted=lambda: self._services.session.unlocked,
        )

    @property
    def preview_ready(self) -> bool:
        return self.preview.ready

    # -- versions --------------------------------------------------------------------------

    @Slot(str)
    def _on_save_version(self, name: str) -> None:
        story = self._services.story
        self.autosaver.save_now(DRAFT_KEY)  # queued ahead of the version on the write lane
        self._op("story.save_iteration").run(
            lambda: story.save_iteration(name=name), done=self._on_version_saved
        )

    def _on_version_saved(self, saved: st.StoryIteration) -> None:
        self.versions.saved()
        self._reload_versions()
        self._say(
            self.tr("Saved version {number}: {name}.").format(number=saved.number, name=saved.name)
        )

    @Slot(int, int)
    def _on_compare(self, old: int, new: int) -> None:
        try:
            diff = self._services.story.diff(old=old, new=None if new == DRAFT else new)
        except PeerJournalError as exc:
            self._on_task_error(exc)
            return
        self.versions.compare_view.show_diff(diff)

    @Slot(int)
    def _on_new_draft(self, number: int) -> None:
        if not self._prompter.confirm(
            self,
            self.tr("Start a new draft"),
            self.tr(
                "Start a new draft from version {number}? The sections, questions and "
                "order you chose then become your draft's choices again."
            ).format(number=number),
            accept=self.tr("Start a new draft"),
            reject=self.tr("Cancel"),
        ):
            return
        restore = self._prompter.confirm(
            self,
            self.tr("Bring back the answers too?"),
            self.tr(
                "Also bring back your written answers as they were in version {number}? "
                "Your answers as they are now stay in each answer's history, so nothing "
                "is lost."
            ).format(number=number),
            accept=self.tr("Bring back those answers"),
            reject=self.tr("Keep my answers as they are"),
        )
        story = self._services.story
        self.autosaver.flush()
        self._op("story.new_draft").run(
            lambda: story.new_draft_from(number=number, restore_answers=restore),
            done=self._on_new_draft_done,
        )

    def _on_new_draft_done(self, restored: list[str]) -> None:
        self.reload()
        self._say(
            self.tr("Your draft now starts from that version ({answers} brought back).").format(
                answers=count(len(restored), "answer")
            )
            if restored
            else self.tr("Your draft now starts from that version.")
        )

    # -- saving and printing ---------------------------------------------------------------

    def _suggested_name(self, *, day: date | None = None, version: int | None = None) -> str:
        """ "Recovery story – Siân – 2 December 2026.pdf" (a version's own date, and
        its number, for a version)."""
        when = day or date.today()
        words = QLocale().toString(QDate(when.year, when.month, when.day), "d MMMM yyyy")
        more = self.tr(" (version {number})").format(number=version) if version else ""
        return st.file_name(self.tr("Recovery story"), self.current_options().name, words + more)

    # Save PDF and Print go through "Before I share" (ui/story/share_review), unless these
    # very words were reviewed, or the review skipped, before.

    @Slot()
    def _on_save_pdf(self) -> None:
        self.begin_share(PDF, None)

    @Slot()
    def _on_print(self) -> None:
        self.begin_share(PRINT, None)

    @Slot(int)
    def _on_version_pdf(self, number: int) -> None:
        self.begin_share(PDF, number)

    def begin_share(self, how: str, version: int | None) -> ShareReviewDialog | None:
        """The review for this version (None: the draft), or straight on if it was done."""
        story, reviews = self._services.story, self._services.reviews
        options = self.current_options()
        try:
            document = story.document_for(iteration=version, options=options)
            earlier = reviews.find(version, document)
            checklist = self._services.answers.get(st.CHECKLIST_ID)
        except PeerJournalError as error:
            self._show_problem(describe_error(error).text())
            return None
        if earlier is not None:
            self._share_now(how, version, earlier)
            return None
        pdf = self.preview.pdf_bytes if version is None and self.preview.ready else b""
        dialog = ShareReviewDialog(
            self._services,
            self.autosaver,
            document,
            version=version,
            how=how,
            pdf=pdf,
            checklist=checklist,
            parent=self,
        )
        if not pdf:
            Op(self._tasks, owner=dialog, serial=False, name="story.review_pdf").run(
                lambda: story.build_pdf(iteration=version, options=options), done=dialog.show_pdf
            )
        dialog.share_requested.connect(
            lambda chosen, given, skipped: self._reviewed(chosen, version, given, skipped)
        )
        self.review = dialog
        dialog.finished.connect(self._review_closed)
        dialog.open()
        return dialog

    @Slot()
    def _review_closed(self) -> None:
        self.review = None

    def _reviewed(self, how: str, version: int | None, given: object, skipped: bool) -> None:
        """Keeps the review (after any answer changed in it is saved), then shares."""
        story, reviews = self._services.story, self._services.reviews
        options = self.current_options()
        checklist: JsonValue = given if isinstance(given, dict) else None

        def keep() -> Review:
            document = story.document_for(iteration=version, options=options)
            return reviews.keep(version, document, checklist=checklist, skipped=skipped)

        self._op("story.review").run(keep, done=lambda done: self._share_now(how, version, done))

    def _version_day(self, number: int) -> date | None:
        try:
            found = self._services.story.iteration(number=number)
        except PeerJournalError:
            return None
        return found.saved.astimezone().date()

    def _share_now(self, how: str, version: int | None, review: Review) -> None:
        if how == PRINT:
            self._print(version, review)
            return
        title = (
            self.tr("Save version {number} as PDF").format(number=version)
            if version is not None
            else self.tr("Save your story as PDF")
        )
        day = self._version_day(version) if version is not None else None
        path = self._prompter.save_path(
            self, title, self._suggested_name(day=day, version=version), "PDF (*.pdf)"
        )
        if path is None:
            return
        story, reviews = self._services.story, self._services.reviews
        options = self.current_options()
        self._say(self.tr("Saving…"))

        def build_and_write() -> Path:
            written = story.write(path, story.build_pdf(iteration=version, options=options))
            reviews.shared(review, how=PDF, file=path.name)
            return written

        self._op("story.save_pdf").run(build_and_write, done=self._on_pdf_saved)

    def _on_pdf_saved(self, path: Path) -> None:
        self._say(
            self.tr("Saved to {path}. This copy is not encrypted: keep it somewhere safe.").format(
                path=path
            )
        )

    def _print(self, version: int | None, review: Review) -> None:
        story, reviews = self._services.story, self._services.reviews
        options = self.current_options()
        self._say(self.tr("Making the pages to print…"))

        def build() -> bytes:
            return story.build_pdf(iteration=version, options=options)

        def send(data: bytes) -> None:
            self._say("")
            title = self.choices.options.shown_title
            sent = self.printing.print_once(data, title, self._prompter, self)
            if sent is None:
                return
            if sent < 0:
                self._say(self.tr("The printer could not be started."))
                return
            self._op("story.printed").run(lambda: reviews.shared(review, how=PRINT))
            self._say(self.tr("Sent to the printer."))

        self._op("story.print").run(build, done=send)

    def print_to(self, printer: QPrinter) -> int:
        """Prints the previewed PDF page by page; returns the number of pages sent."""
        sent = self.preview.print_to(printer)
        if sent < 0:
            self._say(self.tr("The printer could not be started."))
            return 0
        return sent

    # -- changes and errors ----------------------------------------------------------------

    @Slot(object)
    def _on_changes(self, changes: Changes) -> None:
        if changes.session in (SessionState.LOCKED, SessionState.CLOSED):
            self.clear_sensitive()
            return
        if changes.session == SessionState.UNLOCKED:
            self.reload()
            return
        if not self._services.session.unlocked:  # news that arrived after the lock
            return
        if changes.answers:
            if st.CHECKLIST_ID in changes.answers and self.checklist_binding is not None:
                self.checklist_binding.changed_elsewhere()
            if changes.answers - {st.CHECKLIST_ID}:
                answered = self._answered()
                self.choices.reload_chooser(self._content, answered)
                self.choices.offer_extras(self._content, answered)
                self._preview_timer.start()

    def clear_sensitive(self) -> None:
        """Forgets everything decrypted: preview, texts, choices, versions."""
        self._preview_timer.stop()
        self.preview.clear()
        self.choices.clear()
        self.language.clear()
        self.versions.clear()

    def _op(self, name: str, *, serial: bool = True) -> Op:
        return Op(self._tasks, owner=self, error=self._show_problem, serial=serial, name=name)

    def _on_task_error(self, error: BaseException) -> None:
        self._show_problem(describe_error(error).text())

    def _show_problem(self, message: str) -> None:
        """Every problem on this page, in the words of ``ui/kit/errors.describe``."""
        self.versions.save_version_button.setEnabled(True)
        self.last_error = message
        self._say(message)
        self.preview.failed(message)


def _scrolling(panel: QWidget, parent: QWidget) -> QScrollArea:
    """A tab that scrolls when a zoomed or short window cannot hold it whole."""
    scroll = QScrollArea(parent)
    scroll.setObjectName(f"{panel.objectName() or 'panel'}Scroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(panel)
    return scroll


__all__ = ["StoryPage"]
