"""The window speaks English or Welsh: every string through Qt's translation system, a
Welsh translation of each, dates in the chosen language, and nothing cut off in Welsh.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget
from pytestqt.qtbot import QtBot

from peerjournal.core.content.model import Content
from peerjournal.services.container import Services
from peerjournal.services.settings import Settings, SettingsStore
from peerjournal.ui.dialogs.settings_dialog import SettingsDialog
from peerjournal.ui.journal.daily_page import DailyPage
from peerjournal.ui.kit import i18n
from peerjournal.ui.kit.dates import long_day
from peerjournal.ui.main_window import MainWindow
from tests.gui.conftest import MakeWindow, unlock
from tests.gui.test_every_widget_is_kept import Walk
from tests.gui.test_layout_fits import _problems

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "src" / "peerjournal" / "ui"
WELSH = ROOT / "resources" / "translations" / "peerjournal_cy.ts"
# The calls whose first words are shown to the participant (the index of the words).
SHOWN_BY_METHOD = {
    "setText": 0,
    "setToolTip": 0,
    "setAccessibleName": 0,
    "setAccessibleDescription": 0,
    "setPlaceholderText": 0,
    "setWindowTitle": 0,
    "addRow": 0,
    "addItem": 0,
    "addTab": 1,
    "setTabText": 1,
    "setSuffix": 0,
}
SHOWN_BY_FUNCTION = {"label": 0, "button": 0, "BusyBar": 0, "QLabel": 0, "QPushButton": 0,
                     "QCheckBox": 0, "PassphraseField": 1, "QAction": 0, "QListWidgetItem": 0,
                     "WrappingButton": 0, "WrapLabel": 0, "QRadioButton": 0}  # fmt: skip


UNTRANSLATED = {"peerjournal", "ABCD-EFGH-…"}
"""The app's name, and the shape of a recovery key: the same in every language."""


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    out: dict[tuple[str, str], ET.Element] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source") or "")] = message
    return out


@pytest.fixture
def welsh(qapp: QApplication) -> Iterator[None]:
    assert i18n.install("cy"), "the Welsh .qm is built by `make setup` from the .ts"
    yield
    i18n.install("en")


def _translated(node: ast.AST) -> bool:
    """A call to ``translate(...)`` or ``self.tr(...)``: its words reach the translator."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    return (isinstance(func, ast.Name) and func.id == "translate") or (
        isinstance(func, ast.Attribute) and func.attr == "tr"
    )


def _untranslated_words(node: ast.AST) -> list[str]:
    """Literal words in ``node`` (plain, in an f-string or an if/else) not inside a
    translation call."""
    if _translated(node):
        return []
    if isinstance(node, ast.Constant):
        words = node.value
        shown = isinstance(words, str) and any(c.isalpha() for c in words)
        return [str(words)] if shown and words not in UNTRANSLATED else []
    found: list[str] = []
    for child in ast.iter_child_nodes(node):
        if isinstance(node, ast.Call) and child is node.func:
            continue
        if isinstance(child, ast.FormattedValue):
            found += _untranslated_words(child.value) if _translated(child.value) else []
            continue
        found += _untranslated_words(child)
    return found


def test_no_shown_words_skip_the_translation_system() -> None:
    """Words handed straight to a widget, or built in an f-string, would stay English."""
    found: list[str] = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            index = None
            if isinstance(func, ast.Attribute):
                index = SHOWN_BY_METHOD.get(func.attr)
            elif isinstance(func, ast.Name):
                index = SHOWN_BY_FUNCTION.get(func.id)
            if index is None or index >= len(node.args):
                continue
            for words in _untranslated_words(node.args[index]):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {words[:50]!r}")
    assert found == []


def test_the_welsh_translation_holds_every_string_the_window_has(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    assert lupdate.exists() or shutil.which("pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    sources = [*sorted(str(p) for p in UI.rglob("*.py")), str(UI.parent / "core" / "errors.py")]
    subprocess.run(
        [str(lupdate), *sources, "-no-obsolete", "-locations", "none", "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    wanted = set(_messages(fresh))
    shipped = _messages(WELSH)
    assert wanted - set(shipped) == set(), "run `make translations` and translate the new ones"
    untranslated = [
        key
        for key in wanted
        if shipped[key].find("translation") is None
        or shipped[key].find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
        or not (shipped[key].findtext("translation") or "").strip()
    ]
    assert untranslated == []
    for (_context, source), message in shipped.items():
        said = message.findtext("translation") or ""
        for mark in ("%1", "%2", "%n", "{"):
            assert (mark in source) == (mark in said), (source, said)


def test_a_welsh_window(
    welsh: None, make_window: MakeWindow, locked_services: Services, qtbot: QtBot
) -> None:
    window = make_window(locked_services)
    texts = {w.text() for w in window.findChildren(type(window.top_bar.lock_button))}
    assert "Datgloi" in texts  # the unlock button
    view = window.unlock_view
    qtbot.waitUntil(lambda: not view.opening)
    qtbot.keyClicks(view.passphrase.edit, "not my passphrase")
    qtbot.keyClick(view.passphrase.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wnaeth y cyfrinymadrodd hwnnw ddim agor" in view.error.text())
    view.passphrase.edit.clear()
    unlock(qtbot, window)
    assert window.top_bar.lock_button.text() == "Cloi"
    assert window.top_bar.settings_button.text() == "Gosodiadau"
    assert window.journal is not None
    window.journal.open_place("daily")
    page = window.findChild(DailyPage)
    assert page is not None
    qtbot.waitUntil(lambda: page.title.text() == "Heddiw")
    assert page.eyebrow.text() == long_day(date.today()).upper()
    assert long_day(date(2026, 12, 4)) == "Dydd Gwener 4 Rhagfyr 2026"
    qtbot.keyClicks(page.text, "Bore da.")
    window.journal.flush()
    earlier = page.findChild(QListWidget)
    assert earlier is not None
    qtbot.waitUntil(lambda: earlier.count() > 0 and "2 gair" in earlier.item(0).text())


def test_settings_choose_the_language_for_the_next_start(
    make_window: MakeWindow, locked_services: Services, qtbot: QtBot
) -> None:
    window = make_window(locked_services)
    unlock(qtbot, window)
    dialog = SettingsDialog(window.settings, window, unlocked=True)
    dialog.changed.connect(window.apply_settings)
    dialog.language.setCurrentIndex(dialog.language.findData("cy"))
    assert SettingsStore(locked_services.data.settings).load().language == "cy"
    dialog.idle.setValue(1)
    assert dialog.idle.suffix() == " minute"
    dialog.idle.setValue(2)
    assert dialog.idle.suffix() == " minutes"
    dialog.close()
    assert Settings().language == "en"


def test_nothing_is_cut_off_in_welsh(
    welsh: None, themed_window: MainWindow, qtbot: QtBot, content: Content
) -> None:
    """The accessibility issue's pseudo-translation walk, with the real Welsh words."""
    window = themed_window
    found: list[str] = []
    for zoom in (100, 200):
        window.apply_settings(Settings(zoom=zoom))
        window.resize(1024, 640)
        QApplication.processEvents()
        for place, _page in Walk(window, qtbot, content).pages():
            QApplication.processEvents()
            found.extend(_problems(window, f"{place} in Welsh at 1024×640 {zoom}%"))
    window.apply_settings(Settings())
    assert not found, f"{len(found)} cut off:\n" + "\n".join(sorted(set(found)))
