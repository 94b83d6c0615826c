"""The "Your story" page: choose what goes in, see it, keep versions, check the language.

On the left, the participant chooses: title and name, which sections and questions go in
and in which order (a checkable list to drag, or move with the buttons), whether
unanswered questions are left out or printed with space to write on, the last page "For
our conversation", and the paper. In the middle, three tabs: a live preview of the PDF
(built off the UI thread and shown from memory, never from a temporary file), the saved
versions (save this version, compare two side by side, start a new draft from one), and
the recovery-language helper with the five Language and Impact questions beside it.

Choices are saved (encrypted, as the draft) through the window's one save path, about a
second after each change and at once on Lock, quick-hide, closing or leaving the page;
the Language and Impact checklist is the same answer as on its part's page, with its
"Not yet" and notes. When the journal locks, everything decrypted on this page
(preview, texts, choices) is cleared.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QFont, QImage, QMouseEvent, QPainter, QTextCharFormat, QTextCursor
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core import answers as a
from peerjournal.core import story as st
from peerjournal.core.content import model as m
from peerjournal.core.errors import PeerJournalError
from peerjournal.core.language import LanguageChecker
from peerjournal.services.container import Services
from peerjournal.services.events import Changes, SessionState
from peerjournal.services.story import IterationSummary
from peerjournal.ui.editors import ChecklistEditor
from peerjournal.ui.journal.answer_binding import AnswerBinding
from peerjournal.ui.journal.language_highlighter import (
    LanguageHighlighter,
    LanguageTooltips,
    describe,
)
from peerjournal.ui.kit.autosave import AutoSaver
from peerjournal.ui.kit.changes import ChangeBridge
from peerjournal.ui.kit.errors import describe as describe_error
from peerjournal.ui.kit.prompter import Prompter, QtPrompter
from peerjournal.ui.kit.tasks import TaskRunner
from peerjournal.ui.kit.widgets import transient
from peerjournal.ui.story.story_chooser import StoryChooser
from peerjournal.ui.story.story_compare import StoryCompareView

DEBOUNCE_MS = 450
"""How soon the preview follows a change (saving goes through the AutoSaver)."""
DRAFT_KEY = "story:draft"
CHECKLIST_KEY = "story:checklist"
DRAFT = -1  # the "current draft" entry in the compare choosers
PAPER_LABELS = (("a4", "A4"), ("letter", "US Letter"))


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
        self._checker = LanguageChecker(services.content.phrases)
        self._options = st.StoryOptions()
        self._loading = False
        self._build_generation = 0
        self._pdf_bytes = b""
        self._pdf_generation = -1
        self._pdf_buffer: QBuffer | None = None
        self._pdf_data: QByteArray | None = None
        self._iterations: list[IterationSummary] = []
        self.last_error = ""

        self._build_ui()
        story = services.story

        def write_draft(options: st.StoryOptions) -> object:
            story.save_options(options=options)
            return None

        self.autosaver.register(DRAFT_KEY, snapshot=self.current_options, write=write_draft)
        self.checklist_binding: AnswerBinding | None = (
            AnswerBinding(
                self.checklist_editor, services.answers, self.autosaver, CHECKLIST_KEY, self
            )
            if self.checklist_editor is not None
            else None
        )
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(DEBOUNCE_MS)
        self._bridge = ChangeBridge(services.hub, self)
        self._connect_signals()
        if services.session.unlocked:
            self.reload()

    # -- building the widgets ---------------------------------------------------------------

    def _build_ui(self) -> None:
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setObjectName("storySplit")
        outer.addWidget(split)
        split.addWidget(self._build_choices())
        split.addWidget(self._build_tabs())
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([420, 860])

    def _build_choices(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setObjectName("storyChoices")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(340)
        holder = QWidget(scroll)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(16, 16, 12, 16)
        layout.setSpacing(10)

        heading = QLabel(self.tr("Your story"), holder)
        heading.setProperty("role", "title")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        heading.setFont(font)
        layout.addWidget(heading)
        intro = QLabel(
            self.tr(
                "You decide what goes in. Nothing here is shared unless you save or "
                "print it yourself."
            ),
            holder,
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        layout.addWidget(intro)

        form = QFormLayout()
        self.title_edit = QLineEdit(holder)
        self.title_edit.setObjectName("storyTitle")
        self.title_edit.setPlaceholderText(st.DEFAULT_TITLE)
        self.title_edit.setMaxLength(st.MAX_FIELD)
        self.name_edit = QLineEdit(holder)
        self.name_edit.setObjectName("storyName")
        self.name_edit.setPlaceholderText(self.tr("Optional"))
        self.name_edit.setMaxLength(st.MAX_FIELD)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Your name"), self.name_edit)
        layout.addLayout(form)

        choose = QLabel(self.tr("What goes in, and in which order"), holder)
        choose.setProperty("role", "eyebrow")
        layout.addWidget(choose)
        self.chooser = StoryChooser(holder)
        self.chooser.setMinimumHeight(300)
        layout.addWidget(self.chooser, 1)
        moves = QHBoxLayout()
        self.up_button = QPushButton(self.tr("Move up"), holder)
        self.up_button.setObjectName("storyMoveUp")
        self.down_button = QPushButton(self.tr("Move down"), holder)
        self.down_button.setObjectName("storyMoveDown")
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addStretch(1)
        layout.addLayout(moves)

        extra_label = QLabel(self.tr("Add another answer to “More about me”"), holder)
        extra_label.setWordWrap(True)
        layout.addWidget(extra_label)
        extra = QHBoxLayout()
        self.extra_combo = QComboBox(holder)
        self.extra_combo.setObjectName("storyExtraChoice")
        self.extra_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.extra_combo.setMinimumContentsLength(10)
        transient(self.extra_combo)  # a choice for the Add button, not a setting
        self.extra_button = QPushButton(self.tr("Add"), holder)
        self.extra_button.setObjectName("storyAddExtra")
        extra.addWidget(self.extra_combo, 1)
        extra.addWidget(self.extra_button)
        layout.addLayout(extra)

        self.blank_check = QCheckBox(
            self.tr("Print unanswered questions with space to write on"), holder
        )
        self.blank_check.setObjectName("storyBlankSpace")
        layout.addWidget(_WrappingCheck(self.blank_check, self.blank_check.text(), holder))

        self.conversation_check = QCheckBox(
            self.tr("Add a last page: “For our conversation”"), holder
        )
        self.conversation_check.setObjectName("storyConversation")
        layout.addWidget(
            _WrappingCheck(self.conversation_check, self.conversation_check.text(), holder)
        )
        self.discuss_check = QCheckBox(
            self.tr("Include what I noted in my stocktake to discuss"), holder
        )
        self.discuss_check.setObjectName("storyDiscussNote")
        layout.addWidget(_WrappingCheck(self.discuss_check, self.discuss_check.text(), holder))
        self.points_edit = QPlainTextEdit(holder)
        self.points_edit.setObjectName("storyPoints")
        self.points_edit.setPlaceholderText(self.tr("Points to raise, one on each line"))
        self.points_edit.setMaximumHeight(90)
        layout.addWidget(self.points_edit)

        paper_row = QHBoxLayout()
        paper_row.addWidget(QLabel(self.tr("Paper"), holder))
        self.paper_combo = QComboBox(holder)
        self.paper_combo.setObjectName("storyPaper")
        for key, label in PAPER_LABELS:
            self.paper_combo.addItem(label, key)
        paper_row.addWidget(self.paper_combo)
        paper_row.addStretch(1)
        layout.addLayout(paper_row)

        actions = QHBoxLayout()
        self.save_pdf_button = QPushButton(self.tr("Save PDF…"), holder)
        self.save_pdf_button.setObjectName("storySavePdf")
        self.save_pdf_button.setProperty("role", "primary")
        self.print_button = QPushButton(self.tr("Print…"), holder)
        self.print_button.setObjectName("storyPrint")
        actions.addWidget(self.save_pdf_button)
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.status = QLabel("", holder)
        self.status.setObjectName("storyStatus")
        self.status.setWordWrap(True)
        self.status.setProperty("role", "muted")
        layout.addWidget(self.status)
        scroll.setWidget(holder)
        return scroll

    def _build_tabs(self) -> QWidget:
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("storyTabs")
        self.tabs.addTab(self._build_preview(), self.tr("Preview"))
        self.tabs.addTab(self._build_versions(), self.tr("Versions"))
        self.tabs.addTab(self._build_language(), self.tr("Language"))
        return self.tabs

    def _build_preview(self) -> QWidget:
        holder = QWidget(self)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(8, 8, 8, 8)
        row = QHBoxLayout()
        self.progress = QProgressBar(holder)
        self.progress.setObjectName("storyProgress")
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.preview_label = QLabel("", holder)
        self.preview_label.setObjectName("storyPreviewLabel")
        self.preview_label.setProperty("role", "muted")
        row.addWidget(self.preview_label, 1)
        row.addWidget(self.progress)
        layout.addLayout(row)
        self.pdf_document = QPdfDocument(self)
        self.pdf_view = QPdfView(holder)
        self.pdf_view.setObjectName("storyPreview")
        self.pdf_view.setDocument(self.pdf_document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitInView)
        layout.addWidget(self.pdf_view, 1)
        return holder

    def _build_versions(self) -> QWidget:
        holder = QWidget(self)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(12, 12, 12, 12)
        save_row = QHBoxLayout()
        self.version_name = QLineEdit(holder)
        self.version_name.setObjectName("storyVersionName")
        self.version_name.setPlaceholderText(
            self.tr("Name this version, e.g. “Before my first conversation”")
        )
        self.version_name.setMaxLength(200)
        transient(self.version_name)  # kept only when the version is saved
        self.save_version_button = QPushButton(self.tr("Save this version of my story"), holder)
        self.save_version_button.setObjectName("storySaveVersion")
        save_row.addWidget(self.version_name, 1)
        save_row.addWidget(self.save_version_button)
        layout.addLayout(save_row)
        note = QLabel(
            self.tr(
                "A saved version never changes, so you can look back on how your story has grown."
            ),
            holder,
        )
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        layout.addWidget(note)
        self.versions_list = QListWidget(holder)
        self.versions_list.setObjectName("storyVersions")
        self.versions_list.setMaximumHeight(150)
        layout.addWidget(self.versions_list)
        buttons = QHBoxLayout()
        self.new_draft_button = QPushButton(self.tr("Start a new draft from this version…"), holder)
        self.new_draft_button.setObjectName("storyNewDraft")
        self.version_pdf_button = QPushButton(self.tr("Save this version as PDF…"), holder)
        self.version_pdf_button.setObjectName("storyVersionPdf")
        buttons.addWidget(self.new_draft_button)
        buttons.addWidget(self.version_pdf_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        compare_row = QHBoxLayout()
        compare_row.addWidget(QLabel(self.tr("Compare"), holder))
        self.compare_old = QComboBox(holder)
        self.compare_old.setObjectName("storyCompareFrom")
        self.compare_new = QComboBox(holder)
        self.compare_new.setObjectName("storyCompareTo")
        transient(self.compare_old)
        transient(self.compare_new)
        compare_row.addWidget(self.compare_old, 1)
        compare_row.addWidget(QLabel(self.tr("with"), holder))
        compare_row.addWidget(self.compare_new, 1)
        self.compare_button = QPushButton(self.tr("Compare"), holder)
        self.compare_button.setObjectName("storyCompareButton")
        compare_row.addWidget(self.compare_button)
        layout.addLayout(compare_row)
        self.compare_view = StoryCompareView(holder)
        layout.addWidget(self.compare_view, 1)
        return holder

    def _build_language(self) -> QWidget:
        holder = QWidget(self)
        split = QSplitter(Qt.Orientation.Horizontal, holder)
        outer = QVBoxLayout(holder)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addWidget(split)

        left = QWidget(split)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        explain = QLabel(
            self.tr(
                "Some words have gentler, recovery-focused alternatives. They are "
                "underlined here; rest the pointer on one to see a suggestion. You decide: "
                "nothing is changed for you."
            ),
            left,
        )
        explain.setWordWrap(True)
        explain.setProperty("role", "muted")
        left_layout.addWidget(explain)
        self.language_text = QTextEdit(left)
        self.language_text.setObjectName("storyLanguageText")
        self.language_text.setReadOnly(True)
        self.language_text.setAcceptRichText(False)
        self.highlighter = LanguageHighlighter(self.language_text.document(), self._checker)
        self.tooltips = LanguageTooltips(self.language_text, self.highlighter)
        left_layout.addWidget(self.language_text, 3)
        self.language_list = QListWidget(left)
        self.language_list.setObjectName("storyLanguageMatches")
        self.language_list.setWordWrap(True)
        left_layout.addWidget(self.language_list, 1)
        split.addWidget(left)

        right = QGroupBox(self.tr("Language and impact"), split)
        right.setObjectName("storyChecklist")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 6, 6, 6)
        self.checklist_editor: ChecklistEditor | None = None
        prompt = self._content.prompt(st.CHECKLIST_ID)
        if isinstance(prompt, m.ChecklistPrompt):
            scroll = QScrollArea(right)
            scroll.setObjectName("storyChecklistScroll")
            scroll.setWidgetResizable(True)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            inner = QWidget(scroll)
            column = QVBoxLayout(inner)
            column.setContentsMargins(4, 4, 4, 4)
            lead = QLabel(" ".join(prompt.text.split()), inner)
            lead.setWordWrap(True)
            lead.setProperty("role", "muted")
            column.addWidget(lead)
            self.checklist_editor = ChecklistEditor(prompt, inner)
            # The same name as on the part's page: it is the same answer, shown twice.
            self.checklist_editor.setObjectName(f"editor:{prompt.id}")
            column.addWidget(self.checklist_editor)
            column.addStretch(1)
            scroll.setWidget(inner)
            right_layout.addWidget(scroll)
        split.addWidget(right)
        split.setSizes([460, 420])
        return holder

    # -- signals -------------------------------------------------------------------------------

    def _connect_signals(self) -> None:
        self.chooser.choice_changed.connect(self._on_choice_changed)
        self.title_edit.textEdited.connect(self._on_choice_changed)
        self.name_edit.textEdited.connect(self._on_choice_changed)
        self.blank_check.toggled.connect(self._on_choice_changed)
        self.conversation_check.toggled.connect(self._on_choice_changed)
        self.discuss_check.toggled.connect(self._on_choice_changed)
        self.points_edit.textChanged.connect(self._on_choice_changed)
        self.paper_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.up_button.clicked.connect(self._on_move_up)
        self.down_button.clicked.connect(self._on_move_down)
        self.extra_button.clicked.connect(self._on_add_extra)
        self.autosaver.key_failed.connect(self._on_key_failed)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self.save_pdf_button.clicked.connect(self._on_save_pdf)
        self.print_button.clicked.connect(self._on_print)
        self.save_version_button.clicked.connect(self._on_save_version)
        self.version_name.returnPressed.connect(self._on_save_version)
        self.compare_button.clicked.connect(self._on_compare)
        self.new_draft_button.clicked.connect(self._on_new_draft)
        self.version_pdf_button.clicked.connect(self._on_version_pdf)
        self.versions_list.currentRowChanged.connect(self._on_version_selected)
        self._bridge.changes_applied.connect(self._on_changes)

    # -- loading ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """Reads the draft's choices, the versions and the checklist from the journal."""
        try:
            options = self._services.story.options()
        except PeerJournalError:
            return
        self._apply_options(options)
        self._reload_versions()
        self._reload_checklist()
        self._reload_extras()
        self.refresh_preview()

    def _answered(self) -> set[str]:
        return {
            pid for pid, answer in self._services.answers.all().items() if a.is_answered(answer)
        }

    def _apply_options(self, options: st.StoryOptions) -> None:
        self._options = options
        self._loading = True
        try:
            self.title_edit.setText(options.title)
            self.name_edit.setText(options.name)
            self.blank_check.setChecked(options.blank_space)
            self.conversation_check.setChecked(options.conversation_page)
            self.discuss_check.setChecked(options.include_discuss_note)
            self.discuss_check.setEnabled(options.conversation_page)
            self.points_edit.setEnabled(options.conversation_page)
            self.points_edit.setPlainText("\n".join(options.conversation_points))
            index = self.paper_combo.findData(options.paper)
            self.paper_combo.setCurrentIndex(max(index, 0))
            self.chooser.load(self._content, options, self._answered())
        finally:
            self._loading = False

    def _reload_extras(self) -> None:
        in_story = {q.prompt_id for s in self._options.sections for q in s.questions}
        self.extra_combo.clear()
        for pid in sorted(self._answered()):
            located = self._content.locate(pid)
            if located is None or pid in in_story:
                continue
            text = " ".join(located.prompt.text.split())
            if len(text) > 70:
                text = text[:69] + "…"
            self.extra_combo.addItem(
                f"{located.part.short_title or located.part.title}: {text}", pid
            )
        self.extra_combo.setEnabled(self.extra_combo.count() > 0)
        self.extra_button.setEnabled(self.extra_combo.count() > 0)

    def _reload_versions(self) -> None:
        try:
            self._iterations = self._services.story.iterations()
        except PeerJournalError:
            self._iterations = []
        self.versions_list.clear()
        for it in reversed(self._iterations):
            when = it.saved.astimezone()
            item = QListWidgetItem(f"{it.number}. {it.name} — {when.day} {when:%B %Y, %H:%M}")
            item.setData(Qt.ItemDataRole.UserRole, it.number)
            self.versions_list.addItem(item)
        for combo in (self.compare_old, self.compare_new):
            combo.clear()
        self.compare_new.addItem(self.tr("Current draft"), DRAFT)
        for it in reversed(self._iterations):
            label = f"{it.number}. {it.name}"
            self.compare_old.addItem(label, it.number)
            self.compare_new.addItem(label, it.number)
        has = bool(self._iterations)
        for widget in (self.compare_button, self.new_draft_button, self.version_pdf_button):
            widget.setEnabled(has)
        if has:
            self.versions_list.setCurrentRow(0)

    def _reload_checklist(self) -> None:
        if self.checklist_binding is None:
            return
        try:
            self.checklist_binding.load()
        except PeerJournalError:
            return

    # -- choices ----------------------------------------------------------------------------------

    def current_options(self) -> st.StoryOptions:
        points = tuple(
            line.strip() for line in self.points_edit.toPlainText().splitlines() if line.strip()
        )
        return replace(
            self._options,
            title=self.title_edit.text(),
            name=self.name_edit.text(),
            blank_space=self.blank_check.isChecked(),
            sections=self.chooser.sections(),
            conversation_page=self.conversation_check.isChecked(),
            include_discuss_note=self.discuss_check.isChecked(),
            conversation_points=points[: st.MAX_POINTS],
            paper=str(self.paper_combo.currentData() or "a4"),
        )

    @Slot()
    def _on_choice_changed(self) -> None:
        if self._loading:
            return
        self._options = self.current_options()
        self.discuss_check.setEnabled(self._options.conversation_page)
        self.points_edit.setEnabled(self._options.conversation_page)
        self.autosaver.touch(DRAFT_KEY)
        self._preview_timer.start()

    @Slot(str, object)
    def _on_key_failed(self, key: str, error: object) -> None:
        if key in (DRAFT_KEY, CHECKLIST_KEY) and isinstance(error, BaseException):
            self.status.setText(describe_error(error).text())

    @Slot()
    def _on_move_up(self) -> None:
        self.chooser.move_current(-1)

    @Slot()
    def _on_move_down(self) -> None:
        self.chooser.move_current(+1)

    @Slot()
    def _on_add_extra(self) -> None:
        pid = self.extra_combo.currentData()
        if not isinstance(pid, str):
            return
        options = st.add_extra(self._content, self.current_options(), pid)
        self._apply_options(options)
        self._reload_extras()
        self._on_choice_changed()

    # -- preview -----------------------------------------------------------------------------------

    @Slot()
    def refresh_preview(self) -> None:
        """Assembles the story now and sets it as a PDF in the background."""
        if not self._services.session.unlocked:
            return
        try:
            document = self._services.story.assemble(options=self._options)
        except PeerJournalError as exc:
            self._on_task_error(exc)
            return
        self._refresh_language(document)
        self._start_build(document, self._options.paper)

    def _start_build(self, document: st.StoryDocument, paper: str) -> None:
        """The one place the PDF build is sent off the UI thread."""
        self._build_generation += 1
        generation = self._build_generation
        self.progress.show()
        self.preview_label.setText(self.tr("Updating the preview…"))
        render = self._services.story.render_pdf

        def done(pdf: bytes) -> None:
            self._on_built(generation, pdf)

        self._tasks.run(
            fn=lambda: render(document=document, paper=paper),
            on_done=done,
            on_error=self._on_task_error,
            owner=self,
            serial=False,
            name="story.pdf",
        )

    def _on_built(self, generation: int, pdf: bytes) -> None:
        if generation != self._build_generation or not self._services.session.unlocked:
            return
        self.progress.hide()
        self._pdf_bytes = pdf
        self._pdf_generation = generation
        self._show_pdf(pdf)

    def _show_pdf(self, pdf: bytes) -> None:
        self.pdf_document.close()
        if self._pdf_buffer is not None:
            self._pdf_buffer.close()
        self._pdf_data = QByteArray(pdf)
        self._pdf_buffer = QBuffer(self._pdf_data, self)
        self._pdf_buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf_document.load(self._pdf_buffer)
        pages = self.pdf_document.pageCount()
        self.preview_label.setText(
            self.tr("{pages} pages").format(pages=pages) if pages != 1 else self.tr("1 page")
        )

    @property
    def preview_ready(self) -> bool:
        return bool(self._pdf_bytes) and self._pdf_generation == self._build_generation

    def _clear_preview(self) -> None:
        self._build_generation += 1
        self.pdf_document.close()
        if self._pdf_buffer is not None:
            self._pdf_buffer.close()
            self._pdf_buffer = None
        self._pdf_data = None
        self._pdf_bytes = b""
        self.progress.hide()
        self.preview_label.clear()

    # -- language -------------------------------------------------------------------------------

    def _refresh_language(self, document: st.StoryDocument) -> None:
        edit = self.language_text
        edit.clear()
        cursor = QTextCursor(edit.document())
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        plain = QTextCharFormat()
        first = True
        for entry in document.entries:
            if entry.blank:
                continue
            if not first:
                cursor.insertBlock()
            first = False
            cursor.insertText(entry.question, heading)
            for line in entry.answer.split("\n"):
                cursor.insertBlock()
                cursor.insertText(line, plain)
            cursor.insertBlock()
        edit.moveCursor(QTextCursor.MoveOperation.Start)
        self.language_list.clear()
        for entry in document.entries:
            for match in self._checker.matches(entry.answer):
                item = QListWidgetItem(describe(match).replace("\n", " "))
                item.setToolTip(entry.question)
                self.language_list.addItem(item)
        if self.language_list.count() == 0:
            self.language_list.addItem(
                self.tr("No suggestions: the helper found nothing to mention.")
            )

    # -- versions --------------------------------------------------------------------------------

    def _selected_version(self) -> int | None:
        item = self.versions_list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, int) else None

    @Slot(int)
    def _on_version_selected(self, _row: int) -> None:
        number = self._selected_version()
        if number is None:
            return
        index = self.compare_old.findData(number)
        if index >= 0:
            self.compare_old.setCurrentIndex(index)
        self.compare_new.setCurrentIndex(0)

    @Slot()
    def _on_save_version(self) -> None:
        name = self.version_name.text().strip()
        story = self._services.story
        self.save_version_button.setEnabled(False)
        self.autosaver.save_now(DRAFT_KEY)  # queued ahead of the version on the write lane

        self._tasks.run(
            fn=lambda: story.save_iteration(name=name),
            on_done=self._on_version_saved,
            on_error=self._on_task_error,
            owner=self,
            serial=True,
            name="story.save_iteration",
        )

    def _on_version_saved(self, saved: st.StoryIteration) -> None:
        self.save_version_button.setEnabled(True)
        self.version_name.clear()
        self._reload_versions()
        self.status.setText(
            self.tr("Saved version {number}: {name}.").format(number=saved.number, name=saved.name)
        )

    @Slot()
    def _on_compare(self) -> None:
        old = self.compare_old.currentData()
        new = self.compare_new.currentData()
        if not isinstance(old, int) or not isinstance(new, int):
            return
        try:
            diff = self._services.story.diff(old=old, new=None if new == DRAFT else new)
        except PeerJournalError as exc:
            self._on_task_error(exc)
            return
        self.compare_view.show_diff(diff)

    @Slot()
    def _on_new_draft(self) -> None:
        number = self._selected_version()
        if number is None:
            return
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
        self._tasks.run(
            fn=lambda: story.new_draft_from(number=number, restore_answers=restore),
            on_done=self._on_new_draft_done,
            on_error=self._on_task_error,
            owner=self,
            serial=True,
            name="story.new_draft",
        )

    def _on_new_draft_done(self, restored: list[str]) -> None:
        self.reload()
        self.status.setText(
            self.tr(
                "Your draft now starts from that version ({count} answers brought back)."
            ).format(count=len(restored))
            if restored
            else self.tr("Your draft now starts from that version.")
        )

    # -- saving and printing ---------------------------------------------------------------------

    def _suggested_name(self) -> str:
        title = self._options.shown_title
        safe = "".join(ch for ch in title if ch.isalnum() or ch in " -_").strip()
        return f"{safe or 'My story'}.pdf"

    @Slot()
    def _on_save_pdf(self) -> None:
        path = self._prompter.save_path(
            self, self.tr("Save your story as PDF"), self._suggested_name(), "PDF (*.pdf)"
        )
        if path is None:
            return
        self._save_pdf_to(path, iteration=None)

    @Slot()
    def _on_version_pdf(self) -> None:
        number = self._selected_version()
        if number is None:
            return
        path = self._prompter.save_path(
            self,
            self.tr("Save version {number} as PDF").format(number=number),
            self._suggested_name().replace(".pdf", f" (version {number}).pdf"),
            "PDF (*.pdf)",
        )
        if path is not None:
            self._save_pdf_to(path, iteration=number)

    def _save_pdf_to(self, path: Path, *, iteration: int | None) -> None:
        story = self._services.story
        options = self.current_options()
        ready = self._pdf_bytes if iteration is None and self.preview_ready else b""
        self.status.setText(self.tr("Saving…"))

        def build_and_write() -> Path:
            data = ready or story.build_pdf(iteration=iteration, options=options)
            return story.write(path, data)

        self._tasks.run(
            fn=build_and_write,
            on_done=self._on_pdf_saved,
            on_error=self._on_task_error,
            owner=self,
            serial=False,
            name="story.save_pdf",
        )

    def _on_pdf_saved(self, path: Path) -> None:
        self.status.setText(
            self.tr("Saved to {path}. This copy is not encrypted: keep it somewhere safe.").format(
                path=path
            )
        )

    @Slot()
    def _on_print(self) -> None:
        if not self.preview_ready or self.pdf_document.pageCount() == 0:
            self.status.setText(self.tr("The preview is still being made; try again in a moment."))
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._options.shown_title)
        if not self._prompter.setup_printer(self, printer):
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Prints the previewed PDF page by page; returns the number of pages sent."""
        painter = QPainter()
        if not painter.begin(printer):
            self.status.setText(self.tr("The printer could not be started."))
            return 0
        dpi = min(printer.resolution(), 300)
        sent = 0
        try:
            for index in range(self.pdf_document.pageCount()):
                if index:
                    printer.newPage()
                points = self.pdf_document.pagePointSize(index)
                size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
                image: QImage = self.pdf_document.render(index, size)
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.save()
                painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
                painter.setWindow(image.rect())
                painter.drawImage(QPointF(0, 0), image)
                painter.restore()
                sent += 1
        finally:
            painter.end()
        return sent

    # -- changes and errors ---------------------------------------------------------------------

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
                self._loading = True
                try:
                    self.chooser.load(self._content, self._options, self._answered())
                finally:
                    self._loading = False
                self._reload_extras()
                self._preview_timer.start()

    def clear_sensitive(self) -> None:
        """Forgets everything decrypted: preview, texts, choices, versions."""
        self._preview_timer.stop()
        self._clear_preview()
        self._loading = True
        try:
            self.title_edit.clear()
            self.name_edit.clear()
            self.points_edit.clear()
            self.chooser.clear()
        finally:
            self._loading = False
        self.language_text.clear()
        self.language_list.clear()
        self.versions_list.clear()
        self.compare_view.clear()
        self.extra_combo.clear()
        self.version_name.clear()
        self.status.clear()
        if self.checklist_editor is not None:
            self.checklist_editor.set_answer(None)
        self._options = st.StoryOptions()

    def _on_task_error(self, error: BaseException) -> None:
        self.progress.hide()
        self.save_version_button.setEnabled(True)
        if isinstance(error, PeerJournalError):
            message = error.message
        else:
            message = self.tr("Something went wrong while making your story ({kind}).").format(
                kind=type(error).__name__
            )
        self.last_error = message
        self.status.setText(message)
        self.preview_label.setText(message if not self._pdf_bytes else self.preview_label.text())


class _WrappingCheck(QWidget):
    """A checkbox whose long question wraps onto several lines (QCheckBox cannot wrap)."""

    def __init__(self, box: QCheckBox, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        box.setText("")
        box.setAccessibleName(text)
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setBuddy(box)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(label, 1)
        self.label = label
        self.box = box

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.box.toggle()
        super().mousePressEvent(event)
