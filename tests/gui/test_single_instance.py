"""A second start asks the first window to come forward."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from peerjournal.ui.single_instance import SingleInstance, server_name


def test_a_second_start_reaches_the_first(tmp_path: Path, qtbot: QtBot) -> None:
    first = SingleInstance(tmp_path)
    second = SingleInstance(tmp_path)
    assert not second.activate_existing()  # nobody listening yet
    assert first.listen()
    try:
        with qtbot.waitSignal(first.activation_requested, timeout=3000):
            assert second.activate_existing()
    finally:
        first.close()


def test_the_server_name_says_nothing_about_the_person(tmp_path: Path) -> None:
    name = server_name(tmp_path / "Siân's journal")
    assert name.startswith("peerjournal-")
    assert "Si" not in name and "journal-" not in name.removeprefix("peerjournal-")
    assert server_name(tmp_path) != server_name(tmp_path / "other")
