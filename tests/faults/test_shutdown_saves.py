"""A shutdown or logout (SIGTERM) closes the window the usual way: pending words are saved."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from peerjournal.core import answers as a
from peerjournal.services.container import build_services
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def test_sigterm_saves_what_was_typed_and_closes_cleanly(data_dir: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PEERJOURNAL_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.drivers.gui_sigterm", str(data_dir), PASSPHRASE],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "TYPED"
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    services = build_services(data_dir)
    services.session.unlock(PASSPHRASE)
    try:
        assert services.answers.get("m1.s1.positive") == a.TextAnswer(
            "Typed just before the computer shut down."
        )
        assert services.backups.list()  # and the backup on close was made
    finally:
        services.session.close()
