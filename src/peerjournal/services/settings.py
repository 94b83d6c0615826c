"""The participant's preferences: text size and zoom, when to lock, the colours.

Kept as a small JSON file in the data folder (``DataDir.settings``). It never holds
anything the participant wrote. A damaged file is logged and replaced by the defaults
rather than stopping the app, and only values that differ from the defaults are
written back.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from pathlib import Path

from peerjournal.core.private import private_folder, write_private
from peerjournal.core.spelling import SpellingLanguage

log = logging.getLogger(__name__)

FONT_SIZE_MIN = 9
FONT_SIZE_MAX = 24
IDLE_MINUTES_MIN = 1
IDLE_MINUTES_MAX = 240
ZOOM_STEPS = (80, 90, 100, 110, 125, 150, 175, 200)
"""The zoom levels Ctrl+plus and Ctrl+minus step through, in per cent."""
ZOOM_MIN, ZOOM_MAX = ZOOM_STEPS[0], ZOOM_STEPS[-1]


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"
    CONTRAST = "contrast"


DEFAULT_FONT_SIZE = 12
WINDOW_LANGUAGES = {"en": "English", "cy": "Cymraeg (Welsh)"}
"""The languages the window speaks, by code, each named in itself."""


@dataclass(frozen=True, slots=True)
class Settings:
    font_size: int = 12
    """The text size in points."""
    idle_minutes: int = 10
    """Lock the journal after this many minutes without a key press or a click."""
    theme: Theme = Theme.SYSTEM
    zoom: int = 100
    """How large the whole window is drawn, in per cent (Ctrl+plus, Ctrl+minus, Ctrl+0)."""
    spelling: SpellingLanguage = SpellingLanguage.BRITISH_ENGLISH
    """The dictionary the red underline checks against, or off."""
    on_this_day: bool = False
    """On a daily page, show the first line of the page of a month and a year before."""
    language: str = "en"
    """The window's own words: "en" (UK English) or "cy" (Cymraeg), from the next start."""
    remind_before_session: bool = False
    """A gentle reminder the day before each session that has a date."""
    daily_reminder: str = ""
    """The time ("19:30") of a daily reminder to write the day's page; "" for none."""
    start_quietly: bool = False
    """Start with the computer, without a window, so reminders come when it is closed."""
    reminded_on: str = ""
    """The day the daily reminder last came ("2026-12-05"), so a restart does not repeat it."""

    def clamped(self) -> Settings:
        return replace(
            self,
            font_size=min(max(self.font_size, FONT_SIZE_MIN), FONT_SIZE_MAX),
            idle_minutes=min(max(self.idle_minutes, IDLE_MINUTES_MIN), IDLE_MINUTES_MAX),
            zoom=min(max(self.zoom, ZOOM_MIN), ZOOM_MAX),
        )

    def zoomed(self, steps: int) -> Settings:
        """One step in (1) or out (-1) from the nearest level, or back to 100% (0)."""
        if steps == 0:
            return replace(self, zoom=100)
        if steps > 0:
            bigger = [z for z in ZOOM_STEPS if z > self.zoom]
            return replace(self, zoom=bigger[0] if bigger else ZOOM_MAX)
        smaller = [z for z in ZOOM_STEPS if z < self.zoom]
        return replace(self, zoom=smaller[-1] if smaller else ZOOM_MIN)

    @property
    def reminders_on(self) -> bool:
        return self.remind_before_session or bool(self.daily_reminder)

    @property
    def point_size(self) -> float:
        """The text size as drawn: the chosen size at the chosen zoom."""
        return self.font_size * self.zoom / 100

    @property
    def scale(self) -> float:
        """How much larger than at 12 pt and 100% the window is drawn."""
        return self.point_size / DEFAULT_FONT_SIZE


DEFAULTS = Settings()
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _from_json(data: object) -> Settings:
    if not isinstance(data, dict):
        raise ValueError("the settings file does not hold an object")
    values: dict[str, object] = {}
    for name in ("font_size", "idle_minutes", "zoom"):
        raw = data.get(name)
        if raw is None:
            continue
        if not isinstance(raw, int) or isinstance(raw, bool):
            raise ValueError(f"{name} is not a whole number")
        values[name] = raw
    theme = data.get("theme")
    if theme is not None:
        values["theme"] = Theme(str(theme))
    spelling = data.get("spelling")
    if spelling is not None:
        values["spelling"] = SpellingLanguage(str(spelling))
    on_this_day = data.get("on_this_day")
    if on_this_day is not None:
        if not isinstance(on_this_day, bool):
            raise ValueError("on_this_day is not true or false")
        values["on_this_day"] = on_this_day
    for name in ("remind_before_session", "start_quietly"):
        flag = data.get(name)
        if flag is not None:
            if not isinstance(flag, bool):
                raise ValueError(f"{name} is not true or false")
            values[name] = flag
    for name, pattern in (("daily_reminder", _TIME), ("reminded_on", _DAY)):
        text = data.get(name)
        if text is not None:
            if not isinstance(text, str) or not (text == "" or pattern.fullmatch(text)):
                raise ValueError(f"{name} is not written as expected")
            values[name] = text
    language = data.get("language")
    if language is not None:
        if language not in WINDOW_LANGUAGES:
            raise ValueError("language is not one the window speaks")
        values["language"] = language
    return Settings(
        font_size=int(str(values.get("font_size", DEFAULTS.font_size))),
        idle_minutes=int(str(values.get("idle_minutes", DEFAULTS.idle_minutes))),
        zoom=int(str(values.get("zoom", DEFAULTS.zoom))),
        theme=Theme(str(values.get("theme", DEFAULTS.theme))),
        spelling=SpellingLanguage(str(values.get("spelling", DEFAULTS.spelling))),
        language=str(values.get("language", DEFAULTS.language)),
        on_this_day=values.get("on_this_day", DEFAULTS.on_this_day) is True,
        remind_before_session=values.get("remind_before_session") is True,
        daily_reminder=str(values.get("daily_reminder", "")),
        start_quietly=values.get("start_quietly") is True,
        reminded_on=str(values.get("reminded_on", "")),
    ).clamped()


class SettingsStore:
    """Reads and writes ``Settings`` at one path."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> Settings:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return DEFAULTS
        except OSError as exc:
            log.warning("settings could not be read (%s); using the defaults", type(exc).__name__)
            return DEFAULTS
        try:
            return _from_json(json.loads(text))
        except (ValueError, TypeError) as exc:
            log.warning("settings file is damaged (%s); using the defaults", type(exc).__name__)
            return DEFAULTS

    def save(self, settings: Settings) -> None:
        settings = settings.clamped()
        changed: dict[str, object] = {}
        for f in fields(Settings):
            value = getattr(settings, f.name)
            if value != getattr(DEFAULTS, f.name):
                changed[f.name] = value.value if isinstance(value, StrEnum) else value
        private_folder(self.path.parent)
        text = json.dumps(changed, indent=2, sort_keys=True) + "\n"
        write_private(self.path, text.encode("utf-8"))


__all__ = ["DEFAULTS", "Settings", "SettingsStore", "Theme"]
