"""The stocktake then and now, through the real window: marks made on three days (the
vault's clock moved by hand), then the first and the latest side by side with their
statements, stages and notes, and any two chosen."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from peerjournal.core.content.model import Content, LadderPrompt
from peerjournal.core.kinds.ladder import LadderAnswer
from peerjournal.core.story import LADDER_ID
from peerjournal.core.vault.keyslots import FAST_KDF
from peerjournal.services.container import build_services
from peerjournal.ui.editors.ladder import LadderEditor
from peerjournal.ui.journal.sidebar import part_key
from tests.gui.conftest import MakeWindow, unlock


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_then_and_now_sets_two_marks_side_by_side(
    make_window: MakeWindow, data_dir: Path, content: Content, qtbot: QtBot
) -> None:
    clock = Clock(datetime(2026, 3, 12, 10, tzinfo=UTC))
    services = build_services(data_dir, content=content, clock=clock, kdf=FAST_KDF)
    window = make_window(services)
    unlock(qtbot, window)
    assert window.journal is not None
    window.journal.open_place(part_key("p2p.stocktake"))
    page = window.journal.pages.get(part_key("p2p.stocktake"))
    assert isinstance(page, QScrollArea)
    editor = page.findChild(LadderEditor)
    assert editor is not None
    ladder = editor.ladder
    assert isinstance(ladder, LadderPrompt)
    compare = editor.then_and_now
    assert not compare.isVisibleTo(page)  # nothing to compare yet

    def mark(when: datetime, rung: int, note: str) -> None:
        clock.now = when
        radio = editor.cards[rung].radio
        page.ensureWidgetVisible(radio)
        qtbot.waitUntil(lambda: radio.visibleRegion().boundingRect().size() == radio.size())
        qtbot.mouseClick(radio, Qt.MouseButton.LeftButton)
        editor.note.setFocus()
        editor.note.selectAll()
        if note:
            qtbot.keyClicks(editor.note, note)
        else:
            qtbot.keyClick(editor.note, Qt.Key.Key_Delete)
        qtbot.waitUntil(lambda: services.answers.get(LADDER_ID) == LadderAnswer(rung, note))

    mark(datetime(2026, 3, 12, 10, tzinfo=UTC), 2, "Scared to start.")
    mark(datetime(2026, 6, 1, 10, tzinfo=UTC), 4, "Going to group each week.")
    mark(datetime(2026, 9, 1, 10, tzinfo=UTC), 6, "")
    # The marks are read again after each save, off the UI thread: wait for the last one.
    qtbot.waitUntil(
        lambda: (
            compare.isVisibleTo(page)
            and compare.now.count() == 3
            and compare.marks[-1].note == ""
            and compare.marks[-1].rung == 6
        )
    )

    then, now = compare.then_card, compare.now_card
    assert (compare.then.currentIndex(), compare.now.currentIndex()) == (0, 2)
    assert then.day.text() == "Thursday 12 March 2026"
    first, last = ladder.rung(2), ladder.rung(6)
    stage_then, stage_now = ladder.stage_of(2), ladder.stage_of(6)
    assert first is not None and last is not None and stage_then and stage_now
    assert then.rung.text() == f"Rung 2 of {ladder.rung_count}, {stage_then.label}"
    assert then.statement.text() == f"“{first.statement}”"
    assert then.note.text() == "You wrote: Scared to start."
    assert now.day.text() == "Tuesday 1 September 2026"
    assert now.rung.text() == f"Rung 6 of {ladder.rung_count}, {stage_now.label}"
    assert now.statement.text() == f"“{last.statement}”"
    assert now.note.text() == "Nothing was written with this mark."

    compare.then.setCurrentIndex(1)  # any two: June beside September
    assert then.day.text() == "Monday 1 June 2026"
    assert then.note.text() == "You wrote: Going to group each week."
    assert "Rung 4 of" in then.accessibleName()

    # The chart's marks say the same in words, by keyboard.
    editor.chart.setFocus()
    qtbot.waitUntil(editor.chart.hasFocus)
    qtbot.keyClick(editor.chart, Qt.Key.Key_Home)
    assert editor.chart.accessibleDescription() == (
        f"Thursday 12 March 2026: Rung 2 of {ladder.rung_count}, {stage_then.label}"
    )
