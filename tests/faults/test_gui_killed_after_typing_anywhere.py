"""The real window killed (SIGKILL) within 1.5 s of typing into each kind of surface.

An answer, a daily page, the story's title, a note on the Language and Impact checklist
(on Your story) and a support contact: for each, whatever was typed more than one
autosave interval (plus the moment a save takes) before the kill is in the journal, in
order, and nothing after it is garbled. Each round starts from a fresh copy of the
template journal, so every round is the same test.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from peerjournal.core import answers as a
from peerjournal.core import story as st
from peerjournal.services.container import Services, build_services
from tests.conftest import PASSPHRASE, fault_rounds
from tests.drivers.gui_surfaces import ANSWER, CHECK_QUESTION, SURFACES

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = max(3, fault_rounds(20) // 7)
AUTOSAVE_MS = 300
SAVE_SLACK_S = 0.35
"""What a save may take after its timer fires, on a busy machine (commit, fsync, the lane)."""


def _saved_words(services: Services, surface: str) -> list[str]:
    if surface == "answer":
        answer = services.answers.get(ANSWER)
        return answer.text.split() if isinstance(answer, a.TextAnswer) else []
    if surface == "daily":
        return services.pages.get(date.today()).split()
    if surface == "title":
        return services.story.options().title.split()
    if surface == "checklist-note":
        checklist = services.answers.get(st.CHECKLIST_ID)
        if not isinstance(checklist, a.ChecklistAnswer):
            return []
        return checklist.item(CHECK_QUESTION).note.split()
    if surface == "contact":
        own = services.contacts.own()
        return own[0].name.split() if own else []
    raise ValueError(surface)


@pytest.mark.parametrize("surface", SURFACES)
def test_what_was_typed_an_interval_before_the_kill_is_kept(
    surface: str, template_vault: Path, tmp_path: Path
) -> None:
    rng = random.Random(f"{surface}-12")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PEERJOURNAL_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    must_keep_total = 0
    for round_ in range(ROUNDS):
        data_dir = tmp_path / f"round{round_}"
        shutil.copytree(template_vault, data_dir)
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.drivers.gui_surfaces",
                str(data_dir),
                PASSPHRASE,
                surface,
                str(AUTOSAVE_MS),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        ready = proc.stdout.readline().strip()
        if ready != "READY":
            proc.kill()
            _out, err = proc.communicate(timeout=30)
            pytest.fail(f"the driver did not start: {err[-2000:]}")
        # Spread over 0.1-1.5 s across the rounds, each at a random point of its share.
        time.sleep(0.1 + 1.4 * (round_ + rng.random()) / ROUNDS)
        killed_at = time.monotonic()
        proc.send_signal(signal.SIGKILL)
        out, _err = proc.communicate(timeout=30)
        typed = [
            (int(parts[1]), float(parts[2]))
            for parts in (line.split() for line in out.splitlines())
            if len(parts) == 3 and parts[0] == "TYPED"
        ]
        deadline = killed_at - AUTOSAVE_MS / 1000 - SAVE_SLACK_S
        must_keep = [n for n, at in typed if at <= deadline]
        must_keep_total += len(must_keep)

        services = build_services(data_dir)
        services.session.unlock(PASSPHRASE)
        try:
            words = _saved_words(services, surface)
            assert words == [f"w{i}" for i in range(len(words))], "garbled or out of order"
            if must_keep:
                assert len(words) > max(must_keep), (
                    f"{surface}: typed up to w{max(must_keep)} more than an interval before "
                    f"the kill, but only {len(words)} words were kept"
                )
            assert services.session.vault.check().ok
        finally:
            services.session.close()
    assert must_keep_total > 0, "no round typed long enough before the kill to test anything"
