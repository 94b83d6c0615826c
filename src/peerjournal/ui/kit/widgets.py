"""Small widgets the window's views share: headings, the passphrase field, busy bar."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core.passphrases import MIN_PASSPHRASE
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.theme import repolish, set_role


def label(text: str, role: str = "", parent: QWidget | None = None, *, name: str = "") -> QLabel:
    widget = QLabel(text, parent)
    widget.setWordWrap(True)
    if role:
        set_role(widget, role)
    if name:
        widget.setObjectName(name)
    return widget


TRANSIENT = "transient"


def transient(widget: QWidget) -> QWidget:
    """Marks a control whose state is not part of the journal, so nothing saves it.

    A search box, a day picked to look at, a name typed for a version about to be saved,
    a preview toggle: the test that walks every editable widget and checks it was saved
    skips these (and everything inside them). Anything not marked must save itself.
    """
    widget.setProperty(TRANSIENT, True)
    return widget


def button(
    text: str, role: str = "", parent: QWidget | None = None, *, name: str = ""
) -> QPushButton:
    widget = QPushButton(text, parent)
    if role:
        set_role(widget, role)
    if name:
        widget.setObjectName(name)
    widget.setAccessibleName(text.replace("&", ""))
    return widget


class PassphraseField(QWidget):
    """A hidden text field with a "Show" toggle."""

    submitted = Signal()
    text_changed = Signal(str)

    def __init__(self, name: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        transient(self)  # a secret typed to open something, never stored as typed
        self.edit = QLineEdit(self)
        self.edit.setObjectName(name)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName(accessible)
        self.edit.setMinimumWidth(320)
        self.show_button = QToolButton(self)
        self.show_button.setObjectName(f"{name}Show")
        self.show_button.setText(translate("widgets", "Show"))
        self.show_button.setCheckable(True)
        self.show_button.setAccessibleName(
            translate("widgets", "Show %1").replace("%1", accessible.lower())
        )
        self.show_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.show_button)
        self.setFocusProxy(self.edit)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.show_button.toggled.connect(self._on_show)
        self.edit.returnPressed.connect(self.submitted)
        self.edit.textChanged.connect(self.text_changed)

    @Slot(bool)
    def _on_show(self, on: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)
        self.show_button.setText(
            translate("widgets", "Hide") if on else translate("widgets", "Show")
        )

    def text(self) -> str:
        return self.edit.text()

    def clear(self) -> None:
        self.edit.clear()
        self.show_button.setChecked(False)

    def set_invalid(self, invalid: bool) -> None:
        self.edit.setProperty("invalid", "true" if invalid else "false")
        repolish(self.edit)

    def select_and_focus(self) -> None:
        self.edit.selectAll()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)


_STRENGTH_WORDS = (
    "Very easy to guess.",
    "Easy to guess.",
    "Fair. A few more words would make it stronger.",
    "Strong.",
    "Very strong.",
)


def passphrase_score(passphrase: str) -> tuple[int, str]:
    """zxcvbn's score (0 to 4) and a plain-words hint; long input is cut for speed."""
    if not passphrase:
        return 0, ""
    from zxcvbn import zxcvbn  # its word lists load on first use, not at start-up

    result = zxcvbn(passphrase[:100])
    score = int(result.get("score", 0))
    feedback = result.get("feedback") or {}
    warning = str(feedback.get("warning") or "")
    words = _STRENGTH_WORDS[max(0, min(score, 4))]
    if len(passphrase) < MIN_PASSPHRASE:
        score = 0  # too short to be used at all, however unusual its characters
        words = f"Please use at least {MIN_PASSPHRASE} characters."
    elif warning and score < 3:
        words = f"{words} {warning}"
    return score, words


class StrengthMeter(QWidget):
    """How hard a passphrase would be to guess, from ``zxcvbn``, in plain words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("strengthBar")
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(translate("widgets", "Passphrase strength"))
        self.words = label("", "small", self, name="strengthHint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.bar)
        layout.addWidget(self.words)
        self.update_for("")

    @Slot(str)
    def update_for(self, passphrase: str) -> None:
        score, words = passphrase_score(passphrase)
        self.bar.setValue(score if passphrase else 0)
        strength = "strong" if score >= 3 else "fair" if score == 2 else "weak"
        if self.bar.property("strength") != strength:
            self.bar.setProperty("strength", strength)
            repolish(self.bar)
        self.words.setText(
            words
            or translate(
                "widgets",
                "A few unrelated words make a passphrase that is strong and easy to remember.",
            )
        )
        self.bar.setAccessibleDescription(words)


class BusyBar(QWidget):
    """An indeterminate progress bar with a sentence, shown while something slow runs."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("busy")
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(text)
        self.text = label(text, "small", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.text)
        self.setVisible(False)


class FormStatus:
    """A form's two states besides ready: busy (its controls wait) and a problem said."""

    def __init__(self, controls: Sequence[QWidget], busy: BusyBar, error: QLabel) -> None:
        self._controls = tuple(controls)
        self._busy = busy
        self._error = error

    def set_busy(self, busy: bool) -> None:
        for widget in self._controls:
            widget.setEnabled(not busy)
        self._busy.setVisible(busy)
        if busy:
            self._error.setVisible(False)

    def show_error(self, text: str) -> None:
        self._error.setText(text)
        self._error.setVisible(True)


class WrapLabel(QLabel):
    """Wrapping text that a crowded layout cannot squeeze shorter than its lines.

    QLabel reports a small minimum height for wrapped text, so a full column cuts its
    last lines off; this one asks for the height its words need at its width.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._width = 0

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self.width() > 0:
            hint.setHeight(max(hint.height(), self.heightForWidth(self.width())))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != self._width:
            self._width = event.size().width()
            self.updateGeometry()


class WrappingButton(QPushButton):
    """A push button whose words wrap onto more lines when narrow (QPushButton's do not).

    The words are a label inside; the button keeps them as its accessible name, so a
    screen reader hears one button with its whole text.
    """

    def __init__(self, text: str, role: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, role)
        self.setAccessibleName(text)
        self.words = QLabel(text, self)
        self.words.setObjectName("buttonWords")
        self.words.setWordWrap(True)
        self.words.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.words.setProperty("role", f"{role}Words" if role else "buttonWords")
        inner = QHBoxLayout(self)
        inner.setContentsMargins(6, 4, 6, 4)
        inner.addWidget(self.words)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.words.heightForWidth(max(1, width - 12)) + 8

    def sizeHint(self) -> QSize:
        hint = self.words.sizeHint()
        return QSize(hint.width() + 12, hint.height() + 8)

    def minimumSizeHint(self) -> QSize:
        longest = max(
            (self.words.fontMetrics().horizontalAdvance(w) for w in self.words.text().split()),
            default=0,
        )
        return QSize(longest + 12, self.heightForWidth(longest + 12))


_CALENDAR_PARTS = {
    "qt_calendar_prevmonth": "Previous month",
    "qt_calendar_nextmonth": "Next month",
    "qt_calendar_calendarview": "Days of the month",
    "qt_calendar_yearedit": "Year",
}


def name_calendar_parts(calendar: QCalendarWidget) -> None:
    """Qt's calendar leaves its arrows and its grid unnamed: a screen reader said "button"."""
    for widget in calendar.findChildren(QWidget):
        name = _CALENDAR_PARTS.get(widget.objectName())
        if name:
            widget.setAccessibleName(name)


def clear_button(edit: QLineEdit, name: str) -> None:
    """Turns on a line edit's clear button, named (Qt's own has no name)."""
    edit.setClearButtonEnabled(True)
    for button in edit.findChildren(QToolButton):
        button.setAccessibleName(name)
        button.setToolTip(name)


def wipe_texts(root: QWidget) -> None:
    """Empties every text-holding widget under ``root`` (used when the journal locks)."""
    for edit in root.findChildren(QLineEdit):
        edit.clear()
    for plain in root.findChildren(QPlainTextEdit):
        plain.clear()
    for rich in root.findChildren(QTextEdit):
        rich.clear()
    for listing in root.findChildren(QListWidget):
        listing.clear()


__all__ = [
    "MIN_PASSPHRASE",
    "TRANSIENT",
    "BusyBar",
    "PassphraseField",
    "StrengthMeter",
    "WrapLabel",
    "WrappingButton",
    "button",
    "clear_button",
    "label",
    "name_calendar_parts",
    "passphrase_score",
    "transient",
    "wipe_texts",
]
