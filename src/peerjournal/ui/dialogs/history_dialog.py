"""An answer's earlier versions, and bringing one back (as a new version: nothing is lost)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core import answers as a
from peerjournal.core.content import model as m
from peerjournal.services.answers import AnswerVersion
from peerjournal.services.container import Services
from peerjournal.ui.kit.dates import when
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.ops import Op
from peerjournal.ui.kit.tasks import TaskRunner
from peerjournal.ui.kit.widgets import button, label

SEQ_ROLE = Qt.ItemDataRole.UserRole
HISTORY_TEXT = (
    "A new version is kept each time you come back to this answer: after 5 minutes "
    "without a change, or once you have locked, closed peerjournal or gone to another "
    "page. While you keep typing, your words go into the same version. Emptying an "
    "answer never replaces what it said. Choose a version to read it; using an earlier "
    "one keeps today's too, as a version of its own."
)


class AnswerHistoryDialog(QDialog):
    """Lists the saved versions of one answer; "Use this version" restores one."""

    restored = Signal(str, object)
    """(prompt id, the answer now current)."""

    def __init__(
        self,
        services: Services,
        tasks: TaskRunner,
        prompt: m.Prompt,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(translate("history_dialog", "Earlier versions"))
        self.setModal(True)
        self.resize(820, 520)
        self._services = services
        self._tasks = tasks
        self._prompt = prompt
        self._versions: dict[int, AnswerVersion] = {}
        self.question = label(prompt.text, "heading", self)
        self.intro = label(
            HISTORY_TEXT,
            "small",
            self,
        )
        self.list = QListWidget(self)
        self.list.setObjectName("historyList")
        self.list.setAccessibleName(translate("history_dialog", "Saved versions"))
        self.list.setMinimumWidth(300)
        self.list.setWordWrap(True)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("historyPreview")
        self.preview.setAccessibleName(translate("history_dialog", "This version"))
        self.status = label("", "small", self, name="historyStatus")
        self.restore_button = button(
            translate("history_dialog", "Use this version"), "primary", self, name="restoreVersion"
        )
        self.restore_button.setEnabled(False)
        self.close_button = button(
            translate("history_dialog", "Close"), "", self, name="closeHistory"
        )
        panes = QHBoxLayout()
        panes.addWidget(self.list, 2)
        panes.addWidget(self.preview, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.question)
        layout.addWidget(self.intro)
        layout.addLayout(panes, 1)
        layout.addLayout(buttons)
        self._connect_signals()
        self._load()

    def _connect_signals(self) -> None:
        self.list.currentItemChanged.connect(self._on_current)
        self.restore_button.clicked.connect(self.restore)
        self.close_button.clicked.connect(self.reject)

    def _load(self) -> None:
        answers = self._services.answers
        prompt_id = self._prompt.id
        self.status.setText(translate("history_dialog", "Loading…"))
        Op(self._tasks, owner=self, error=self.status.setText, name="history").run(
            lambda: answers.history(prompt_id), done=self._show_versions
        )

    def _show_versions(self, versions: list[AnswerVersion]) -> None:
        self.list.clear()
        self._versions = {v.seq: v for v in versions}
        newest = max(self._versions, default=None)
        for version in sorted(versions, key=lambda v: v.seq, reverse=True):
            text = when(version.saved).replace(" at ", "\n")
            if version.seq == newest:
                text += " · as it is now"
            item = QListWidgetItem(text)
            item.setData(SEQ_ROLE, version.seq)
            self.list.addItem(item)
        self.status.setText(
            "" if versions else translate("history_dialog", "Nothing has been saved here yet.")
        )
        if self.list.count():
            self.list.setCurrentRow(0)
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_current(self, current: QListWidgetItem | None, _prev: QListWidgetItem | None) -> None:
        version = self._version(current)
        if version is None:
            self.preview.clear()
            self.restore_button.setEnabled(False)
            return
        if version.answer is None:
            self.preview.setPlainText("This version can no longer be shown.")
        else:
            self.preview.setMarkdown(a.words(self._prompt, version.answer) or "(empty)")
        newest = max(self._versions, default=None)
        self.restore_button.setEnabled(version.answer is not None and version.seq != newest)

    def _version(self, item: QListWidgetItem | None) -> AnswerVersion | None:
        if item is None:
            return None
        seq = item.data(SEQ_ROLE)
        return self._versions.get(seq) if isinstance(seq, int) else None

    @Slot()
    def restore(self) -> None:
        version = self._version(self.list.currentItem())
        if version is None or version.answer is None:
            return
        answers = self._services.answers
        prompt_id = self._prompt.id
        seq = version.seq
        answer = version.answer

        def done(_result: object) -> None:
            self.restored.emit(prompt_id, answer)
            self.accept()

        Op(
            self._tasks,
            owner=self,
            busy=lambda busy: self.restore_button.setEnabled(not busy),
            error=self.status.setText,
            name="restore-version",
        ).run(lambda: answers.restore(prompt_id, seq), done=done)


__all__ = ["AnswerHistoryDialog"]
