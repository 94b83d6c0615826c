"""A passphrase change killed at any moment still opens with the old or the new one."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from peerjournal.core import answers as a
from peerjournal.core.errors import WrongPassphrase
from peerjournal.services.container import build_services
from tests.conftest import CANARY, PASSPHRASE, fault_rounds

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = fault_rounds(6)
OTHER = "the other passphrase"


def test_killed_passphrase_changes_never_lock_the_participant_out(data_dir: Path) -> None:
    first = build_services(data_dir)
    first.session.unlock(PASSPHRASE)
    first.answers.save("m1.s1.positive", a.TextAnswer(CANARY))
    first.session.close()
    rng = random.Random(8)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PEERJOURNAL_")}
    opened_with = {PASSPHRASE: 0, OTHER: 0}
    known = PASSPHRASE
    for _ in range(ROUNDS):
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.drivers.passphrase_flip",
                str(data_dir),
                known,
                OTHER if known == PASSPHRASE else PASSPHRASE,
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "READY"
        time.sleep(rng.uniform(0.0, 0.3))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
        services = build_services(data_dir)
        for candidate in (PASSPHRASE, OTHER):
            try:
                services.session.unlock(candidate)
            except WrongPassphrase:
                continue
            known = candidate
            opened_with[candidate] += 1
            break
        else:
            raise AssertionError("neither the old nor the new passphrase opens the journal")
        assert services.answers.get("m1.s1.positive") == a.TextAnswer(CANARY)
        assert services.session.vault.check().ok
        services.session.close()
    assert sum(opened_with.values()) == ROUNDS
