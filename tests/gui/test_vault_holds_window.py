"""Issue 13 in the window: a new recovery key from Settings, and a damaged answer brought back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from peerjournal.core import answers as a
from peerjournal.core.vault.recovery_key import RecoveryKey
from peerjournal.core.vault.store import Vault
from peerjournal.services.container import Services
from peerjournal.ui.journal.part_page import DAMAGED_TEXT, PartPage
from peerjournal.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.gui.conftest import MakeWindow, unlock

ANSWER = "m1.s1.positive"


def test_settings_makes_a_new_recovery_key_and_the_old_one_stops(
    window: MainWindow, qtbot: QtBot, data_dir: Path, recovery_text: str
) -> None:
    window.open_settings()
    settings = window.findChild(QDialog, "settingsDialog")
    assert settings is not None
    make = settings.findChild(QPushButton, "openRecoveryKey")
    assert make is not None and make.isVisible()
    qtbot.mouseClick(make, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "recoveryKeyDialog") is not None)
    dialog = window.findChild(QDialog, "recoveryKeyDialog")
    assert dialog is not None
    field = dialog.findChild(QLineEdit, "recoveryPassphrase")
    assert field is not None
    qtbot.keyClicks(field, PASSPHRASE)
    make_key = dialog.findChild(QPushButton, "makeRecoveryKey")
    assert make_key is not None
    qtbot.mouseClick(make_key, Qt.MouseButton.LeftButton)
    key_label = dialog.findChild(QLabel, "recoveryKey")
    assert key_label is not None
    qtbot.waitUntil(lambda: bool(key_label.text()), timeout=10_000)
    new_key = RecoveryKey.parse(key_label.text())
    window.close()
    vault = Vault.open(data_dir / "journal.db")
    try:
        try:
            vault.unlock_with_recovery(RecoveryKey.parse(recovery_text))
            raise AssertionError("the old recovery key still opened the journal")
        except Exception as error:
            assert "recovery key" in str(error)
        vault.unlock_with_recovery(new_key)
        assert vault.check().ok
    finally:
        vault.close()


def test_a_damaged_answer_is_marked_and_brought_back_from_the_notice(
    make_window: MakeWindow, locked_services: Services, data_dir: Path, qtbot: QtBot
) -> None:
    locked_services.session.unlock(PASSPHRASE)
    locked_services.answers.save(ANSWER, a.TextAnswer("my first words"), fold=False)
    locked_services.answers.save(ANSWER, a.TextAnswer("my newer words"), fold=False)
    lookup = locked_services.session.vault._require_key().lookup(f"answer:{ANSWER}")
    locked_services.session.close()
    conn = sqlite3.connect(data_dir / "journal.db")
    (blob,) = conn.execute("SELECT current_ct FROM documents WHERE lookup=?", (lookup,)).fetchone()
    damaged = bytearray(blob)
    damaged[40] ^= 0x10
    conn.execute("UPDATE documents SET current_ct=? WHERE lookup=?", (bytes(damaged), lookup))
    conn.commit()
    conn.close()

    window = make_window(locked_services)
    unlock(qtbot, window)
    assert window.journal is not None
    bar = window.journal.notice_bar
    assert bar.isVisible() and "could not be read" in bar.text.text()
    page = window.journal.open_part("m1.s1")
    assert isinstance(page, PartPage)
    assert page.cards[ANSWER].problem.text() == DAMAGED_TEXT
    qtbot.mouseClick(bar.action, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Brought back 1" in bar.text.text(), timeout=10_000)
    assert page.editors[ANSWER].answer() == a.TextAnswer("my newer words")
    assert page.cards[ANSWER].problem.text() == ""
    assert locked_services.session.vault.check().ok
