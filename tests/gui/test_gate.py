"""Before the journal opens: first run, unlock, recovery, a second instance, damage."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerjournal.core.content.model import Content
from peerjournal.core.vault.instance_lock import InstanceLock
from peerjournal.core.vault.keyslots import FAST_KDF
from peerjournal.services.container import Services, build_services
from peerjournal.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.gui.conftest import MakeWindow, ScriptedPrompter, unlock

NEW_PASSPHRASE = "kettle lantern orchard pebble"


def test_a_wrong_passphrase_is_said_kindly_and_stays_on_the_unlock_view(
    make_window: MakeWindow, locked_services: Services, qtbot: QtBot
) -> None:
    window = make_window(locked_services)
    view = window.unlock_view
    assert window.stack.currentWidget() is view
    qtbot.waitUntil(lambda: not view.opening)
    qtbot.keyClicks(view.passphrase.edit, "not my passphrase")
    qtbot.keyClick(view.passphrase.edit, Qt.Key.Key_Return)
    # while the key is derived off the UI thread, the form waits
    assert not view.unlock_button.isEnabled() and not view.passphrase.isEnabled()
    assert view.busy.isVisible()
    qtbot.waitUntil(view.error.isVisible, timeout=5000)
    assert not view.busy.isVisible()
    assert "did not open your journal" in view.error.text()
    assert window.stack.currentWidget() is view
    assert window.journal is None
    assert not locked_services.session.unlocked
    assert view.passphrase.edit.hasFocus()
    assert view.passphrase.edit.selectedText() == "not my passphrase"
    assert view.unlock_button.isEnabled()
    # and the right one then opens it
    view.passphrase.edit.clear()
    unlock(qtbot, window)
    assert view.passphrase.text() == ""


def test_the_passphrase_can_be_typed_while_the_journal_is_still_being_opened(
    make_window: MakeWindow, locked_services: Services, qtbot: QtBot
) -> None:
    """Opening checks the file off the UI thread; Enter pressed before then unlocks after."""
    gate = threading.Event()
    session = locked_services.session
    real_open = session.open

    def slow_open() -> None:
        gate.wait(10)
        real_open()

    session.open = slow_open  # type: ignore[method-assign]
    window = make_window(locked_services)
    view = window.unlock_view
    assert view.opening and view.busy.isVisible() and not view.unlock_button.isEnabled()
    qtbot.keyClicks(view.passphrase.edit, PASSPHRASE)
    qtbot.keyClick(view.passphrase.edit, Qt.Key.Key_Return)
    assert view.passphrase.text() == PASSPHRASE
    assert window.journal is None and not session.unlocked
    gate.set()
    qtbot.waitUntil(lambda: window.journal is not None, timeout=5000)
    assert session.unlocked


def test_first_run_creates_a_journal_and_shows_the_recovery_key_once(
    make_window: MakeWindow,
    prompter: ScriptedPrompter,
    content: Content,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    root = tmp_path / "fresh"
    services = build_services(root, content=content, kdf=FAST_KDF)
    try:
        window = make_window(services)
        setup = window.setup_view
        assert setup is not None and window.stack.currentWidget() is setup
        privacy = setup.welcome.findChild(type(setup.error), "privacyNote")
        assert privacy is not None and "Nobody else can read it" in privacy.text()
        setup.begin_button.click()
        qtbot.keyClicks(setup.passphrase.edit, "short")
        assert "Easy" in setup.strength.words.text() or "at least" in setup.strength.words.text()
        setup.create_button.click()
        assert setup.error.isVisible()
        setup.passphrase.edit.clear()
        qtbot.keyClicks(setup.passphrase.edit, NEW_PASSPHRASE)
        qtbot.keyClicks(setup.repeat.edit, NEW_PASSPHRASE)
        qtbot.keyClick(setup.repeat.edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: setup.currentWidget() is setup.key_page, timeout=5000)
        assert services.session.exists()

        panel = setup.key_panel
        shown = panel.key.text().replace("\n", " ").split()
        assert len(shown) == 8
        assert not panel.continue_button.isEnabled()

        pdf_folder = tmp_path / "chosen"
        pdf_folder.mkdir()
        prompter.paths.append(pdf_folder / "my key.pdf")
        panel.pdf_button.click()
        assert [p.name for p in pdf_folder.iterdir()] == ["my key.pdf"]  # that file only
        assert (pdf_folder / "my key.pdf").read_bytes().startswith(b"%PDF")

        panel.written.click()
        assert panel.continue_button.isEnabled()
        panel.continue_button.click()
        qtbot.waitUntil(lambda: window.journal is not None)
        assert panel.key.text() == ""
        window.close()
    finally:
        services.session.close()

    again = build_services(root, content=content, kdf=FAST_KDF)
    try:
        again.session.unlock(NEW_PASSPHRASE)
        assert again.session.unlocked
    finally:
        again.session.close()
    recovered = build_services(root, content=content, kdf=FAST_KDF)
    try:
        recovered.session.recover("-".join(shown), "another good passphrase")
        assert recovered.session.unlocked
    finally:
        recovered.session.close()


def test_forgot_passphrase_opens_with_the_recovery_key(
    make_window: MakeWindow,
    locked_services: Services,
    recovery_text: str,
    content: Content,
    qtbot: QtBot,
) -> None:
    window = make_window(locked_services)
    view = window.unlock_view
    qtbot.waitUntil(lambda: not view.opening)
    qtbot.mouseClick(view.forgot_button, Qt.MouseButton.LeftButton)
    assert view.currentWidget() is view.recover_page
    qtbot.keyClicks(view.recovery_key, "AAAA-BBBB")
    qtbot.keyClicks(view.new_passphrase.edit, NEW_PASSPHRASE)
    qtbot.keyClicks(view.new_repeat.edit, NEW_PASSPHRASE)
    view.recover_button.click()
    assert view.recover_error.isVisible()
    assert "blocks" in view.recover_error.text()
    view.recovery_key.clear()
    qtbot.keyClicks(view.recovery_key, recovery_text.lower())
    view.recover_button.click()
    qtbot.waitUntil(lambda: window.journal is not None, timeout=5000)
    window.close()

    again = build_services(locked_services.data.root, content=content, kdf=FAST_KDF)
    try:
        again.session.unlock(NEW_PASSPHRASE)
        assert again.session.unlocked
    finally:
        again.session.close()


def test_a_second_window_on_the_same_journal_says_so(
    make_window: MakeWindow, locked_services: Services, qtbot: QtBot
) -> None:
    holder = InstanceLock(locked_services.data.lock)
    holder.acquire()
    try:
        window = make_window(locked_services)
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.notice_view)
        assert "already open" in window.notice_view.title.text()
        assert not window.notice_view.restore_button.isVisible()
    finally:
        holder.release()
    window.notice_view.retry_button.click()
    assert window.stack.currentWidget() is window.unlock_view


def test_a_damaged_journal_offers_the_latest_backup(
    make_window: MakeWindow, data_dir: Path, content: Content, qtbot: QtBot
) -> None:
    maker = build_services(data_dir, content=content, kdf=FAST_KDF)
    maker.session.unlock(PASSPHRASE)
    maker.backups.backup_now()
    maker.session.close()
    vault = data_dir / "journal.db"
    vault.write_bytes(b"this is not a journal any more" * 100)

    services = build_services(data_dir, content=content, kdf=FAST_KDF)
    try:
        window = make_window(services)
        notice = window.notice_view
        qtbot.waitUntil(lambda: window.stack.currentWidget() is notice)
        assert "damaged" in notice.title.text()
        assert notice.restore_button.isVisible()
        assert "latest backup" in notice.restore_text.text()
        qtbot.keyClicks(notice.passphrase.edit, PASSPHRASE)
        notice.restore_button.click()
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.unlock_view, timeout=5000)
        assert window.unlock_view.notice.isVisible()
        unlock(qtbot, window)
        window.close()
    finally:
        services.session.close()


def test_window_title_never_shows_anything_personal(window: MainWindow) -> None:
    assert window.windowTitle() == "peerjournal"


def test_a_notice_shown_while_the_journal_opens_stays(
    make_window: MakeWindow, locked_services: Services, qtbot: QtBot
) -> None:
    """The demo says what it is on the unlock view; the open finishing must not wipe it."""
    window = make_window(locked_services)
    window.show_unlock("This is a demo journal.")
    qtbot.waitUntil(lambda: not window.unlock_view.opening)
    assert window.unlock_view.notice.text() == "This is a demo journal."
    assert window.unlock_view.notice.isVisible()
