"""The read-only vault of the headless read commands reads exactly what the window's does.

It opens the file with the standard library alone; everything it checks (the file, the
keyslots, the key, the sealed header and manifest, each row) is the window's own code.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from peerjournal.core import answers as a
from peerjournal.core.content.model import Content
from peerjournal.core.errors import VaultCorrupt, WrongPassphrase
from peerjournal.core.vault.keyslots import FAST_KDF
from peerjournal.core.vault.read_only import NeedsWriting, ReadOnlyVault
from peerjournal.core.vault.store import Vault
from peerjournal.services.container import build_services
from tests.conftest import CANARY, PASSPHRASE

ANSWER = "p2p.story.you.who"
FIRST_FORMAT = Path(__file__).resolve().parent / "data" / "vault-format-1"


def _journal(data_dir: Path, content: Content) -> Path:
    services = build_services(data_dir, content=content, kdf=FAST_KDF)
    services.session.unlock(PASSPHRASE)
    services.answers.save(ANSWER, a.TextAnswer(f"I am Siân. {CANARY}"))
    services.pages.append(date(2026, 12, 2), "A walk by the Taff, then tea.")
    services.session.close()
    return data_dir / "journal.db"


def test_it_reads_the_same_documents_as_the_full_vault(data_dir: Path, content: Content) -> None:
    path = _journal(data_dir, content)
    reader = ReadOnlyVault.open(path)
    full = Vault.open(path)
    try:
        with pytest.raises(WrongPassphrase):
            reader.unlock("not the passphrase")
        assert not reader.unlocked
        reader.unlock(PASSPHRASE)
        full.unlock(PASSPHRASE)
        mine = list(reader.documents())
        assert mine == list(full.documents())
        assert any(CANARY in str(d.body.value) for d in mine)
        assert reader.findings == [] and reader.unreadable == []
        assert [d.name for d in reader.documents("journal:")] == ["journal:2026-12-02"]
    finally:
        reader.close()
        full.close()
    assert not reader.unlocked


def test_a_damaged_row_is_listed_as_the_full_vault_lists_it(
    data_dir: Path, content: Content
) -> None:
    path = _journal(data_dir, content)
    conn = sqlite3.connect(path)
    (row_id, sealed) = conn.execute("SELECT id, current_ct FROM documents LIMIT 1").fetchone()
    damaged = bytearray(sealed)
    damaged[len(damaged) // 2] ^= 0x01
    conn.execute("UPDATE documents SET current_ct=? WHERE id=?", (bytes(damaged), row_id))
    conn.commit()
    conn.close()
    reader, full = ReadOnlyVault.open(path), Vault.open(path)
    try:
        reader.unlock(PASSPHRASE)
        full.unlock(PASSPHRASE)
        assert list(reader.documents()) == list(full.documents())
        assert reader.unreadable == full.unreadable and len(reader.unreadable) == 1
        assert reader.findings == full.findings
    finally:
        reader.close()
        full.close()


def test_what_is_not_a_journal_gets_the_calm_error(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    path.write_bytes(b"not a database at all, just words")
    with pytest.raises(VaultCorrupt):
        ReadOnlyVault.open(path)


def test_a_journal_that_needs_writing_first_is_left_to_the_full_vault(
    tmp_path: Path, data_dir: Path, content: Content
) -> None:
    old = tmp_path / "old"
    old.mkdir()
    shutil.copy(FIRST_FORMAT / "journal.db", old / "journal.db")
    before = (old / "journal.db").read_bytes()
    with pytest.raises(NeedsWriting):
        reader = ReadOnlyVault.open(old / "journal.db")
        try:
            reader.unlock("an old journal passphrase")  # a first-format seal writes
        finally:
            reader.close()
    assert (old / "journal.db").read_bytes() == before
    path = _journal(data_dir, content)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num='0001_initial'")
    conn.commit()
    conn.close()
    with pytest.raises(NeedsWriting):
        ReadOnlyVault.open(path)


def test_reading_imports_neither_sqlalchemy_nor_alembic(data_dir: Path, content: Content) -> None:
    path = _journal(data_dir, content)
    script = (
        "import sys\n"
        "from peerjournal.core.vault.read_only import ReadOnlyVault\n"
        f"v = ReadOnlyVault.open(__import__('pathlib').Path({str(path)!r}))\n"
        f"v.unlock({PASSPHRASE!r})\n"
        "print(len(list(v.documents())))\n"
        "v.close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[0] == "2"
    assert out[1] == "[]"
