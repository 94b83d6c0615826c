"""The class, not the instances: nothing is cut off, on any page, at any size or zoom.

The walk visits every place of the window (each tab of each) at 1024×640, 1280×800 and
1920×1080, at 100% and 200%, and fails on any label, button or tick box whose words do
not fit: narrower than its words on one line, shorter than its wrapped words, or pushed
past the right edge of a column that does not scroll sideways.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItemIterator,
    QWidget,
)
from pytestqt.qtbot import QtBot

from peerjournal.core.content.model import Content
from peerjournal.services.settings import Settings
from peerjournal.ui.kit.wrapping_names import NAME_FLAGS, WORD_FLAGS, name_flags
from peerjournal.ui.main_window import MainWindow
from tests.gui.test_every_widget_is_kept import Walk

SIZES = [(1024, 640), (1280, 800), (1920, 1080)]
ZOOMS = [100, 200]
SLACK = 2  # pixels of rounding


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.width() > 0 and widget.height() > 0


def _text_of(widget: QWidget) -> str:
    if isinstance(widget, QLabel):
        return widget.text()
    if isinstance(widget, QAbstractButton):
        return widget.text()
    return ""


def _needs(widget: QWidget) -> tuple[int, int]:
    """The size its words need at its present width (wrapping labels wrap)."""
    if isinstance(widget, QLabel) and widget.wordWrap():
        return 0, widget.heightForWidth(widget.width())
    hint = widget.minimumSizeHint() if isinstance(widget, QLabel) else widget.sizeHint()
    return hint.width(), hint.height()


def _clipping_column(widget: QWidget, root: QWidget) -> QRect | None:
    """The visible rect (in ``root``) of the nearest column that cannot scroll sideways."""
    node = widget.parentWidget()
    while node is not None and node is not root:
        parent = node.parentWidget()
        if isinstance(parent, QAbstractScrollArea) and node is parent.viewport():
            if parent.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
                top_left = node.mapTo(root, QPoint(0, 0))
                return QRect(top_left, node.size())
            return None
        node = parent
    return QRect(QPoint(0, 0), root.size())


def _item_problems(view: QTreeWidget, where: str) -> Iterator[str]:
    """Each shown name in a tree list fits its cell: every word, and every wrapped line."""
    metrics = view.fontMetrics()
    iterator = QTreeWidgetItemIterator(view)
    while (item := iterator.value()) is not None:
        iterator += 1
        rect = view.visualItemRect(item)
        if rect.isEmpty() or not view.viewport().rect().intersects(rect):
            continue
        index = view.indexFromItem(item, 0)
        cell = view.visualRect(index)
        text = item.text(0)
        metrics = QFontMetrics(item.font(0))
        # Where the style itself puts the words in this cell (after any tick box).
        option = QStyleOptionViewItem()
        delegate = view.itemDelegateForIndex(index)
        assert isinstance(delegate, QStyledItemDelegate)
        delegate.initStyleOption(option, index)
        option.rect = cell
        words = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
        box = QRect(0, 0, max(words.width() + SLACK, 1), 10_000)
        lines = metrics.boundingRect(box, name_flags(metrics, text, box.width()), text).height()
        if cell.height() + SLACK < lines:
            name = f"{view.objectName()} item {text[:40]!r}"
            yield f"{where}: {name} is {cell.height()} high, needs {lines}"


def _problems(root: QWidget, where: str) -> Iterator[str]:
    for view in root.findChildren(QTreeWidget):
        if _shown(view, root) and view.objectName() in ("sidebar", "storyChooser"):
            yield from _item_problems(view, where)
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, QLabel | QPushButton | QCheckBox | QRadioButton):
            continue
        if not _shown(widget, root) or not _text_of(widget).strip():
            continue
        name = f"{type(widget).__name__} {widget.objectName() or _text_of(widget)[:40]!r}"
        need_w, need_h = _needs(widget)
        if need_w and widget.width() + SLACK < need_w:
            yield f"{where}: {name} is {widget.width()} wide, needs {need_w}"
        if widget.height() + SLACK < need_h:
            yield f"{where}: {name} is {widget.height()} high, needs {need_h}"
        column = _clipping_column(widget, root)
        if column is not None:
            right = widget.mapTo(root, QPoint(widget.width(), 0)).x()
            if right > column.right() + SLACK + 1:
                yield f"{where}: {name} runs past the column's edge"


def _every_size_and_zoom(window: MainWindow) -> Iterator[tuple[int, int, int]]:
    """The window at each zoom and size in turn (zoom, width, height); 100% after."""
    try:
        for zoom in ZOOMS:
            window.apply_settings(Settings(zoom=zoom))
            for width, height in SIZES:
                window.resize(width, height)
                QApplication.processEvents()
                yield zoom, width, height
    finally:
        window.apply_settings(Settings())


def test_nothing_is_cut_off_on_any_page_at_any_size_or_zoom(
    themed_window: MainWindow, qtbot: QtBot, content: Content
) -> None:
    window = themed_window
    found: list[str] = []
    for zoom, width, height in _every_size_and_zoom(window):
        if (window.width(), window.height()) != (width, height):
            found.append(
                f"at {zoom}% the window will not go to {width}×{height} "
                f"(it stays {window.width()}×{window.height()})"
            )
        walk = Walk(window, qtbot, content)
        for place, _page in walk.pages():
            QApplication.processEvents()
            found.extend(_problems(window, f"{place} at {width}×{height} {zoom}%"))
    assert not found, f"{len(found)} cut off:\n" + "\n".join(sorted(set(found))[:5000])


_ACCENTS = str.maketrans("aeiouyncsgzAEIOUYNCSGZ", "àéîõüýñçšĝžÀÉÎÕÜÝÑÇŠĜŽ")
_FILLER = "ŵõŕđ"


def pseudo(text: str) -> str:
    """The usual pseudo-translation: accented, and 40% longer (in words, so it can wrap)."""
    if not text.strip() or "<" in text:
        return text
    grown = text.translate(_ACCENTS)
    extra = max(1, round(len(text) * 0.4 / (len(_FILLER) + 1)))
    return grown + "".join(f" {_FILLER}" for _ in range(extra))


def _pseudo_translate(root: QWidget) -> None:
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton) and not widget.property("pseudo"):
            widget.setText(pseudo(widget.text()))
            widget.setProperty("pseudo", True)
        elif isinstance(widget, QTabWidget) and not widget.property("pseudo"):
            for index in range(widget.count()):
                widget.setTabText(index, pseudo(widget.tabText(index)))
            widget.setProperty("pseudo", True)


def test_nothing_is_cut_off_when_every_string_is_longer_and_accented(
    themed_window: MainWindow, qtbot: QtBot, content: Content
) -> None:
    """Before any translation exists: every label, button and tab 40% longer, accented."""
    window = themed_window
    found: list[str] = []
    for width, height in [(1024, 640), (1280, 800)]:
        window.resize(width, height)
        QApplication.processEvents()
        walk = Walk(window, qtbot, content)
        for place, _page in walk.pages():
            _pseudo_translate(window)
            QApplication.processEvents()
            QApplication.processEvents()
            found.extend(_problems(window, f"{place} at {width}×{height}, pseudo-translated"))
    assert not found, f"{len(found)} cut off:\n" + "\n".join(sorted(set(found))[:5000])


def test_the_top_bar_fits_while_it_says_saving(themed_window: MainWindow, qtbot: QtBot) -> None:
    """The save state appears after the bar was fitted: it must not squeeze a button."""
    from peerjournal.ui.editors import TextEditor
    from peerjournal.ui.journal.part_page import PartPage

    window = themed_window
    window.apply_settings(Settings(zoom=200))
    window.resize(1024, 640)
    QApplication.processEvents()
    assert window.journal is not None
    page = window.journal.open_part("m1.s1")
    assert isinstance(page, PartPage)
    editor = page.editors["m1.s1.positive"]
    assert isinstance(editor, TextEditor)
    qtbot.keyClicks(editor.edit, "A few words")
    qtbot.waitUntil(lambda: window.save_indicator.text() != "")
    QApplication.processEvents()
    found = list(_problems(window.top_bar, "the top bar at 1024×640 200%"))
    window.apply_settings(Settings())
    assert not found, "\n".join(found)


def test_the_calendar_shows_every_day_column(themed_window: MainWindow, qtbot: QtBot) -> None:
    """Seven whole columns at every size and zoom, whatever the system font."""
    from PySide6.QtWidgets import QCalendarWidget, QTableView
    from pytestqt.exceptions import TimeoutError

    window = themed_window
    assert window.journal is not None
    window.journal.open_place("daily")
    cut: list[str] = []
    for zoom, width, height in _every_size_and_zoom(window):
        calendar = window.findChild(QCalendarWidget, "calendar")
        assert calendar is not None
        view = calendar.findChild(QTableView)
        assert view is not None

        def fits(view: QTableView = view) -> bool:
            return view.horizontalHeader().length() <= view.viewport().width() + SLACK

        try:  # once the page has settled where the calendar goes
            qtbot.waitUntil(fits, timeout=2000)
        except TimeoutError:
            columns = view.horizontalHeader().length()
            cut.append(f"{width}×{height} {zoom}%: {columns} wide in {view.viewport().width()}")
    assert cut == []


def test_a_name_breaks_inside_a_word_only_when_the_word_is_wider_than_the_column(
    qapp: QApplication,
) -> None:
    metrics = QFontMetrics(QApplication.font())
    name = "Intentional Peer Support"
    widest = metrics.horizontalAdvance("Intentional")
    assert name_flags(metrics, name, widest) == WORD_FLAGS  # "Supp / ort" no more
    assert name_flags(metrics, name, widest - 1) == NAME_FLAGS
    assert metrics.boundingRect(QRect(0, 0, widest + 4, 10_000), WORD_FLAGS, name).height() > (
        metrics.height()
    )
