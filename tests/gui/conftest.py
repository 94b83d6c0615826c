"""GUI fixtures: real widgets, real services, a temporary vault with a cheap KDF."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from peerjournal.core.content.model import Content
from peerjournal.core.vault.keyslots import FAST_KDF
from peerjournal.services.container import Services, build_services
from peerjournal.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE

AUTOSAVE_MS = 80


class ScriptedPrompter:
    """Answers modal questions from a script; an unexpected question fails the test."""

    def __init__(self) -> None:
        self.confirms: list[bool] = []
        self.paths: list[Path | None] = []
        self.printers: list[bool] = []
        self.asked: list[str] = []
        self.suggested: list[str] = []
        """The file names the save dialogs offered, in order."""

    def confirm(
        self, parent: QWidget | None, title: str, text: str, *, accept: str, reject: str
    ) -> bool:
        self.asked.append(title)
        assert self.confirms, f"unexpected question: {title}"
        return self.confirms.pop(0)

    def inform(self, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        self.asked.append(title)

    def save_path(
        self, parent: QWidget | None, title: str, suggested: str, file_filter: str
    ) -> Path | None:
        self.asked.append(title)
        self.suggested.append(suggested)
        assert self.paths, f"unexpected file dialog: {title}"
        return self.paths.pop(0)

    def open_path(
        self, parent: QWidget | None, title: str, file_filter: str, *, folder: bool = False
    ) -> Path | None:
        self.asked.append(title)
        assert self.paths, f"unexpected file dialog: {title}"
        return self.paths.pop(0)

    def setup_printer(self, parent: QWidget | None, printer: QPrinter) -> bool:
        self.asked.append("print")
        assert self.printers, "unexpected print dialog"
        return self.printers.pop(0)


@pytest.fixture
def prompter() -> ScriptedPrompter:
    return ScriptedPrompter()


@pytest.fixture
def locked_services(data_dir: Path, content: Content) -> Iterator[Services]:
    """Services on a copy of the template vault, not yet unlocked (the window does it)."""
    built = build_services(data_dir, content=content, kdf=FAST_KDF)
    yield built
    built.session.close()


MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, prompter: ScriptedPrompter) -> Iterator[MakeWindow]:
    made: list[MainWindow] = []

    def make(services: Services, autosave_delay_ms: int = AUTOSAVE_MS) -> MainWindow:
        window = MainWindow(
            services,
            prompter=prompter,
            autosave_delay_ms=autosave_delay_ms,
            remember_geometry=False,
        )
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.start()
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        if window.isVisible() or window.journal is not None:
            window.close()


def unlock(qtbot: QtBot, window: MainWindow, passphrase: str = PASSPHRASE) -> None:
    view = window.unlock_view
    qtbot.waitUntil(lambda: window.stack.currentWidget() is view)
    qtbot.keyClicks(view.passphrase.edit, passphrase)
    qtbot.keyClick(view.passphrase.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.journal is not None, timeout=5000)


@pytest.fixture
def window(make_window: MakeWindow, locked_services: Services, qtbot: QtBot) -> MainWindow:
    """The main window, unlocked, showing the Tree."""
    opened = make_window(locked_services)
    unlock(qtbot, opened)
    return opened


@pytest.fixture
def themed_window(
    qtbot: QtBot, locked_services: Services, prompter: ScriptedPrompter
) -> Iterator[MainWindow]:
    """The main window in the app's real look (its style sheet, its sizes), unlocked;
    the look is put back to the defaults after."""
    from PySide6.QtWidgets import QApplication

    from peerjournal.services.settings import Settings, SettingsStore
    from peerjournal.ui.kit.theme import ThemeManager

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    store = SettingsStore(locked_services.data.settings)
    manager = ThemeManager(app, store.load())
    manager.apply()
    window = MainWindow(
        locked_services,
        prompter=prompter,
        settings_store=store,
        theme=manager,
        remember_geometry=False,
    )
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.start()
    window.show()
    unlock(qtbot, window)
    yield window
    window.close()
    manager.apply(Settings())


def shows_no_journal(window: MainWindow) -> bool:
    """The window holds no journal view (after a lock); a function, so mypy reads it anew."""
    return window.journal is None
