"""Modal questions go through one injectable object, so tests can answer them.

After KeePassXC's ``MessageBox::setNextAnswer``: widgets never call ``QMessageBox`` or
``QFileDialog`` directly; they ask the ``Prompter`` they were given. ``QtPrompter`` is
the real one; tests pass a scripted one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget


class Prompter(Protocol):
    def confirm(
        self, parent: QWidget | None, title: str, text: str, *, accept: str, reject: str
    ) -> bool:
        """Asks a yes/no question; True for ``accept``."""
        ...

    def inform(self, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        """Tells the participant something that needs a moment's attention."""
        ...

    def save_path(
        self, parent: QWidget | None, title: str, suggested: str, file_filter: str
    ) -> Path | None:
        """Asks where to save a file; None if they changed their mind."""
        ...

    def open_path(
        self, parent: QWidget | None, title: str, file_filter: str, *, folder: bool = False
    ) -> Path | None:
        """Asks which file (or, with ``folder``, which folder) to open; None if not chosen."""
        ...

    def setup_printer(self, parent: QWidget | None, printer: QPrinter) -> bool:
        """Shows the print dialog for ``printer``; True to print."""
        ...


def suffix_of(file_filter: str) -> str:
    """The first pattern's ending: "PDF (*.pdf)" gives "pdf", "ZIP (*.zip)" gives "zip"."""
    start = file_filter.find("*.")
    if start < 0:
        return ""
    rest = file_filter[start + 2 :]
    return "".join(ch for ch in rest.split()[0] if ch.isalnum())


class QtPrompter:
    """The real dialogs."""

    def confirm(
        self, parent: QWidget | None, title: str, text: str, *, accept: str, reject: str
    ) -> bool:
        box = QMessageBox(parent)
        box.setWindowTitle(title)
        box.setText(text)
        box.setIcon(QMessageBox.Icon.Question)
        yes = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(reject, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.exec()
        return box.clickedButton() is yes

    def inform(self, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        box = QMessageBox(parent)
        box.setWindowTitle(title)
        box.setText(text)
        box.setIcon(QMessageBox.Icon.Information)
        if details:
            box.setDetailedText(details)
        box.exec()

    def save_path(
        self, parent: QWidget | None, title: str, suggested: str, file_filter: str
    ) -> Path | None:
        dialog = QFileDialog(parent, title, str(Path.home() / suggested), file_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        # Qt's own dialog: a native one may add the file to the desktop's recent files.
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setDefaultSuffix(suffix_of(file_filter))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        chosen = dialog.selectedFiles()
        return Path(chosen[0]) if chosen else None

    def open_path(
        self, parent: QWidget | None, title: str, file_filter: str, *, folder: bool = False
    ) -> Path | None:
        dialog = QFileDialog(parent, title, str(Path.home()), file_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        if folder:
            dialog.setFileMode(QFileDialog.FileMode.Directory)
            dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        chosen = dialog.selectedFiles()
        return Path(chosen[0]) if chosen else None

    def setup_printer(self, parent: QWidget | None, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted


__all__ = ["Prompter", "QtPrompter", "suffix_of"]
