"""A PDF held in memory (never a temporary file) to show and to print page by page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QPointF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from peerjournal.ui.kit.prompter import Prompter


class MemoryPdf(QObject):
    """A ``QPdfDocument`` over bytes in memory; ``clear`` lets the words go."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.data = b""
        self._bytes: QByteArray | None = None
        self._buffer: QBuffer | None = None

    def load(self, pdf: bytes) -> int:
        """Shows ``pdf``; the number of pages."""
        self.clear()
        self.data = pdf
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        return self.document.pageCount()

    def clear(self) -> None:
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        self._bytes = None
        self.data = b""

    def print_to(self, printer: QPrinter) -> int:
        return print_pages(self.document, printer)

    def print_once(self, data: bytes, name: str, prompter: Prompter, parent: QWidget) -> int | None:
        """Prints ``data`` on the printer the participant chooses, then lets the words go:
        the pages sent, -1 when the printer could not be started, None when they cancelled."""
        self.load(data)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(name)
        try:
            if not prompter.setup_printer(parent, printer):
                return None
            return self.print_to(printer)
        finally:
            self.clear()


def print_pages(document: QPdfDocument, printer: QPrinter) -> int:
    """Prints the PDF page by page; the number of pages sent (-1: no printer)."""
    painter = QPainter()
    if not painter.begin(printer):
        return -1  # the printer could not be started
    dpi = min(printer.resolution(), 300)
    sent = 0
    try:
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image: QImage = document.render(index, size)
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


__all__ = ["MemoryPdf", "print_pages"]
