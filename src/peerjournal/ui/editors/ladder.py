"""The ladder of change: mark the statement that feels true today; see earlier marks.

One mark is kept for each day: choosing another statement later the same day corrects
today's mark (and the ladder says so); a mark on another day is added beside the
earlier ones, which never change.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCharts import (
    QCategoryAxis,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
)
from PySide6.QtCore import QDateTime, QEvent, QMargins, QPointF, Qt, Slot
from PySide6.QtGui import QColor, QCursor, QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core import answers as a
from peerjournal.core.content import model as m
from peerjournal.core.kinds.ladder import LadderMark
from peerjournal.ui.editors.base import PromptEditor, small_label
from peerjournal.ui.editors.ladder_compare import ThenAndNow, rung_words
from peerjournal.ui.editors.text import GrowingTextEdit
from peerjournal.ui.kit.dates import long_day
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.reflow import ReflowGrid
from peerjournal.ui.kit.theme import current_colours, repolish, set_role


class RungCard(QFrame):
    """One statement of the ladder: a radio button and its words, all clickable."""

    def __init__(self, rung: m.Rung, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "option")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.radio = QRadioButton(str(rung.number), self)
        self.radio.setObjectName(f"rung:{rung.number}")
        self.radio.setAccessibleName(f"{rung.number}. {rung.statement}")
        self.label = QLabel(rung.statement, self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 10, 12, 10)
        layout.setSpacing(8)
        layout.addWidget(self.radio, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1, Qt.AlignmentFlag.AlignTop)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.radio.click()
        super().mousePressEvent(event)

    def set_chosen(self, chosen: bool) -> None:
        self.setProperty("chosen", "true" if chosen else "false")
        repolish(self)


class LadderChart(QChartView):
    """A small line chart of earlier picks over time."""

    def __init__(self, ladder: m.LadderPrompt, parent: QWidget | None = None) -> None:
        chart = QChart()
        super().__init__(chart, parent)
        self.setObjectName("ladderChart")
        self.setAccessibleName(translate("ladder", "Your earlier marks on the ladder"))
        self.setAccessibleDescription(
            translate("ladder", "Left and Right go from one mark to the next.")
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # each mark is read by keyboard
        self._ladder = ladder
        self._points: list[tuple[datetime, int]] = []
        self.current = -1
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(280)
        self.setMaximumHeight(320)
        rungs = ladder.rung_count
        self.chart_ = chart
        chart.legend().hide()
        chart.setMargins(QMargins(4, 4, 24, 4))  # room for the last date label
        chart.setBackgroundRoundness(10)
        self.series = QLineSeries()
        self.series.setPointsVisible(True)
        self.series.setMarkerSize(9)
        chart.addSeries(self.series)
        self.marker = QScatterSeries()  # the mark the keyboard is on
        self.marker.setMarkerSize(16)
        chart.addSeries(self.marker)
        self.x_axis = QDateTimeAxis()
        self.x_axis.setFormat("d MMM")
        self.y_axis = QCategoryAxis()
        self.y_axis.setRange(0.5, rungs + 0.5)
        self.y_axis.setStartValue(0.5)
        for stage in ladder.stages:
            if stage.rungs:
                self.y_axis.append(stage.label, max(r.number for r in stage.rungs) + 0.5)
        self.y_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionCenter)
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.x_axis)
        self.series.attachAxis(self.y_axis)
        self.marker.attachAxis(self.x_axis)
        self.marker.attachAxis(self.y_axis)
        self.series.hovered.connect(self._on_hovered)
        self.restyle()

    def restyle(self) -> None:
        c = current_colours()
        self.chart_.setBackgroundBrush(QColor(c.surface))
        self.chart_.setBackgroundPen(QPen(QColor(c.border)))
        pen = QPen(QColor(c.accent))
        pen.setWidth(3)
        self.series.setPen(pen)
        self.series.setColor(QColor(c.accent))
        for axis in (self.x_axis, self.y_axis):
            axis.setLabelsColor(QColor(c.muted))
            axis.setTitleBrush(QColor(c.muted))
            axis.setGridLineColor(QColor(c.leaf_empty))
            axis.setLinePenColor(QColor(c.border))
        self.setBackgroundBrush(QColor(c.surface))
        self.marker.setColor(QColor(c.focus))
        self.marker.setBorderColor(QColor(c.text))
        font = QApplication.font()
        for axis in (self.x_axis, self.y_axis):
            axis.setLabelsFont(font)

    def describe(self, index: int) -> str:
        """One mark in words: its date, its rung and the rung's stage."""
        when, rung = self._points[index]
        day = long_day(when.astimezone().date())
        return f"{day}: {rung_words(self._ladder, rung)}"

    def show_mark(self, index: int) -> None:
        if not self._points:
            return
        self.current = max(0, min(index, len(self._points) - 1))
        when, rung = self._points[self.current]
        self.marker.clear()
        self.marker.append(float(int(when.timestamp() * 1000)), float(rung))
        said = self.describe(self.current)
        self.setAccessibleDescription(said)
        spot = self.mapFromScene(self.chart_.mapToPosition(self.marker.at(0), self.marker))
        QToolTip.showText(self.mapToGlobal(spot), said, self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if self._points and key in (
            Qt.Key.Key_Left,
            Qt.Key.Key_Right,
            Qt.Key.Key_Home,
            Qt.Key.Key_End,
        ):
            last = len(self._points) - 1
            here = self.current if self.current >= 0 else last
            step = {
                Qt.Key.Key_Left: here - 1,
                Qt.Key.Key_Right: here + 1,
                Qt.Key.Key_Home: 0,
                Qt.Key.Key_End: last,
            }[key]
            self.show_mark(step)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self._points:
            self.show_mark(self.current if self.current >= 0 else len(self._points) - 1)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.marker.clear()

    @Slot(QPointF, bool)
    def _on_hovered(self, point: QPointF, state: bool) -> None:
        if not state or not self._points:
            QToolTip.hideText()
            return
        stamps = [when.timestamp() * 1000 for when, _rung in self._points]
        nearest = min(range(len(stamps)), key=lambda i: abs(stamps[i] - point.x()))
        QToolTip.showText(QCursor.pos(), self.describe(nearest), self)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.restyle()

    def set_points(self, points: list[tuple[datetime, int]]) -> None:
        self._points = list(points)
        self.current = -1
        self.marker.clear()
        self.series.clear()
        for when, rung in points:
            self.series.append(float(int(when.timestamp() * 1000)), float(rung))
        if points:
            first = QDateTime.fromMSecsSinceEpoch(int(points[0][0].timestamp() * 1000))
            last = QDateTime.fromMSecsSinceEpoch(int(points[-1][0].timestamp() * 1000))
            pad = max(first.secsTo(last) // 20, 3600)
            first = first.addSecs(-pad)
            last = last.addSecs(pad)
            self.x_axis.setRange(first, last)
            span = first.daysTo(last)
            self.x_axis.setFormat(
                "MMM yyyy" if span > 300 else "d MMM" if span > 2 else "d MMM HH:mm"
            )


class LadderEditor(PromptEditor):
    """A ``ladder`` prompt: the statements grouped in their stages; one is picked."""

    def __init__(self, prompt: m.LadderPrompt, parent: QWidget | None = None) -> None:
        super().__init__(prompt, parent)
        self.ladder = prompt
        self._saved_rung: int | None = None
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.cards: dict[int, RungCard] = {}
        # Each stage's heading, then its rungs two abreast (one when narrow or zoomed).
        grid = QVBoxLayout()
        grid.setSpacing(8)
        for stage in prompt.stages:
            heading = QLabel(stage.label, self)
            set_role(heading, "heading")
            heading.setObjectName(f"stage:{stage.id}")
            heading.setWordWrap(True)
            grid.addWidget(heading)
            rungs = ReflowGrid(self, columns=2)
            for rung in stage.rungs:
                card = RungCard(rung, rungs)
                self.cards[rung.number] = card
                self.group.addButton(card.radio, rung.number)
                rungs.add(card)
            grid.addWidget(rungs)

        self.how = small_label(
            "Mark the statement that feels true today. Choosing another later today "
            "changes today's mark; on another day it adds a new one.",
            "small",
            self,
        )
        self.saved_label = small_label("", "small", self)
        self.saved_label.setObjectName(f"ladderSaved:{prompt.id}")
        self.saved_label.setVisible(False)
        self.note = GrowingTextEdit(self, min_lines=2, max_lines=10)
        self.note.setObjectName(f"note:{prompt.id}")
        self.note.setAccessibleName(translate("ladder", "A note about today's mark"))
        self.note.setPlaceholderText(
            translate("ladder", "A note about where you are today, if you like.")
        )
        self.chart_title = small_label("Your marks over time", "heading", self)
        self.chart_hint = small_label(
            "One mark is kept for each day you mark it, with its date, so you can see how "
            "things move.",
            "small",
            self,
        )
        self.chart = LadderChart(prompt, self)
        for widget in (self.chart_title, self.chart_hint, self.chart):
            widget.setVisible(False)
        self.then_and_now = ThenAndNow(prompt, self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.how)
        layout.addLayout(grid)
        layout.addWidget(self.saved_label)
        layout.addWidget(self.note)
        layout.addSpacing(6)
        layout.addWidget(self.chart_title)
        layout.addWidget(self.chart_hint)
        layout.addWidget(self.chart)
        layout.addSpacing(6)
        layout.addWidget(self.then_and_now)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.group.buttonToggled.connect(self._on_toggled)
        self.note.textChanged.connect(self._changed)

    @Slot(QAbstractButton, bool)
    def _on_toggled(self, button: QAbstractButton, checked: bool) -> None:
        number = self.group.id(button)
        card = self.cards.get(number)
        if card is not None:
            card.set_chosen(checked)
        if checked:
            self._picked()

    def pick(self, number: int) -> None:
        card = self.cards.get(number)
        if card is not None:
            card.radio.click()

    def answer(self) -> a.Answer:
        checked = self.group.checkedId()
        return a.LadderAnswer(rung=max(checked, 0), note=self.note.toPlainText())

    def _show(self, answer: a.Answer) -> None:
        if not isinstance(answer, a.LadderAnswer):
            return
        card = self.cards.get(answer.rung)
        if card is not None:
            card.radio.setChecked(True)
        else:
            checked = self.group.checkedButton()
            if checked is not None:
                self.group.setExclusive(False)
                checked.setChecked(False)
                self.group.setExclusive(True)
        self.note.set_text_quietly(answer.note)
        self._saved_rung = answer.rung if answer.rung > 0 else None

    def show_saved(self, *, corrected: bool) -> None:
        """Says what the last save did to today's mark."""
        rung = self.group.checkedId()
        previous, self._saved_rung = self._saved_rung, rung
        if rung <= 0:
            self.saved_label.setVisible(False)
            return
        if corrected and previous not in (None, -1, rung):
            words = translate(
                "ladder",
                "Today's mark is now %1 (it was %2): one mark is kept for each day, so this "
                "corrects today's and earlier days keep theirs.",
            ).replace("%2", str(previous))
        else:
            words = translate("ladder", "Today's mark, %1, is kept with today's date.")
        self.saved_label.setText(words.replace("%1", str(rung)))
        self.saved_label.setVisible(True)

    def set_history(self, marks: list[LadderMark]) -> None:
        self.chart.set_points([(mark.when, mark.rung) for mark in marks])
        for widget in (self.chart_title, self.chart_hint, self.chart):
            widget.setVisible(bool(marks))
        self.then_and_now.set_marks(marks)

    def focus_first(self) -> None:
        checked = self.group.checkedButton()
        target = checked if checked is not None else self.cards[min(self.cards)].radio
        target.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = ["LadderEditor", "RungCard"]
