"""Crashes and full disks: every acknowledged save survives and the vault stays whole."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from peerjournal.core import answers as a
from peerjournal.core.vault.backup import list_backups
from peerjournal.services.container import Services, build_services
from tests.conftest import CANARY, PASSPHRASE, fault_rounds

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = fault_rounds(8)


def _driver(module: str, *args: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PEERJOURNAL_")}
    return subprocess.Popen(
        [sys.executable, "-m", f"tests.drivers.{module}", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _last_acks(lines: list[str]) -> dict[str, int]:
    acked: dict[str, int] = {}
    for line in lines:
        parts = line.split()
        if len(parts) == 4 and parts[0] == "ACK":
            acked[f"{parts[1]}:{parts[2]}"] = int(parts[3])
    return acked


def test_sigkill_at_random_moments_loses_no_acknowledged_save(data_dir: Path) -> None:
    rng = random.Random(20261124)
    total_acks = 0
    for round_no in range(ROUNDS):
        proc = _driver("save_loop", str(data_dir), PASSPHRASE, str(round_no))
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.strip() == "READY", proc.stderr.read() if proc.stderr else ""
        time.sleep(rng.uniform(0.01, 0.4))
        proc.send_signal(signal.SIGKILL)
        out, _err = proc.communicate(timeout=30)
        acks = _last_acks(out.splitlines())
        total_acks += len(acks)

        services = build_services(data_dir)
        services.session.unlock(PASSPHRASE)
        try:
            for key, counter in acks.items():
                kind, where = key.split(":", 1)
                if kind == "answer":
                    answer = services.answers.get(where)
                    assert isinstance(answer, a.TextAnswer), key
                    saved_round, saved_counter = answer.text.split()[1], answer.text.split()[3]
                    assert int(saved_round) == round_no
                    assert int(saved_counter) >= counter, (key, answer.text[:30])
                else:
                    from datetime import date

                    page = services.pages.get(date(2026, 1, int(where)))
                    assert page.startswith("page ")
            report = services.session.vault.check()
            assert report.ok, report.damaged
        finally:
            services.session.close()
    assert total_acks > ROUNDS


@pytest.mark.parametrize("what", ["save", "backup"])
def test_a_full_disk_gives_a_clear_message_and_changes_nothing(
    data_dir: Path, services: Services, what: str
) -> None:
    services.answers.save("m1.s1.positive", a.TextAnswer(CANARY))
    services.session.close()
    backups_before = {p.name for p in (data_dir / "backups").glob("*")}
    proc = _driver("disk_full", str(data_dir), PASSPHRASE, what)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert out.startswith("StorageFull: The disk is full"), out + err

    after = build_services(data_dir)
    after.session.unlock(PASSPHRASE)
    try:
        assert after.answers.get("m1.s1.positive") == a.TextAnswer(CANARY)
        challenging = after.answers.get("m1.s1.challenging")
        assert challenging is None or challenging == a.TextAnswer("small")
        assert after.session.vault.check().ok
    finally:
        after.session.close()
    leftovers = [p.name for p in (data_dir / "backups").glob("*.partial")]
    assert leftovers == []
    assert {p.name for p in (data_dir / "backups").glob("*")} == backups_before


def test_backup_damage_restore_gives_everything_back(data_dir: Path, services: Services) -> None:
    from datetime import date

    services.answers.save("m1.s1.positive", a.TextAnswer(CANARY))
    services.answers.save("m1.s4.strengths", a.ChooseAnswer(("planner", "empathy")))
    services.pages.save(date(2026, 3, 1), "Siân’s page")
    backup = services.backups.backup_now()
    services.session.close()

    vault = data_dir / "journal.db"
    damaged = bytearray(vault.read_bytes())
    damaged[4096:8192] = os.urandom(4096)
    vault.write_bytes(bytes(damaged))

    fresh = build_services(data_dir)
    kept = fresh.backups.restore(backup, passphrase=PASSPHRASE)
    assert kept is not None and kept.read_bytes() == bytes(damaged)
    fresh.session.unlock(PASSPHRASE)
    try:
        assert fresh.answers.get("m1.s1.positive") == a.TextAnswer(CANARY)
        assert fresh.answers.get("m1.s4.strengths") == a.ChooseAnswer(("planner", "empathy"))
        assert fresh.pages.get(date(2026, 3, 1)) == "Siân’s page"
        assert fresh.session.vault.check().ok
    finally:
        fresh.session.close()


def test_a_bad_backup_or_wrong_passphrase_replaces_nothing(
    data_dir: Path, services: Services, recovery_text: str
) -> None:
    from peerjournal.core.errors import BackupBad, WrongPassphrase

    services.answers.save("m1.s1.positive", a.TextAnswer("current"))
    good = services.backups.backup_now()
    services.session.close()
    before = (data_dir / "journal.db").read_bytes()

    broken = data_dir / "broken.pjbackup"
    broken.write_bytes(good.read_bytes()[:5000])
    fresh = build_services(data_dir)
    with pytest.raises(BackupBad):
        fresh.backups.restore(broken, passphrase=PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        fresh.backups.restore(good, passphrase="not the one")
    with pytest.raises(BackupBad):
        fresh.backups.restore(data_dir / "missing.pjbackup", passphrase=PASSPHRASE)
    assert (data_dir / "journal.db").read_bytes() == before
    assert not (data_dir / "set-aside").exists()
    kept = fresh.backups.restore(good, recovery_key=recovery_text)
    assert kept is not None
    fresh.session.close()


def test_daily_backup_only_once_a_day(services: Services) -> None:
    first = services.backups.backup_if_due()
    second = services.backups.backup_if_due()
    assert first is not None and second is None


def test_earlier_answers_survive_a_content_change(data_dir: Path, services: Services) -> None:
    from peerjournal.core.content import model as m

    services.answers.save("m1.s1.positive", a.TextAnswer("kept forever"))
    services.session.close()
    shrunk = services.content
    trimmed = m.Content(
        programmes=tuple(p for p in shrunk.programmes if p.id != "module-1"),
        daily_prompts=shrunk.daily_prompts,
    )
    later = build_services(data_dir, content=trimmed)
    later.session.unlock(PASSPHRASE)
    try:
        earlier = later.answers.earlier_answers()
        assert [e.prompt_id for e in earlier] == ["m1.s1.positive"]
        assert earlier[0].text == "kept forever"
        assert later.search.search("forever")[0].title == "Earlier answer"
    finally:
        later.session.close()


def test_two_backups_in_one_second_get_distinct_names_in_order(tmp_path: Path) -> None:
    from datetime import datetime

    from peerjournal.core.vault.backup import backup_name

    when = datetime(2026, 11, 24, 9, 30, 12, 250_000)
    plain = tmp_path / backup_name(when)
    precise = tmp_path / backup_name(when, precise=True)
    plain.write_bytes(b"x")
    precise.write_bytes(b"x")
    assert precise.name == "journal-2026-11-24-093012-250000.pjbackup"
    assert [b.path for b in list_backups(tmp_path)] == [precise, plain]


def test_a_second_backup_the_same_day_keeps_the_first(services: Services) -> None:
    first = services.backups.backup_now()
    second = services.backups.backup_now()
    assert first != second
    assert [b.path for b in services.backups.list()] == [second, first]


def test_the_backup_from_before_the_last_change_outlives_many_unchanged_ones(
    services: Services,
) -> None:
    services.answers.save("m1.s1.positive", a.TextAnswer("before"))
    before = services.backups.backup_now()
    services.answers.save("m1.s1.positive", a.TextAnswer("after"))
    for _ in range(14):
        services.backups.backup_now()
    kept = [b.path for b in services.backups.list()]
    assert before in kept
    assert len(kept) == 11
