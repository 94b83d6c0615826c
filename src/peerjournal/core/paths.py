"""Where things live: the participant's data folder and the files shipped with the app."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import msgspec

APP_NAME = "peerjournal"
DATA_DIR_ENV = "PEERJOURNAL_DATA_DIR"


def bundled_dir(name: str) -> Path:
    """``content`` or ``resources``: inside the package when installed, else the source tree."""
    here = Path(__file__).resolve().parent.parent
    candidates = [here / f"bundled_{name}", here.parent.parent / name]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "peerjournal" / f"bundled_{name}")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=True))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return default_data_dir()


class DataDir(msgspec.Struct, frozen=True):
    """The layout of one participant's data folder."""

    root: Path

    @property
    def vault(self) -> Path:
        return self.root / "journal.db"

    @property
    def lock(self) -> Path:
        return self.root / "journal.lock"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def packs(self) -> Path:
        return self.root / "packs"

    @property
    def content_cache(self) -> Path:
        return self.root / "cache" / "content.json"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    @property
    def set_aside(self) -> Path:
        return self.root / "set-aside"
