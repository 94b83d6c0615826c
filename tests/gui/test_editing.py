"""Writing in the window: autosave, restart, the ladder, strengths, values, history."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerjournal.core import answers as a
from peerjournal.core.content.model import Content
from peerjournal.core.errors import StorageFull
from peerjournal.core.vault.keyslots import FAST_KDF
from peerjournal.services.container import Services, build_services
from peerjournal.ui.editors import ChooseEditor, LadderEditor, RankedEditor, TextEditor
from peerjournal.ui.journal.daily_page import DailyPage
from peerjournal.ui.journal.part_page import PartPage
from peerjournal.ui.main_window import MainWindow
from tests.gui.conftest import MakeWindow, unlock

POSITIVE = "m1.s1.positive"


def open_part(window: MainWindow, part_id: str) -> PartPage:
    assert window.journal is not None
    page = window.journal.open_part(part_id)
    assert isinstance(page, PartPage)
    return page


def first_text_prompt(content: Content, part_id: str) -> str:
    part = content.part(part_id)
    assert part is not None
    return next(p.id for p in part.prompts if p.kind == "text")


def test_typed_answer_is_in_the_vault_after_the_pause(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    prompt_id = first_text_prompt(locked_services.content, "m1.s1")
    page = open_part(window, "m1.s1")
    editor = page.editors[prompt_id]
    assert isinstance(editor, TextEditor)
    editor.edit.setFocus()
    qtbot.keyClicks(editor.edit, "Meeting people who understand.")
    assert locked_services.answers.get(prompt_id) is None  # not before the pause
    qtbot.waitUntil(
        lambda: (
            locked_services.answers.get(prompt_id) == a.TextAnswer("Meeting people who understand.")
        ),
        timeout=3000,
    )
    qtbot.waitUntil(lambda: window.save_indicator.text() == "Saved")
    qtbot.waitUntil(lambda: page.progress.text() == "1 of 6 answered")


def test_answer_is_shown_again_after_a_restart(
    make_window: MakeWindow,
    locked_services: Services,
    content: Content,
    qtbot: QtBot,
) -> None:
    first = make_window(locked_services)
    unlock(qtbot, first)
    prompt_id = first_text_prompt(content, "m1.s1")
    editor = open_part(first, "m1.s1").editors[prompt_id]
    assert isinstance(editor, TextEditor)
    qtbot.keyClicks(editor.edit, "Written just before closing")
    first.close()  # closing saves first, without waiting for the pause

    again = build_services(locked_services.data.root, content=content, kdf=FAST_KDF)
    try:
        second = make_window(again)
        unlock(qtbot, second)
        shown = open_part(second, "m1.s1").editors[prompt_id]
        assert isinstance(shown, TextEditor)
        assert shown.edit.toPlainText() == "Written just before closing"
    finally:
        again.session.close()


def test_picking_a_rung_stores_a_dated_snapshot(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    page = open_part(window, "p2p.stocktake")
    editor = page.editors["p2p.stocktake.ladder"]
    assert isinstance(editor, LadderEditor)
    assert not editor.chart.isVisibleTo(editor)
    qtbot.mouseClick(editor.cards[4].radio, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            [r for _, r in locked_services.answers.ladder_history("p2p.stocktake.ladder")] == [4]
        ),
        timeout=3000,
    )
    qtbot.waitUntil(lambda: editor.chart.isVisibleTo(editor))
    assert editor.chart.series.count() == 1
    answer = locked_services.answers.get("p2p.stocktake.ladder")
    assert isinstance(answer, a.LadderAnswer) and answer.rung == 4


def test_a_ninth_strength_is_refused_kindly_and_not_saved(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    page = open_part(window, "m1.s4")
    editor = page.editors["m1.s4.strengths"]
    assert isinstance(editor, ChooseEditor)
    options = list(editor.cards.values())
    for card in options[:8]:
        card.box.click()
    assert editor.counter.text() == "8 of 8 chosen"
    ninth = options[8]
    ninth.box.click()
    assert not ninth.box.isChecked()
    assert editor.refusal.isVisible()
    assert ninth.option.label in editor.refusal.text()
    assert editor.counter.text() == "8 of 8 chosen"
    expected = tuple(card.option.id for card in options[:8])
    qtbot.waitUntil(
        lambda: locked_services.answers.get("m1.s4.strengths") == a.ChooseAnswer(expected),
        timeout=3000,
    )
    window.journal.flush() if window.journal else None
    window.tasks.wait_lane()
    saved = locked_services.answers.get("m1.s4.strengths")
    assert isinstance(saved, a.ChooseAnswer) and ninth.option.id not in saved.chosen


def test_values_reordered_with_the_keyboard_are_saved_in_that_order(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    page = open_part(window, "m1.s3")
    editor = page.editors["m1.s3.values"]
    assert isinstance(editor, RankedEditor)
    for row, value in zip(editor.rows, ("Honesty", "Kindness", "Courage"), strict=False):
        qtbot.keyClicks(row.value, value)
    courage = editor.rows[2]
    courage.value.setFocus()
    qtbot.waitUntil(courage.value.hasFocus)
    qtbot.keyClick(courage.value, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(courage.value, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [row.value.text() for row in editor.rows[:3]] == ["Courage", "Honesty", "Kindness"]
    assert courage.value.hasFocus()
    assert courage.number.text() == "1."

    def saved_order() -> list[str]:
        answer = locked_services.answers.get("m1.s3.values")
        return [i.value for i in answer.items] if isinstance(answer, a.RankedAnswer) else []

    qtbot.waitUntil(lambda: saved_order() == ["Courage", "Honesty", "Kindness"], timeout=3000)
    editor.drop_row(0, 2)  # what a drag and drop does
    qtbot.waitUntil(lambda: saved_order() == ["Honesty", "Kindness", "Courage"], timeout=3000)


def test_an_earlier_version_can_be_brought_back(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    prompt_id = POSITIVE
    locked_services.answers.save(prompt_id, a.TextAnswer("First thoughts"), fold=False)
    locked_services.answers.save(prompt_id, a.TextAnswer("Second thoughts"), fold=False)
    page = open_part(window, "m1.s1")
    editor = page.editors[prompt_id]
    assert isinstance(editor, TextEditor)
    assert editor.edit.toPlainText() == "Second thoughts"
    page.cards[prompt_id].history_button.click()
    from peerjournal.ui.dialogs.history_dialog import AnswerHistoryDialog

    dialog = page.findChild(AnswerHistoryDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.list.count() == 2)
    dialog.list.setCurrentRow(1)
    assert "First thoughts" in dialog.preview.toPlainText()
    with qtbot.waitSignal(dialog.restored, timeout=3000):
        dialog.restore_button.click()
    assert editor.edit.toPlainText() == "First thoughts"
    assert locked_services.answers.get(prompt_id) == a.TextAnswer("First thoughts")
    assert len(locked_services.answers.history(prompt_id)) == 3  # nothing lost


def test_a_failed_save_is_shown_calmly_and_the_words_stay(
    window: MainWindow, locked_services: Services, qtbot: QtBot, monkeypatch: object
) -> None:
    page = open_part(window, "m1.s1")
    editor = page.editors[POSITIVE]
    assert isinstance(editor, TextEditor)

    def full(*_args: object, **_kwargs: object) -> object:
        raise StorageFull()

    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setattr(locked_services.answers, "save", full)
    qtbot.keyClicks(editor.edit, "Words that must not vanish")
    card = page.cards[POSITIVE]
    qtbot.waitUntil(card.problem.isVisible, timeout=3000)
    assert "disk is full" in card.problem.text()
    # The indicator says it too, once the save in flight (a retry as typing went on) ends.
    qtbot.waitUntil(lambda: "disk is full" in window.save_indicator.text(), timeout=3000)
    assert editor.edit.toPlainText() == "Words that must not vanish"
    monkeypatch.undo()
    window.journal.save_now() if window.journal else None  # Ctrl+S tries again
    qtbot.waitUntil(
        lambda: locked_services.answers.get(POSITIVE) == a.TextAnswer("Words that must not vanish"),
        timeout=3000,
    )
    qtbot.waitUntil(lambda: not card.problem.isVisible())


def test_daily_page_autosaves_the_day(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    assert window.journal is not None
    page = window.journal.open_day(date.today())
    assert isinstance(page, DailyPage)
    assert page.prompt.text() == locked_services.pages.prompt_for(date.today())
    qtbot.keyClicks(page.text, "A quiet walk by the river.")
    qtbot.waitUntil(
        lambda: locked_services.pages.get(date.today()) == "A quiet walk by the river.",
        timeout=3000,
    )
    qtbot.waitUntil(lambda: page.pages.count() == 1 and "word" in page.pages.item(0).text())


def test_ctrl_s_saves_at_once_without_waiting(
    make_window: MakeWindow, locked_services: Services, qtbot: QtBot
) -> None:
    window = make_window(locked_services, autosave_delay_ms=60_000)
    unlock(qtbot, window)
    editor = open_part(window, "m1.s1").editors[POSITIVE]
    assert isinstance(editor, TextEditor)
    editor.edit.setFocus()
    qtbot.keyClicks(editor.edit, "Saved by hand")
    qtbot.keyClick(editor.edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: locked_services.answers.get(POSITIVE) == a.TextAnswer("Saved by hand"),
        timeout=3000,
    )
