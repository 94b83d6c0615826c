"""The window killed (SIGKILL) at random moments while autosaving: no acknowledged word lost."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from peerjournal.core import answers as a
from peerjournal.services.container import build_services
from tests.conftest import PASSPHRASE, fault_rounds

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = fault_rounds(8)
PROMPT = "m1.s1.positive"


def test_the_window_killed_while_autosaving_keeps_every_saved_word(data_dir: Path) -> None:
    rng = random.Random(24)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PEERJOURNAL_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    acknowledged = -1
    total_acks = 0
    for _ in range(ROUNDS):
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.drivers.gui_typist", str(data_dir), PASSPHRASE],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        ready = proc.stdout.readline().strip()
        assert ready == "READY", proc.stderr.read() if proc.stderr else ""
        time.sleep(rng.uniform(0.02, 0.6))
        proc.send_signal(signal.SIGKILL)
        out, _err = proc.communicate(timeout=30)
        acks = [int(line.split()[1]) for line in out.splitlines() if line.startswith("ACK ")]
        total_acks += len(acks)
        if acks:
            acknowledged = max(acknowledged, acks[-1])

        services = build_services(data_dir)
        services.session.unlock(PASSPHRASE)
        try:
            answer = services.answers.get(PROMPT)
            words = answer.text.split() if isinstance(answer, a.TextAnswer) else []
            assert words[: acknowledged + 1] == [f"w{i}" for i in range(acknowledged + 1)]
            assert words == [f"w{i}" for i in range(len(words))]  # nothing garbled
            assert services.session.vault.check().ok
        finally:
            services.session.close()
    assert total_acks >= ROUNDS
