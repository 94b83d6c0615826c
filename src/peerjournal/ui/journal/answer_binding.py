"""One answer editor tied to the one save path, wherever the editor is shown.

The same answer can be on screen twice (the Language and Impact checklist is on its
part's page and on Your story). Each editor is bound under its own autosave key, saves
through the ``AutoSaver`` like everything else, and when the answer changes elsewhere
it shows the new answer, unless words typed here are still on their way.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot

from peerjournal.core import answers as a
from peerjournal.core.errors import VaultLocked
from peerjournal.services.answers import AnswerService
from peerjournal.ui.editors import PromptEditor
from peerjournal.ui.kit.autosave import AutoSaver


class AnswerBinding(QObject):
    def __init__(
        self,
        editor: PromptEditor,
        answers: AnswerService,
        autosaver: AutoSaver,
        key: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.key = key
        self.prompt_id = editor.prompt.id
        self._answers = answers
        self._autosaver = autosaver
        prompt_id = self.prompt_id

        def write(answer: a.Answer) -> object:
            return answers.save(prompt_id, answer)

        autosaver.register(key, snapshot=editor.answer, write=write)
        editor.edited.connect(self._on_edited)
        editor.committed.connect(self._on_committed)

    def load(self) -> None:
        """Shows the answer: the one on its way to the vault if there is one, else the saved one."""
        pending = self._autosaver.latest(self.key)
        answer = pending if isinstance(pending, a.Answer) else self._answers.get(self.prompt_id)
        self.editor.set_answer(answer)

    def changed_elsewhere(self) -> bool:
        """Shows the saved answer if it differs and nothing typed here is pending; True if so."""
        if self._autosaver.busy(self.key):
            return False
        try:
            saved = self._answers.get(self.prompt_id)
        except VaultLocked:  # news that arrived after the lock: nothing to show
            return False
        shown = self.editor.answer()
        empty = a.empty_for(self.editor.prompt)
        if (saved or empty) == shown or (saved is None and not a.is_answered(shown)):
            return False
        self.editor.set_answer(saved)
        return True

    def save_now(self) -> None:
        self._autosaver.save_now(self.key)

    @Slot()
    def _on_edited(self) -> None:
        self._autosaver.touch(self.key)

    @Slot()
    def _on_committed(self) -> None:
        self._autosaver.save_now(self.key)


__all__ = ["AnswerBinding"]
