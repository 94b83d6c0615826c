"""The mutation suite, in KeePassXC's manner: every change to the file is caught, none crashes.

A fixture journal with answers and their versions, daily pages, contacts, story
versions and both keyslots, and a backup of it made part way. Each round takes a fresh
copy and applies one scripted mutation with plain sqlite3 (as someone with the file, or
a failing disk, would): flip a byte, delete a row, duplicate one, reorder, put back a
row from the backup, swap two rows' values, plant a keyslot, change a setting, or
change the file's own records. Then the journal is opened as the app opens it: it must
either refuse with one of its own calm errors, or unlock, and then ``check`` must find
the change. ``make test`` runs 520 mutations; ``make faults`` runs 2,600.

docs/reliability.md lists each class and its count.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from peerjournal.core import answers as a
from peerjournal.core.content import model as m
from peerjournal.core.content.model import Content
from peerjournal.core.errors import PeerJournalError
from peerjournal.core.vault import crypto
from peerjournal.core.vault.keyslots import FAST_KDF, Keyslot, SlotKind
from peerjournal.core.vault.recovery_key import RecoveryKey
from peerjournal.core.vault.store import Vault
from peerjournal.services.container import build_services
from tests.conftest import PASSPHRASE, fault_rounds

ROUNDS_PER_CLASS = 52 * max(1, fault_rounds(20) // 20)
SEALED = {
    "documents": ("name_ct", "current_ct"),
    "versions": ("body_ct",),
    "iterations": ("body_ct",),
    "keyslots": ("wrapped", "salt"),
}
Mutation = Callable[[sqlite3.Connection, sqlite3.Connection, random.Random], str]


@pytest.fixture(scope="module")
def fixture_journal(tmp_path_factory: pytest.TempPathFactory, content: Content) -> Path:
    root = tmp_path_factory.mktemp("mutations")
    services = build_services(root, content=content, kdf=FAST_KDF)
    recovery = services.session.create(PASSPHRASE)
    (root / "recovery.txt").write_text(recovery.formatted())
    from datetime import date

    for n in range(4):
        services.answers.save(
            f"m1.s1.{['positive', 'challenging', 'safe-needs', 'contribute'][n % 4]}",
            a.TextAnswer(f"first {n}"),
            fold=False,
        )
    services.pages.save(date(2026, 11, 1), "a page")
    services.story.save_iteration(name="one")
    services.backups.backup_now(root / "backup.pjbackup")
    for n in range(4):
        services.answers.save("m1.s1.positive", a.TextAnswer(f"later {n}"), fold=False)
    services.answers.save("p2p.stocktake.ladder", a.LadderAnswer(5))
    services.pages.save(date(2026, 11, 2), "another page")
    services.contacts.save_own([m.Contact("Jo", "0161 000 0000")])
    services.story.save_iteration(name="two")
    services.story.save_iteration(name="three")
    services.session.close()
    return root


def _rows(conn: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    return conn.execute(f"SELECT * FROM {table}").fetchall()


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def flip(conn: sqlite3.Connection, _old: sqlite3.Connection, rng: random.Random) -> str:
    table = rng.choice(list(SEALED))
    column = rng.choice(SEALED[table])
    row_id, value = rng.choice(conn.execute(f"SELECT id, {column} FROM {table}").fetchall())
    data = bytearray(value)
    data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    conn.execute(f"UPDATE {table} SET {column}=? WHERE id=?", (bytes(data), row_id))
    return f"flip {table}.{column}"


def delete(conn: sqlite3.Connection, _old: sqlite3.Connection, rng: random.Random) -> str:
    table = rng.choice(["documents", "versions", "iterations", "keyslots"])
    (row_id,) = rng.choice(conn.execute(f"SELECT id FROM {table}").fetchall())
    conn.execute(f"DELETE FROM {table} WHERE id=?", (row_id,))
    return f"delete from {table}"


def duplicate(conn: sqlite3.Connection, _old: sqlite3.Connection, rng: random.Random) -> str:
    table = rng.choice(["documents", "versions", "iterations", "keyslots"])
    columns = _columns(conn, table)
    row = list(rng.choice(_rows(conn, table)))
    row[columns.index("id")] = crypto.random_id()
    if table == "documents":
        row[columns.index("lookup")] = os.urandom(32)
    elif table == "versions":
        doc = row[columns.index("document_id")]
        row[columns.index("seq")] = (
            conn.execute("SELECT max(seq) FROM versions WHERE document_id=?", (doc,)).fetchone()[0]
            + 1
        )
    elif table == "iterations":
        row[columns.index("number")] = (
            conn.execute("SELECT max(number) FROM iterations").fetchone()[0] + 1
        )
    marks = ", ".join("?" for _ in columns)
    conn.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", row)
    return f"duplicate in {table}"


def reorder(conn: sqlite3.Connection, _old: sqlite3.Connection, rng: random.Random) -> str:
    if rng.random() < 0.6:
        docs = conn.execute(
            "SELECT document_id FROM versions GROUP BY document_id HAVING count(*) > 1"
        ).fetchall()
        (doc,) = rng.choice(docs)
        seqs = [s for (s,) in conn.execute("SELECT seq FROM versions WHERE document_id=?", (doc,))]
        x, y = rng.sample(seqs, 2)
        conn.execute("UPDATE versions SET seq=-1 WHERE document_id=? AND seq=?", (doc, x))
        conn.execute("UPDATE versions SET seq=? WHERE document_id=? AND seq=?", (x, doc, y))
        conn.execute("UPDATE versions SET seq=? WHERE document_id=? AND seq=-1", (y, doc))
        return "reorder versions"
    x, y = rng.sample([n for (n,) in conn.execute("SELECT number FROM iterations")], 2)
    conn.execute("UPDATE iterations SET number=-1 WHERE number=?", (x,))
    conn.execute("UPDATE iterations SET number=? WHERE number=?", (x, y))
    conn.execute("UPDATE iterations SET number=? WHERE number=-1", (y,))
    return "reorder story versions"


def rollback(conn: sqlite3.Connection, old: sqlite3.Connection, rng: random.Random) -> str:
    choice = rng.choice(["document", "document+versions", "manifest", "iterations"])
    if choice.startswith("document"):
        now = dict(conn.execute("SELECT id, current_ct FROM documents").fetchall())
        then = old.execute("SELECT id, current_ct, last_seq FROM documents").fetchall()
        changed = [r for r in then if r[0] in now and now[r[0]] != r[1]]
        doc_id, current, last_seq = rng.choice(changed)
        conn.execute(
            "UPDATE documents SET current_ct=?, last_seq=? WHERE id=?", (current, last_seq, doc_id)
        )
        if choice == "document+versions":
            conn.execute("DELETE FROM versions WHERE document_id=? AND seq>?", (doc_id, last_seq))
        return f"roll back a {choice}"
    if choice == "manifest":
        (value,) = old.execute("SELECT value FROM meta WHERE key='manifest'").fetchone()
        conn.execute("UPDATE meta SET value=? WHERE key='manifest'", (value,))
        return "roll back the manifest"
    conn.execute("DELETE FROM iterations WHERE number > 1")
    return "roll back the story versions"


def swap(conn: sqlite3.Connection, _old: sqlite3.Connection, rng: random.Random) -> str:
    table = rng.choice(["documents", "versions", "iterations"])
    column = rng.choice(SEALED[table])
    (x, vx), (y, vy) = rng.sample(conn.execute(f"SELECT id, {column} FROM {table}").fetchall(), 2)
    conn.execute(f"UPDATE {table} SET {column}=? WHERE id=?", (vy, x))
    conn.execute(f"UPDATE {table} SET {column}=? WHERE id=?", (vx, y))
    return f"swap {table}.{column}"


def plant_slot(conn: sqlite3.Connection, _old: sqlite3.Connection, rng: random.Random) -> str:
    kind = rng.choice([SlotKind.PASSPHRASE, SlotKind.RECOVERY])
    secret = b"planted secret"
    if kind is SlotKind.RECOVERY:
        slot = Keyslot.create(kind, os.urandom(18), FAST_KDF, bytes(crypto.random_key()))
    else:
        memory = rng.choice([8, 19 * 1024, 64 * 1024])
        params = FAST_KDF.__class__("argon2id", memory, 1, 1)
        slot = Keyslot.create(kind, secret, FAST_KDF, bytes(crypto.random_key()))
        slot = Keyslot(slot.id, kind, params, slot.salt, slot.wrapped)
    slot_id = rng.choice(["0" * 32, "f" * 32, crypto.random_id()])
    conn.execute(
        "INSERT INTO keyslots (id, kind, kdf, salt, wrapped) VALUES (?,?,?,?,?)",
        (slot_id, kind.value, slot.params.to_json(), slot.salt, slot.wrapped),
    )
    return f"plant a {kind.value} slot"


def change_parameter(conn: sqlite3.Connection, _old: sqlite3.Connection, rng: random.Random) -> str:
    row_id, kdf = rng.choice(conn.execute("SELECT id, kdf FROM keyslots").fetchall())
    data = json.loads(kdf)
    field = rng.choice(["memory_kib", "iterations", "lanes", "algorithm"])
    if field == "algorithm":
        data[field] = rng.choice(["argon2i", "hkdf-sha256", "x25519-hkdf", "argon2id"])
        if data[field] == json.loads(kdf)["algorithm"]:
            data["lanes"] = int(data["lanes"]) + 1
    else:
        data[field] = rng.choice([0, 1, 2, 8, 19456, 4294967295, int(data[field]) + 1])
        if data[field] == json.loads(kdf)[field]:
            data[field] = int(data[field]) + 2
    conn.execute("UPDATE keyslots SET kdf=? WHERE id=?", (json.dumps(data), row_id))
    return f"change a slot's {field}"


def change_record(conn: sqlite3.Connection, _old: sqlite3.Connection, rng: random.Random) -> str:
    choice = rng.choice(["commits", "format", "no header", "no manifest", "vault id"])
    if choice == "commits":
        conn.execute(
            "UPDATE meta SET value = value + ? WHERE key='commits'", (rng.choice([-1, 1, 7]),)
        )
    elif choice == "format":
        conn.execute(
            "UPDATE meta SET value=? WHERE key='format_version'", (rng.choice(["1", "0", "x"]),)
        )
    elif choice == "no header":
        conn.execute("DELETE FROM meta WHERE key='header'")
    elif choice == "no manifest":
        conn.execute("DELETE FROM meta WHERE key='manifest'")
    else:
        conn.execute("UPDATE meta SET value=? WHERE key='vault_id'", (crypto.random_id(),))
    return f"change the {choice}"


CLASSES: dict[str, Mutation] = {
    "flip a byte": flip,
    "delete a row": delete,
    "duplicate a row": duplicate,
    "reorder": reorder,
    "roll back to the backup's row": rollback,
    "swap between rows": swap,
    "plant a keyslot": plant_slot,
    "change a parameter": change_parameter,
    "change the file's own records": change_record,
}


def _detected(path: Path, recovery: RecoveryKey) -> str:
    """How the change showed: refused calmly, a finding at unlock, or in check."""
    try:
        vault = Vault.open(path)
    except PeerJournalError:
        return "refused at open"
    try:
        try:
            vault.unlock(PASSPHRASE)
        except PeerJournalError:
            try:
                vault.unlock_with_recovery(recovery)
            except PeerJournalError:
                return "refused at unlock"
        report = vault.check()
        if report.ok and not vault.findings:
            return ""
        return "found at unlock" if vault.findings else "found by check"
    finally:
        vault.close()


@pytest.mark.parametrize("name", list(CLASSES))
def test_every_mutation_is_detected_and_none_crashes(
    name: str, fixture_journal: Path, tmp_path: Path
) -> None:
    recovery = RecoveryKey.parse((fixture_journal / "recovery.txt").read_text())
    rng = random.Random(f"mutation-{name}")
    how: Counter[str] = Counter()
    for round_ in range(ROUNDS_PER_CLASS if name != "flip a byte" else ROUNDS_PER_CLASS * 2):
        path = tmp_path / f"r{round_}.db"
        shutil.copy(fixture_journal / "journal.db", path)
        conn = sqlite3.connect(path)
        old = sqlite3.connect(fixture_journal / "backup.pjbackup")
        conn.execute("PRAGMA foreign_keys=OFF")
        what = CLASSES[name](conn, old, rng)
        conn.commit()
        conn.close()
        old.close()
        outcome = _detected(path, recovery)
        assert outcome, f"round {round_}: '{what}' went unnoticed"
        how[outcome] += 1
        path.unlink()
    print(f"{name}: {sum(how.values())} mutations, {dict(how)}")
