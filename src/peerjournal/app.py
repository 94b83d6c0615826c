"""Composition root: builds the services and starts the window.

Order matters and follows mu's ``run()``: logging, the excepthook, settings, the
QApplication, then the windows wired to the services.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from peerjournal.core.paths import resolve_data_dir
from peerjournal.services.container import build_services


def run_gui(*, data_dir: str | None = None, quietly: bool = False) -> int:
    from peerjournal.ui.application import start

    services = build_services(resolve_data_dir(data_dir))
    return start(services, quietly=quietly)


def run_demo() -> int:
    from peerjournal.ui.application import start_demo

    return start_demo()


def qt_platform_hint() -> None:
    """On a machine with no display at all, say so instead of letting Qt abort."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    ):
        print(
            "peerjournal needs a desktop to show its window (no display was found). "
            "The headless commands work anywhere: see 'peerjournal --help'.",
            file=sys.stderr,
        )
        raise SystemExit(1)


__all__ = ["Path", "qt_platform_hint", "run_demo", "run_gui"]
