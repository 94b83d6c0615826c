"""Your story's preview: the PDF as it will print, built off the UI thread, shown from memory.

A build is numbered (``generation``); a result that arrives after a newer build was
started, or after the journal locked, is dropped. Nothing is written to a file.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from peerjournal.ui.kit.ops import Op
from peerjournal.ui.kit.pdf_pages import print_pages
from peerjournal.ui.kit.tasks import TaskRunner


class PreviewPanel(QWidget):
    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.generation = 0
        self._pdf_generation = -1
        self.pdf_bytes = b""
        self._pdf_buffer: QBuffer | None = None
        self._pdf_data: QByteArray | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        row = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("storyProgress")
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.preview_label = QLabel("", self)
        self.preview_label.setObjectName("storyPreviewLabel")
        self.preview_label.setProperty("role", "muted")
        row.addWidget(self.preview_label, 1)
        row.addWidget(self.progress)
        layout.addLayout(row)
        self.pdf_document = QPdfDocument(self)
        self.pdf_view = QPdfView(self)
        self.pdf_view.setObjectName("storyPreview")
        self.pdf_view.setDocument(self.pdf_document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitInView)
        layout.addWidget(self.pdf_view, 1)

    @property
    def ready(self) -> bool:
        return bool(self.pdf_bytes) and self._pdf_generation == self.generation

    def build(
        self,
        render: Callable[[], bytes],
        *,
        error: Callable[[str], None],
        still_wanted: Callable[[], bool],
    ) -> None:
        """The one place the PDF build is sent off the UI thread."""
        self.generation += 1
        generation = self.generation
        self.progress.show()
        self.preview_label.setText(self.tr("Updating the preview…"))

        def done(pdf: bytes) -> None:
            if generation == self.generation and still_wanted():
                self._show(generation, pdf)

        Op(self._tasks, owner=self, error=error, serial=False, name="story.pdf").run(
            render, done=done
        )

    def _show(self, generation: int, pdf: bytes) -> None:
        self.progress.hide()
        self.pdf_bytes = pdf
        self._pdf_generation = generation
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

    def failed(self, message: str) -> None:
        self.progress.hide()
        if not self.pdf_bytes:
            self.preview_label.setText(message)

    def clear(self) -> None:
        self.generation += 1
        self.pdf_document.close()
        if self._pdf_buffer is not None:
            self._pdf_buffer.close()
            self._pdf_buffer = None
        self._pdf_data = None
        self.pdf_bytes = b""
        self.progress.hide()
        self.preview_label.clear()

    def print_to(self, printer: QPrinter) -> int:
        """Prints the previewed PDF page by page; the number of pages sent (-1: no printer)."""
        return print_pages(self.pdf_document, printer)


__all__ = ["PreviewPanel"]
