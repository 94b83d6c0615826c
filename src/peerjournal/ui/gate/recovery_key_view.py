"""The recovery key, shown once at setup, with Print, Save as PDF and Copy."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, Qt, Signal, Slot
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from peerjournal.core.vault.recovery_key import RecoveryKey
from peerjournal.ui.kit.clipboard import SecretClipboard
from peerjournal.ui.kit.dates import day_month_year
from peerjournal.ui.kit.errors import describe
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.markdown_text import escape
from peerjournal.ui.kit.prompter import Prompter
from peerjournal.ui.kit.theme import mono_font, set_role
from peerjournal.ui.kit.widgets import button, label

log = logging.getLogger(__name__)


def key_document(blocks: list[str], made: date) -> QTextDocument:
    """A one-page sheet with the key and what it is for; nothing personal on it."""
    rows = [" ".join(blocks[i : i + 4]) for i in range(0, len(blocks), 4)]
    key_html = "<br>".join(escape(r) for r in rows)
    doc = QTextDocument()
    doc.setHtml(
        f"""
<h1 style="font-family: sans-serif;">peerjournal recovery key</h1>
<p style="font-family: sans-serif;">Made on {day_month_year(made)}.</p>
<p style="font-family: monospace; font-size: 22pt; letter-spacing: 3px;
  margin: 24px 0;">{key_html}</p>
<p style="font-family: sans-serif;">If you ever forget your passphrase, this key opens your
journal so you can choose a new one. Choose <i>Forgot your passphrase?</i> in peerjournal
and type the key in. Capital letters and spaces do not matter.</p>
<p style="font-family: sans-serif;">Keep it somewhere safe and private, away from your
laptop. Anyone who has this key and your laptop could read your journal.</p>
"""
    )
    return doc


def save_pdf(doc: QTextDocument, path: Path) -> None:
    """Writes ``doc`` as a PDF to exactly ``path`` and nowhere else."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(20, 20, 20, 20),
            QPageLayout.Unit.Millimeter,
        )
    )
    printer.setCreator("peerjournal")
    printer.setDocName("peerjournal recovery key")
    printer.setOutputFileName(str(path))
    doc.print_(printer)


class RecoveryKeyPanel(QWidget):
    """Shows the key in blocks; Continue is offered once it has been written down."""

    continued = Signal()

    def __init__(
        self,
        prompter: Prompter,
        clipboard: SecretClipboard,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryKeyPanel")
        self._prompter = prompter
        self._clipboard = clipboard
        self._blocks: list[str] = []
        self.title = label(translate("recovery_key_view", "Your recovery key"), "title", self)
        self.intro = label(
            translate(
                "recovery_key_view",
                "If you ever forget your passphrase, this key is the only other way into your "
                "journal. It is shown only this once. Please write it down, print it or save it, "
                "and keep it somewhere safe and private, away from this laptop.",
            ),
            "",
            self,
        )
        self.key = QLabel(self)
        self.key.setObjectName("recoveryKey")
        set_role(self.key, "recoveryKey")
        self.key.setFont(mono_font(self.font().pointSize() + 6))
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Not selectable: on X11 a selection is copied to PRIMARY, which nothing clears.
        # "Copy" puts it on the clipboard, concealed and cleared after 30 seconds.
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.key.setAccessibleName(translate("recovery_key_view", "Recovery key"))
        self.print_button = button(
            translate("recovery_key_view", "Print…"), "", self, name="printKey"
        )
        self.pdf_button = button(
            translate("recovery_key_view", "Save as PDF…"), "", self, name="saveKeyPdf"
        )
        self.copy_button = button(translate("recovery_key_view", "Copy"), "", self, name="copyKey")
        self.copy_button.setToolTip(
            translate(
                "recovery_key_view", "Copied privately, and cleared from the clipboard in 30 s"
            )
        )
        self.note = label("", "small", self, name="recoveryNote")
        self.written = QCheckBox(
            translate("recovery_key_view", "I have written it down, or printed or saved it"), self
        )
        self.written.setObjectName("writtenDown")
        self.continue_button = button(
            translate("recovery_key_view", "Continue"), "primary", self, name="continueButton"
        )
        self.continue_button.setEnabled(False)

        actions = QHBoxLayout()
        actions.setSpacing(8)
        actions.addWidget(self.print_button)
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.copy_button)
        actions.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.written, 1)
        bottom.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.key)
        layout.addLayout(actions)
        layout.addWidget(self.note)
        layout.addSpacing(8)
        layout.addLayout(bottom)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.written.toggled.connect(self.continue_button.setEnabled)
        self.print_button.clicked.connect(self.print_key)
        self.pdf_button.clicked.connect(self.save_key_pdf)
        self.copy_button.clicked.connect(self.copy_key)
        self.continue_button.clicked.connect(self._on_continue)

    def show_key(self, key: RecoveryKey) -> None:
        self._blocks = key.blocks()
        rows = [" ".join(self._blocks[i : i + 4]) for i in range(0, len(self._blocks), 4)]
        self.key.setText("\n".join(rows))
        self.written.setChecked(False)
        self.note.clear()
        self.written.setFocus(Qt.FocusReason.OtherFocusReason)

    def _document(self) -> QTextDocument:
        return key_document(self._blocks, date.today())

    @Slot()
    def print_key(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName("peerjournal recovery key")
        if not self._prompter.setup_printer(self, printer):
            return
        self._document().print_(printer)
        self.note.setText(translate("recovery_key_view", "Sent to the printer."))

    @Slot()
    def save_key_pdf(self) -> None:
        path = self._prompter.save_path(
            self, "Save your recovery key", "peerjournal-recovery-key.pdf", "PDF (*.pdf)"
        )
        if path is None:
            return
        try:
            save_pdf(self._document(), path)
        except OSError as exc:
            self.note.setText(describe(exc).text())
            return
        if not path.exists():
            self.note.setText(
                translate(
                    "recovery_key_view",
                    "That file could not be written. Please try another folder.",
                )
            )
            return
        self.note.setText(
            translate("recovery_key_view", "Saved as %1. Keep it somewhere private.").replace(
                "%1", path.name
            )
        )

    @Slot()
    def copy_key(self) -> None:
        self._clipboard.copy("-".join(self._blocks))
        self.note.setText(
            translate(
                "recovery_key_view",
                "Copied. Paste it somewhere safe now: it is cleared from the clipboard "
                "in 30 seconds.",
            )
        )

    @Slot()
    def _on_continue(self) -> None:
        if not self.written.isChecked():
            return
        self._clipboard.clear()
        self._blocks = []
        self.key.clear()
        self.continued.emit()


__all__ = ["RecoveryKeyPanel", "key_document", "save_pdf"]
