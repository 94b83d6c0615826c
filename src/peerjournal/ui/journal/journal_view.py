"""The unlocked journal: the programme in a sidebar, and the page for what is chosen.

Everything personal on screen lives under this one widget, so locking can wipe it by
destroying it: pages, editors, search results and all.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core.content import model as m
from peerjournal.services.container import Services
from peerjournal.services.events import Changes
from peerjournal.services.search import SearchResult
from peerjournal.ui.journal.daily_page import DailyPage
from peerjournal.ui.journal.earlier_page import EarlierAnswersPage
from peerjournal.ui.journal.language_highlighter import LanguageHighlighter
from peerjournal.ui.journal.notice_bar import NoticeBar
from peerjournal.ui.journal.part_page import PageScroll, PartPage, ProgrammePage
from peerjournal.ui.journal.search_page import SearchPage
from peerjournal.ui.journal.sidebar import (
    COMING,
    DAILY,
    EARLIER,
    STORY,
    TREE,
    Sidebar,
    part_key,
    programme_key,
)
from peerjournal.ui.journal.tree_view import TreePage
from peerjournal.ui.kit.autosave import AutoSaver
from peerjournal.ui.kit.changes import ChangeBridge
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.ops import Op
from peerjournal.ui.kit.prompter import Prompter
from peerjournal.ui.kit.tasks import TaskRunner
from peerjournal.ui.kit.widgets import clear_button, label, transient, wipe_texts

log = logging.getLogger(__name__)

SEARCH = "search"
SIDEBAR_WIDTH = 260
"""The sidebar's least width at 100%; it grows with the zoom, up to SIDEBAR_SHARE."""
SIDEBAR_SHARE = 0.33


class SearchField(QLineEdit):
    """The search box: Down moves into the results, Escape clears it."""

    down_pressed = Signal()
    escape_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            return
        super().keyPressEvent(event)


def story_page(
    services: Services,
    parent: QWidget,
    *,
    tasks: TaskRunner,
    prompter: Prompter,
    autosaver: AutoSaver,
) -> QWidget:
    """The ``StoryPage`` (sharing the window's save path), or a calm placeholder."""
    try:
        from peerjournal.ui.story.story_page import StoryPage
    except ImportError:
        log.info("the story page is not available in this build")
    else:
        try:
            return StoryPage(services, parent, tasks=tasks, prompter=prompter, autosaver=autosaver)
        except Exception as exc:  # their page failing must not take the journal down
            log.error("the story page could not be shown: %s", type(exc).__name__)
    holder = PageScroll(parent)
    holder.setObjectName("storyPlaceholder")
    holder.setAccessibleName(translate("journal_view", "Your story"))
    holder.body.addWidget(
        label(translate("journal_view", "Your story"), "title", holder.body_widget)
    )
    holder.body.addWidget(
        label(
            translate(
                "journal_view",
                "Your Personal Recovery Story will come together here from your answers in "
                "Preparing for Peer 2 Peer.",
            ),
            "muted",
            holder.body_widget,
        )
    )
    holder.body.addStretch(1)
    return holder


class JournalView(QWidget):
    """The sidebar, the search box, and a stack of pages built as they are first opened."""

    place_changed = Signal(str)

    def __init__(
        self,
        services: Services,
        tasks: TaskRunner,
        prompter: Prompter,
        parent: QWidget | None = None,
        *,
        autosave_delay_ms: int = 1000,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("journalView")
        self.clock = clock
        self._services = services
        self._tasks = tasks
        self._prompter = prompter
        self._content = services.content
        self.autosaver = AutoSaver(
            tasks,
            delay_ms=autosave_delay_ms,
            end_sitting=services.session.new_sitting,
            parent=self,
        )
        self.looking_back = False
        self.bridge = ChangeBridge(services.hub, self)
        self.pages: dict[str, QWidget] = {}
        self.current: str | None = None
        self._before_search: str | None = None

        self.search_field = SearchField(self)
        self.search_field.setObjectName("searchField")
        self.search_field.setPlaceholderText(
            translate("journal_view", "Search your journal  (Ctrl+F)")
        )
        self.search_field.setAccessibleName(translate("journal_view", "Search your journal"))
        clear_button(self.search_field, "Clear the search")
        transient(self.search_field)
        self.sidebar = Sidebar(self._content, services.answers.get, self)
        self.sidebar.put_on_top(self.search_field)
        self.sidebar.setMinimumWidth(SIDEBAR_WIDTH)
        self.sidebar.show_earlier_answers(bool(services.answers.earlier_answers()))

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("contentStack")
        self.search_page = SearchPage(services, tasks, self.stack)
        self.stack.addWidget(self.search_page)
        self.pages[SEARCH] = self.search_page

        splitter = QSplitter(self)
        splitter.setObjectName("splitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 950])
        self._splitter = splitter
        self.notice_bar = NoticeBar(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice_bar)
        layout.addWidget(splitter)

        self.find_action = self._action("Search", QKeySequence.StandardKey.Find, self.focus_search)
        self.save_action = self._action("Save now", QKeySequence.StandardKey.Save, self.save_now)
        self._connect_signals()

    def _action(self, text: str, keys: QKeySequence.StandardKey, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _connect_signals(self) -> None:
        self.sidebar.place_selected.connect(self.open_place)
        self.search_field.textChanged.connect(self._on_search_typed)
        self.search_field.returnPressed.connect(self._on_search_enter)
        self.search_field.down_pressed.connect(self.search_page.focus_results)
        self.search_field.escape_pressed.connect(self._on_search_escape)
        self.search_page.result_opened.connect(self.open_result)
        self.bridge.changes_applied.connect(self._on_changes)
        self.notice_bar.action_requested.connect(self.bring_back_damaged)

    # -- pages ----------------------------------------------------------------------------

    def _build(self, key: str) -> QWidget | None:
        services = self._services
        if key == TREE:
            tree_programme = next(
                (p for p in self._content.programmes if any(part.tree for part in p.parts)),
                None,
            )
            page = TreePage(self._content, tree_programme, services.answers.get, self.stack)
            page.part_requested.connect(self.open_part)
            return page
        if key == COMING:
            from peerjournal.ui.journal.coming_up import ComingUpPage

            coming = ComingUpPage(services, lambda: self.clock(), self.stack)
            coming.part_requested.connect(self._open_asked)
            return coming
        if key == DAILY:
            daily = DailyPage(services, self.autosaver, self.stack)
            daily.set_looking_back(self.looking_back)
            return daily
        if key == STORY:
            return story_page(
                services,
                self.stack,
                tasks=self._tasks,
                prompter=self._prompter,
                autosaver=self.autosaver,
            )
        if key == EARLIER:
            return EarlierAnswersPage(services, self.stack)
        if key.startswith("programme:"):
            programme = self._content.programme(key.removeprefix("programme:"))
            if programme is None:
                return None
            prog_page = ProgrammePage(services, programme, self.stack)
            prog_page.part_requested.connect(self.open_part)
            return prog_page
        if key.startswith("part:"):
            part_id = key.removeprefix("part:")
            part = self._content.part(part_id)
            programme = next(
                (p for p in self._content.programmes if any(x.id == part_id for x in p.parts)),
                None,
            )
            if part is None or programme is None:
                return None
            return PartPage(
                services, programme, part, self.autosaver, self._tasks, self._prompter, self.stack
            )
        return None

    def page(self, key: str) -> QWidget | None:
        """The page for ``key``, built the first time it is needed."""
        found = self.pages.get(key)
        if found is None:
            found = self._build(key)
            if found is None:
                return None
            self.pages[key] = found
            self.stack.addWidget(found)
        return found

    @Slot(str)
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_sidebar()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_sidebar()

    def _fit_sidebar(self) -> None:
        """A zoomed sidebar keeps its names whole: wider, but never most of the window."""
        if not hasattr(self, "sidebar"):
            return  # a resize or a font change while the view is being built
        scale = max(QApplication.font().pointSizeF(), 1.0) / 12
        wanted = round(SIDEBAR_WIDTH * max(scale, 1.0))
        room = round(self.width() * SIDEBAR_SHARE) if self.width() > 0 else wanted
        self.sidebar.setMinimumWidth(max(SIDEBAR_WIDTH, min(wanted, room)))

    def open_place(self, key: str) -> None:
        page = self.page(key)
        if page is None:
            return
        # Leaving a page saves it, and ends the sitting: coming back makes a new version.
        self.autosaver.flush(end_sitting=key != self.current)
        if key != SEARCH:
            self.sidebar.select(key)
        self.stack.setCurrentWidget(page)
        self.current = key
        self.place_changed.emit(key)

    @Slot(str)
    def open_part(self, part_id: str, prompt_id: str | None = None) -> PartPage | None:
        key = part_key(part_id)
        self.open_place(key)
        page = self.pages.get(key)
        if isinstance(page, PartPage):
            if prompt_id:
                page.reveal(prompt_id)
            return page
        return None

    @Slot(str, str)
    def _open_asked(self, part_id: str, prompt_id: str) -> None:
        page = self.open_part(part_id, prompt_id or None)
        if page is not None and not prompt_id:
            page.focus_first()

    def open_day(self, day: date) -> DailyPage | None:
        self.open_place(DAILY)
        page = self.pages.get(DAILY)
        if isinstance(page, DailyPage):
            page.set_day(day)
            page.focus_first()
            return page
        return None

    def open_programme(self, programme: m.Programme) -> None:
        self.open_place(programme_key(programme.id))

    def place_to_return_to(self) -> str | None:
        """Where to open after the next unlock (a place in the programme, never a query)."""
        return self._before_search if self.current == SEARCH else self.current

    def focus_content(self) -> None:
        page = self.stack.currentWidget()
        focus = getattr(page, "focus_first", None)
        if callable(focus):
            focus()

    # -- search -----------------------------------------------------------------------------

    @Slot()
    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()
        if self.search_field.text().strip():
            self._show_search()

    def _show_search(self) -> None:
        if self.current != SEARCH:
            self._before_search = self.current
            self.open_place(SEARCH)

    @Slot(str)
    def _on_search_typed(self, text: str) -> None:
        if text.strip():
            self._show_search()
            self.search_page.search(text)
        else:
            self.search_page.clear()
            if self.current == SEARCH and self._before_search:
                self.open_place(self._before_search)

    @Slot()
    def _on_search_enter(self) -> None:
        text = self.search_field.text()
        if not text.strip():
            return
        self._show_search()
        if self.search_page.settled and self.search_page.result_count:
            self.search_page.open_current()
        else:
            self.search_page.search_now(text)

    @Slot()
    def _on_search_escape(self) -> None:
        self.search_field.clear()
        self.focus_content()

    @Slot(object)
    def open_result(self, result: object) -> None:
        if not isinstance(result, SearchResult):
            return
        if result.day is not None:
            self.open_day(result.day)
        elif result.part_id is not None:
            self.open_part(result.part_id, result.prompt_id)
        elif result.prompt_id is not None:
            self.open_place(EARLIER)

    # -- what unlocking found -------------------------------------------------------------

    def show_notices(self, notices: list[str]) -> None:
        """Shows what unlocking found; offers to bring back what could not be read."""
        if not notices:
            return
        damaged = bool(self._services.session.vault.unreadable)
        self.notice_bar.show_notice(" ".join(notices), "Bring back what can be" if damaged else "")

    @Slot()
    def bring_back_damaged(self) -> None:
        """Each damaged answer or page from its newest readable version, one by one."""
        self.notice_bar.action.setEnabled(False)
        self.notice_bar.text.setText(
            translate("journal_view", "Looking in each one's earlier versions and your backups…")
        )
        salvage = self._services.salvage
        Op(self._tasks, owner=self, error=self.notice_bar.show_notice, name="salvage").run(
            salvage.repair, done=self._on_brought_back
        )

    def _on_brought_back(self, outcome: tuple[list[str], list[str]]) -> None:
        repaired, left = outcome
        parts = []
        if repaired:
            parts.append(
                f"Brought back {len(repaired)}, each as a new version: " + "; ".join(repaired) + "."
            )
        if left:
            parts.append(
                "Could not bring back " + "; ".join(left) + ": no earlier version or backup "
                "holds it. Everything else is as you left it."
            )
        self.notice_bar.show_notice(" ".join(parts) or "Nothing needed bringing back.")
        for page in self.pages.values():
            load = getattr(page, "load_answers", None)
            if callable(load):
                load()

    # -- saving and changes -----------------------------------------------------------------

    @Slot()
    def save_now(self) -> None:
        self.autosaver.flush()

    def flush(self) -> None:
        self.autosaver.flush()

    @Slot(object)
    def _on_changes(self, changes: object) -> None:
        if not isinstance(changes, Changes) or not self._services.session.unlocked:
            return
        if changes.answers or changes.everything:
            self.sidebar.refresh()
        if changes.spelling:
            for highlighter in self.findChildren(LanguageHighlighter):
                if highlighter.checks_spelling:
                    highlighter.rehighlight()
        for page in self.pages.values():
            on_changes = getattr(page, "on_changes", None)
            if callable(on_changes):
                on_changes(changes)

    def set_looking_back(self, on: bool) -> None:
        """ "On this day" on the daily page, as Settings says."""
        self.looking_back = on
        daily = self.pages.get(DAILY)
        if isinstance(daily, DailyPage):
            daily.set_looking_back(on)

    def wipe(self) -> None:
        """Empties every field and list, before the view is destroyed at lock.

        The autosaver is closed first: emptying the editors must never be saved.
        """
        self.autosaver.close()
        self.search_page.clear()
        self.search_field.blockSignals(True)
        self.search_field.clear()
        self.search_field.blockSignals(False)
        for bridge in self.findChildren(ChangeBridge):
            bridge.detach()  # the story page has its own; what waits in the queue is dropped
        wipe_texts(self)
        for child in self.findChildren(QLabel):
            if child.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse:
                child.clear()


__all__ = ["EarlierAnswersPage", "JournalView", "SearchField", "story_page"]
