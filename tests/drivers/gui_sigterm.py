"""Driver: types an answer (autosave far off) and waits; the test sends SIGTERM.

``python -m tests.drivers.gui_sigterm DATA_DIR PASSPHRASE``
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtTest import QTest

from peerjournal.services.container import build_services
from peerjournal.ui.application import close_on_signals, make_app
from peerjournal.ui.editors import TextEditor
from peerjournal.ui.journal.part_page import PartPage
from peerjournal.ui.main_window import MainWindow


def main() -> int:
    data_dir, passphrase = Path(sys.argv[1]), sys.argv[2]
    app = make_app()
    services = build_services(data_dir)
    window = MainWindow(services, autosave_delay_ms=600_000, remember_geometry=False)
    window.start()
    window.show()
    close_on_signals(app, window)
    QTest.keyClicks(window.unlock_view.passphrase.edit, passphrase)
    QTest.keyClick(window.unlock_view.passphrase.edit, Qt.Key.Key_Return)
    while window.journal is None:
        QCoreApplication.processEvents()
    page = window.journal.open_part("m1.s1")
    assert isinstance(page, PartPage)
    editor = page.editors["m1.s1.positive"]
    assert isinstance(editor, TextEditor)
    QTest.keyClicks(editor.edit, "Typed just before the computer shut down.")
    QTimer.singleShot(0, lambda: print("TYPED", flush=True))
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
