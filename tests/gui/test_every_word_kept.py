"""Regression tests for issue 12 in the real window: the story, contacts, quick-hide.

Each acts as a participant would (keys and clicks on widgets found by name) and then
reads what the journal holds through a fresh look at the services.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton, QRadioButton, QTabWidget
from pytestqt.qtbot import QtBot

from peerjournal.core import answers as a
from peerjournal.core import story as st
from peerjournal.core.content import model as m
from peerjournal.core.content.model import Content
from peerjournal.core.vault.keyslots import FAST_KDF
from peerjournal.services.container import Services, build_services
from peerjournal.ui.dialogs.support_panel import SupportDialog
from peerjournal.ui.journal.sidebar import STORY
from peerjournal.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.gui.conftest import MakeWindow, unlock

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _story_page(window: MainWindow) -> object:
    assert window.journal is not None
    window.journal.open_place(STORY)
    return window.journal.pages[STORY]


def _reread(data_dir: Path, content: Content) -> Services:
    fresh = build_services(data_dir, content=content, kdf=FAST_KDF)
    fresh.session.unlock(PASSPHRASE)
    return fresh


# -- 1. the story's title, typed just before Lock or closing ----------------------------------


def test_a_story_title_typed_just_before_ctrl_l_is_kept(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    page = _story_page(window)
    title = window.findChild(QLineEdit, "storyTitle")
    assert title is not None and title.window() is window
    title.setFocus()
    qtbot.keyClicks(title, "Sian's road")
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    assert window.journal is None
    del page
    unlock(qtbot, window)
    assert locked_services.story.options().title == "Sian's road"


def test_a_story_name_typed_just_before_closing_is_kept(
    make_window: MakeWindow,
    locked_services: Services,
    data_dir: Path,
    content: Content,
    qtbot: QtBot,
) -> None:
    window = make_window(locked_services)
    unlock(qtbot, window)
    _story_page(window)
    name = window.findChild(QLineEdit, "storyName")
    assert name is not None
    qtbot.keyClicks(name, "Zoe Lukasz")
    window.close()
    fresh = _reread(data_dir, content)
    try:
        assert fresh.story.options().name == "Zoe Lukasz"
    finally:
        fresh.session.close()


# -- 2. the Language and Impact checklist on the story page -----------------------------------


def test_ticking_one_checklist_question_keeps_every_note_and_not_yet(
    window: MainWindow, locked_services: Services, qtbot: QtBot, content: Content
) -> None:
    prompt = content.prompt(st.CHECKLIST_ID)
    assert isinstance(prompt, m.ChecklistPrompt)
    first, second, third = (q.id for q in prompt.questions[:3])
    before = a.ChecklistAnswer(
        (
            (first, a.ChecklistItem(a.Check.NOT_YET, "ask my facilitator")),
            (second, a.ChecklistItem(a.Check.UNSET, "a note without a tick")),
        )
    )
    locked_services.answers.save(st.CHECKLIST_ID, before)
    _story_page(window)
    tabs = window.findChild(QTabWidget, "storyTabs")
    assert tabs is not None
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == "Language"))
    yes = window.findChild(QRadioButton, f"yes:{third}")
    assert yes is not None
    assert yes.window() is window
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)

    def saved() -> bool:
        answer = locked_services.answers.get(st.CHECKLIST_ID)
        return isinstance(answer, a.ChecklistAnswer) and answer.item(third).state == a.Check.YES

    qtbot.waitUntil(saved, timeout=5000)
    answer = locked_services.answers.get(st.CHECKLIST_ID)
    assert isinstance(answer, a.ChecklistAnswer)
    assert answer.item(first) == a.ChecklistItem(a.Check.NOT_YET, "ask my facilitator")
    assert answer.item(second) == a.ChecklistItem(a.Check.UNSET, "a note without a tick")


# -- 3. a support contact typed, then the panel closed -----------------------------------------


def test_a_contact_typed_then_closed_is_kept(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    window.open_support()
    dialog = window.findChild(SupportDialog)
    assert dialog is not None
    add = dialog.findChild(QPushButton, "addContact")
    assert add is not None
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    name = dialog.findChild(QLineEdit, "contactName:0")
    detail = dialog.findChild(QLineEdit, "contactDetail:0")
    assert name is not None and detail is not None
    qtbot.keyClicks(name, "Aunt Sian")
    qtbot.keyClicks(detail, "07700 900123")
    close = dialog.findChild(QPushButton, "closeSupport")
    assert close is not None
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            [(c.name, c.detail) for c in locked_services.contacts.own()]
            == [("Aunt Sian", "07700 900123")]
        ),
        timeout=5000,
    )


def test_a_removed_contact_stays_removed_without_a_save_button(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    locked_services.contacts.save_own([m.Contact("Jo", "0161 000"), m.Contact("Sam", "0161 111")])
    window.open_support()
    dialog = window.findChild(SupportDialog)
    assert dialog is not None
    assert dialog.findChild(QPushButton, "saveContacts") is None
    qtbot.waitUntil(lambda: dialog.findChild(QPushButton, "contactRemove:0") is not None)
    remove = dialog.findChild(QPushButton, "contactRemove:0")
    assert remove is not None
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: [c.name for c in locked_services.contacts.own()] == ["Sam"], timeout=5000
    )


# -- 4. quick-hide locks -------------------------------------------------------------------------


def test_quick_hide_locks_and_coming_back_asks_for_the_passphrase(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL | SHIFT)
    assert not window.isVisible() or window.isMinimized()
    assert window.journal is None
    assert not locked_services.session.unlocked
    window.bring_to_front()
    assert window.isVisible()
    assert window.stack.currentWidget() is window.unlock_view
    unlock(qtbot, window)
    assert window.journal is not None


# -- 5. every close adds a restore point, even when the window was locked first ---------------


def test_closing_a_locked_window_still_adds_a_backup(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL | SHIFT)
    assert window.journal is None
    before = len(locked_services.backups.list())
    window.close()
    assert len(locked_services.backups.list()) == before + 1


def test_the_backups_dialog_says_what_is_kept_and_shows_seconds_when_needed(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QLabel, QListWidget

    for _ in range(2):
        locked_services.backups.backup_now()
    window.open_backups()
    dialog = window.findChild(QDialog, "backupsDialog")
    assert dialog is not None
    kept = dialog.findChild(QLabel, "backupsKept")
    assert kept is not None
    assert "newest 10" in kept.text() and "12 months" in kept.text()
    listing = dialog.findChild(QListWidget, "backupList")
    assert listing is not None
    texts = [listing.item(i).text() for i in range(listing.count())]
    assert len(texts) >= 2 and len(set(texts)) == len(texts)
