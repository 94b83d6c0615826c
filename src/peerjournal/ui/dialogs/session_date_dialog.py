"""Setting a session's date, and its time if known; or taking the date away."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core.sessions import When
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.widgets import button, label

TAKE_AWAY = 2
"""``exec()``'s answer when the participant took the date away."""
USE_PACK = 3
"""``exec()``'s answer when they asked for the pack's date again."""


class SessionDateDialog(QDialog):
    """A day, and a time if the participant knows it; Enter keeps, Escape leaves it."""

    def __init__(
        self,
        title: str,
        when: When | None,
        today: date,
        parent: QWidget | None = None,
        *,
        pack_date: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sessionDateDialog")
        self.setWindowTitle(translate("session_date", "When is this session?"))
        self.day = QDateEdit(self)
        self.day.setObjectName("sessionDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dddd d MMMM yyyy")
        self.day.setAccessibleName(translate("session_date", "The day of the session"))
        shown = when.day if when is not None else today
        self.day.setDate(QDate(shown.year, shown.month, shown.day))
        self.has_time = QCheckBox(translate("session_date", "At a time"), self)
        self.has_time.setObjectName("sessionHasTime")
        self.at = QTimeEdit(self)
        self.at.setObjectName("sessionTime")
        self.at.setDisplayFormat("HH:mm")
        self.at.setAccessibleName(translate("session_date", "The time it starts"))
        start = when.at if when is not None and when.at is not None else time(10, 0)
        self.at.setTime(QTime(start.hour, start.minute))
        self.has_time.setChecked(when is not None and when.at is not None)
        self.at.setEnabled(self.has_time.isChecked())
        time_row = QHBoxLayout()
        time_row.addWidget(self.has_time)
        time_row.addWidget(self.at)
        time_row.addStretch(1)
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.addRow(translate("session_date", "Day"), self.day)
        form.addRow(translate("session_date", "Time"), time_row)

        self.keep = button(translate("session_date", "Keep this date"), "primary", self)
        self.keep.setObjectName("keepSessionDate")
        self.keep.setDefault(True)
        self.take_away = button(translate("session_date", "No date"), "", self)
        self.take_away.setObjectName("noSessionDate")
        self.take_away.setVisible(when is not None)
        self.use_pack = button(translate("session_date", "Use the date I was given"), "", self)
        self.use_pack.setObjectName("usePackDate")
        self.use_pack.setVisible(pack_date)
        self.cancel = button(translate("session_date", "Cancel"), "", self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.take_away)
        buttons.addWidget(self.use_pack)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.keep)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(14)
        layout.addWidget(label(title, "heading", self))
        layout.addLayout(form)
        layout.addWidget(
            label(
                translate(
                    "session_date",
                    "The date is kept locked in your journal, like everything you write.",
                ),
                "small",
                self,
            )
        )
        layout.addLayout(buttons)
        self.setMinimumWidth(440)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.has_time.toggled.connect(self.at.setEnabled)
        self.keep.clicked.connect(self.accept)
        self.cancel.clicked.connect(self.reject)
        self.take_away.clicked.connect(lambda: self.done(TAKE_AWAY))
        self.use_pack.clicked.connect(lambda: self.done(USE_PACK))

    def when(self) -> When:
        day = self.day.date()
        at = self.at.time()
        return When(
            date(day.year(), day.month(), day.day()),
            time(at.hour(), at.minute()) if self.has_time.isChecked() else None,
        )


__all__ = ["TAKE_AWAY", "USE_PACK", "SessionDateDialog"]
