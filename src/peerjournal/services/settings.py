"""The participant's preferences: text size, when to lock, light or dark.

Kept as a small JSON file in the data folder (``DataDir.settings``). It never holds
anything the participant wrote. A damaged file is logged and replaced by the defaults
rather than stopping the app, and only values that differ from the defaults are
written back.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from pathlib import Path

from peerjournal.core.private import private_folder, write_private

log = logging.getLogger(__name__)

FONT_SIZE_MIN = 9
FONT_SIZE_MAX = 24
IDLE_MINUTES_MIN = 1
IDLE_MINUTES_MAX = 240


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True, slots=True)
class Settings:
    font_size: int = 12
    """The text size in points."""
    idle_minutes: int = 10
    """Lock the journal after this many minutes without a key press or a click."""
    theme: Theme = Theme.SYSTEM

    def clamped(self) -> Settings:
        return replace(
            self,
            font_size=min(max(self.font_size, FONT_SIZE_MIN), FONT_SIZE_MAX),
            idle_minutes=min(max(self.idle_minutes, IDLE_MINUTES_MIN), IDLE_MINUTES_MAX),
        )


DEFAULTS = Settings()


def _from_json(data: object) -> Settings:
    if not isinstance(data, dict):
        raise ValueError("the settings file does not hold an object")
    values: dict[str, object] = {}
    for name in ("font_size", "idle_minutes"):
        raw = data.get(name)
        if raw is None:
            continue
        if not isinstance(raw, int) or isinstance(raw, bool):
            raise ValueError(f"{name} is not a whole number")
        values[name] = raw
    theme = data.get("theme")
    if theme is not None:
        values["theme"] = Theme(str(theme))
    return Settings(
        font_size=int(str(values.get("font_size", DEFAULTS.font_size))),
        idle_minutes=int(str(values.get("idle_minutes", DEFAULTS.idle_minutes))),
        theme=Theme(str(values.get("theme", DEFAULTS.theme))),
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
                changed[f.name] = value.value if isinstance(value, Theme) else value
        private_folder(self.path.parent)
        text = json.dumps(changed, indent=2, sort_keys=True) + "\n"
        write_private(self.path, text.encode("utf-8"))


__all__ = ["DEFAULTS", "Settings", "SettingsStore", "Theme"]
