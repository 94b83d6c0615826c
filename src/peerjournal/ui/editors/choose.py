"""Choose N of a list grouped by domain (the 28 strengths in 4 domains: choose 8)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core import answers as a
from peerjournal.core.content import model as m
from peerjournal.ui.editors.base import PromptEditor, small_label
from peerjournal.ui.kit.headings import not_a_heading
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.reflow import ReflowGrid
from peerjournal.ui.kit.theme import repolish, set_role


class OptionCard(QFrame):
    """One option: a tick box with its name, and its description beneath."""

    def __init__(self, option: m.Option, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "option")
        self.option = option
        self.box = QCheckBox(option.label, self)
        self.box.setObjectName(f"option:{option.id}")
        self.box.setAccessibleName(option.label)
        if option.description:
            self.box.setAccessibleDescription(option.description)
        font = self.box.font()
        font.setBold(True)
        self.box.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 10, 10)
        layout.setSpacing(2)
        layout.addWidget(self.box)
        if option.description:
            text = small_label(option.description, "small", self)
            text.setContentsMargins(30, 0, 0, 0)
            layout.addWidget(text)
        layout.addStretch(1)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.box.click()
        super().mousePressEvent(event)

    def set_chosen(self, chosen: bool) -> None:
        self.setProperty("chosen", "true" if chosen else "false")
        repolish(self)


class ChooseEditor(PromptEditor):
    """A ``choose`` prompt: tick up to N; a pick beyond N is kindly refused."""

    def __init__(self, prompt: m.ChoosePrompt, parent: QWidget | None = None) -> None:
        super().__init__(prompt, parent)
        self.choose = prompt
        self.cards: dict[str, OptionCard] = {}
        self._order: list[str] = []

        self.counter = QLabel(self)
        self.counter.setObjectName(f"counter:{prompt.id}")
        not_a_heading(self.counter)
        set_role(self.counter, "heading")
        self.refusal = QLabel(self)
        self.refusal.setObjectName(f"refusal:{prompt.id}")
        self.refusal.setWordWrap(True)
        set_role(self.refusal, "notice")
        self.refusal.setVisible(False)

        # One block per domain, side by side as far as they fit (see ReflowGrid).
        self.domains = ReflowGrid(self, columns=max(1, len(prompt.domains)))
        for domain in prompt.domains:
            block = QWidget(self.domains)
            block.setObjectName(f"domainBlock:{domain.id}")
            column = QVBoxLayout(block)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(8)
            title = QLabel(domain.title, block)
            title.setObjectName(f"domain:{domain.id}")
            title.setWordWrap(True)
            set_role(title, "heading")
            column.addWidget(title)
            for option in domain.options:
                card = OptionCard(option, block)
                self.cards[option.id] = card
                column.addWidget(card)
            column.addStretch(1)
            self.domains.add(block)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.counter)
        layout.addWidget(self.refusal)
        layout.addWidget(self.domains)
        self._update_counter()
        self._connect_signals()

    def _connect_signals(self) -> None:
        for card in self.cards.values():
            card.box.toggled.connect(self._on_toggled)

    @Slot(bool)
    def _on_toggled(self, checked: bool) -> None:
        box = self.sender()
        if not isinstance(box, QCheckBox):
            return
        option_id = box.objectName().removeprefix("option:")
        card = self.cards[option_id]
        if checked and not self._loading and len(self._order) >= self.choose.choose:
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
            self.refusal.setText(
                translate(
                    "choose",
                    "You have already chosen %1. If %2 feels truer, untick one of the others "
                    "first.",
                )
                .replace("%1", str(self.choose.choose))
                .replace("%2", card.option.label)
            )
            self.refusal.setVisible(True)
            return
        if checked and option_id not in self._order:
            self._order.append(option_id)
        elif not checked and option_id in self._order:
            self._order.remove(option_id)
            self.refusal.setVisible(False)
        card.set_chosen(checked)
        self._update_counter()
        self._picked()

    def _update_counter(self) -> None:
        self.counter.setText(
            translate("choose", "%1 of %2 chosen")
            .replace("%1", str(len(self._order)))
            .replace("%2", str(self.choose.choose))
        )

    @property
    def chosen(self) -> tuple[str, ...]:
        return tuple(self._order)

    def answer(self) -> a.Answer:
        return a.ChooseAnswer(tuple(self._order))

    def _show(self, answer: a.Answer) -> None:
        if not isinstance(answer, a.ChooseAnswer):
            return
        wanted = [c for c in answer.chosen if c in self.cards][: self.choose.choose]
        self._order = []
        for option_id, card in self.cards.items():
            card.box.setChecked(option_id in wanted)
            card.set_chosen(option_id in wanted)
        self._order = wanted
        self.refusal.setVisible(False)
        self._update_counter()

    def focus_first(self) -> None:
        first = next(iter(self.cards.values()), None)
        if first is not None:
            first.box.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = ["ChooseEditor", "OptionCard"]
