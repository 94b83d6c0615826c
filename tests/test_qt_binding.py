"""The Qt binding itself must not wear the app down: a check on whichever PySide6 is installed.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every call that returns
nothing (``setText``, ``setToolTip``...). ``None`` starts a window with about 5,000, so
after a few thousand such calls the process aborts with "deallocating None": a crash in
the middle of writing. pyproject.toml keeps that release out; this test catches the
next one like it.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QTreeWidgetItem
from pytestqt.qtbot import QtBot

CALLS = 5_000


def test_qt_calls_that_return_nothing_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    item = QTreeWidgetItem(["a", "b"])
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        label.setText("x")
        item.setToolTip(0, "x")
    after = sys.getrefcount(None)
    assert after > before - CALLS // 10, f"None lost {before - after} references"
