"""The vault file: versions and folding, tamper and damage, migrations, keys, one instance."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from peerjournal.core.errors import (
    NoVault,
    PassphraseEmpty,
    StorageFull,
    VaultCorrupt,
    VaultInUse,
    VaultLocked,
    VaultTooNew,
    WrongPassphrase,
    WrongRecoveryKey,
)
from peerjournal.core.vault import migrate
from peerjournal.core.vault.instance_lock import InstanceLock
from peerjournal.core.vault.keyslots import FAST_KDF
from peerjournal.core.vault.records import Fold
from peerjournal.core.vault.recovery_key import RecoveryKey
from peerjournal.core.vault.revision import HEAD_REVISION
from peerjournal.core.vault.store import Vault
from tests.conftest import CANARY, PASSPHRASE


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def vault_path(data_dir: Path) -> Path:
    return data_dir / "journal.db"


@pytest.fixture
def vault(vault_path: Path, clock: FakeClock) -> Iterator[Vault]:
    opened = Vault.open(vault_path, clock=clock)
    opened.unlock(PASSPHRASE)
    yield opened
    opened.close()


def test_a_save_reads_back_exactly(vault: Vault) -> None:
    vault.save("answer:a", {"text": CANARY})
    doc = vault.get("answer:a")
    assert doc is not None and doc.body.value == {"text": CANARY}
    assert vault.get("answer:missing") is None


def test_saves_close_together_fold_into_one_version(vault: Vault, clock: FakeClock) -> None:
    first = vault.save("answer:a", "one")
    clock.advance(minutes=2)
    second = vault.save("answer:a", "one two")
    assert second.folded and second.seq == first.seq == 1
    clock.advance(minutes=6)
    third = vault.save("answer:a", "one two three")
    assert not third.folded and third.seq == 2
    history = vault.history("answer:a")
    assert [v.seq for v in history] == [1, 2]
    assert [v.body.value for v in history] == ["one two", "one two three"]


def test_a_long_session_still_makes_versions(vault: Vault, clock: FakeClock) -> None:
    for i in range(20):
        vault.save("answer:a", f"draft {i}")
        clock.advance(minutes=3)
    assert len(vault.history("answer:a")) >= 2


def test_unchanged_save_adds_nothing(vault: Vault, clock: FakeClock) -> None:
    vault.save("answer:a", "same")
    clock.advance(hours=1)
    result = vault.save("answer:a", "same")
    assert result.unchanged and len(vault.history("answer:a")) == 1


def test_clock_going_backwards_never_folds_or_reorders(vault: Vault, clock: FakeClock) -> None:
    vault.save("answer:a", "first")
    clock.advance(days=-3)
    result = vault.save("answer:a", "second")
    assert not result.folded and result.seq == 2
    assert [v.body.value for v in vault.history("answer:a")] == ["first", "second"]
    doc = vault.get("answer:a")
    assert doc is not None and doc.body.value == "second"


def test_unfolded_saves_always_make_versions(vault: Vault) -> None:
    vault.save("answer:a", "one")
    vault.save("answer:a", "two", fold=Fold.NEVER)
    assert len(vault.history("answer:a")) == 2


def test_locked_vault_refuses_everything(vault: Vault) -> None:
    vault.save("answer:a", "x")
    vault.lock()
    with pytest.raises(VaultLocked):
        vault.get("answer:a")
    with pytest.raises(VaultLocked):
        vault.save("answer:a", "y")


def test_wrong_passphrase_and_recovery_key_fail_cleanly(
    vault_path: Path, recovery_text: str
) -> None:
    vault = Vault.open(vault_path)
    with pytest.raises(WrongPassphrase):
        vault.unlock("not it")
    with pytest.raises(PassphraseEmpty):
        vault.unlock("")
    with pytest.raises(WrongRecoveryKey):
        vault.unlock_with_recovery(RecoveryKey.generate())
    still_locked = not vault.unlocked
    assert still_locked
    vault.unlock_with_recovery(RecoveryKey.parse(recovery_text))
    assert vault.unlocked
    vault.close()


def test_passphrase_change_rewraps_only(vault: Vault, vault_path: Path, recovery_text: str) -> None:
    vault.save("answer:a", CANARY)
    before = vault.get("answer:a")
    vault.set_passphrase("a new one", kdf=FAST_KDF)
    vault.close()
    again = Vault.open(vault_path)
    with pytest.raises(WrongPassphrase):
        again.unlock(PASSPHRASE)
    again.unlock("a new one")
    assert again.get("answer:a") == before
    again.lock()
    again.unlock_with_recovery(RecoveryKey.parse(recovery_text))
    assert again.get("answer:a") == before
    again.close()


def _flip_middle(path: Path, table: str, column: str, row_id: str) -> None:
    conn = sqlite3.connect(path)
    (sealed,) = conn.execute(f"SELECT {column} FROM {table} WHERE id=?", (row_id,)).fetchone()
    damaged = bytearray(sealed)
    damaged[len(damaged) // 2] ^= 0x01
    conn.execute(f"UPDATE {table} SET {column}=? WHERE id=?", (bytes(damaged), row_id))
    conn.commit()
    conn.close()


def test_a_passphrase_change_carries_damaged_rows_across_and_reseals_the_rest(
    vault: Vault, vault_path: Path, clock: FakeClock
) -> None:
    """A damaged row is carried as it is, never dropped; the rest open under the new key."""
    for name in ("answer:a", "answer:b", "answer:c", "answer:d"):
        vault.save(name, {"text": f"{name} first"})
        vault.new_sitting()
        clock.advance(minutes=5)
        vault.save(name, {"text": f"{name} {CANARY}"})
    vault.close()
    conn = sqlite3.connect(vault_path)
    doc_ids = [row[0] for row in conn.execute("SELECT id FROM documents ORDER BY id")]
    version_id = conn.execute(
        "SELECT id FROM versions WHERE document_id=? ORDER BY seq LIMIT 1", (doc_ids[2],)
    ).fetchone()[0]
    counts = [
        conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "versions")
    ]
    conn.close()
    _flip_middle(vault_path, "documents", "current_ct", doc_ids[0])
    _flip_middle(vault_path, "documents", "name_ct", doc_ids[1])
    _flip_middle(vault_path, "versions", "body_ct", version_id)
    damaged = Vault.open(vault_path, clock=clock)
    damaged.unlock(PASSPHRASE)
    readable = {d.name: d.body.value for d in damaged.documents()}
    before = sorted(str(d.where) for d in damaged.unreadable)
    assert len(readable) == 2 and len(before) == 2
    damaged.set_passphrase("a new one", kdf=FAST_KDF)
    damaged.close()
    again = Vault.open(vault_path, clock=clock)
    with pytest.raises(WrongPassphrase):
        again.unlock(PASSPHRASE)
    again.unlock("a new one")
    try:
        assert {d.name: d.body.value for d in again.documents()} == readable
        assert sorted(str(d.where) for d in again.unreadable) == before
        assert again.findings == []
        report = again.check()
        assert not report.ok and len(report.damaged) >= 3
    finally:
        again.close()
    conn = sqlite3.connect(vault_path)
    after = [
        conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "versions")
    ]
    conn.close()
    assert after == counts


def test_an_interrupted_passphrase_change_keeps_the_old_one(
    vault: Vault, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(*_a: object, **_k: object) -> dict[str, object]:
        raise RuntimeError("power cut")

    monkeypatch.setattr("peerjournal.core.vault.ledger.slot_row", crash)
    with pytest.raises(RuntimeError):
        vault.set_passphrase("never set", kdf=FAST_KDF)
    monkeypatch.undo()
    vault.close()
    again = Vault.open(vault_path)
    again.unlock(PASSPHRASE)
    again.close()


def _blob_cells(path: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(path)
    cells: list[tuple[str, str, str]] = []
    for table, columns in {
        "documents": ("name_ct", "current_ct"),
        "versions": ("body_ct",),
        "iterations": ("body_ct",),
    }.items():
        for (row_id,) in conn.execute(f"SELECT id FROM {table}"):
            cells.extend((table, column, row_id) for column in columns)
    conn.close()
    return cells


def _populate(vault: Vault) -> None:
    vault.save("answer:a", {"text": CANARY})
    vault.save("answer:a", {"text": CANARY + " more"}, fold=Fold.NEVER)
    vault.save("journal:2026-11-24", {"text": "Zoë walked"})
    vault.add_iteration({"name": "First", "text": CANARY})


def test_flipping_any_byte_of_any_ciphertext_is_caught(vault: Vault, vault_path: Path) -> None:
    _populate(vault)
    cells = _blob_cells(vault_path)
    assert len(cells) == 8
    conn = sqlite3.connect(vault_path)
    for table, column, row_id in cells:
        (blob,) = conn.execute(
            f"SELECT {column} FROM {table} WHERE id=?",
            (row_id,),
        ).fetchone()
        for position in (0, 5, len(blob) // 2, len(blob) - 1):
            damaged = bytearray(blob)
            damaged[position] ^= 0x40
            conn.execute(
                f"UPDATE {table} SET {column}=? WHERE id=?",
                (bytes(damaged), row_id),
            )
            conn.commit()
            report = vault.check()
            assert not report.ok, (table, column, position)
            if table == "documents":
                readable = list(vault.documents())  # the others still read: no lock-out
                assert len(readable) == 1 and len(vault.unreadable) == 1
            conn.execute(
                f"UPDATE {table} SET {column}=? WHERE id=?",
                (blob, row_id),
            )
            conn.commit()
    conn.close()
    assert vault.check().ok


def test_a_ciphertext_moved_to_another_row_never_yields_wrong_text(
    vault: Vault, vault_path: Path
) -> None:
    vault.save("answer:a", {"text": "the answer to a"})
    vault.save("answer:b", {"text": "the answer to b"})
    conn = sqlite3.connect(vault_path)
    rows = dict(conn.execute("SELECT lookup, current_ct FROM documents").fetchall())
    a_lookup = next(k for k in rows if k == vault._require_key().lookup("answer:a"))
    b_lookup = next(k for k in rows if k == vault._require_key().lookup("answer:b"))
    conn.execute("UPDATE documents SET current_ct=? WHERE lookup=?", (rows[b_lookup], a_lookup))
    conn.commit()
    with pytest.raises(VaultCorrupt):
        vault.get("answer:a")
    assert not vault.check().ok
    # Moving a version to another document is caught too.
    conn.execute("UPDATE documents SET current_ct=? WHERE lookup=?", (rows[a_lookup], a_lookup))
    version_rows = conn.execute("SELECT id, body_ct FROM versions ORDER BY id").fetchall()
    conn.execute(
        "UPDATE versions SET body_ct=? WHERE id=?", (version_rows[1][1], version_rows[0][0])
    )
    conn.commit()
    conn.close()
    report = vault.check()
    assert not report.ok
    assert vault.get("answer:b") is not None


def test_swapping_lookups_is_caught_by_check(vault: Vault, vault_path: Path) -> None:
    vault.save("answer:a", "a")
    vault.save("answer:b", "b")
    conn = sqlite3.connect(vault_path)
    (ids := [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id")])
    lookups = [r[0] for r in conn.execute("SELECT lookup FROM documents ORDER BY id")]
    conn.execute("UPDATE documents SET lookup=? WHERE id=?", (b"\x00" * 32, ids[0]))
    conn.execute("UPDATE documents SET lookup=? WHERE id=?", (lookups[0], ids[1]))
    conn.execute("UPDATE documents SET lookup=? WHERE id=?", (lookups[1], ids[0]))
    conn.commit()
    conn.close()
    assert any("lookup" in d.what for d in vault.check().damaged)


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda raw: b"",
    "truncated": lambda raw: raw[: len(raw) // 3],
    "zeroed": lambda raw: bytes(len(raw)),
    "random": lambda raw: os.urandom(len(raw)),
    "header-only": lambda raw: raw[:100],
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_file_gives_one_calm_error(vault_path: Path, damage: str) -> None:
    raw = vault_path.read_bytes()
    vault_path.write_bytes(DAMAGE[damage](raw))
    with pytest.raises(VaultCorrupt) as caught:
        opened = Vault.open(vault_path)
        opened.unlock(PASSPHRASE)
        opened.check()
    assert "damaged" in caught.value.message


def test_missing_vault_says_so(tmp_path: Path) -> None:
    with pytest.raises(NoVault):
        Vault.open(tmp_path / "journal.db")


def test_a_vault_from_a_newer_app_is_refused_untouched(vault_path: Path) -> None:
    conn = sqlite3.connect(vault_path)
    conn.execute("UPDATE alembic_version SET version_num='0099_from_the_future'")
    conn.commit()
    conn.close()
    before = vault_path.read_bytes()
    with pytest.raises(VaultTooNew):
        Vault.open(vault_path)
    assert vault_path.read_bytes() == before


def test_migration_head_matches_the_scripts() -> None:
    assert migrate.head_of_scripts() == HEAD_REVISION


def test_the_database_is_set_up_for_durability(vault: Vault, vault_path: Path) -> None:
    with vault.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_nothing_readable_but_ids_lookups_and_counters(vault: Vault, vault_path: Path) -> None:
    vault.save("answer:m1.s1.positive", {"text": "hello"})
    engine = create_engine(f"sqlite:///{vault_path}")
    with engine.connect() as conn:
        for row in conn.exec_driver_sql("SELECT * FROM documents"):
            assert b"m1.s1" not in b"".join(
                c if isinstance(c, bytes) else str(c).encode() for c in row
            )
    engine.dispose()


def test_storage_full_during_a_save_leaves_the_vault_as_it_was(
    vault: Vault, vault_path: Path
) -> None:
    vault.save("answer:a", {"text": "kept"})
    from sqlalchemy import event

    @event.listens_for(vault.engine, "connect")
    def _tiny(dbapi_conn: sqlite3.Connection, _rec: object) -> None:
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    vault.engine.dispose()
    with pytest.raises(StorageFull):
        vault.save("answer:b", {"text": "x" * 2_000_000})
    event.remove(vault.engine, "connect", _tiny)
    vault.engine.dispose()
    doc = vault.get("answer:a")
    assert doc is not None and doc.body.value == {"text": "kept"}
    assert vault.get("answer:b") is None
    assert vault.check().ok


def test_a_second_instance_is_refused(data_dir: Path) -> None:
    first = InstanceLock(data_dir / "journal.lock")
    first.acquire()
    try:
        with pytest.raises(VaultInUse):
            InstanceLock(data_dir / "journal.lock").acquire()
    finally:
        first.release()
    again = InstanceLock(data_dir / "journal.lock")
    again.acquire()
    again.release()


def test_creating_over_an_existing_vault_is_refused(vault_path: Path) -> None:
    from peerjournal.core.errors import VaultExists

    before = vault_path.read_bytes()
    with pytest.raises(VaultExists):
        Vault.create(vault_path, "x", kdf=FAST_KDF)
    assert vault_path.read_bytes() == before


def test_iterations_are_numbered_and_sealed(vault: Vault) -> None:
    assert vault.add_iteration({"name": "One", "text": CANARY}) == 1
    assert vault.add_iteration({"name": "Two"}) == 2
    assert [i.number for i in vault.iterations()] == [1, 2]
    assert vault.iteration(1).value["text"] == CANARY


def test_every_save_reaches_the_main_file_so_a_lost_log_loses_nothing(
    vault_path: Path, clock: FakeClock
) -> None:
    import os
    import signal
    import subprocess
    import sys

    code = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from peerjournal.core.vault.store import Vault\n"
        f"v = Vault.open(Path({str(vault_path)!r}))\n"
        f"v.unlock({PASSPHRASE!r})\n"
        "for i in range(30):\n"
        "    v.save(f'answer:{i}', {'text': f'kept {i}'})\n"
        "print('done', flush=True)\n"
        "os.kill(os.getpid(), 9)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.stdout.strip() == "done" and proc.returncode == -signal.SIGKILL
    wal = vault_path.with_name(vault_path.name + "-wal")
    assert wal.exists()
    os.remove(wal)
    vault_path.with_name(vault_path.name + "-shm").unlink(missing_ok=True)
    reopened = Vault.open(vault_path)
    reopened.unlock(PASSPHRASE)
    assert [reopened.get(f"answer:{i}").body.value for i in range(30)] == [  # type: ignore[union-attr]
        {"text": f"kept {i}"} for i in range(30)
    ]
    assert reopened.check().ok
    reopened.close()


@pytest.mark.parametrize("damage", ["random", "truncated-header", "bad-checksum"])
def test_a_damaged_log_is_set_aside_with_a_notice(
    vault: Vault, vault_path: Path, damage: str
) -> None:
    import os

    vault.save("answer:a", {"text": CANARY})
    vault.close()
    wal = vault_path.with_name(vault_path.name + "-wal")
    if damage == "random":
        wal.write_bytes(os.urandom(5000))
    elif damage == "truncated-header":
        wal.write_bytes(b"\x37\x7f\x06\x82abc")
    else:
        header = bytearray(32)
        header[0:4] = (0x377F0682).to_bytes(4, "big")
        header[4:8] = (3007000).to_bytes(4, "big")
        header[24:32] = b"\x01" * 8
        wal.write_bytes(bytes(header) + os.urandom(4096))
    reopened = Vault.open(vault_path)
    assert reopened.notices and "set aside" in reopened.notices[0]
    reopened.unlock(PASSPHRASE)
    doc = reopened.get("answer:a")
    assert doc is not None and doc.body.value == {"text": CANARY}
    assert reopened.check().ok
    reopened.close()
    assert list((vault_path.parent / "set-aside").glob("journal-log-damaged-*.db-wal"))


def test_a_healthy_log_is_left_alone(vault: Vault, vault_path: Path, tmp_path: Path) -> None:
    """A valid log left by a crash is replayed on the next open, never set aside."""
    from peerjournal.core.vault.wal import WalState, inspect_wal

    vault.save("answer:a", {"text": CANARY})
    wal = vault_path.with_name(vault_path.name + "-wal")
    assert inspect_wal(wal) is WalState.VALID
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for suffix in ("", "-wal"):  # the files as a crash would leave them, the log unmerged
        shutil.copyfile(f"{vault_path}{suffix}", crashed / f"journal.db{suffix}")
    reopened = Vault.open(crashed / "journal.db")
    try:
        assert reopened.notices == []
        assert not (crashed / "set-aside").exists()
        reopened.unlock(PASSPHRASE)
        doc = reopened.get("answer:a")
        assert doc is not None and doc.body.value == {"text": CANARY}
    finally:
        reopened.close()
