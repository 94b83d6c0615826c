"""Driver: types into an answer in the real window, printing ACK once each word is saved.

``python -m tests.drivers.gui_typist DATA_DIR PASSPHRASE`` (offscreen). It continues the
numbering of words already in the answer, so rounds build on each other; the test kills
it with SIGKILL at random moments.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest

from peerjournal.core import answers as a
from peerjournal.services.container import build_services
from peerjournal.ui.application import make_app
from peerjournal.ui.editors import TextEditor
from peerjournal.ui.journal.part_page import PartPage
from peerjournal.ui.main_window import MainWindow

PROMPT = "m1.s1.positive"


def spin_until(predicate: object, timeout: float = 10.0) -> None:
    ends = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        QCoreApplication.processEvents()
        if time.monotonic() > ends:
            raise TimeoutError
        time.sleep(0.001)


def main() -> None:
    data_dir, passphrase = Path(sys.argv[1]), sys.argv[2]
    app = make_app()
    services = build_services(data_dir)
    window = MainWindow(services, autosave_delay_ms=40, remember_geometry=False)
    window.start()
    window.show()
    view = window.unlock_view
    view.passphrase.edit.setText(passphrase)
    QTest.keyClick(view.passphrase.edit, Qt.Key.Key_Return)
    spin_until(lambda: window.journal is not None)
    assert window.journal is not None
    page = window.journal.open_part("m1.s1")
    assert isinstance(page, PartPage)
    editor = page.editors[PROMPT]
    assert isinstance(editor, TextEditor)
    existing = services.answers.get(PROMPT)
    text = existing.text if isinstance(existing, a.TextAnswer) else ""
    count = len(text.split())
    editor.edit.setFocus()
    editor.edit.moveCursor(editor.edit.textCursor().MoveOperation.End)
    print("READY", flush=True)
    while True:
        word = f"w{count} "
        QTest.keyClicks(editor.edit, word)
        text += word
        expected = a.TextAnswer(text)
        spin_until(lambda expected=expected: services.answers.get(PROMPT) == expected)
        print(f"ACK {count}", flush=True)
        count += 1
        app.processEvents()


if __name__ == "__main__":
    main()
