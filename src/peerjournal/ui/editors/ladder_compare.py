"""The stocktake then and now: two of the participant's marks, side by side.

The workbook calls the stocktake "a snapshot in time". This sets two snapshots next to
each other (the first and the latest unless others are chosen) with their statements,
stage names and what was written with each. It reads, it never judges: no arrows, no
"better" or "worse", only what was marked and said.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from peerjournal.core.content import model as m
from peerjournal.core.kinds.ladder import LadderMark
from peerjournal.ui.kit.dates import long_day
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.reflow import ReflowGrid
from peerjournal.ui.kit.theme import set_role
from peerjournal.ui.kit.widgets import label, transient


def rung_words(ladder: m.LadderPrompt, rung: int) -> str:
    """ "Rung 3 of 10, Preparation": the rung and its stage."""
    stage = ladder.stage_of(rung)
    words = (
        translate("ladder", "Rung %1 of %2")
        .replace("%1", str(rung))
        .replace("%2", str(ladder.rung_count))
    )
    return f"{words}, {stage.label}" if stage is not None else words


class MarkCard(QFrame):
    """One mark: its day, its rung and stage, the statement, and the note with it."""

    def __init__(self, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "softCard")
        self.setObjectName(f"mark:{side}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(6)
        self.day = label("", "heading", self, name=f"markDay:{side}")
        self.rung = label("", "muted", self, name=f"markRung:{side}")
        self.statement = label("", "", self, name=f"markStatement:{side}")
        self.note = label("", "", self, name=f"markNote:{side}")
        for widget in (self.day, self.rung, self.statement, self.note):
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_mark(self, ladder: m.LadderPrompt, mark: LadderMark) -> None:
        rung = ladder.rung(mark.rung)
        self.day.setText(long_day(mark.when.astimezone().date()))
        self.rung.setText(rung_words(ladder, mark.rung))
        self.statement.setText(f"“{rung.statement}”" if rung is not None else "")
        note = mark.note.strip()
        self.note.setText(
            translate("ladder", "You wrote: %1").replace("%1", note)
            if note
            else translate("ladder", "Nothing was written with this mark.")
        )
        set_role(self.note, "" if note else "muted")
        self.setAccessibleName(
            ". ".join(x.text() for x in (self.day, self.rung, self.statement, self.note))
        )


class ThenAndNow(QFrame):
    """Two combo boxes to choose the marks, and the two marks side by side."""

    def __init__(self, ladder: m.LadderPrompt, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"thenAndNow:{ladder.id}")
        self.ladder = ladder
        self.marks: list[LadderMark] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(label(translate("ladder", "Then and now"), "heading", self))
        layout.addWidget(
            label(
                translate(
                    "ladder",
                    "Two of your marks side by side: the first and the latest, or any two "
                    "you choose.",
                ),
                "small",
                self,
            )
        )
        choose = QHBoxLayout()
        choose.setSpacing(8)
        self.then = self._combo("compareThen", translate("ladder", "Then"))
        self.now = self._combo("compareNow", translate("ladder", "Now"))
        for words, combo in (
            (translate("ladder", "Then"), self.then),
            (translate("ladder", "Now"), self.now),
        ):
            caption = QLabel(words, self)
            caption.setBuddy(combo)
            choose.addWidget(caption)
            choose.addWidget(combo, 1)
        layout.addLayout(choose)
        self.cards = ReflowGrid(self, columns=2)
        self.then_card = MarkCard("then", self.cards)
        self.now_card = MarkCard("now", self.cards)
        self.cards.add(self.then_card)
        self.cards.add(self.now_card)
        layout.addWidget(self.cards)
        self.then.currentIndexChanged.connect(self._show)
        self.now.currentIndexChanged.connect(self._show)
        self.setVisible(False)

    def _combo(self, name: str, words: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(words)
        transient(combo)  # which marks to look at, not part of the journal
        return combo

    def set_marks(self, marks: list[LadderMark]) -> None:
        """Shown from two marks on; the choice goes back to the first and the latest."""
        self.marks = list(marks)
        for combo in (self.then, self.now):
            combo.blockSignals(True)
            combo.clear()
            for mark in self.marks:
                day = long_day(mark.when.astimezone().date())
                combo.addItem(
                    translate("ladder", "%1, rung %2")
                    .replace("%1", day)
                    .replace("%2", str(mark.rung))
                )
            combo.blockSignals(False)
        self.setVisible(len(self.marks) >= 2)
        if len(self.marks) >= 2:
            self.then.setCurrentIndex(0)
            self.now.setCurrentIndex(len(self.marks) - 1)
            self._show()

    @Slot()
    def _show(self) -> None:
        for combo, card in ((self.then, self.then_card), (self.now, self.now_card)):
            index = combo.currentIndex()
            if 0 <= index < len(self.marks):
                card.show_mark(self.ladder, self.marks[index])


__all__ = ["MarkCard", "ThenAndNow", "rung_words"]
