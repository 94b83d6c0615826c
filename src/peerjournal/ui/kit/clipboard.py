"""Copying a secret (the recovery key): concealed from clipboard managers, cleared soon.

After KeePassXC's ``Clipboard``: the data carries the operating systems' "concealed"
hints so clipboard managers and cloud clipboards skip it, and it is cleared after 30
seconds, when the journal locks, and when the app quits, but only if the clipboard
still holds what we put there.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QObject, QTimer, Slot
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 30_000


class SecretClipboard(QObject):
    def __init__(self, parent: QObject | None = None, *, clear_after_ms: int = CLEAR_AFTER_MS):
        super().__init__(parent)
        self._copied: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self.clear)

    def copy(self, text: str) -> None:
        mime = QMimeData()
        mime.setText(text)
        # KDE Klipper and other managers on Linux
        mime.setData("x-kde-passwordManagerHint", QByteArray(b"secret"))
        # macOS (nspasteboard.org)
        mime.setData("application/x-nspasteboard-concealed-type", QByteArray(b"secret"))
        # Windows clipboard history and cloud clipboard
        mime.setData("ExcludeClipboardContentFromMonitorProcessing", QByteArray(b"1"))
        mime.setData("CanIncludeInClipboardHistory", QByteArray(b"\x00\x00\x00\x00"))
        mime.setData("CanUploadToCloudClipboard", QByteArray(b"\x00\x00\x00\x00"))
        QGuiApplication.clipboard().setMimeData(mime, QClipboard.Mode.Clipboard)
        self._copied = text
        self._timer.start()

    @property
    def holds_secret(self) -> bool:
        return self._copied is not None

    @Slot()
    def clear(self) -> None:
        """Clears the clipboard if it still holds what we copied."""
        self._timer.stop()
        if self._copied is None:
            return
        clipboard = QGuiApplication.clipboard()
        if clipboard.text(QClipboard.Mode.Clipboard) == self._copied:
            clipboard.clear(QClipboard.Mode.Clipboard)
        if clipboard.supportsSelection() and _holds(
            clipboard.text(QClipboard.Mode.Selection), self._copied
        ):
            clipboard.clear(QClipboard.Mode.Selection)  # X11's PRIMARY, if it got there
        self._copied = None


def _holds(text: str, secret: str) -> bool:
    """Whether ``text`` has the secret or any of its blocks (a partial drag-selection)."""
    squeezed = "".join(text.split()).replace("-", "").upper()
    blocks = [b for b in secret.replace(" ", "-").split("-") if len(b) >= 4]
    return bool(squeezed) and (
        "".join(blocks) in squeezed or any(b.upper() in squeezed for b in blocks)
    )


__all__ = ["CLEAR_AFTER_MS", "SecretClipboard"]
