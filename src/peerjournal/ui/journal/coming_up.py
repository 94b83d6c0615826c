"""Coming up: the next session, its date in words, and what to prepare for it.

Calm by design: nothing is ever overdue or missed. A date that has passed simply
drops out of "Coming up" and stays in the list of sessions below, as it was set.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDate, QLocale, QTime, QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core import sessions as s
from peerjournal.core.errors import PeerJournalError
from peerjournal.services.container import Services
from peerjournal.services.events import Changes
from peerjournal.ui.dialogs.session_date_dialog import TAKE_AWAY, USE_PACK, SessionDateDialog
from peerjournal.ui.journal.part_page import PageScroll
from peerjournal.ui.kit.dates import long_day
from peerjournal.ui.kit.errors import said
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.theme import set_role
from peerjournal.ui.kit.widgets import WrappingButton, button, label

Clock = Callable[[], datetime]
"""The local wall-clock time now (``datetime.now``; tests move it by hand)."""

TICK_MS = 60_000
"""How often the page looks at the clock while shown: "in 3 days" becomes "tomorrow"."""
LATER_SHOWN = 3


def date_in_words(when: s.When, now: datetime) -> str:
    """ "Thursday 10 December at 18:30, in 3 days": the day, its time, and how soon."""
    days = s.days_until(when, now)
    day = long_day(when.day)
    if when.day.year == now.year:  # the year only when it is not this one
        day = QLocale().toString(QDate(when.day.year, when.day.month, when.day.day), "dddd d MMMM")
    if when.at is not None:
        clock = QLocale().toString(QTime(when.at.hour, when.at.minute), "HH:mm")
        day = translate("coming_up", "%1 at %2").replace("%1", day).replace("%2", clock)
    if days == 0:
        soon = translate("coming_up", "today")
    elif days == 1:
        soon = translate("coming_up", "tomorrow")
    elif days > 1:
        soon = translate("coming_up", "in %1 days").replace("%1", str(days))
    else:
        return day
    return translate("coming_up", "%1, %2").replace("%1", day).replace("%2", soon)


def _session_name(session: s.Session) -> str:
    return f"{session.part.title} ({session.programme.short_title})"


class ComingUpPage(PageScroll):
    """The next session and its preparation; below, every session and its date."""

    part_requested = Signal(str, str)
    """A session (part id), and the question to open at ("" for its top)."""

    def __init__(self, services: Services, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comingUpPage")
        self.setAccessibleName(translate("coming_up", "Coming up"))
        self._services = services
        self._clock = clock
        self._sessions: list[s.Session] = []
        self.dialog: SessionDateDialog | None = None
        body = self.body
        body.addWidget(label(translate("coming_up", "COMING UP"), "eyebrow", self.body_widget))
        self.title = label("", "title", self.body_widget, name="comingUpTitle")
        body.addWidget(self.title)
        self.problem = label("", "error", self.body_widget, name="sessionDateProblem")
        self.problem.setVisible(False)
        body.addWidget(self.problem)

        self.next_card = QFrame(self.body_widget)
        self.next_card.setObjectName("nextSession")
        set_role(self.next_card, "card")
        inner = QVBoxLayout(self.next_card)
        inner.setContentsMargins(22, 18, 22, 18)
        inner.setSpacing(8)
        self.next_programme = label("", "muted", self.next_card, name="nextSessionProgramme")
        self.next_name = label("", "heading", self.next_card, name="nextSessionName")
        self.next_when = label("", "subtitle", self.next_card, name="nextSessionWhen")
        self.preparation = label("", "progress", self.next_card, name="nextPreparation")
        self.questions = QVBoxLayout()
        self.questions.setSpacing(2)
        actions = QHBoxLayout()
        self.open_next = button(translate("coming_up", "Open this session"), "primary", self)
        self.open_next.setObjectName("openNextSession")
        self.change_next = button(translate("coming_up", "Change the date…"), "", self)
        self.change_next.setObjectName("changeNextDate")
        actions.addWidget(self.open_next)
        actions.addWidget(self.change_next)
        actions.addStretch(1)
        for widget in (self.next_programme, self.next_name, self.next_when, self.preparation):
            inner.addWidget(widget)
        inner.addLayout(self.questions)
        inner.addLayout(actions)
        body.addWidget(self.next_card)

        self.nothing = label("", "muted", self.body_widget, name="nothingComingUp")
        body.addWidget(self.nothing)
        self.later = label("", "muted", self.body_widget, name="laterSessions")
        body.addWidget(self.later)

        body.addWidget(label(translate("coming_up", "Your sessions"), "heading", self.body_widget))
        body.addWidget(
            label(
                translate(
                    "coming_up",
                    "Set each date when you know it. Dates are kept locked in your journal "
                    "with everything else, and a date that has passed simply passes.",
                ),
                "small",
                self.body_widget,
            )
        )
        self.rows = QVBoxLayout()
        self.rows.setSpacing(6)
        body.addLayout(self.rows)
        self._row_labels: dict[str, QLabel] = {}
        self._row_buttons: dict[str, QPushButton] = {}
        group = ""
        for programme, part in services.content.session_parts():
            if programme.short_title != group:
                group = programme.short_title
                body_label = label(group, "question", self.body_widget)
                self.rows.addWidget(body_label)
            self._add_row(part.id, part.title)
        body.addStretch(1)
        self._question_buttons: list[WrappingButton] = []
        self._next: s.Session | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.refresh)
        self.open_next.clicked.connect(self._open_next)
        self.change_next.clicked.connect(self._change_next)
        self.refresh()

    def _add_row(self, part_id: str, title: str) -> None:
        row = QFrame(self.body_widget)
        set_role(row, "option")
        inner = QHBoxLayout(row)
        inner.setContentsMargins(14, 8, 14, 8)
        go = WrappingButton(title, "link", row)
        go.setObjectName(f"openSession:{part_id}")
        go.clicked.connect(lambda: self.part_requested.emit(part_id, ""))
        inner.addWidget(go, 3)
        when = label("", "muted", row, name=f"sessionDate:{part_id}")
        inner.addWidget(when, 2)
        change = button(translate("coming_up", "Set the date…"), "quiet", row)
        change.setObjectName(f"setSessionDate:{part_id}")
        change.setAccessibleName(translate("coming_up", "Set the date of %1").replace("%1", title))
        change.clicked.connect(lambda: self.ask_date(part_id))
        inner.addWidget(change)
        self._row_labels[part_id] = when
        self._row_buttons[part_id] = change
        self.rows.addWidget(row)

    # -- what is shown ---------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        if not self._services.session.unlocked:
            return
        now = self._clock()
        self._sessions = self._services.sessions.sessions()
        for session in self._sessions:
            words = (
                date_in_words(session.when, now)
                if session.when is not None
                else translate("coming_up", "No date yet")
            )
            self._row_labels[session.part.id].setText(words)
            self._row_buttons[session.part.id].setText(
                translate("coming_up", "Change…")
                if session.when is not None
                else translate("coming_up", "Set the date…")
            )
        upcoming = s.coming_up(self._sessions, now)
        self._next = upcoming[0] if upcoming else None
        self.next_card.setVisible(self._next is not None)
        if self._next is None:
            self.title.setText(translate("coming_up", "Coming up"))
            any_dated = any(x.when is not None for x in self._sessions)
            self.nothing.setText(
                translate(
                    "coming_up",
                    "No sessions are coming up. When you know the date of your next one, "
                    "set it below.",
                )
                if any_dated
                else translate(
                    "coming_up",
                    "When you know the dates of your sessions, set them below. This page "
                    "will then show the next one, and what you might like to prepare.",
                )
            )
            self.nothing.setVisible(True)
            self.later.setVisible(False)
            self._show_questions(None)
            return
        self.nothing.setVisible(False)
        nxt = self._next
        if nxt.when is None:
            return
        self.title.setText(translate("coming_up", "Your next session"))
        self.next_programme.setText(nxt.programme.title)
        self.next_name.setText(nxt.part.title)
        self.next_when.setText(date_in_words(nxt.when, now))
        self._show_questions(nxt)
        later = upcoming[1 : 1 + LATER_SHOWN]
        self.later.setVisible(bool(later))
        lines = [
            translate("coming_up", "%1 (%2): %3")
            .replace("%1", x.part.short_title)
            .replace("%2", x.programme.short_title)
            .replace("%3", date_in_words(x.when, now))
            for x in later
            if x.when is not None
        ]
        self.later.setText(translate("coming_up", "After that") + "\n" + "\n".join(lines))

    def _show_questions(self, session: s.Session | None) -> None:
        for old in self._question_buttons:
            old.setParent(None)
            old.deleteLater()
        self._question_buttons = []
        if session is None:
            return
        prep = s.preparation(session.part, self._services.answers.get)
        if not prep.total:
            self.preparation.setVisible(False)
            return
        self.preparation.setVisible(True)
        words = (
            translate("coming_up", "%1 of %2 preparation questions answered")
            if session.prepares
            else translate("coming_up", "%1 of %2 questions for afterwards answered")
        )
        self.preparation.setText(words.replace("%1", str(prep.done)).replace("%2", str(prep.total)))
        for question in prep.questions:
            done = question.id in prep.answered
            mark = "✓ " if done else "○ "
            go = WrappingButton(mark + question.text, "link", self.next_card)
            go.setObjectName(f"prepare:{question.id}")
            go.setAccessibleName(
                question.text
                + (
                    translate("coming_up", " (answered)")
                    if done
                    else translate("coming_up", " (not answered yet)")
                )
            )
            go.clicked.connect(
                lambda _=False, pid=question.id: self.part_requested.emit(session.part.id, pid)
            )
            self.questions.addWidget(go)
            self._question_buttons.append(go)

    def on_changes(self, changes: Changes) -> None:
        if changes.sessions or changes.answers or changes.everything:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.timer.stop()

    # -- setting a date --------------------------------------------------------------------

    @Slot()
    def _open_next(self) -> None:
        if self._next is not None:
            self.part_requested.emit(self._next.part.id, "")

    @Slot()
    def _change_next(self) -> None:
        if self._next is not None:
            self.ask_date(self._next.part.id)

    def ask_date(self, part_id: str) -> SessionDateDialog | None:
        session = next((x for x in self._sessions if x.part.id == part_id), None)
        if session is None:
            return None
        shipped = any(x.part_id == part_id for x in self._services.content.schedule)
        own = self._services.sessions.own()
        dialog = SessionDateDialog(
            _session_name(session),
            session.when,
            self._clock().date(),
            self,
            pack_date=shipped and part_id in own,
        )
        self.dialog = dialog

        def finished(result: int) -> None:
            self.dialog = None
            sessions = self._services.sessions
            try:
                if result == QDialog.DialogCode.Accepted.value:
                    sessions.set(part_id, dialog.when())
                elif result == TAKE_AWAY:
                    sessions.set(part_id, None)
                elif result == USE_PACK:
                    sessions.use_pack_date(part_id)
            except PeerJournalError as error:
                self.problem.setText(said(error))
                self.problem.setVisible(True)
            else:
                self.problem.setVisible(False)
            dialog.deleteLater()
            self.refresh()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def focus_first(self) -> None:
        target = (
            self.open_next
            if self._next is not None
            else next(iter(self._row_buttons.values()), None)
        )
        if target is not None:
            target.setFocus()


__all__ = ["ComingUpPage", "date_in_words"]
