"""The class, not the instances: every editable widget on every page keeps what it was given.

The test opens every place the window has (the Tree, each programme and part, daily
pages, Your story with each of its tabs), Settings and the support panel; finds every
editable widget by walking the widget tree; gives each a distinct canary as a
participant would (typing, clicking, arrow keys); and then locks at once, closes at
once, or quick-hides at once. After reopening, every widget shows what it was given.

Autosave is slowed to ten minutes, so only the save path's flushes (leaving a page, and
the lock, close or quick-hide itself) can have saved anything. A new widget that does
not save fails here without anyone writing a test for it. A control whose state is not
part of the journal (a search, a day to look at) is marked with ``ui.widgets.transient``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QTreeWidgetItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from peerjournal.core.content.model import Content
from peerjournal.core.vault.keyslots import FAST_KDF
from peerjournal.services.container import Services, build_services
from peerjournal.ui.dialogs.settings_dialog import SettingsDialog
from peerjournal.ui.dialogs.support_panel import SupportDialog
from peerjournal.ui.dialogs.support_plan_dialog import SupportPlanDialog
from peerjournal.ui.editors import RankedEditor
from peerjournal.ui.journal.sidebar import DAILY, STORY, TREE, part_key, programme_key
from peerjournal.ui.kit.widgets import TRANSIENT
from peerjournal.ui.main_window import MainWindow
from peerjournal.ui.story.story_chooser import StoryChooser
from tests.gui.conftest import MakeWindow, unlock

SLOW_AUTOSAVE_MS = 600_000
CTRL = Qt.KeyboardModifier.ControlModifier
Value = object


@dataclass(frozen=True, slots=True)
class Field:
    """Where a widget's value lives: its scope (a prompt's editor, a page) and its name."""

    scope: str
    name: str


def _places(content: Content) -> list[str]:
    places = [TREE]
    for programme in content.programmes:
        places.append(programme_key(programme.id))
        places += [part_key(part.id) for part in programme.parts]
    return [*places, DAILY, STORY]


def _transient(widget: QWidget, root: QWidget) -> bool:
    node: QWidget | None = widget
    while node is not None:
        if node.property(TRANSIENT):
            return True
        if node is root:
            return False
        node = node.parentWidget()
    return False


def _editable(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractSpinBox | QComboBox):  # their own inner line edit
        return False
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QAbstractButton):
        return widget.isCheckable()
    return isinstance(widget, QSlider | QComboBox | QSpinBox | StoryChooser)


def _field(widget: QWidget, root: QWidget, root_name: str) -> Field:
    node = widget.parentWidget()
    while node is not None and node is not root:
        if node.objectName().startswith("editor:"):
            return Field(node.objectName(), widget.objectName())
        node = node.parentWidget()
    return Field(root_name, widget.objectName())


def _widgets(root: QWidget, root_name: str) -> Iterator[tuple[Field, QWidget]]:
    seen: set[Field] = set()
    for widget in root.findChildren(QWidget):
        if not _editable(widget) or _transient(widget, root):
            continue
        field = _field(widget, root, root_name)
        assert widget.objectName(), (
            f"an editable {type(widget).__name__} in {root_name} has no name"
        )
        assert field not in seen, f"two editable widgets are both {field}"
        seen.add(field)
        yield field, widget


def _value(widget: QWidget) -> Value:
    if isinstance(widget, StoryChooser):
        return widget.sections()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QSlider):
        return (widget.value(), bool(getattr(widget, "is_set", True)))
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QSpinBox):
        return widget.value()
    raise AssertionError(f"no reader for {type(widget).__name__}")


class Canaries:
    """Gives each widget a distinct value, the way a participant would."""

    def __init__(self, qtbot: QtBot, run: int) -> None:
        self.qtbot = qtbot
        self.run = run
        self.count = 0

    def next_text(self) -> str:
        self.count += 1
        return f"r{self.run}w{self.count}"

    def give(self, widget: QWidget) -> None:
        if not widget.isEnabled() or not widget.isVisible():
            return
        bot = self.qtbot
        if isinstance(widget, StoryChooser):
            self._choose(widget)
        elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            widget.setFocus()
            bot.keyClick(widget, Qt.Key.Key_A, CTRL)
            bot.keyClicks(widget, self.next_text())
        elif isinstance(widget, QAbstractButton):
            # On the box itself: a tick box stretched wide takes clicks only near its text.
            spot = QPoint(min(8, widget.width() // 2), widget.height() // 2)
            bot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=spot)
        elif isinstance(widget, QSlider):
            widget.setFocus()
            up = widget.value() < widget.maximum()
            bot.keyClick(widget, Qt.Key.Key_PageUp if up else Qt.Key.Key_PageDown)
        elif isinstance(widget, QComboBox):
            widget.setFocus()
            down = widget.currentIndex() < widget.count() - 1
            bot.keyClick(widget, Qt.Key.Key_Down if down else Qt.Key.Key_Up)
        elif isinstance(widget, QSpinBox):
            widget.setFocus()
            bot.keyClick(
                widget, Qt.Key.Key_Up if widget.value() < widget.maximum() else Qt.Key.Key_Down
            )

    def _choose(self, chooser: StoryChooser) -> None:
        """Ticks or unticks one question and one section, and moves a question down."""
        tops = [chooser.topLevelItem(i) for i in range(chooser.topLevelItemCount())]
        sections = [t for t in tops if isinstance(t, QTreeWidgetItem)]
        first = sections[0]
        question = first.child(self.run % first.childCount())
        assert question is not None
        _flip(question)
        _flip(sections[1 + self.run % (len(sections) - 1)])
        top_question = first.child(0)
        assert top_question is not None
        chooser.setCurrentItem(top_question)
        down = chooser.window().findChild(QPushButton, "storyMoveDown")
        assert down is not None
        self.qtbot.mouseClick(down, Qt.MouseButton.LeftButton)

    def reorder(self, root: QWidget) -> None:
        """Moves the first of each ranked list down a place (a reorderable list)."""
        for ranked in root.findChildren(RankedEditor):
            row = ranked.findChild(QWidget, "rank:1")
            assert row is not None
            down = next(
                b for b in row.findChildren(QToolButton) if b.accessibleName() == "Move down"
            )
            self.qtbot.mouseClick(down, Qt.MouseButton.LeftButton)


def _flip(item: QTreeWidgetItem) -> None:
    checked = item.checkState(0) == Qt.CheckState.Checked
    item.setCheckState(0, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)


def _tabs_of(root: QWidget) -> list[Callable[[], None]]:
    """One step per tab of each tab widget, so every tab's widgets are shown in turn."""
    steps: list[Callable[[], None]] = [lambda: None]
    for tabs in root.findChildren(QTabWidget):
        for index in range(tabs.count()):
            steps.append(partial(tabs.setCurrentIndex, index))
    return steps


class Walk:
    """Goes to every place of an unlocked window, giving canaries or reading values."""

    def __init__(self, window: MainWindow, qtbot: QtBot, content: Content) -> None:
        self.given: set[Field] = set()
        self.typed: set[Field] = set()
        self.window = window
        self.qtbot = qtbot
        self.content = content

    def pages(self) -> Iterator[tuple[str, QWidget]]:
        journal = self.window.journal
        assert journal is not None
        for key in _places(self.content):
            journal.open_place(key)
            page = journal.pages.get(key)
            if page is None:
                continue
            for step in _tabs_of(page):
                step()
                yield key, page

    def settings(self) -> SettingsDialog:
        self.window.open_settings()
        dialog = next(d for d in self.window.findChildren(SettingsDialog) if d.isVisible())
        return dialog

    def support(self) -> SupportDialog:
        self.window.open_support()
        dialog = self.window.findChild(SupportDialog)
        assert dialog is not None
        self.qtbot.waitUntil(lambda: dialog.add_button.isVisible())
        return dialog

    def give(self, run: int) -> dict[Field, Value]:
        """Canaries everywhere; returns what each field shows after its page was done."""
        canaries = Canaries(self.qtbot, run)
        expected: dict[Field, Value] = {}
        given = self.given = set[Field]()
        typed = self.typed = set[Field]()
        reordered: set[str] = set()
        for key, page in self.pages():  # a page with tabs comes once per tab
            here: set[Field] = set()
            for field, widget in list(_widgets(page, key)):
                if field not in given and widget.isVisible() and widget.isEnabled():
                    canaries.give(widget)
                    given.add(field)
                    here.add(field)
                    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
                        typed.add(field)
            if key not in reordered:
                canaries.reorder(page)
                reordered.add(key)
            # A field shown on two pages (the same answer) expects what it was given.
            for field, value in _read(page, key).items():
                if field in here or field not in expected:
                    expected[field] = value
        settings = self.settings()
        for _, widget in list(_widgets(settings, "settings")):
            canaries.give(widget)
        expected.update(_read(settings, "settings"))
        settings.close()
        support = self.support()
        if not support.contacts():
            self.qtbot.mouseClick(support.add_button, Qt.MouseButton.LeftButton)
            name = support.findChild(QLineEdit, "contactName:0")
            assert name is not None
            self.qtbot.waitUntil(name.isVisible)
        for _, widget in list(_widgets(support, "support")):
            canaries.give(widget)
        expected.update(_read(support, "support"))
        plan = self.plan(support)
        for _, widget in list(_widgets(plan, "plan")):
            canaries.give(widget)
        expected.update(_read(plan, "plan"))
        return expected

    def plan(self, support: SupportDialog) -> SupportPlanDialog:
        dialog = support.open_plan()
        assert dialog is not None
        self.qtbot.waitUntil(dialog.isVisible)
        return dialog

    def read(self) -> dict[Field, Value]:
        shown: dict[Field, Value] = {}
        for key, page in self.pages():
            shown.update(_read(page, key))
        settings = self.settings()
        shown.update(_read(settings, "settings"))
        settings.close()
        support = self.support()
        shown.update(_read(support, "support"))
        plan = self.plan(support)
        shown.update(_read(plan, "plan"))
        plan.close()
        support.close()
        return shown


def _read(root: QWidget, name: str) -> dict[Field, Value]:
    return {field: _value(widget) for field, widget in _widgets(root, name)}


def _changed(before: dict[Field, Value], after: dict[Field, Value]) -> list[Field]:
    return [f for f, v in after.items() if before.get(f) != v]


@pytest.fixture
def window(make_window: MakeWindow, locked_services: Services, qtbot: QtBot) -> MainWindow:
    opened = make_window(locked_services, autosave_delay_ms=SLOW_AUTOSAVE_MS)
    unlock(qtbot, opened)
    return opened


def _reopen_after_close(
    window: MainWindow, make_window: MakeWindow, data_dir: Path, content: Content, qtbot: QtBot
) -> MainWindow:
    window.close()
    services = build_services(data_dir, content=content, kdf=FAST_KDF)
    fresh = make_window(services, autosave_delay_ms=SLOW_AUTOSAVE_MS)
    unlock(qtbot, fresh)
    return fresh


def test_every_editable_widget_keeps_its_canary_through_lock_close_and_quick_hide(
    window: MainWindow,
    make_window: MakeWindow,
    data_dir: Path,
    content: Content,
    qtbot: QtBot,
) -> None:
    untouched = Walk(window, qtbot, content).read()
    assert len(untouched) > 250, "the walk should reach hundreds of editable widgets"
    for run, how in enumerate(("lock", "close", "quick-hide"), start=1):
        walk = Walk(window, qtbot, content)
        before = walk.read() if run > 1 else untouched
        expected = walk.give(run)
        unchanged = [f for f in walk.given if before.get(f) == expected[f]]
        # Every typed canary shows; of the clicks, only a few can leave a widget as it
        # was (a ninth strength refused, "Yes" then "Not yet" on one question).
        assert walk.typed and not [f for f in walk.typed if f in unchanged], unchanged
        assert len(unchanged) < len(walk.given) // 3, unchanged[:20]
        if how == "lock":
            qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
            assert window.journal is None
            unlock(qtbot, window)
        elif how == "close":
            window = _reopen_after_close(window, make_window, data_dir, content, qtbot)
        else:
            qtbot.keyClick(window, Qt.Key.Key_H, CTRL | Qt.KeyboardModifier.ShiftModifier)
            assert window.journal is None
            window.bring_to_front()
            unlock(qtbot, window)
        after = Walk(window, qtbot, content).read()
        lost = {f: (expected[f], after.get(f)) for f in expected if after.get(f) != expected[f]}
        assert not lost, (
            f"after {how}, {len(lost)} fields lost their canary: {list(lost.items())[:8]}"
        )
        assert not _changed(expected, after), "something no one touched changed"
        for dialog in window.findChildren(QDialog):
            dialog.close()
