"""Settings → Your copy: everything out (a ZIP, the workbook, the stocktake) and back in.

Each copy is built off the UI thread and written whole or not at all (a temporary file
renamed into place). Writing to bring in is read whole first and said ("holds 3,650
entries from jrnl…") before the participant agrees; then it goes in in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core.dates import long_date
from peerjournal.services.container import Services
from peerjournal.services.incoming import Incoming
from peerjournal.services.transfer import Summary
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.ops import Op
from peerjournal.ui.kit.prompter import Prompter
from peerjournal.ui.kit.tasks import TaskRunner
from peerjournal.ui.kit.widgets import button, label

NOT_ENCRYPTED = (
    "A copy is not encrypted: anyone who can open the file can read what you wrote. "
    "Keep it somewhere safe (your own folder, or a USB stick you keep), and delete it "
    "when you no longer need it."
)
BRING_IN_TEXT = (
    "From a copy made here (the ZIP, or peerjournal.json), or from another journal: jrnl, "
    "Day One (its JSON export), RedNotebook (its data folder), or a folder of dated "
    "Markdown or text files, which become daily pages. Nothing you have now is overwritten."
)


class CopyDialog(QDialog):
    def __init__(
        self,
        services: Services,
        tasks: TaskRunner,
        prompter: Prompter,
        flush: Callable[[], None],
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("copyDialog")
        self.setWindowTitle(translate("copy_dialog", "Your copy"))
        self.setMinimumWidth(680)
        self._services = services
        self._tasks = tasks
        self._prompter = prompter
        self._flush = flush
        self._today = today
        self._working = False
        self.export_all = button(
            translate("copy_dialog", "Export everything…"), "primary", self, name="exportAll"
        )
        self.save_workbook = button(
            translate("copy_dialog", "Save the workbook as PDF…"), "", self, name="saveWorkbook"
        )
        self.save_stocktake = button(
            translate("copy_dialog", "Save my stocktake as PDF…"), "", self, name="saveStocktake"
        )
        self.bring_file = button(
            translate("copy_dialog", "Bring in a file…"), "", self, name="bringInFile"
        )
        self.bring_folder = button(
            translate("copy_dialog", "Bring in a folder…"), "", self, name="bringInFolder"
        )
        self.progress = QProgressBar(self)
        self.progress.setObjectName("copyProgress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(translate("copy_dialog", "Working"))
        self.progress.setMaximumHeight(6)
        self.progress.hide()
        self.status = label("", "notice", self, name="copyStatus")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        self.close_button = button(translate("copy_dialog", "Close"), "", self, name="closeCopy")
        self._build()
        self.export_all.clicked.connect(self._on_export_all)
        self.save_workbook.clicked.connect(self._on_workbook)
        self.save_stocktake.clicked.connect(self._on_stocktake)
        self.bring_file.clicked.connect(self._on_bring_file)
        self.bring_folder.clicked.connect(self._on_bring_folder)
        self.close_button.clicked.connect(self.accept)

    def _build(self) -> None:
        take = QVBoxLayout()
        take.setSpacing(4)
        rows: list[tuple[QPushButton, str]] = [
            (
                self.export_all,
                "One ZIP file: your answers as documents any computer opens, one for each "
                "part of the programme and one for your daily pages, with a copy that "
                "peerjournal can bring back in, every earlier version included.",
            ),
            (self.save_workbook, "Every question of the programme, with your answers."),
            (self.save_stocktake, "Your Personal Stocktake, and how it has moved over time."),
        ]
        for action, text in rows:
            take.addWidget(action, 0, Qt.AlignmentFlag.AlignLeft)
            about = label(text, "small", self)
            action.setAccessibleDescription(text)
            take.addWidget(about)
            take.addSpacing(8)
        bring = QHBoxLayout()
        bring.setSpacing(8)
        bring.addWidget(self.bring_file)
        bring.addWidget(self.bring_folder)
        bring.addStretch(1)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Plain)
        closing = QHBoxLayout()
        closing.addStretch(1)
        closing.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(label(translate("copy_dialog", "Your copy"), "title", self))
        layout.addWidget(
            label(
                translate(
                    "copy_dialog",
                    "Everything you write stays here, locked. Here you can make a copy to keep, "
                    "to print or to take to a new computer, and bring writing in.",
                ),
                "",
                self,
            )
        )
        layout.addWidget(label(translate("copy_dialog", "Take a copy"), "heading", self))
        layout.addLayout(take)
        layout.addWidget(label(NOT_ENCRYPTED, "small", self, name="notEncrypted"))
        layout.addWidget(line)
        layout.addWidget(label(translate("copy_dialog", "Bring in writing"), "heading", self))
        layout.addWidget(label(BRING_IN_TEXT, "small", self))
        layout.addLayout(bring)
        layout.addSpacing(4)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(closing)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit()  # a message or the progress bar appeared
        return handled

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Tall enough for its wrapped text at this width (a window's layout does not ask)."""
        layout = self.layout()
        needed = layout.totalHeightForWidth(self.width()) if layout is not None else 0
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)
        if self.height() < needed:
            self.resize(self.width(), needed)

    # -- work ------------------------------------------------------------------------------

    def _actions(self) -> tuple[QPushButton, ...]:
        return (
            self.export_all,
            self.save_workbook,
            self.save_stocktake,
            self.bring_file,
            self.bring_folder,
        )

    def _busy(self, busy: bool) -> None:
        self._working = busy
        for action in (*self._actions(), self.close_button):
            action.setEnabled(not busy)
        self.progress.setVisible(busy)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape waits while a copy is made or writing comes in: its outcome is said here,
        and pages typed on meanwhile would go on top of what came in. (Locking still
        closes it, through ``reject``.)"""
        if self._working and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._working:
            event.ignore()
            return
        super().closeEvent(event)

    def say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _op(self, name: str, *, serial: bool = True) -> Op:
        return Op(
            self._tasks, owner=self, busy=self._busy, error=self.say, serial=serial, name=name
        )

    def _save(
        self, title: str, suggested: str, file_filter: str, make: Callable[[Path], Path]
    ) -> None:
        path = self._prompter.save_path(self, title, suggested, file_filter)
        if path is None:
            return
        self._flush()
        self.say(translate("copy_dialog", "Making your copy…"))
        self._op("copy.save").run(lambda: make(path), done=self._saved)

    def _saved(self, path: Path) -> None:
        self.say(
            translate(
                "copy_dialog", "Saved to %1. This copy is not encrypted: keep it somewhere safe."
            ).replace("%1", str(path))
        )

    @Slot()
    def _on_export_all(self) -> None:
        exports = self._services.exports
        self._save(
            "Export everything",
            f"peerjournal copy {self._today().isoformat()}.zip",
            "ZIP (*.zip)",
            lambda path: exports.write("zip", path),
        )

    @Slot()
    def _on_workbook(self) -> None:
        story = self._services.story
        self._save(
            "Save the workbook as PDF",
            f"My workbook {long_date(self._today())}.pdf",
            "PDF (*.pdf)",
            lambda path: story.write(path, story.workbook_pdf()),
        )

    @Slot()
    def _on_stocktake(self) -> None:
        story = self._services.story
        self._save(
            "Save my stocktake as PDF",
            f"My stocktake {long_date(self._today())}.pdf",
            "PDF (*.pdf)",
            lambda path: story.write(path, story.stocktake_pdf()),
        )

    @Slot()
    def _on_bring_file(self) -> None:
        path = self._prompter.open_path(
            self,
            "Bring in writing from a file",
            "Journals (*.zip *.json *.txt *.md);;All files (*)",
        )
        if path is not None:
            self._look(path)

    @Slot()
    def _on_bring_folder(self) -> None:
        path = self._prompter.open_path(self, "Bring in writing from a folder", "", folder=True)
        if path is not None:
            self._look(path)

    def _look(self, path: Path) -> None:
        transfer = self._services.transfer
        self.say(translate("copy_dialog", "Reading %1…").replace("%1", path.name))
        self._op("copy.look", serial=False).run(lambda: transfer.look(path), done=self._looked)

    def _looked(self, incoming: Incoming) -> None:
        if incoming.copy is None and not incoming.days:
            self.say(incoming.sentence())
            return
        said = incoming.sentence()
        if incoming.left_out:
            said += " " + " ".join(incoming.left_out)
        if not self._prompter.confirm(
            self,
            translate("copy_dialog", "Bring in writing"),
            translate(
                "copy_dialog", "%1\n\nBring it in? Nothing you have now is overwritten."
            ).replace("%1", said),
            accept=translate("copy_dialog", "Bring it in"),
            reject=translate("copy_dialog", "Not now"),
        ):
            self.say("")
            return
        self._flush()
        transfer = self._services.transfer
        self.say(translate("copy_dialog", "Bringing it in…"))
        self._op("copy.bring").run(lambda: transfer.bring(incoming), done=self._brought)

    def _brought(self, summary: Summary) -> None:
        self.say(summary.sentence())


__all__ = ["NOT_ENCRYPTED", "CopyDialog"]
