"""Nothing the participant writes reaches the logs, not even through a crash."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerjournal.services.container import Services
from peerjournal.ui.application import CrashReporter
from peerjournal.ui.editors import TextEditor
from peerjournal.ui.journal.part_page import PartPage
from peerjournal.ui.main_window import MainWindow
from tests.conftest import CANARY

PLANTED = "canary-7f3a"


def test_writing_saving_searching_and_locking_log_no_words(
    window: MainWindow,
    locked_services: Services,
    qtbot: QtBot,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    # An earlier test's setup_logging may have set the app's own logger to INFO.
    caplog.set_level(logging.DEBUG, logger="peerjournal")
    assert window.journal is not None
    page = window.journal.open_part("m1.s1")
    assert isinstance(page, PartPage)
    editor = page.editors["m1.s1.positive"]
    assert isinstance(editor, TextEditor)
    editor.edit.insertPlainText(CANARY)  # pasted: QTest can only type Latin-1 keys
    day = window.journal.open_day(date.today())
    assert day is not None
    day.text.insertPlainText(CANARY)
    qtbot.waitUntil(lambda: PLANTED in locked_services.pages.get(date.today()), timeout=3000)
    window.journal.focus_search()
    qtbot.keyClicks(window.journal.search_field, PLANTED)
    qtbot.waitUntil(
        lambda: window.journal is not None and window.journal.search_page.result_count > 0
    )
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    ours = [r for r in caplog.records if r.name.startswith("peerjournal")]
    assert ours, "expected some of the app's own log lines"
    assert PLANTED not in caplog.text
    assert "Siân" not in caplog.text


def test_the_crash_dialog_is_calm_and_leaves_the_message_out(
    caplog: pytest.LogCaptureFixture,
) -> None:
    shown: list[str] = []
    reporter = CrashReporter(show=shown.append)
    try:
        raise ValueError(f"could not handle {CANARY}")
    except ValueError as exc:
        with caplog.at_level(logging.ERROR):
            reporter(type(exc), exc, exc.__traceback__)
    assert len(shown) == 1
    assert "ValueError" in shown[0] and "test_logs_and_crashes.py" in shown[0]
    assert PLANTED not in shown[0]
    assert PLANTED not in caplog.text and "ValueError" in caplog.text
