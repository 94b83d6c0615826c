"""Every total the sidebar shows is the sum of what is under it, lessons included."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from peerjournal.core import answers as a
from peerjournal.services.container import Services
from peerjournal.ui.main_window import MainWindow


def _count(item: QTreeWidgetItem) -> tuple[int, int]:
    text = item.text(1)
    if not text:
        return 0, 0
    done, total = text.split("/")
    return int(done), int(total)


def _rows_add_up(window: MainWindow) -> list[str]:
    assert window.journal is not None
    tree = window.journal.sidebar.tree
    wrong: list[str] = []
    tops = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    overall = [0, 0]
    for top in tops:
        assert top is not None
        done, total = _count(top)
        overall[0] += done
        overall[1] += total
        children = [top.child(i) for i in range(top.childCount())]
        if not children:
            continue
        below = [_count(c) for c in children if c is not None]
        summed = (sum(d for d, _t in below), sum(t for _d, t in below))
        if summed != (done, total):
            wrong.append(f"{top.text(0)}: shows {done}/{total}, its rows add to {summed}")
    bar = window.journal.sidebar.overall_bar
    if (bar.value(), bar.maximum()) != tuple(overall):
        wrong.append(f"Overall shows {bar.value()}/{bar.maximum()}, the rows add to {overall}")
    return wrong


def test_every_total_is_the_sum_of_its_rows(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    assert window.journal is not None
    assert _rows_add_up(window) == []
    services = window.services
    services.answers.save("m1.s1.positive", a.TextAnswer("Feeling stronger."))
    services.answers.save("course.s01.lessons", a.LessonsAnswer((1, 2)))
    services.answers.save("course.s02.lessons", a.LessonsAnswer((3,)))
    window.journal.sidebar.refresh()
    assert _rows_add_up(window) == []
    course = window.journal.sidebar.tree.findItems("Training course", Qt.MatchFlag.MatchStartsWith)
    assert course and course[0].text(1).startswith("3/")  # the lessons count in the course
    bar = window.journal.sidebar.overall_bar
    assert bar.value() == 4  # and overall: one answer, three lessons
