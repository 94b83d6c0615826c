"""Search across every answer and daily page; Enter opens the place."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from peerjournal.services.container import Services
from peerjournal.services.search import SearchResult
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.markdown_text import escape, with_highlights
from peerjournal.ui.kit.ops import Op
from peerjournal.ui.kit.tasks import TaskRunner
from peerjournal.ui.kit.theme import current_colours
from peerjournal.ui.kit.widgets import label

HTML_ROLE = Qt.ItemDataRole.UserRole + 1
INDEX_ROLE = Qt.ItemDataRole.UserRole + 2
PADDING = 12
DEBOUNCE_MS = 150


def result_html(result: SearchResult) -> str:
    c = current_colours()
    snippet = with_highlights(result.snippet, result.highlights, c.mark)
    return (
        f'<div style="color:{c.muted}; font-size:small">{escape(result.title)}</div>'
        f'<div style="margin-top:4px">{snippet}</div>'
    )


class ResultDelegate(QStyledItemDelegate):
    """Draws a result as rich text: where it is, then the snippet with matches in bold."""

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(str(index.data(HTML_ROLE) or ""))
        width = option.rect.width()
        view = option.widget
        if isinstance(view, QListWidget):
            width = view.viewport().width()
        doc.setTextWidth(max(width - 2 * PADDING, 100))
        return doc

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        text = option.text
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        option.text = text
        doc = self._document(option, index)
        painter.save()
        painter.translate(option.rect.left() + PADDING, option.rect.top() + PADDING)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(
            QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.Text)
        )
        context.clip = QRectF(0, 0, option.rect.width(), option.rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        self.initStyleOption(option, index)
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2 * PADDING)


class ResultList(QListWidget):
    """The results; Enter opens the current one."""

    open_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit()
            return
        super().keyPressEvent(event)


class SearchPage(QWidget):
    """Results for the query typed in the window's search field."""

    result_opened = Signal(object)
    """A ``SearchResult`` to open."""

    def __init__(
        self, services: Services, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("searchPage")
        self._services = services
        self._tasks = tasks
        self._results: list[SearchResult] = []
        self._query = ""
        self._asked = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self.title = label(translate("search_page", "Search"), "title", self, name="searchTitle")
        self.summary = label("", "muted", self, name="searchSummary")
        self.results = ResultList(self)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(translate("search_page", "Search results"))
        self.results.setItemDelegate(ResultDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 28, 40, 24)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self._run)
        self.results.open_requested.connect(self.open_current)
        self.results.itemActivated.connect(self._on_activated)

    # -- searching ---------------------------------------------------------------------

    def search(self, query: str) -> None:
        """Searches for ``query`` after a short pause in typing."""
        self._query = query
        self._timer.start()

    def search_now(self, query: str) -> None:
        self._query = query
        self._timer.stop()
        self._run()

    @Slot()
    def _run(self) -> None:
        query = self._query.strip()
        self._asked += 1
        asked = self._asked
        if not query:
            self._show([], query)
            return
        search = self._services.search

        def done(results: list[SearchResult]) -> None:
            if asked == self._asked:  # an answer to an older question is dropped
                self._show(results, query)

        Op(self._tasks, owner=self, error=self.summary.setText, serial=False, name="search").run(
            lambda: search.search(query), done=done
        )

    def _show(self, results: list[SearchResult], query: str) -> None:
        self._results = results
        self.results.clear()
        for number, result in enumerate(results):
            item = QListWidgetItem()
            item.setData(HTML_ROLE, result_html(result))
            item.setData(INDEX_ROLE, number)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{result.title}: {result.snippet}")
            self.results.addItem(item)
        if not query:
            self.summary.setText(
                translate(
                    "search_page", "Type a word or two to look through everything you have written."
                )
            )
        elif not results:
            self.summary.setText(
                translate("search_page", "Nothing you have written matches that yet.")
            )
        else:
            words = (
                translate("search_page", "Found in 1 place. Press Enter to open it.")
                if len(results) == 1
                else translate("search_page", "Found in %1 places. Press Enter to open one.")
            )
            self.summary.setText(words.replace("%1", str(len(results))))
        if results:
            self.results.setCurrentRow(0)

    @property
    def result_count(self) -> int:
        return len(self._results)

    @property
    def settled(self) -> bool:
        """True once the last query typed has its results shown."""
        return not self._timer.isActive()

    def clear(self) -> None:
        self._timer.stop()
        self._asked += 1
        self._results = []
        self._query = ""
        self.results.clear()
        self.summary.clear()

    # -- opening -------------------------------------------------------------------------

    def focus_results(self) -> None:
        if self.results.count():
            self.results.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def open_current(self) -> None:
        row = self.results.currentRow()
        if 0 <= row < len(self._results):
            self.result_opened.emit(self._results[row])
        elif self._results:
            self.result_opened.emit(self._results[0])

    @Slot(QListWidgetItem)
    def _on_activated(self, item: QListWidgetItem) -> None:
        index = item.data(INDEX_ROLE)
        if isinstance(index, int) and 0 <= index < len(self._results):
            self.result_opened.emit(self._results[index])

    def focus_first(self) -> None:
        self.focus_results()


__all__ = ["ResultDelegate", "SearchPage", "result_html"]
