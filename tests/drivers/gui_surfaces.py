"""Driver: types words into one kind of surface of the real window until it is killed.

``python -m tests.drivers.gui_surfaces DATA_DIR PASSPHRASE SURFACE AUTOSAVE_MS``
(offscreen). SURFACE is one of ``SURFACES``. After "READY" it types ``w0 w1 ...``
one word every few tens of milliseconds, keeping the event loop running, and prints
``TYPED n t`` (t from ``time.monotonic``, which the test shares) once word n is in the
widget. The test kills it with SIGKILL and checks what the journal kept.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPushButton, QTabWidget, QWidget

from peerjournal.core import story as st
from peerjournal.services.container import build_services
from peerjournal.ui.application import make_app
from peerjournal.ui.dialogs.support_panel import SupportDialog
from peerjournal.ui.editors import TextEditor
from peerjournal.ui.journal.part_page import PartPage
from peerjournal.ui.journal.sidebar import DAILY, STORY
from peerjournal.ui.main_window import MainWindow

ANSWER = "m1.s1.positive"
CHECK_QUESTION = "reflects"
SURFACES = ("answer", "daily", "title", "checklist-note", "contact")
PACE_S = 0.05


def spin(seconds: float) -> None:
    ends = time.monotonic() + seconds
    while time.monotonic() < ends:
        QCoreApplication.processEvents()
        time.sleep(0.002)


def spin_until(predicate: Callable[[], bool], timeout: float = 15.0) -> None:
    ends = time.monotonic() + timeout
    while not predicate():
        QCoreApplication.processEvents()
        if time.monotonic() > ends:
            raise TimeoutError
        time.sleep(0.002)


def find(root: QWidget, kind: type[QWidget], name: str) -> QWidget:
    found = root.findChild(kind, name)
    if found is None:
        raise LookupError(name)
    return found


def open_surface(window: MainWindow, surface: str) -> QWidget:
    """Goes where a participant would, and returns the widget to type into."""
    journal = window.journal
    if journal is None:
        raise RuntimeError("the journal did not open")
    if surface == "answer":
        page = journal.open_part("m1.s1")
        if not isinstance(page, PartPage):
            raise RuntimeError("no part page")
        editor = page.editors[ANSWER]
        if not isinstance(editor, TextEditor):
            raise RuntimeError("not a text editor")
        return editor.edit
    if surface == "daily":
        journal.open_place(DAILY)
        return find(journal, QWidget, "dayText")
    if surface == "title":
        journal.open_place(STORY)
        return find(journal, QLineEdit, "storyTitle")
    if surface == "checklist-note":
        journal.open_place(STORY)
        tabs = find(journal, QTabWidget, "storyTabs")
        if isinstance(tabs, QTabWidget):
            tabs.setCurrentIndex(2)
        checklist = find(journal.pages[STORY], QWidget, f"editor:{st.CHECKLIST_ID}")
        return find(checklist, QLineEdit, f"checkNote:{CHECK_QUESTION}")
    if surface == "contact":
        window.open_support()
        dialog = window.findChild(SupportDialog)
        if dialog is None:
            raise RuntimeError("no support panel")
        add = find(dialog, QPushButton, "addContact")
        spin_until(add.isVisible)
        QTest.mouseClick(add, Qt.MouseButton.LeftButton)
        name = find(dialog, QLineEdit, "contactName:0")
        spin_until(name.isVisible)
        return name
    raise ValueError(surface)


def main() -> None:
    data_dir, passphrase, surface, autosave_ms = (
        Path(sys.argv[1]),
        sys.argv[2],
        sys.argv[3],
        int(sys.argv[4]),
    )
    make_app()
    services = build_services(data_dir)
    window = MainWindow(services, autosave_delay_ms=autosave_ms, remember_geometry=False)
    window.resize(1280, 800)
    window.start()
    window.show()
    view = window.unlock_view
    view.passphrase.edit.setText(passphrase)
    QTest.keyClick(view.passphrase.edit, Qt.Key.Key_Return)
    spin_until(lambda: window.journal is not None)
    target = open_surface(window, surface)
    spin_until(target.isVisible)
    target.setFocus()
    spin(0.2)
    print("READY", flush=True)
    count = 0
    while True:
        QTest.keyClicks(target, f"w{count} ")
        print(f"TYPED {count} {time.monotonic():.6f}", flush=True)
        count += 1
        spin(PACE_S)


if __name__ == "__main__":
    main()
