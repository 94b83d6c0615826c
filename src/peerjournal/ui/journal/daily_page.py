"""Daily pages: a dated page for each day, today by default, with a gentle prompt."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QDate, QLocale, Qt, Slot
from PySide6.QtGui import QFont, QResizeEvent, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerjournal.services.container import Services
from peerjournal.services.events import Changes
from peerjournal.services.pages import PageSummary
from peerjournal.ui.editors.text import MarkdownEdit, paste_refused_words
from peerjournal.ui.journal.language_highlighter import attach as attach_language
from peerjournal.ui.journal.part_page import PageScroll
from peerjournal.ui.kit.autosave import AutoSaver
from peerjournal.ui.kit.dates import long_day
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.theme import set_role
from peerjournal.ui.kit.widgets import button, label, name_calendar_parts, transient

DAY_ROLE = Qt.ItemDataRole.UserRole


def page_key(day: date) -> str:
    return f"page:{day.isoformat()}"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


SIDE_WIDTH = 360
"""The calendar column's width at 100%; it grows with a zoomed month."""


def _link(href: str, words: str) -> str:
    return f'<a href="{escape(href)}">{escape(words)}</a>'


class DailyPage(QWidget):
    """The day's page to write on, and a calendar and list to find earlier pages."""

    def __init__(
        self,
        services: Services,
        autosaver: AutoSaver,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dailyPage")
        self._services = services
        self._autosaver = autosaver
        self._today = today or date.today()
        self.day: date | None = None
        self._marked: set[date] = set()
        self._items: dict[date, QListWidgetItem] = {}
        """Each listed day's item in the list of earlier pages."""

        side = QFrame(self)
        side.setObjectName("dailySide")
        side.setMaximumWidth(SIDE_WIDTH)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(16, 28, 8, 16)
        side_layout.setSpacing(10)
        self.calendar = QCalendarWidget(side)
        self.calendar.setObjectName("calendar")
        transient(self.calendar)  # which day to look at
        self.calendar.setAccessibleName(translate("daily_page", "Choose a day"))
        name_calendar_parts(self.calendar)
        self._calendar_view = self.calendar.findChild(QTableView)
        self._usual_columns: tuple[tuple[int, int], int] = ((0, 0), 0)
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setMaximumDate(_qdate(self._today))
        weekend = QTextCharFormat()
        weekend.setForeground(self.palette().color(self.foregroundRole()))
        for weekday in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.calendar.setWeekdayTextFormat(weekday, weekend)
        self.today_button = button(translate("daily_page", "Today"), "", side, name="todayButton")
        side_layout.addWidget(self.calendar)
        side_layout.addWidget(self.today_button, 0, Qt.AlignmentFlag.AlignLeft)
        side_layout.addWidget(label(translate("daily_page", "Earlier pages"), "heading", side))
        self.pages = QListWidget(side)
        self.pages.setObjectName("pageList")
        self.pages.setAccessibleName(translate("daily_page", "Earlier pages"))
        self.pages.setWordWrap(True)
        side_layout.addWidget(self.pages, 1)

        self.page_scroll = PageScroll(self, width=820)
        self.page_scroll.setAccessibleName(translate("daily_page", "Daily page"))
        body = self.page_scroll.body
        self.eyebrow = label(
            translate("daily_page", "DAILY PAGE"), "eyebrow", self.page_scroll.body_widget
        )
        self.title = label("", "title", self.page_scroll.body_widget, name="dayTitle")
        self.prompt = label("", "muted", self.page_scroll.body_widget, name="dayPrompt")
        italic = self.prompt.font()
        italic.setItalic(True)
        self.prompt.setFont(italic)
        self.text = MarkdownEdit(self.page_scroll.body_widget, min_lines=14, max_lines=60)
        self.text.setObjectName("dayText")
        self.language = attach_language(self.text, services.content.phrases, services.spelling)
        self.text.setAccessibleName(translate("daily_page", "Today's page"))
        self.text.setPlaceholderText(
            translate(
                "daily_page", "Write whatever is on your mind. The prompt is only a suggestion."
            )
        )
        card = QFrame(self.page_scroll.body_widget)
        set_role(card, "card")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(22, 18, 22, 18)
        inner.setSpacing(10)
        self.problem = label("", "error", card, name="dayProblem")
        self.problem.setVisible(False)
        inner.addWidget(self.prompt)
        inner.addWidget(self.text)
        inner.addWidget(self.problem)
        self.looking_back = QFrame(self.page_scroll.body_widget)
        self.looking_back.setObjectName("onThisDay")
        set_role(self.looking_back, "softCard")
        back = QVBoxLayout(self.looking_back)
        back.setContentsMargins(18, 12, 18, 12)
        back.setSpacing(6)
        back.addWidget(label(translate("daily_page", "On this day"), "heading", self.looking_back))
        self._back_lines: list[QLabel] = []
        for _ in range(2):
            line = label("", "", self.looking_back)
            line.setTextFormat(Qt.TextFormat.RichText)
            line.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextBrowserInteraction
                | Qt.TextInteractionFlag.TextSelectableByMouse
            )
            line.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            line.linkActivated.connect(self._open_earlier)
            back.addWidget(line)
            self._back_lines.append(line)
        self.looking_back.setVisible(False)
        self._looking_back_on = False
        body.addWidget(self.eyebrow)
        body.addWidget(self.title)
        body.addWidget(card)
        body.addWidget(self.looking_back)
        body.addStretch(1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(side)
        layout.addWidget(self.page_scroll, 1)
        self.side = side
        self._row = layout
        self._connect_signals()
        self.refresh_list()
        self.set_day(self._today)

    # -- narrow windows -----------------------------------------------------------------

    @property
    def narrow(self) -> bool:
        """Whether the calendar and the list sit below the page (a narrow or zoomed window)."""
        return self.side.parentWidget() is self.page_scroll.body_widget

    def _fit_calendar_columns(self, width: int) -> None:
        """The style's day columns where they fit in ``width``; else as wide as their day
        names; else one-letter names (a zoomed, narrow window, or a wide system font)."""
        view = self._calendar_view
        if view is None:
            return
        header = view.horizontalHeader()
        metrics = view.fontMetrics()
        key = (metrics.height(), metrics.averageCharWidth())
        if self._usual_columns[0] != key:  # the style's own minimum, at today's font
            header.setMinimumSectionSize(-1)
            self._usual_columns = (key, header.minimumSectionSize())
        usual = self._usual_columns[1]
        pad = metrics.averageCharWidth() * 2
        locale = self.calendar.locale()
        days = [locale.dayName(d, QLocale.FormatType.ShortFormat) for d in range(1, 8)]
        names = max(metrics.horizontalAdvance(d) for d in [*days, "30"])
        short = QCalendarWidget.HorizontalHeaderFormat.ShortDayNames
        single = QCalendarWidget.HorizontalHeaderFormat.SingleLetterDayNames

        def fits(shape: QCalendarWidget.HorizontalHeaderFormat) -> bool:
            # The calendar's own measure, in its header's font and the language's names.
            if self.calendar.horizontalHeaderFormat() != shape:
                self.calendar.setHorizontalHeaderFormat(shape)
            return self.calendar.minimumSizeHint().width() <= width

        if usual * 7 + 48 <= width and fits(short):
            shape, least = short, usual
        elif (names + pad) * 7 + 48 <= width and fits(short):
            shape, least = short, names + pad
        else:
            shape, least = single, metrics.horizontalAdvance("30") + pad
        if self.calendar.horizontalHeaderFormat() != shape:
            self.calendar.setHorizontalHeaderFormat(shape)
        if header.minimumSectionSize() != least:
            header.setMinimumSectionSize(least)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Beside the page the calendar keeps the width its month needs, and the page
        # room for about forty characters a line; without both, it goes below the page.
        self._fit_calendar_columns(1 << 20)  # measured with the style's own columns
        side_need = self.calendar.sizeHint().width() + 24
        writing = self.fontMetrics().averageCharWidth() * 40
        width = event.size().width()
        if not self.narrow and width < side_need + writing:
            self._row.removeWidget(self.side)
            self.page_scroll.body.insertWidget(self.page_scroll.body.count() - 1, self.side)
            self.side.setMaximumWidth(16_777_215)
            self.side.show()
        elif self.narrow and width >= side_need + writing + 60:
            self.page_scroll.body.removeWidget(self.side)
            self._row.insertWidget(0, self.side)
            self.side.show()
        if not self.narrow:
            self.side.setMaximumWidth(max(SIDE_WIDTH, side_need))
        else:  # below the page: the page's reading width, less its margins
            body = self.page_scroll.body_widget.maximumWidth()
            self._fit_calendar_columns(min(body, width - 64 - 16) - 16 - 24)

    def _connect_signals(self) -> None:
        self.calendar.clicked.connect(self._on_calendar)
        self.calendar.activated.connect(self._on_calendar)
        self.today_button.clicked.connect(self._on_today)
        self.pages.itemActivated.connect(self._on_list)
        self.pages.itemClicked.connect(self._on_list)
        self.text.textChanged.connect(self._on_typed)
        self.text.paste_refused.connect(self._on_paste_refused)

    @Slot(int)
    def _on_paste_refused(self, size: int) -> None:
        self.problem.setText(paste_refused_words(size))
        self.problem.setVisible(True)

    # -- choosing a day ----------------------------------------------------------------

    def set_day(self, day: date) -> None:
        if day == self.day:
            return
        if self.day is not None:
            self._autosaver.unregister(page_key(self.day))
        self.day = day
        pages = self._services.pages

        def write(text: str) -> object:
            return pages.save(day, text)

        self._autosaver.register(page_key(day), snapshot=self.text.toPlainText, write=write)
        pending = self._autosaver.latest(page_key(day))
        text = pending if isinstance(pending, str) else pages.get(day)
        self.text.blockSignals(True)
        self.text.setPlainText(text)
        self.text.blockSignals(False)
        self.text.fit()
        self.title.setText(
            translate("daily_page", "Today") if day == self._today else long_day(day)
        )
        self.eyebrow.setText(
            long_day(day).upper() if day == self._today else translate("daily_page", "DAILY PAGE")
        )
        self.prompt.setText(pages.prompt_for(day))
        damaged = day in pages.unreadable()
        self.problem.setText(
            translate(
                "daily_page",
                "This page could not be read: part of the file holding it is damaged. Nothing "
                "else is affected. “Bring back what can be” at the top of the window brings "
                "back its newest readable version.",
            )
            if damaged
            else ""
        )
        self.problem.setVisible(damaged)
        self._show_looking_back()
        self.calendar.blockSignals(True)
        self.calendar.setSelectedDate(_qdate(day))
        self.calendar.blockSignals(False)

    @Slot(QDate)
    def _on_calendar(self, day: QDate) -> None:
        self.set_day(_pydate(day))
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _on_today(self) -> None:
        self.set_day(self._today)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(QListWidgetItem)
    def _on_list(self, item: QListWidgetItem) -> None:
        iso = item.data(DAY_ROLE)
        if isinstance(iso, str):
            self.set_day(date.fromisoformat(iso))

    @Slot()
    def _on_typed(self) -> None:
        self.problem.setVisible(False)
        if self.day is not None:
            self._autosaver.touch(page_key(self.day))

    # -- the list of earlier pages --------------------------------------------------------

    LIST_AGAIN_AFTER = 50
    """More pages changed at once than this (a restore, an import): the list is made anew."""

    def refresh_list(self) -> None:
        summaries = self._services.pages.summaries()
        self.pages.clear()
        self._items = {}
        for summary in summaries:
            item = QListWidgetItem(self._item_text(summary))
            item.setData(DAY_ROLE, summary.day.isoformat())
            self.pages.addItem(item)
            self._items[summary.day] = item
        plain = QTextCharFormat()
        for day in self._marked:
            self.calendar.setDateTextFormat(_qdate(day), plain)
        self._marked = {s.day for s in summaries}
        for day in self._marked:
            self.calendar.setDateTextFormat(_qdate(day), self._written_format())
        if not summaries:
            self.pages.addItem(
                QListWidgetItem(translate("daily_page", "Your pages will be listed here."))
            )

    def _refresh_days(self, days: set[date]) -> None:
        """The list and the calendar brought up to date for the pages of ``days`` only.

        A save changes one page; making the whole list again for it cost a tenth of a
        second at ten years of pages (a third at thirty), each time the writing paused.
        """
        if not self._items or len(days) > self.LIST_AGAIN_AFTER:
            self.refresh_list()
            return
        pages = self._services.pages
        for day in days:
            summary = pages.summary(day)
            item = self._items.get(day)
            if summary is None:
                if item is not None:
                    self.pages.takeItem(self.pages.row(item))
                    del self._items[day]
                if day in self._marked:
                    self._marked.discard(day)
                    self.calendar.setDateTextFormat(_qdate(day), QTextCharFormat())
                continue
            text = self._item_text(summary)
            if item is None:
                item = QListWidgetItem(text)
                item.setData(DAY_ROLE, day.isoformat())
                self.pages.insertItem(sum(1 for d in self._items if d > day), item)
                self._items[day] = item
            elif item.text() != text:
                item.setText(text)
            if day not in self._marked:
                self._marked.add(day)
                self.calendar.setDateTextFormat(_qdate(day), self._written_format())
        if not self._items:
            self.refresh_list()

    @staticmethod
    def _item_text(summary: PageSummary) -> str:
        words = (
            translate("daily_page", "%n word")
            if summary.words == 1
            else translate("daily_page", "%n words")
        ).replace("%n", QLocale().toString(summary.words))
        return f"{long_day(summary.day)}\n{words}"

    @staticmethod
    def _written_format() -> QTextCharFormat:
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        bold.setFontUnderline(True)
        return bold

    def load_answers(self) -> None:
        """Shows the day again from the journal (after salvage brought a page back)."""
        day, self.day = self.day, None
        if day is not None:
            self._autosaver.unregister(page_key(day))
            self.set_day(day)

    def on_changes(self, changes: Changes) -> None:
        if changes.pages:
            self._refresh_days({date.fromisoformat(iso) for iso in changes.pages})
            self._changed_elsewhere(changes)
            self._show_looking_back()

    # -- on this day ------------------------------------------------------------------------

    def set_looking_back(self, on: bool) -> None:
        """Turns "On this day" on or off (Settings; off unless the participant asks)."""
        self._looking_back_on = on
        self._show_looking_back()

    def _show_looking_back(self) -> None:
        found = (
            self._services.pages.looking_back(self.day)
            if self._looking_back_on and self.day is not None
            else []
        )
        for line, entry in zip(self._back_lines, [*found, None, None], strict=False):
            if entry is None:
                line.clear()
                line.setVisible(False)
                continue
            kind, day, words = entry
            when = (
                translate("daily_page", "A month ago")
                if kind == "month"
                else translate("daily_page", "A year ago")
            )
            link = _link(day.isoformat(), f"{when}, {long_day(day)}")
            line.setText(
                translate("daily_page", "%1: “%2”").replace("%1", link).replace("%2", escape(words))
            )
            line.setAccessibleName(f"{when}, {long_day(day)}: {words}")
            line.setVisible(True)
        self.looking_back.setVisible(bool(found))

    @Slot(str)
    def _open_earlier(self, href: str) -> None:
        self.set_day(date.fromisoformat(href))

    def _changed_elsewhere(self, changes: Changes) -> None:
        """Shows the day's page again when it changed elsewhere (writing brought in) and
        nothing typed here is on its way."""
        day = self.day
        if day is None or day.isoformat() not in changes.pages:
            return
        if self._autosaver.busy(page_key(day)):
            return
        if self.text.toPlainText() != self._services.pages.get(day):
            self.load_answers()

    def focus_first(self) -> None:
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = ["DailyPage", "page_key"]
