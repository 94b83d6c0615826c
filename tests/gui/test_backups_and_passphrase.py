"""Settings → Backups and Change passphrase, through the real window."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerjournal.core import answers as a
from peerjournal.core.vault.keyslots import FAST_KDF
from peerjournal.services.container import Services, build_services
from peerjournal.ui.dialogs.backups_dialog import BackupsDialog
from peerjournal.ui.dialogs.passphrase_dialog import PassphraseDialog
from peerjournal.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.gui.conftest import MakeWindow, ScriptedPrompter, unlock


def _dialog(kind: type, qtbot: QtBot) -> object:
    found: list[object] = []

    def present() -> bool:
        found[:] = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(present, timeout=3000)
    return found[0]


def test_putting_a_backup_back_from_settings(
    window: MainWindow, prompter: ScriptedPrompter, qtbot: QtBot, data_dir: Path
) -> None:
    services = window.services
    services.answers.save("m1.s1.positive", a.TextAnswer("the words in the backup"))
    services.backups.backup_now()
    services.answers.save("m1.s1.positive", a.TextAnswer("written after the backup"))

    window.open_backups()
    dialog = _dialog(BackupsDialog, qtbot)
    assert isinstance(dialog, BackupsDialog)
    assert dialog.list.count() >= 1 and dialog.list.currentRow() == 0
    qtbot.mouseClick(dialog.restore, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()  # a passphrase is asked for first
    qtbot.keyClicks(dialog.passphrase.edit, PASSPHRASE)
    prompter.confirms.append(True)
    qtbot.mouseClick(dialog.restore, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(
        lambda: "put back from the backup" in window.unlock_view.notice.text(), timeout=8000
    )
    assert window.journal is None
    assert list((data_dir / "set-aside").glob("journal-replaced-*.db"))
    unlock(qtbot, window)
    assert services.answers.get("m1.s1.positive") == a.TextAnswer("the words in the backup")


def test_a_wrong_passphrase_for_a_backup_changes_nothing(
    window: MainWindow, prompter: ScriptedPrompter, qtbot: QtBot, data_dir: Path
) -> None:
    services = window.services
    services.answers.save("m1.s1.positive", a.TextAnswer("kept as it is"))
    services.backups.backup_now()
    window.open_backups()
    dialog = _dialog(BackupsDialog, qtbot)
    assert isinstance(dialog, BackupsDialog)
    qtbot.keyClicks(dialog.passphrase.edit, "not the one")
    prompter.confirms.append(True)
    qtbot.keyClick(dialog.passphrase.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "nothing was changed" in window.unlock_view.notice.text(), timeout=8000)
    assert not (data_dir / "set-aside").exists()
    unlock(qtbot, window)
    assert services.answers.get("m1.s1.positive") == a.TextAnswer("kept as it is")


def test_declining_the_confirmation_keeps_the_journal_open(
    window: MainWindow, prompter: ScriptedPrompter, qtbot: QtBot
) -> None:
    window.services.backups.backup_now()
    window.open_backups()
    dialog = _dialog(BackupsDialog, qtbot)
    assert isinstance(dialog, BackupsDialog)
    qtbot.keyClicks(dialog.passphrase.edit, PASSPHRASE)
    prompter.confirms.append(False)
    qtbot.mouseClick(dialog.restore, Qt.MouseButton.LeftButton)
    assert window.journal is not None
    dialog.close()


def test_back_up_now_adds_a_backup_to_the_list(window: MainWindow, qtbot: QtBot) -> None:
    window.open_backups()
    dialog = _dialog(BackupsDialog, qtbot)
    assert isinstance(dialog, BackupsDialog)
    before = dialog.list.count()
    qtbot.mouseClick(dialog.backup_now, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "just now" in dialog.status.text(), timeout=5000)
    assert dialog.list.count() >= max(1, before)
    dialog.close()


def test_changing_the_passphrase_in_the_window(
    window: MainWindow, qtbot: QtBot, data_dir: Path, locked_services: Services
) -> None:
    window.open_passphrase()
    dialog = _dialog(PassphraseDialog, qtbot)
    assert isinstance(dialog, PassphraseDialog)
    qtbot.keyClicks(dialog.current.edit, "wrong one")
    qtbot.keyClicks(dialog.new.edit, "quiet harbour lantern moss")
    qtbot.keyClicks(dialog.repeat.edit, "quiet harbour lantern moss")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert "nothing was changed" in dialog.error.text()
    dialog.current.edit.clear()
    qtbot.keyClicks(dialog.current.edit, PASSPHRASE)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    window.close()
    again = build_services(data_dir, kdf=FAST_KDF)
    again.session.unlock("quiet harbour lantern moss")
    again.session.close()


def test_closing_the_window_makes_a_backup(
    make_window: MakeWindow, locked_services: Services, qtbot: QtBot, data_dir: Path
) -> None:
    window = make_window(locked_services)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=5000)
    before = {p.name for p in (data_dir / "backups").glob("*.pjbackup")}
    window.services.answers.save("m1.s1.positive", a.TextAnswer("last words of the day"))
    window.close()
    after = {p.name for p in (data_dir / "backups").glob("*.pjbackup")}
    assert after - before or len(after) >= 1
    newest = max((data_dir / "backups").glob("*.pjbackup"), key=lambda p: p.stat().st_mtime)
    check = build_services(data_dir)
    check.backups.restore(newest, passphrase=PASSPHRASE)
    check.session.unlock(PASSPHRASE)
    assert check.answers.get("m1.s1.positive") == a.TextAnswer("last words of the day")
    check.session.close()


def test_a_set_aside_log_is_told_at_unlock(
    make_window: MakeWindow, locked_services: Services, qtbot: QtBot, data_dir: Path
) -> None:
    (data_dir / "journal.db-wal").write_bytes(b"not a log at all" * 100)
    window = make_window(locked_services)
    qtbot.waitUntil(lambda: "set aside" in window.unlock_view.notice.text())
    unlock(qtbot, window)


def test_the_daily_backup_waits_until_the_journal_has_settled(
    make_window: MakeWindow,
    locked_services: Services,
    qtbot: QtBot,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Not during the unlock (it would compete with drawing and indexing), but soon after."""
    import peerjournal.ui.main_window as main_window

    backups = data_dir / "backups"
    before = set(backups.glob("*.pjbackup"))
    monkeypatch.setattr(main_window, "BACKUP_AFTER_MS", 1500)
    window = make_window(locked_services)
    unlock(qtbot, window)
    assert set(backups.glob("*.pjbackup")) == before
    qtbot.waitUntil(lambda: set(backups.glob("*.pjbackup")) != before, timeout=10_000)
    window.lock()
    unlock(qtbot, window)  # the day's backup exists: no second one on a later unlock
    made = set(backups.glob("*.pjbackup"))
    qtbot.waitUntil(lambda: not window.backup_timer.isActive(), timeout=10_000)
    assert set(backups.glob("*.pjbackup")) == made


def test_a_window_closed_before_its_journal_opened_leaves_no_warning(
    make_window: MakeWindow,
    locked_services: Services,
    data_dir: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Closed at once (the journal is opened after the first paint): nothing to back up."""
    backups = data_dir / "backups"
    before = set(backups.glob("*.pjbackup"))
    window = make_window(locked_services)
    with caplog.at_level(logging.WARNING, logger="peerjournal"):
        window.close()
    assert not locked_services.session.has_file
    assert set(backups.glob("*.pjbackup")) == before
    assert not [r for r in caplog.records if "backup on close" in r.getMessage()]
