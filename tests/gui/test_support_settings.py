"""Support contacts (crisis lines and one's own, stored encrypted) and settings."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from peerjournal.core.content import model as m
from peerjournal.core.errors import BadAnswer
from peerjournal.services.container import Services
from peerjournal.services.settings import DEFAULTS, Settings, SettingsStore, Theme
from peerjournal.ui.dialogs.support_panel import SupportDialog
from peerjournal.ui.main_window import MainWindow
from tests.gui.conftest import MakeWindow

# -- the services --------------------------------------------------------------------------


def test_settings_round_trip_and_only_changes_are_written(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    assert store.load() == DEFAULTS
    store.save(Settings(font_size=15, idle_minutes=10, theme=Theme.DARK))
    assert json.loads(store.path.read_text()) == {"font_size": 15, "theme": "dark"}
    assert store.load() == Settings(font_size=15, theme=Theme.DARK)


@pytest.mark.parametrize(
    "damage",
    ["{not json", "[]", '{"font_size": "big"}', '{"theme": "purple"}', "\x00\x01"],
)
def test_a_damaged_settings_file_gives_the_defaults_and_a_warning(
    tmp_path: Path, damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "settings.json"
    path.write_text(damage)
    with caplog.at_level(logging.WARNING):
        assert SettingsStore(path).load() == DEFAULTS
    assert "using the defaults" in caplog.text


def test_settings_out_of_range_are_clamped(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"font_size": 200, "idle_minutes": 0}')
    loaded = SettingsStore(path).load()
    assert loaded.font_size == 24 and loaded.idle_minutes == 1


def test_own_contacts_are_stored_in_the_vault_encrypted(services: Services) -> None:
    assert [c.name for c in services.contacts.support()][:3] == [
        "Samaritans",
        "NHS 111",
        "Emergency",
    ]
    assert services.contacts.own() == []
    services.contacts.save_own(
        [m.Contact("Aunt Siân", "07700 900123", "Evenings"), m.Contact("", "")]
    )
    assert services.contacts.own() == [m.Contact("Aunt Siân", "07700 900123", "Evenings")]
    raw = services.data.vault.read_bytes()
    assert "Siân".encode() not in raw and b"07700 900123" not in raw
    with pytest.raises(BadAnswer):
        services.contacts.save_own([m.Contact(f"n{i}", "1") for i in range(51)])


# -- the window ----------------------------------------------------------------------------


def test_support_is_reachable_while_locked_without_own_contacts(
    make_window: MakeWindow, locked_services: Services, qtbot: QtBot
) -> None:
    window = make_window(locked_services)
    assert window.support_button.isVisible()
    window.support_button.click()
    dialog = window.findChild(SupportDialog)
    assert dialog is not None and dialog.isVisible()
    assert "Unlock your journal" in dialog.own_hint.text()
    assert not dialog.add_button.isVisible()
    texts = " ".join(w.text() for w in dialog.findChildren(type(dialog.own_hint)))
    assert "116 123" in texts and "999" in texts and "111" in texts


def test_adding_an_own_contact_saves_it(
    window: MainWindow, locked_services: Services, qtbot: QtBot
) -> None:
    window.open_support()
    dialog = window.findChild(SupportDialog)
    assert dialog is not None
    dialog.add_button.click()
    names = [w for w in dialog.findChildren(QLineEdit) if w.objectName().startswith("contactName:")]
    last = max(int(w.objectName().split(":")[1]) for w in names)
    name = dialog.findChild(QLineEdit, f"contactName:{last}")
    detail = dialog.findChild(QLineEdit, f"contactDetail:{last}")
    assert name is not None and detail is not None and name.text() == ""
    qtbot.keyClicks(name, "Sam")
    qtbot.keyClicks(detail, "07700 900456")
    qtbot.waitUntil(
        lambda: locked_services.contacts.own() == [m.Contact("Sam", "07700 900456", "")],
        timeout=3000,
    )
    qtbot.waitUntil(lambda: dialog.status.text() == "Saved")
    window.lock()
    assert window.findChild(SupportDialog) is None or not dialog.isVisible()


def test_settings_change_the_idle_time_and_are_kept(
    window: MainWindow, locked_services: Services
) -> None:
    window.apply_settings(Settings(font_size=14, idle_minutes=3, theme=Theme.LIGHT))
    assert window.idle.interval_ms == 3 * 60_000
    assert SettingsStore(locked_services.data.settings).load().idle_minutes == 3
    assert "Hope" not in locked_services.data.settings.read_text()


def test_each_support_line_says_where_it_came_from(
    make_window: MakeWindow, data_dir: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    from peerjournal.core.content.loader import load_content
    from peerjournal.core.vault.keyslots import FAST_KDF
    from peerjournal.services.container import build_services

    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "cardiff.yaml").write_text(
        "peerjournal_pack: 1\nid: cardiff\ntitle: Cardiff Peer Network\ncontacts:\n"
        '  - name: Our duty team\n    detail: "029 2000 0000"\n',
        encoding="utf-8",
    )
    services = build_services(data_dir, content=load_content([packs]), kdf=FAST_KDF)
    window = make_window(services)
    window.support_button.click()
    dialog = window.findChild(SupportDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    ours = dialog.findChild(QLabel, "contactSource:Our duty team")
    samaritans = dialog.findChild(QLabel, "contactSource:Samaritans")
    assert ours is not None and ours.text() == "from Cardiff Peer Network"
    assert samaritans is not None and samaritans.text() == "from peerjournal"
    dialog.close()
    services.session.close()
