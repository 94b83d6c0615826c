"""Starting with the computer, quietly, so reminders come when the window is closed.

Each system's usual place, and nothing else: an XDG autostart entry on Linux, a
LaunchAgent on macOS, the Run key of the current user on Windows. Turning it off
removes exactly what turning it on made. The entry holds only the command that
starts the app; nothing from the journal.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from peerjournal.core.private import write_private

NAME = "peerjournal"
LAUNCH_AGENT = "org.peerjournal.reminders"
QUIETLY = "--quietly"


def start_command(data_dir: Path | None = None) -> list[str]:
    """The command that starts the window quietly (the packaged app, or this Python)."""
    if getattr(sys, "frozen", False):
        argv = [sys.executable, "gui", QUIETLY]
    else:
        argv = [sys.executable, "-m", "peerjournal", "gui", QUIETLY]
    if data_dir is not None:
        argv += ["--data-dir", str(data_dir)]
    return argv


def _desktop_quote(word: str) -> str:
    """One argument of a desktop entry's Exec line, as the specification quotes it."""
    word = word.replace("%", "%%")
    if not any(ch in word for ch in " \t\n\"'\\><~|&;$*?#()`"):
        return word
    escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in word)
    return f'"{escaped}"'


def desktop_entry(argv: Sequence[str]) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={NAME}\n"
        "Comment=Starts quietly, for gentle reminders\n"
        f"Exec={' '.join(_desktop_quote(w) for w in argv)}\n"
        "Icon=peerjournal\n"
        "Terminal=false\n"
        "NoDisplay=true\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


class Autostart:
    """The entry for one user on one system (``platform``, ``home``, ``env`` for tests)."""

    def __init__(
        self,
        *,
        platform: str = sys.platform,
        home: Path | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.platform = platform
        self.home = home if home is not None else Path.home()
        self.env = env if env is not None else os.environ

    def path(self) -> Path | None:
        """The file the entry lives in (None on Windows, where it is a registry value)."""
        if self.platform == "darwin":
            return self.home / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT}.plist"
        if self.platform.startswith("win"):
            return None
        config = self.env.get("XDG_CONFIG_HOME") or str(self.home / ".config")
        return Path(config) / "autostart" / f"{NAME}.desktop"

    def enabled(self) -> bool:
        path = self.path()
        if path is not None:
            return path.exists()
        return self._windows_value() is not None

    def enable(self, argv: Sequence[str]) -> None:
        """Raises OSError when the entry cannot be written."""
        path = self.path()
        if path is None:
            self._windows_set(subprocess.list2cmdline(list(argv)))
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        if self.platform == "darwin":
            data = plistlib.dumps(
                {
                    "Label": LAUNCH_AGENT,
                    "ProgramArguments": list(argv),
                    "RunAtLoad": True,
                    "ProcessType": "Interactive",
                }
            )
        else:
            data = desktop_entry(argv).encode("utf-8")
        write_private(path, data)

    def disable(self) -> None:
        path = self.path()
        if path is None:
            self._windows_set(None)
            return
        path.unlink(missing_ok=True)

    # -- Windows -----------------------------------------------------------------------

    _RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"

    def _windows_value(self) -> str | None:
        if sys.platform == "win32":
            import winreg

            try:
                with winreg.OpenKey(winreg.HKEY_CURRENT_USER, self._RUN_KEY) as key:
                    value, _kind = winreg.QueryValueEx(key, NAME)
            except OSError:
                return None
            return str(value)
        return None

    def _windows_set(self, command: str | None) -> None:
        if sys.platform == "win32":
            import winreg

            access = winreg.KEY_SET_VALUE
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, self._RUN_KEY, 0, access) as key:
                if command is None:
                    with contextlib.suppress(FileNotFoundError):
                        winreg.DeleteValue(key, NAME)
                else:
                    winreg.SetValueEx(key, NAME, 0, winreg.REG_SZ, command)
            return
        raise OSError("the Run key exists only on Windows")


__all__ = ["QUIETLY", "Autostart", "desktop_entry", "start_command"]
