"""A really full disk and a really read-only folder (tmpfs): calm messages, nothing lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from peerjournal.core import answers as a
from peerjournal.core.errors import ReadOnly, StorageFull
from peerjournal.core.vault.keyslots import FAST_KDF
from peerjournal.services.container import build_services
from tests.cli_helpers import run_cli
from tests.conftest import CANARY, PASSPHRASE
from tests.faults.conftest import Mounter, remount_read_only


def _journal_on(disk: Path, template: Path) -> Path:
    data = disk / "data"
    shutil.copytree(template, data)
    return data


def _fill(disk: Path, leave: int) -> None:
    free = shutil.disk_usage(disk).free
    (disk / "filler").write_bytes(b"\0" * max(0, free - leave))


def test_autosave_on_a_full_disk(small_disk: Mounter, template_vault: Path) -> None:
    disk = small_disk("4m")
    data = _journal_on(disk, template_vault)
    services = build_services(data, kdf=FAST_KDF)
    services.session.unlock(PASSPHRASE)
    services.answers.save("m1.s1.positive", a.TextAnswer(CANARY))
    _fill(disk, 64 * 1024)
    with pytest.raises(StorageFull):
        services.answers.save("m1.s1.challenging", a.TextAnswer("many words " * 100_000))
    assert services.answers.get("m1.s1.positive") == a.TextAnswer(CANARY)
    services.session.close()
    (disk / "filler").unlink()
    again = build_services(data)
    again.session.unlock(PASSPHRASE)
    assert again.answers.get("m1.s1.positive") == a.TextAnswer(CANARY)
    assert again.answers.get("m1.s1.challenging") is None
    assert again.session.vault.check().ok
    again.session.close()


def test_backup_on_a_full_disk(small_disk: Mounter, template_vault: Path) -> None:
    disk = small_disk("4m")
    data = _journal_on(disk, template_vault)
    services = build_services(data, kdf=FAST_KDF)
    services.session.unlock(PASSPHRASE)
    services.answers.save("m1.s1.positive", a.TextAnswer(CANARY))
    services.backups.backup_now()
    before = sorted(p.name for p in (data / "backups").iterdir())
    _fill(disk, 8 * 1024)
    with pytest.raises(StorageFull):
        services.backups.backup_now(data / "backups" / "another.pjbackup")
    assert sorted(p.name for p in (data / "backups").iterdir()) == before
    services.session.close()


def test_pdf_export_to_a_full_disk(small_disk: Mounter, data_dir: Path) -> None:
    assert (
        run_cli(
            "answer", "p2p.story.you.who", data_dir=data_dir, stdin=CANARY, passphrase=PASSPHRASE
        ).returncode
        == 0
    )
    disk = small_disk("1m")
    existing = disk / "story.pdf"
    existing.write_bytes(b"an older story, kept")
    _fill(disk, 4 * 1024)
    result = run_cli(
        "export",
        "story",
        "--format",
        "pdf",
        "-o",
        str(existing),
        data_dir=data_dir,
        passphrase=PASSPHRASE,
    )
    assert result.returncode == 1
    assert "The disk is full" in result.stderr and "Traceback" not in result.stderr
    assert existing.read_bytes() == b"an older story, kept"
    assert [p.name for p in disk.iterdir() if p.name.endswith(".partial")] == []


def test_a_read_only_data_folder(small_disk: Mounter, template_vault: Path) -> None:
    disk = small_disk("8m")
    data = _journal_on(disk, template_vault)
    services = build_services(data, kdf=FAST_KDF)
    services.session.unlock(PASSPHRASE)
    services.answers.save("m1.s1.positive", a.TextAnswer(CANARY))
    services.session.close()
    before = (data / "journal.db").read_bytes()
    remount_read_only(disk)
    result = run_cli("show", "m1.s1.positive", data_dir=data, passphrase=PASSPHRASE)
    assert result.returncode == 1
    assert "cannot write to" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    fresh = build_services(data)
    with pytest.raises(ReadOnly):
        fresh.session.unlock(PASSPHRASE)
    assert (data / "journal.db").read_bytes() == before


def test_export_to_a_folder_that_is_a_file(data_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = run_cli(
        "export",
        "story",
        "--format",
        "md",
        "-o",
        str(blocker / "story.md"),
        data_dir=data_dir,
        passphrase=PASSPHRASE,
    )
    assert result.returncode == 1
    assert "could not write" in result.stderr and "Traceback" not in result.stderr
