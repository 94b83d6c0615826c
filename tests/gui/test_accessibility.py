"""The class, not the instances: what assistive technology is told, on every page.

The walk opens every place of the window (each tab of each), the unlock and first-run
views, Settings and the support panel, and asks Qt's accessibility layer (the same
interfaces AT-SPI reads on Linux, UI Automation on Windows) about every widget a
participant can reach or read:

- every interactive widget has a name, and no name is cut off mid-sentence;
- every passage of the programme's text is exposed as text (not hidden behind a
  short name, which a screen reader would read instead of the passage);
- the colours every theme gives text meet WCAG 2.2 AA (4.5:1), and focus rings 3:1.

A widget nobody wrote a test for fails here when it has no name.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAccessible, QAccessibleInterface, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from peerjournal.core.content.model import Content
from peerjournal.services.container import Services
from peerjournal.services.settings import Settings
from peerjournal.ui.kit import theme as th
from peerjournal.ui.main_window import MainWindow
from tests.gui.conftest import MakeWindow, unlock
from tests.gui.test_every_widget_is_kept import Walk

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QAbstractSlider,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
)
TARGETS = (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit)
MIN_TARGET = 24  # WCAG 2.2 AA 2.5.8, in pixels at 100%
NAME = QAccessible.Text.Name
DESCRIPTION = QAccessible.Text.Description


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        text = doc.toPlainText()
    return " ".join(text.replace("&&", "&").split())


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.width() > 0 and widget.height() > 0


def _interactive(widget: QWidget) -> bool:
    if isinstance(widget, QScrollBar | QHeaderView):
        return False  # named by their role; screen readers say "scroll bar"
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractSpinBox | QComboBox):
        return False  # their own inner line edit
    return isinstance(widget, INTERACTIVE)


def _own_text(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    return str(text()) if callable(text) else ""


def _where(widget: QWidget) -> str:
    chain: list[str] = []
    node: QWidget | None = widget
    while node is not None and len(chain) < 4:
        chain.append(node.objectName() or type(node).__name__)
        node = node.parentWidget()
    return " < ".join(chain)


def _problems(root: QWidget, place: str) -> Iterator[str]:
    for widget in root.findChildren(QWidget):
        if not _shown(widget, root):
            continue
        iface: QAccessibleInterface | None = QAccessible.queryAccessibleInterface(widget)
        if iface is None:
            continue
        name = iface.text(NAME).strip()
        if _interactive(widget) and widget.isEnabled():
            if not name:
                yield f"{place}: {type(widget).__name__} {_where(widget)} has no name"
            elif (
                name.endswith(("…", "...")) and not _plain(_own_text(widget)).endswith(("…", "..."))
            ) or (
                isinstance(widget, QAbstractButton)
                and widget.text()
                and _plain(widget.text()) not in name
                and not widget.accessibleName()
            ):
                yield f"{place}: {_where(widget)} is named {name!r}, cut short"
        if (
            isinstance(widget, TARGETS)
            and widget.isEnabled()
            and not isinstance(widget, QScrollBar)
            and (widget.width() < MIN_TARGET or widget.height() < MIN_TARGET)
        ):
            yield (
                f"{place}: {type(widget).__name__} {_where(widget)} is a "
                f"{widget.width()}×{widget.height()} target (at least {MIN_TARGET}×{MIN_TARGET})"
            )
        if isinstance(widget, QLabel) and widget.text().strip():
            text = _plain(widget.text())
            told = " ".join(f"{name} {iface.text(DESCRIPTION)}".split())
            if len(text) > 40 and text[:40] not in told:
                yield (
                    f"{place}: the text {text[:50]!r}… of {_where(widget)} is hidden behind "
                    f"the name {name!r}"
                )


def _check(root: QWidget, place: str, found: list[str]) -> None:
    found.extend(_problems(root, place))


@pytest.fixture(autouse=True)
def themed() -> Iterator[None]:
    """The app's own look (its sizes are what a participant's fingers and eyes meet)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    manager = th.ThemeManager(app, Settings())
    manager.apply()
    yield
    manager.apply(Settings())


@pytest.fixture
def window(make_window: MakeWindow, locked_services: Services, qtbot: QtBot) -> MainWindow:
    QAccessible.setActive(True)
    return make_window(locked_services)


def test_every_widget_on_every_page_is_named_and_every_passage_is_readable(
    window: MainWindow, qtbot: QtBot, content: Content
) -> None:
    found: list[str] = []
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.unlock_view)
    _check(window, "unlock", found)
    unlock(qtbot, window)
    walk = Walk(window, qtbot, content)
    seen = 0
    for place, page in walk.pages():
        QApplication.processEvents()  # laid out, as a participant sees it
        QApplication.processEvents()
        _check(page, place, found)
        seen += 1
    assert seen > 20  # every programme, part, daily page and story tab was visited
    _check(window, "around the page", found)
    settings = walk.settings()
    _check(settings, "settings", found)
    settings.close()
    support = walk.support()
    _check(support, "support", found)
    support.close()
    for dialog in window.findChildren(QDialog):
        dialog.close()
    assert not found, "\n".join(sorted(set(found)))


def test_titles_headings_and_questions_are_told_as_headings(
    window: MainWindow, qtbot: QtBot, content: Content
) -> None:
    from peerjournal.ui.journal.sidebar import part_key
    from peerjournal.ui.kit.headings import HEADING_ROLES, NOT_A_HEADING

    unlock(qtbot, window)
    journal = window.journal
    assert journal is not None
    journal.open_place(part_key("m1.s3"))
    page = journal.pages.get(part_key("m1.s3"))
    assert page is not None
    QApplication.processEvents()
    told = []
    for label in page.findChildren(QLabel):
        if label.property(NOT_A_HEADING) and _shown(label, page):  # a row's number, a count
            iface = QAccessible.queryAccessibleInterface(label)
            assert iface is not None and iface.role() != QAccessible.Role.Heading
            continue
        if label.property("role") in HEADING_ROLES and _shown(label, page):
            iface = QAccessible.queryAccessibleInterface(label)
            assert iface is not None
            assert iface.role() == QAccessible.Role.Heading, label.objectName()
            assert iface.text(NAME) == _plain(label.text())
            told.append(iface.text(NAME))
    assert any(t.startswith("Session 3") for t in told)
    assert len(told) >= 8  # the title, the reading passages' titles and every question
    plain = next(
        w
        for w in page.findChildren(QLabel)
        if w.property("role") not in HEADING_ROLES and w.text().strip() and _shown(w, page)
    )
    again = QAccessible.queryAccessibleInterface(plain)
    assert again is not None and again.role() != QAccessible.Role.Heading
    journal.open_place(part_key("m1.s1"))  # leaving and locking lets the labels go safely
    window.lock()
    qtbot.waitUntil(lambda: window.journal is None)


def test_a_first_run_is_named_throughout(
    make_window: MakeWindow, qtbot: QtBot, tmp_path: object, content: Content
) -> None:
    from pathlib import Path

    from peerjournal.core.vault.keyslots import FAST_KDF
    from peerjournal.services.container import build_services

    QAccessible.setActive(True)
    assert isinstance(tmp_path, Path)
    services = build_services(tmp_path / "fresh", content=content, kdf=FAST_KDF)
    window = make_window(services)
    qtbot.waitUntil(lambda: window.setup_view is not None and window.setup_view.isVisible())
    setup = window.setup_view
    assert setup is not None
    found: list[str] = []
    for index in range(setup.count()):
        setup.setCurrentIndex(index)
        _check(setup, f"first run, step {index + 1}", found)
    window.close()
    services.session.close()
    assert not found, "\n".join(sorted(set(found)))


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(foreground: str, background: str) -> float:
    """WCAG 2.x contrast ratio."""
    a, b = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


# Every pair the style sheet and the painted widgets put text (or a focus ring) on.
TEXT_PAIRS = [
    ("text", "window"),
    ("text", "surface"),
    ("text", "sidebar"),
    ("text", "accent_soft"),
    ("text", "selection"),
    ("text", "error_soft"),
    ("text", "mark"),
    ("muted", "window"),
    ("muted", "surface"),
    ("muted", "sidebar"),
    ("muted", "accent_soft"),
    ("accent", "window"),
    ("accent", "surface"),
    ("accent_text", "accent"),
    ("accent_text", "accent_hover"),
    ("error", "error_soft"),
    ("error", "window"),
    ("error", "surface"),
]
RING_PAIRS = [("focus", "window"), ("focus", "surface"), ("focus", "sidebar")]
BOX_PAIRS = [("muted", "surface"), ("muted", "window"), ("muted", "sidebar")]


@pytest.mark.parametrize("colours", th.ALL_THEMES, ids=lambda c: c.name)
def test_every_theme_gives_text_enough_contrast(colours: th.Colours) -> None:
    low = []
    for fg, bg in TEXT_PAIRS:
        ratio = contrast(getattr(colours, fg), getattr(colours, bg))
        if ratio < 4.5:
            low.append(f"{fg} on {bg}: {ratio:.2f}")
    for fg, bg in RING_PAIRS + BOX_PAIRS:  # focus rings and unticked boxes: 3:1
        ratio = contrast(getattr(colours, fg), getattr(colours, bg))
        if ratio < 3:
            low.append(f"{fg} on {bg}: {ratio:.2f} (needs 3:1)")
    assert not low, f"{colours.name}: " + "; ".join(low)
