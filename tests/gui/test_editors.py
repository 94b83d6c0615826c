"""Each editor on its own: shortcuts, undo, preview, unset sliders, checklist, lessons, tree."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from peerjournal.core import answers as a
from peerjournal.core.content.model import Content
from peerjournal.services.container import Services
from peerjournal.ui.editors import (
    ChecklistEditor,
    LessonsEditor,
    SpectrumEditor,
    TableEditor,
    TextEditor,
    editor_for,
)
from peerjournal.ui.journal.part_page import PartPage
from peerjournal.ui.journal.tree_view import TreePage
from peerjournal.ui.main_window import MainWindow


def prompt(content: Content, prompt_id: str):  # type: ignore[no-untyped-def]
    found = content.prompt(prompt_id)
    assert found is not None
    return found


def test_text_editor_formatting_shortcuts_undo_and_preview(content: Content, qtbot: QtBot) -> None:
    editor = editor_for(prompt(content, "m1.s1.positive"))
    assert isinstance(editor, TextEditor)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitActive(editor)  # shortcuts only reach an active window
    editor.edit.setFocus()
    qtbot.waitUntil(editor.edit.hasFocus)
    edits: list[bool] = []
    editor.edited.connect(lambda: edits.append(True))
    qtbot.keyClicks(editor.edit, "hope")
    editor.edit.selectAll()
    qtbot.keyClick(editor.edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert editor.edit.toPlainText() == "**hope**"
    editor.edit.selectAll()
    qtbot.keyClick(
        editor.edit,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert editor.edit.toPlainText() == "- **hope**"
    qtbot.keyClick(editor.edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.edit.toPlainText() == "**hope**"
    qtbot.keyClick(editor.edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.edit.toPlainText() == "hope"
    qtbot.keyClick(
        editor.edit,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert editor.edit.toPlainText() == "**hope**"
    assert edits
    editor.preview_button.click()
    assert editor.stack.currentWidget() is editor.preview
    assert editor.preview.toPlainText().strip() == "hope"  # bold, without the stars
    editor.preview_button.click()
    assert editor.stack.currentWidget() is editor.edit


def test_loading_an_answer_is_not_an_edit(content: Content, qtbot: QtBot) -> None:
    editor = editor_for(prompt(content, "m1.s2.principles"))
    assert isinstance(editor, TableEditor)
    qtbot.addWidget(editor)
    edits: list[bool] = []
    editor.edited.connect(lambda: edits.append(True))
    editor.set_answer(a.TableAnswer((("mutual", "Shared experience, both ways"),)))
    assert edits == []
    assert editor.notes["mutual"].toPlainText() == "Shared experience, both ways"
    assert editor.answer() == a.TableAnswer(
        tuple(
            (row_id, "Shared experience, both ways" if row_id == "mutual" else "")
            for row_id in editor.notes
        )
    )


def test_spectrum_rows_stay_unset_until_touched(content: Content, qtbot: QtBot) -> None:
    editor = editor_for(prompt(content, "m1.s2.relationship-spectrum"))
    assert isinstance(editor, SpectrumEditor)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.answer() == a.SpectrumAnswer(())
    slider = editor.sliders["expert"]
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    answer = editor.answer()
    assert isinstance(answer, a.SpectrumAnswer)
    assert answer.positions == (("expert", 55),)
    assert editor.states["expert"].text() == "In the middle"
    clear = editor.findChild(QAbstractButton, "sliderClear:expert")
    assert clear is not None
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert editor.answer() == a.SpectrumAnswer(())
    assert editor.states["expert"].text() == "Not marked yet"


def test_checklist_yes_and_not_yet_with_a_note(content: Content, qtbot: QtBot) -> None:
    editor = editor_for(prompt(content, "p2p.story.language.checklist"))
    assert isinstance(editor, ChecklistEditor)
    qtbot.addWidget(editor)
    first = next(iter(editor.yes))
    editor.yes[first].click()
    editor.not_yet[first].click()
    assert not editor.yes[first].isChecked()
    qtbot.keyClicks(editor.notes[first], "Will ask a friend")
    answer = editor.answer()
    assert isinstance(answer, a.ChecklistAnswer)
    assert answer.item(first) == a.ChecklistItem(a.Check.NOT_YET, "Will ask a friend")
    editor.not_yet[first].click()  # clicking again clears it: nothing is required
    assert editor.answer() == a.ChecklistAnswer(
        ((first, a.ChecklistItem(a.Check.UNSET, "Will ask a friend")),)
    )


def test_lessons_counter(content: Content, qtbot: QtBot) -> None:
    editor = editor_for(prompt(content, "course.s01.lessons"))
    assert isinstance(editor, LessonsEditor)
    qtbot.addWidget(editor)
    for box in editor.boxes[:3]:
        box.click()
    assert editor.counter.text() == "3 of 11 lessons done"
    assert editor.answer() == a.LessonsAnswer((1, 2, 3))


def test_lessons_count_in_the_sidebar_and_on_the_page(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    assert window.journal is not None
    page = window.journal.open_part("course.s01")
    assert isinstance(page, PartPage)
    editor = page.editors["course.s01.lessons"]
    assert isinstance(editor, LessonsEditor)
    editor.boxes[0].click()
    editor.boxes[4].click()
    qtbot.waitUntil(lambda: page.progress.text() == "2 of 13 done", timeout=3000)
    rows = window.journal.sidebar.tree.findItems(
        "1. ", Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchRecursive
    )
    assert len(rows) == 1 and rows[0].text(1) == "2/13"
    assert "Overall" in window.journal.sidebar.overall_label.text()


def test_tree_parts_open_by_click_and_by_keyboard(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    assert window.journal is not None
    tree = window.journal.pages.get("tree")
    assert isinstance(tree, TreePage)
    assert len(tree.view.nodes) == 10
    places: dict[str, str] = {node.part.id: node.place.value for node in tree.view.nodes}
    assert places["tree.mutuality"] == "roots"
    assert places["tree.purposefulness"] == "crown"
    node = tree.view.node("tree.co-action")
    assert node is not None
    locked_services.answers.save("tree.co-action.intention", a.TextAnswer("Walk daily"))
    qtbot.waitUntil(lambda: node.progress.done == 1, timeout=3000)
    centre = tree.view.mapFromScene(node.scenePos())
    qtbot.mouseClick(tree.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert window.journal.current == "part:tree.co-action"

    window.journal.open_place("tree")
    tree.view.setFocus()
    qtbot.keyClick(tree.view, Qt.Key.Key_Right)
    qtbot.keyClick(tree.view, Qt.Key.Key_Return)
    assert window.journal.current == "part:tree.inter-view"
