"""When gentle reminders come: pure rules on a clock moved by hand; the settings that
hold them; the start-up entry each system uses."""

from __future__ import annotations

import plistlib
from datetime import date, datetime, time
from pathlib import Path

from peerjournal.core.autostart import Autostart, desktop_entry, start_command
from peerjournal.core.reminders import REMINDER_TEXT, ReminderClock, session_moments
from peerjournal.core.sessions import When
from peerjournal.services.settings import Settings, SettingsStore


class _Session:
    def __init__(self, when: When | None) -> None:
        self.when = when


def _moments(*whens: When | None) -> tuple[tuple[datetime, datetime], ...]:
    return session_moments(_Session(w) for w in whens)  # type: ignore[misc]


def test_the_text_holds_nothing_personal() -> None:
    from peerjournal.ui.reminders import REMINDER  # the window's copy, for translating

    assert REMINDER_TEXT == REMINDER == "A gentle reminder from peerjournal"


def test_a_session_reminder_comes_once_the_day_before() -> None:
    clock = ReminderClock(
        before_session=True, moments=_moments(When(date(2026, 12, 10), time(18, 30)), None)
    )
    assert not clock.due(datetime(2026, 12, 9, 9, 59))
    assert clock.due(datetime(2026, 12, 9, 10, 0))
    assert not clock.due(datetime(2026, 12, 9, 10, 0, 30))  # once only
    assert not clock.due(datetime(2026, 12, 10, 9, 0))
    assert clock.next_check(datetime(2026, 12, 9, 11, 0)) is None


def test_a_computer_switched_on_the_morning_of_the_session_still_hears_of_it() -> None:
    clock = ReminderClock(
        before_session=True, moments=_moments(When(date(2026, 12, 10), time(18, 30)))
    )
    assert clock.due(datetime(2026, 12, 10, 8, 0))
    after = ReminderClock(
        before_session=True, moments=_moments(When(date(2026, 12, 10), time(18, 30)))
    )
    assert not after.due(datetime(2026, 12, 10, 19, 0))  # the session has begun: silence


def test_a_session_with_no_time_is_reminded_of_the_day_before() -> None:
    clock = ReminderClock(before_session=True, moments=_moments(When(date(2026, 12, 10))))
    assert clock.next_check(datetime(2026, 12, 1)) == datetime(2026, 12, 9, 10, 0)
    assert clock.due(datetime(2026, 12, 9, 12, 0))


def test_off_means_off() -> None:
    clock = ReminderClock(moments=_moments(When(date(2026, 12, 10))))
    assert not clock.due(datetime(2026, 12, 9, 12, 0))
    assert clock.next_check(datetime(2026, 12, 9, 12, 0)) is None


def test_the_daily_reminder_comes_once_a_day_unless_the_page_is_written() -> None:
    clock = ReminderClock(daily_at=time(19, 0))
    assert not clock.due(datetime(2026, 12, 5, 18, 59))
    assert clock.next_check(datetime(2026, 12, 5, 18, 59)) == datetime(2026, 12, 5, 19, 0)
    assert clock.due(datetime(2026, 12, 5, 19, 0))
    assert clock.daily_done == date(2026, 12, 5)
    assert not clock.due(datetime(2026, 12, 5, 22, 0))
    assert clock.next_check(datetime(2026, 12, 5, 22, 0)) == datetime(2026, 12, 6, 19, 0)
    assert not clock.due(datetime(2026, 12, 6, 19, 5), wrote_today=True)  # already written
    assert not clock.due(datetime(2026, 12, 6, 21, 0))  # and that day counts as done
    assert clock.due(datetime(2026, 12, 7, 23, 59))


def test_a_restart_the_same_evening_does_not_repeat_it() -> None:
    clock = ReminderClock(daily_at=time(19, 0), daily_done=date(2026, 12, 5))
    assert not clock.due(datetime(2026, 12, 5, 20, 0))


def test_reminder_settings_are_kept_and_bad_ones_refused(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    chosen = Settings(
        remind_before_session=True,
        daily_reminder="19:30",
        start_quietly=True,
        reminded_on="2026-12-05",
    )
    store.save(chosen)
    assert store.load() == chosen
    assert chosen.reminders_on and not Settings().reminders_on
    for bad in ('{"daily_reminder": "25:00"}', '{"reminded_on": "soon"}', '{"start_quietly": 1}'):
        (tmp_path / "settings.json").write_text(bad, encoding="utf-8")
        assert store.load() == Settings()


def test_the_linux_entry_is_made_and_removed(tmp_path: Path) -> None:
    entry = Autostart(platform="linux", home=tmp_path, env={"XDG_CONFIG_HOME": str(tmp_path / "c")})
    path = tmp_path / "c" / "autostart" / "peerjournal.desktop"
    assert entry.path() == path and not entry.enabled()
    command = start_command(tmp_path / "my journal")
    entry.enable(command)
    text = path.read_text(encoding="utf-8")
    assert "[Desktop Entry]" in text and "gui --quietly --data-dir" in text
    assert '"' + str(tmp_path / "my journal") + '"' in text  # a space in it: quoted
    assert entry.enabled()
    assert path.stat().st_mode & 0o077 == 0
    entry.disable()
    assert not path.exists() and not entry.enabled()
    entry.disable()  # twice is fine


def test_without_xdg_config_home_it_goes_in_dot_config(tmp_path: Path) -> None:
    entry = Autostart(platform="linux", home=tmp_path, env={})
    assert entry.path() == tmp_path / ".config" / "autostart" / "peerjournal.desktop"


def test_the_macos_entry_is_a_launch_agent(tmp_path: Path) -> None:
    entry = Autostart(platform="darwin", home=tmp_path, env={})
    entry.enable(["/Applications/peerjournal.app/Contents/MacOS/peerjournal", "gui", "--quietly"])
    path = tmp_path / "Library" / "LaunchAgents" / "org.peerjournal.reminders.plist"
    agent = plistlib.loads(path.read_bytes())
    assert agent["RunAtLoad"] is True and agent["ProgramArguments"][-1] == "--quietly"
    entry.disable()
    assert not path.exists()


def test_desktop_entry_quoting() -> None:
    line = next(
        x
        for x in desktop_entry(["/a b/py", "50%", 'say "hi"']).splitlines()
        if x.startswith("Exec=")
    )
    assert line == 'Exec="/a b/py" 50%% "say \\"hi\\""'
