"""A prompt kind added by one folder (``tests/kinds/rating``) and one line: the recipe works.

The kind exists only in the tests. Registered, it is read from a content pack, saved
and read back through the vault, checked, put into words, counted as answered, offered
on the command line, and edited in the real window, with nothing else changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QRadioButton
from pytestqt.qtbot import QtBot

from peerjournal.core import answers as a
from peerjournal.core import kinds
from peerjournal.core import progress as pr
from peerjournal.core.content import model as m
from peerjournal.core.content.loader import load_content
from peerjournal.core.errors import BadAnswer
from peerjournal.core.vault.keyslots import FAST_KDF
from peerjournal.services.container import build_services
from peerjournal.ui.journal.part_page import PartPage
from tests.conftest import PASSPHRASE
from tests.gui.conftest import MakeWindow, unlock
from tests.kinds import rating

PACK = """\
peerjournal_pack: 1
id: test-ratings
title: Ratings
parts:
  - id: ratings.today
    title: How today felt
    items:
      - kind: rating
        id: ratings.today.energy
        text: How much energy did you have today?
        words: [None, A little, Some, Plenty, Lots]
"""
PROMPT = "ratings.today.energy"


@pytest.fixture
def rated(tmp_path: Path) -> Iterator[m.Content]:
    kinds.register(rating.SPEC)  # the one line a new kind needs
    try:
        packs = tmp_path / "packs"
        packs.mkdir()
        (packs / "ratings.yaml").write_text(PACK, encoding="utf-8")
        content = load_content([packs])
        assert not content.problems, content.problems
        yield content
    finally:
        kinds.unregister(rating.NAME)


def test_the_new_kind_is_read_saved_checked_and_worded(rated: m.Content, data_dir: Path) -> None:
    prompt: object = rated.prompt(PROMPT)  # the shipped union does not name a registered kind
    assert isinstance(prompt, rating.RatingPrompt)
    answer = cast(a.Answer, rating.RatingAnswer(4))
    services = build_services(data_dir, content=rated, kdf=FAST_KDF)
    services.session.unlock(PASSPHRASE)
    try:
        services.answers.save(PROMPT, answer)
        with pytest.raises(BadAnswer, match="1 to 5"):
            services.answers.save(PROMPT, cast(a.Answer, rating.RatingAnswer(9)))
    finally:
        services.session.close()
    again = build_services(data_dir, content=rated, kdf=FAST_KDF)
    again.session.unlock(PASSPHRASE)
    try:
        assert again.answers.get(PROMPT) == answer
        assert again.answers.text_of(PROMPT) == "4 of 5: Plenty"
        assert a.is_answered(answer)
        part = rated.part("ratings.today")
        assert part is not None
        assert pr.part_progress(part, again.answers.get).label() == "1 of 1 answered"
        assert again.search.search("plenty")
        assert again.session.vault.check().ok
    finally:
        again.session.close()
    from peerjournal.cli.writing import example_json

    assert example_json(cast(m.Prompt, prompt)) == '{"value": 3}'


def test_a_pack_using_an_unknown_kind_still_names_the_kinds(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "ratings.yaml").write_text(PACK, encoding="utf-8")
    content = load_content([packs])
    assert content.problems and "rating" in str(content.problems[0])


def test_the_new_kind_is_edited_in_the_window(
    rated: m.Content, data_dir: Path, make_window: MakeWindow, qtbot: QtBot
) -> None:
    services = build_services(data_dir, content=rated, kdf=FAST_KDF)
    window = make_window(services)
    unlock(qtbot, window)
    assert window.journal is not None
    page = window.journal.open_part("ratings.today")
    assert isinstance(page, PartPage)
    editor = page.editors[PROMPT]
    assert type(editor).__name__ == "RatingEditor"
    choice = editor.findChild(QRadioButton, "rating:2")
    assert choice is not None
    qtbot.mouseClick(choice, Qt.MouseButton.LeftButton, pos=QPoint(8, choice.height() // 2))
    qtbot.waitUntil(
        lambda: services.answers.get(PROMPT) == cast(a.Answer, rating.RatingAnswer(2)),
        timeout=5000,
    )
