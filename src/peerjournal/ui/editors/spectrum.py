"""A slider per row between two ends (helper relationship ↔ peer relationship)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractSlider,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core import answers as a
from peerjournal.core.content import model as m
from peerjournal.ui.editors.base import PromptEditor, small_label
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.theme import repolish, set_role


class SpectrumSlider(QSlider):
    """A slider that is "not marked yet" until the participant touches it."""

    def __init__(self, row: m.SpectrumRow, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.row = row
        self.setRange(0, 100)
        self.setSingleStep(5)
        self.setPageStep(20)
        self.setObjectName(f"slider:{row.id}")
        self.setAccessibleName(
            translate("spectrum", "Between “%1” and “%2”")
            .replace("%1", row.left)
            .replace("%2", row.right)
        )
        self.is_set = False
        self.set_unset()

    def set_unset(self) -> None:
        self.is_set = False
        self.blockSignals(True)
        self.setValue(50)
        self.blockSignals(False)
        self.setProperty("unset", "true")
        self.setAccessibleDescription(translate("spectrum", "Not marked yet"))
        repolish(self)

    def mark(self, value: int | None = None) -> None:
        if value is not None:
            self.blockSignals(True)
            self.setValue(value)
            self.blockSignals(False)
        self.is_set = True
        self.setProperty("unset", "false")
        self.setAccessibleDescription("")
        repolish(self)


class SpectrumEditor(PromptEditor):
    """A ``spectrum`` prompt: one slider per row; unmarked rows are not saved."""

    def __init__(self, prompt: m.SpectrumPrompt, parent: QWidget | None = None) -> None:
        super().__init__(prompt, parent)
        self.spectrum = prompt
        self.sliders: dict[str, SpectrumSlider] = {}
        self.states: dict[str, QLabel] = {}
        self._clears: dict[str, QPushButton] = {}
        ends = QGridLayout()
        left = small_label(prompt.left_label, "heading", self)
        right = small_label(prompt.right_label, "heading", self)
        right.setAlignment(Qt.AlignmentFlag.AlignRight)
        ends.addWidget(left, 0, 0)
        ends.addWidget(right, 0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(ends)
        for row in prompt.rows:
            card = QFrame(self)
            set_role(card, "option")
            card.setObjectName(f"spectrumRow:{row.id}")
            grid = QGridLayout(card)
            grid.setContentsMargins(14, 10, 14, 10)
            grid.setHorizontalSpacing(16)
            grid.setVerticalSpacing(4)
            left_text = QLabel(row.left, card)
            left_text.setWordWrap(True)
            right_text = QLabel(row.right, card)
            right_text.setWordWrap(True)
            right_text.setAlignment(Qt.AlignmentFlag.AlignRight)
            slider = SpectrumSlider(row, card)
            state = small_label("Not marked yet", "small", card)
            state.setObjectName(f"sliderState:{row.id}")
            clear = QPushButton(translate("spectrum", "Clear"), card)
            clear.setObjectName(f"sliderClear:{row.id}")
            clear.setAccessibleName(
                translate("spectrum", "Clear the mark for “%1”").replace("%1", row.left)
            )
            set_role(clear, "quiet")
            clear.setVisible(False)
            grid.addWidget(left_text, 0, 0)
            grid.addWidget(right_text, 0, 2)
            grid.addWidget(slider, 1, 0, 1, 3)
            grid.addWidget(state, 2, 0, 1, 2)
            grid.addWidget(clear, 2, 2, Qt.AlignmentFlag.AlignRight)
            grid.setColumnStretch(0, 1)
            grid.setColumnStretch(1, 0)
            grid.setColumnStretch(2, 1)
            self.sliders[row.id] = slider
            self.states[row.id] = state
            self._clears[row.id] = clear
            layout.addWidget(card)
        self._connect_signals()

    def _connect_signals(self) -> None:
        for slider in self.sliders.values():
            slider.actionTriggered.connect(self._on_touched)
            slider.valueChanged.connect(self._on_value)
            slider.sliderPressed.connect(self._on_pressed)
        for clear in self._clears.values():
            clear.clicked.connect(self._on_clear)

    def _slider(self) -> SpectrumSlider | None:
        sender = self.sender()
        return sender if isinstance(sender, SpectrumSlider) else None

    @Slot(int)
    def _on_touched(self, action: int) -> None:
        slider = self._slider()
        if slider is not None and action != QAbstractSlider.SliderAction.SliderNoAction.value:
            self._mark(slider)

    @Slot()
    def _on_pressed(self) -> None:
        slider = self._slider()
        if slider is not None:
            self._mark(slider)

    @Slot(int)
    def _on_value(self, _value: int) -> None:
        slider = self._slider()
        if slider is not None and slider.is_set:
            self._describe(slider)
            self._changed()

    def _mark(self, slider: SpectrumSlider) -> None:
        if not slider.is_set:
            slider.mark()
            self._describe(slider)
            self._changed()

    def _describe(self, slider: SpectrumSlider) -> None:
        state = self.states[slider.row.id]
        value = slider.value()
        if value <= 15:
            where = "Mostly to the left"
        elif value <= 40:
            where = "More to the left"
        elif value < 60:
            where = "In the middle"
        elif value < 85:
            where = "More to the right"
        else:
            where = "Mostly to the right"
        state.setText(where)
        self._clears[slider.row.id].setVisible(True)

    @Slot()
    def _on_clear(self) -> None:
        button = self.sender()
        if not isinstance(button, QPushButton):
            return
        row_id = button.objectName().removeprefix("sliderClear:")
        self.sliders[row_id].set_unset()
        self.states[row_id].setText(translate("spectrum", "Not marked yet"))
        button.setVisible(False)
        self.sliders[row_id].setFocus(Qt.FocusReason.OtherFocusReason)
        self._changed()

    def answer(self) -> a.Answer:
        return a.SpectrumAnswer(
            tuple((row_id, s.value()) for row_id, s in self.sliders.items() if s.is_set)
        )

    def _show(self, answer: a.Answer) -> None:
        if not isinstance(answer, a.SpectrumAnswer):
            return
        for row_id, slider in self.sliders.items():
            position = answer.position(row_id)
            if position is None:
                slider.set_unset()
                self.states[row_id].setText(translate("spectrum", "Not marked yet"))
                self._clears[row_id].setVisible(False)
            else:
                slider.mark(position)
                self._describe(slider)

    def focus_first(self) -> None:
        first = next(iter(self.sliders.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = ["SpectrumEditor", "SpectrumSlider"]
