"""A part of the programme (a session, a section, a part of the Tree) as a page.

The page shows the part's short introduction and its readings and prompts in order,
one editor per prompt. Every editor autosaves through the window's ``AutoSaver``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core import answers as a
from peerjournal.core import progress as p
from peerjournal.core.content import model as m
from peerjournal.core.kinds.ladder import LadderMark
from peerjournal.core.vault.records import SaveResult
from peerjournal.services.container import Services
from peerjournal.services.events import Changes
from peerjournal.ui.dialogs.history_dialog import AnswerHistoryDialog
from peerjournal.ui.editors import (
    LadderEditor,
    PromptEditor,
    ReadingView,
    TextEditor,
    editor_for,
)
from peerjournal.ui.editors.reading import markdown_label
from peerjournal.ui.editors.text import GrowingTextEdit, paste_refused_words
from peerjournal.ui.journal.answer_binding import AnswerBinding
from peerjournal.ui.journal.language_highlighter import attach as attach_language
from peerjournal.ui.kit.autosave import AutoSaver
from peerjournal.ui.kit.errors import describe
from peerjournal.ui.kit.i18n import progress_words, translate
from peerjournal.ui.kit.ops import Op
from peerjournal.ui.kit.prompter import Prompter
from peerjournal.ui.kit.tasks import TaskRunner
from peerjournal.ui.kit.theme import set_role
from peerjournal.ui.kit.widgets import WrappingButton, button, label

PAGE_WIDTH = 900
DAMAGED_TEXT = (
    "This answer could not be read: part of the file holding it is damaged. Nothing else "
    "is affected. “Bring back what can be” at the top of the window, or Earlier versions "
    "here, brings back its newest readable version."
)


def answer_key(prompt_id: str) -> str:
    return f"answer:{prompt_id}"


class PageScroll(QScrollArea):
    """A scrolling page whose body keeps a comfortable reading width, centred."""

    def __init__(self, parent: QWidget | None = None, *, width: int = PAGE_WIDTH) -> None:
        super().__init__(parent)
        self.setObjectName("pageScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget(self)
        holder.setObjectName("pageBody")
        self.body_widget = QWidget(holder)
        self.body_widget.setMaximumWidth(width)
        self.body = QVBoxLayout(self.body_widget)
        self.body.setContentsMargins(8, 28, 8, 48)
        self.body.setSpacing(18)
        row = QHBoxLayout(holder)
        row.setContentsMargins(32, 0, 32, 0)
        row.addStretch(1)
        row.addWidget(self.body_widget, 100)
        row.addStretch(1)
        self.setWidget(holder)


class PromptCard(QFrame):
    """One prompt: the question word for word, a hint, the editor, its history."""

    history_requested = Signal(str)

    def __init__(self, prompt: m.Prompt, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "card")
        self.setObjectName(f"card:{prompt.id}")
        self.prompt = prompt
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 14)
        layout.setSpacing(10)
        if isinstance(prompt, m.TextPrompt) and prompt.label:
            layout.addWidget(label(prompt.label.upper(), "eyebrow", self))
        self.question = label(prompt.text, "question", self, name=f"question:{prompt.id}")
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.question)
        if isinstance(prompt, m.TextPrompt) and prompt.hint:
            layout.addWidget(label(prompt.hint, "hint", self))
        self.editor: PromptEditor = editor_for(prompt, self)
        layout.addWidget(self.editor)
        self.problem = label("", "error", self, name=f"problem:{prompt.id}")
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        footer = QHBoxLayout()
        footer.addStretch(1)
        self.history_button: QPushButton = button(
            translate("part_page", "Earlier versions"), "quiet", self, name=f"history:{prompt.id}"
        )
        self.history_button.setAccessibleName(
            translate("part_page", "Earlier versions of this answer")
        )
        footer.addWidget(self.history_button)
        layout.addLayout(footer)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.history_button.clicked.connect(self._on_history)
        for edit in self.editor.findChildren(GrowingTextEdit):
            edit.paste_refused.connect(self._on_paste_refused)

    @Slot(int)
    def _on_paste_refused(self, size: int) -> None:
        self.show_problem(paste_refused_words(size))

    @Slot()
    def _on_history(self) -> None:
        self.history_requested.emit(self.prompt.id)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))


class PartPage(PageScroll):
    """A part: its introduction, aims, readings and prompts, with progress at the top."""

    def __init__(
        self,
        services: Services,
        programme: m.Programme,
        part: m.Part,
        autosaver: AutoSaver,
        tasks: TaskRunner,
        prompter: Prompter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"partPage:{part.id}")
        self.setAccessibleName(part.title)
        self.part = part
        self._services = services
        self._autosaver = autosaver
        self._tasks = tasks
        self._prompter = prompter
        self.cards: dict[str, PromptCard] = {}
        self.editors: dict[str, PromptEditor] = {}
        self.bindings: dict[str, AnswerBinding] = {}

        self.body.addWidget(label(programme.title.upper(), "eyebrow", self.body_widget))
        self.title = label(part.title, "title", self.body_widget, name="partTitle")
        self.body.addWidget(self.title)
        self.progress = label("", "progress", self.body_widget, name="partProgress")
        self.body.addWidget(self.progress)
        if part.intro:
            intro = markdown_label(part.intro, self.body_widget)
            intro.setObjectName("partIntro")
            self.body.addWidget(intro)
        if part.aims:
            aims = QFrame(self.body_widget)
            set_role(aims, "softCard")
            inner = QVBoxLayout(aims)
            inner.setContentsMargins(18, 14, 18, 14)
            inner.addWidget(label(translate("part_page", "This session's aims"), "heading", aims))
            inner.addWidget(markdown_label("\n".join(f"- {aim}" for aim in part.aims), aims))
            self.body.addWidget(aims)
        self._language: list[object] = []
        for item in part.items:
            if isinstance(item, m.Reading):
                self.body.addWidget(ReadingView(item, self.body_widget))
                continue
            card = PromptCard(item, self.body_widget)
            self.cards[item.id] = card
            self.editors[item.id] = card.editor
            if isinstance(card.editor, TextEditor):
                self._language.append(
                    attach_language(card.editor.edit, services.content.phrases, services.spelling)
                )
            self.body.addWidget(card)
            self.bindings[item.id] = AnswerBinding(
                card.editor, services.answers, autosaver, answer_key(item.id), self
            )
        if not part.items:
            self.body.addWidget(
                label(
                    translate("part_page", "There is nothing to answer here."),
                    "muted",
                    self.body_widget,
                )
            )
        self.body.addStretch(1)
        self.load_answers()
        self.refresh_progress()
        self._connect_signals()

    def _connect_signals(self) -> None:
        for card in self.cards.values():
            card.history_requested.connect(self.open_history)
        self._autosaver.key_saved.connect(self._on_key_saved)
        self._autosaver.key_failed.connect(self._on_key_failed)

    def load_answers(self) -> None:
        damaged = self._services.answers.unreadable()
        for prompt_id, binding in self.bindings.items():
            binding.load()
            if isinstance(binding.editor, LadderEditor):
                self._load_ladder_history(prompt_id)
            if prompt_id in damaged:
                self.cards[prompt_id].show_problem(DAMAGED_TEXT)
            elif self.cards[prompt_id].problem.text() == DAMAGED_TEXT:
                self.cards[prompt_id].show_problem("")

    def _load_ladder_history(self, prompt_id: str) -> None:
        answers = self._services.answers

        def show(marks: list[LadderMark]) -> None:
            editor = self.editors.get(prompt_id)
            if isinstance(editor, LadderEditor):
                editor.set_history(marks)

        Op(self._tasks, owner=self, serial=False, name="ladder-history").run(
            lambda: answers.ladder_marks(prompt_id), done=show
        )

    def refresh_progress(self) -> None:
        progress = p.part_progress(self.part, self._services.answers.get)
        self.progress.setText(progress_words(progress) if progress.total else "")

    # -- autosave ----------------------------------------------------------------------

    @Slot(str, object)
    def _on_key_saved(self, key: str, result: object) -> None:
        binding = self.bindings.get(key.removeprefix("answer:"))
        if binding is None or binding.key != key:
            return
        card = self.cards[binding.prompt_id]
        card.show_problem("")
        if isinstance(card.editor, LadderEditor):
            if isinstance(result, SaveResult) and not result.unchanged:
                card.editor.show_saved(corrected=result.corrected)
            self._load_ladder_history(binding.prompt_id)

    @Slot(str, object)
    def _on_key_failed(self, key: str, error: object) -> None:
        card = self.cards.get(key.removeprefix("answer:"))
        if card is not None and isinstance(error, BaseException):
            card.show_problem(describe(error).text())

    def on_changes(self, changes: Changes) -> None:
        mine = [pid for pid in changes.answers if pid in self.bindings]
        for pid in mine:
            if self.bindings[pid].changed_elsewhere() and isinstance(
                self.editors[pid], LadderEditor
            ):
                self._load_ladder_history(pid)
        if mine:
            self.refresh_progress()

    # -- moving around -------------------------------------------------------------------

    def reveal(self, prompt_id: str) -> None:
        """Scrolls to the prompt and puts the cursor in its editor."""
        card = self.cards.get(prompt_id)
        if card is None:
            return

        def go() -> None:
            self.ensureWidgetVisible(card, 0, 24)
            self.verticalScrollBar().setValue(
                min(card.y() - 24, self.verticalScrollBar().maximum())
            )
            card.editor.focus_first()

        QTimer.singleShot(0, go)

    def focus_first(self) -> None:
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(str)
    def open_history(self, prompt_id: str) -> None:
        card = self.cards.get(prompt_id)
        if card is None:
            return
        self.bindings[prompt_id].save_now()
        dialog = AnswerHistoryDialog(self._services, self._tasks, card.prompt, self)
        dialog.restored.connect(self._on_restored)
        dialog.open()

    @Slot(str, object)
    def _on_restored(self, prompt_id: str, answer: object) -> None:
        editor = self.editors.get(prompt_id)
        if editor is not None and isinstance(answer, a.Answer):
            editor.set_answer(answer)
            self.refresh_progress()
            if isinstance(editor, LadderEditor):
                self._load_ladder_history(prompt_id)


class ProgrammePage(PageScroll):
    """A programme's introduction and its parts, each with its progress."""

    part_requested = Signal(str)

    def __init__(
        self, services: Services, programme: m.Programme, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"programmePage:{programme.id}")
        self.setAccessibleName(programme.title)
        self.programme = programme
        self._services = services
        self.title = label(programme.title, "title", self.body_widget, name="programmeTitle")
        self.body.addWidget(self.title)
        self.progress = label("", "progress", self.body_widget, name="programmeProgress")
        self.body.addWidget(self.progress)
        if programme.intro:
            self.body.addWidget(markdown_label(programme.intro, self.body_widget))
        self._buttons: dict[str, QPushButton] = {}
        self._rows: dict[str, QLabel] = {}
        for part in programme.parts:
            row = QFrame(self.body_widget)
            set_role(row, "option")
            inner = QHBoxLayout(row)
            inner.setContentsMargins(16, 10, 16, 10)
            go = WrappingButton(part.title, "link", row)
            go.setObjectName(f"open:{part.id}")
            go.setAccessibleName(translate("part_page", "Open %1").replace("%1", part.title))
            inner.addWidget(go, 1)
            status = label("", "progress", row, name=f"progress:{part.id}")
            status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            inner.addWidget(status)
            self._buttons[part.id] = go
            self._rows[part.id] = status
            self.body.addWidget(row)
        self.body.addStretch(1)
        self.refresh_progress()
        self._connect_signals()

    def _connect_signals(self) -> None:
        for go in self._buttons.values():
            go.clicked.connect(self._on_open)

    @Slot()
    def _on_open(self) -> None:
        sender = self.sender()
        if isinstance(sender, QPushButton):
            self.part_requested.emit(sender.objectName().removeprefix("open:"))

    def refresh_progress(self) -> None:
        lookup = self._services.answers.get
        overall = p.programme_progress(self.programme, lookup)
        self.progress.setText(progress_words(overall) if overall.total else "")
        for part in self.programme.parts:
            status = self._rows[part.id]
            progress = p.part_progress(part, lookup)
            status.setText(progress_words(progress) if progress.total else "")

    def on_changes(self, _changes: Changes) -> None:
        self.refresh_progress()

    def focus_first(self) -> None:
        first = next(iter(self._buttons.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = ["PageScroll", "PartPage", "ProgrammePage", "PromptCard", "answer_key"]
