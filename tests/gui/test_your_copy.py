"""Settings → Your copy, through the real window: export, print, and bring back in."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from peerjournal.core.content.model import Content
from peerjournal.core.vault.keyslots import FAST_KDF
from peerjournal.services.container import Services, build_services
from peerjournal.ui.dialogs.copy_dialog import CopyDialog
from peerjournal.ui.editors.text import TextEditor
from peerjournal.ui.journal.daily_page import DailyPage
from peerjournal.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.gui.conftest import MakeWindow, ScriptedPrompter, unlock

POSITIVE = "m1.s1.positive"
ANSWER = "Meeting people who understand, with Siân 🌱"
PAGE = "A walk by the river with Łukasz."


def _open_copy(window: MainWindow, qtbot: QtBot) -> CopyDialog:
    window.open_settings()
    settings = window.findChild(QDialog, "settingsDialog")
    assert settings is not None
    opener = settings.findChild(QPushButton, "openCopy")
    assert opener is not None and opener.isVisible()
    qtbot.mouseClick(opener, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(window.findChild(QDialog, "copyDialog"), CopyDialog))
    dialog = window.findChild(QDialog, "copyDialog")
    assert isinstance(dialog, CopyDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _click(qtbot: QtBot, dialog: CopyDialog, name: str) -> None:
    action = dialog.findChild(QPushButton, name)
    assert action is not None and action.isEnabled()
    qtbot.mouseClick(action, Qt.MouseButton.LeftButton)


def _status(dialog: CopyDialog) -> str:
    found = dialog.findChild(QLabel, "copyStatus")
    assert found is not None
    return found.text()


def _write(window: MainWindow, services: Services, qtbot: QtBot) -> None:
    """An answer typed twice (two versions) and a daily page, through the editors."""
    assert window.journal is not None
    part = window.journal.open_part("m1.s1")
    assert part is not None
    editor = part.editors[POSITIVE]
    assert isinstance(editor, TextEditor)
    editor.edit.setFocus()
    qtbot.keyClicks(editor.edit, "First thoughts")
    qtbot.waitUntil(lambda: services.answers.text_of(POSITIVE) == "First thoughts")
    services.session.new_sitting()
    editor.edit.selectAll()
    qtbot.keyClicks(editor.edit, ANSWER[:-7])
    editor.edit.insertPlainText(ANSWER[-7:])  # QTest types ASCII only
    qtbot.waitUntil(lambda: services.answers.text_of(POSITIVE) == ANSWER)
    page = window.journal.open_day(date.today())
    assert isinstance(page, DailyPage)
    qtbot.keyClicks(page.text, PAGE[:-7])
    page.text.insertPlainText(PAGE[-7:])
    qtbot.waitUntil(lambda: services.pages.get(date.today()) == PAGE)


@pytest.fixture
def second(tmp_path: Path, content: Content) -> Iterator[Services]:
    services = build_services(tmp_path / "second", content=content, kdf=FAST_KDF)
    services.session.create(PASSPHRASE)
    services.session.close()
    yield services
    services.session.close()


def test_export_print_and_bring_into_a_second_journal(
    window: MainWindow,
    locked_services: Services,
    second: Services,
    make_window: MakeWindow,
    prompter: ScriptedPrompter,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    _write(window, locked_services, qtbot)
    dialog = _open_copy(window, qtbot)
    warning = dialog.findChild(QLabel, "notEncrypted")
    assert warning is not None and "anyone who can open the file" in warning.text()
    made = {
        "exportAll": tmp_path / "out" / "copy.zip",
        "saveWorkbook": tmp_path / "out" / "workbook.pdf",
        "saveStocktake": tmp_path / "out" / "stocktake.pdf",
    }
    for name, path in made.items():
        prompter.paths.append(path)
        _click(qtbot, dialog, name)
        qtbot.waitUntil(lambda: _status(dialog).startswith("Saved to "), timeout=20_000)
        assert _status(dialog).startswith(f"Saved to {path}.")
        assert "not encrypted" in _status(dialog)
        assert path.stat().st_mode & 0o077 == 0
    archive = zipfile.ZipFile(made["exportAll"])
    files = {n.split("/", 1)[1]: archive.read(n) for n in archive.namelist()}
    assert PAGE in files["Daily pages.md"].decode()
    assert any(ANSWER in data.decode() for n, data in files.items() if n.endswith(".md"))
    copy = json.loads(files["peerjournal.json"])
    versions = next(a for a in copy["answers"] if a["prompt_id"] == POSITIVE)["versions"]
    assert [v["value"]["data"]["text"] for v in versions] == ["First thoughts", ANSWER]
    workbook = " ".join(p.extract_text() for p in PdfReader(made["saveWorkbook"]).pages)
    assert "Meeting people who understand" in workbook
    stocktake = PdfReader(io.BytesIO(made["saveStocktake"].read_bytes()))
    assert "Stocktake" in " ".join(p.extract_text() for p in stocktake.pages)
    dialog.close()

    other = make_window(second)
    unlock(qtbot, other)
    brought = _open_copy(other, qtbot)
    prompter.paths.append(made["exportAll"])
    prompter.confirms.append(True)
    _click(qtbot, brought, "bringInFile")
    working = ("", "Reading copy.zip…", "Bringing it in…")
    qtbot.waitUntil(lambda: _status(brought) not in working, timeout=20_000)
    assert _status(brought).startswith("Brought in"), _status(brought)
    assert "1 daily page" in _status(brought)
    assert second.pages.get(date.today()) == PAGE
    texts = [v.answer for v in second.answers.history(POSITIVE)]
    assert [getattr(t, "text", None) for t in texts] == ["First thoughts", ANSWER]
    again = json.loads(json.dumps(second.exports.as_json()))
    assert {k: v for k, v in again.items() if k != "exported"} == {
        k: v for k, v in copy.items() if k != "exported"
    }
    assert other.journal is not None
    day = other.journal.open_day(date.today())
    assert isinstance(day, DailyPage)
    qtbot.waitUntil(lambda: day.text.toPlainText() == PAGE)


def test_a_broken_file_is_said_and_changes_nothing(
    window: MainWindow,
    locked_services: Services,
    prompter: ScriptedPrompter,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    _write(window, locked_services, qtbot)
    before = json.dumps(locked_services.exports.as_json()["answers"])
    broken = tmp_path / "copy.zip"
    broken.write_bytes(b"PK\x03\x04 not really a zip at all")
    dialog = _open_copy(window, qtbot)
    prompter.paths.append(broken)
    _click(qtbot, dialog, "bringInFile")
    qtbot.waitUntil(lambda: "could not be brought in" in _status(dialog), timeout=10_000)
    assert "copy.zip" in _status(dialog)
    assert "Nothing was changed" in _status(dialog)
    assert json.dumps(locked_services.exports.as_json()["answers"]) == before
    assert all(a.isEnabled() for a in dialog.findChildren(QPushButton))


def test_changing_your_mind_writes_nothing(
    window: MainWindow, prompter: ScriptedPrompter, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = _open_copy(window, qtbot)
    prompter.paths.append(None)
    _click(qtbot, dialog, "exportAll")
    assert _status(dialog) == ""
    assert list(tmp_path.glob("*.zip")) == []


def test_a_folder_of_dated_files_comes_in_as_daily_pages_after_a_yes(
    window: MainWindow,
    locked_services: Services,
    prompter: ScriptedPrompter,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "notes"
    (folder / "2024" / "03").mkdir(parents=True)
    (folder / "2024-03-04.md").write_text("Tea with Siân.\n", encoding="utf-8")
    (folder / "2024" / "03" / "05.md").write_text("A hard day 🌧", encoding="utf-8")
    dialog = _open_copy(window, qtbot)
    prompter.paths.append(folder)
    prompter.confirms.append(False)
    _click(qtbot, dialog, "bringInFolder")
    qtbot.waitUntil(lambda: not prompter.confirms, timeout=10_000)
    assert locked_services.pages.days() == []
    prompter.paths.append(folder)
    prompter.confirms.append(True)
    _click(qtbot, dialog, "bringInFolder")
    qtbot.waitUntil(lambda: _status(dialog).startswith("Brought in"), timeout=10_000)
    assert "2 daily pages" in _status(dialog)
    assert locked_services.pages.get(date(2024, 3, 4)) == "Tea with Siân.\n"
    assert locked_services.pages.get(date(2024, 3, 5)) == "A hard day 🌧"
    assert window.journal is not None
    page = window.journal.open_day(date(2024, 3, 5))
    assert isinstance(page, DailyPage)
    assert page.text.toPlainText() == "A hard day 🌧"


def test_the_dialog_stays_while_writing_comes_in_and_locking_still_closes_it(
    window: MainWindow, prompter: ScriptedPrompter, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = _open_copy(window, qtbot)
    dialog._busy(True)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert dialog.isVisible()
    close = dialog.findChild(QPushButton, "closeCopy")
    assert close is not None and not close.isEnabled()
    window.lock()
    qtbot.waitUntil(lambda: window.findChild(QDialog, "copyDialog") is None)
