"""One window per journal: a second start asks the first to come to the front.

The vault's own file lock is what really keeps a second process out (``VaultInUse``).
This adds the friendly part: the first window listens on a local socket named after
the data folder (a hash, so the name says nothing about the person), and a second
start sends it "show" before saying where the journal is open.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

TIMEOUT_MS = 500
MESSAGE = b"show\n"


def server_name(data_root: Path) -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "user"
    digest = hashlib.sha256(f"{user}\0{data_root.resolve()}".encode()).hexdigest()[:20]
    return f"peerjournal-{digest}"


class SingleInstance(QObject):
    activation_requested = Signal()

    def __init__(self, data_root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_root)
        self._server: QLocalServer | None = None

    def another_is_running(self) -> bool:
        """Whether a window is already open on this journal (it is not disturbed)."""
        socket = QLocalSocket(self)
        socket.connectToServer(self.name)
        found = socket.waitForConnected(TIMEOUT_MS)
        socket.abort()
        socket.deleteLater()
        return found

    def activate_existing(self) -> bool:
        """Asks a window already open on this journal to come forward; True if one did."""
        socket = QLocalSocket(self)
        socket.connectToServer(self.name)
        if not socket.waitForConnected(TIMEOUT_MS):
            socket.deleteLater()
            return False
        socket.write(MESSAGE)
        socket.flush()
        socket.waitForBytesWritten(TIMEOUT_MS)
        socket.disconnectFromServer()
        socket.deleteLater()
        return True

    def listen(self) -> bool:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            QLocalServer.removeServer(self.name)  # left over from a crash
            if not server.listen(self.name):
                return False
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    @Slot()
    def _on_connection(self) -> None:
        if self._server is None:
            return
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(self._on_ready)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    @Slot()
    def _on_ready(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = bytes(socket.readAll().data())
        if data.startswith(MESSAGE.strip()):
            self.activation_requested.emit()


__all__ = ["SingleInstance", "server_name"]
