"""The headless CLI contract, end to end in real processes, plus the canary that must never leak."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from peerjournal.core.vault.instance_lock import InstanceLock
from tests.cli_helpers import run_cli
from tests.conftest import CANARY, PASSPHRASE


def _encodings(text: str) -> list[bytes]:
    forms = {text, unicodedata.normalize("NFD", text), unicodedata.normalize("NFC", text)}
    out = []
    for form in forms:
        out += [form.encode("utf-8"), form.encode("utf-16-le"), form.encode("utf-16-be")]
        out += [json.dumps(form).encode("ascii")]
    return out


def assert_nowhere_on_disk(root: Path, *secrets: str) -> int:
    needles = [n for s in secrets for n in _encodings(s)]
    needles += [b"canary-7f3a", "canary-7f3a".encode("utf-16-le")]
    scanned = 0
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            scanned += 1
            for needle in needles:
                assert needle not in data, f"plaintext found in {path.relative_to(root)}"
    return scanned


def test_canary_never_reaches_the_disk_in_plaintext(data_dir: Path, services: object) -> None:
    from peerjournal.core import answers as a
    from peerjournal.services.container import Services

    assert isinstance(services, Services)
    services.answers.save("m1.s1.positive", a.TextAnswer(CANARY))
    services.answers.save("m1.s3.values", a.RankedAnswer((a.RankedItem("Zoë’s honesty", CANARY),)))
    from datetime import date

    services.pages.save(date(2026, 11, 24), CANARY + " in a daily page")
    services.backups.backup_now()
    services.search.search("zoe")
    services.session.close()

    cli_canary = CANARY.replace("canary", "cli-canary")
    saved = run_cli(
        "answer", "m1.s1.challenging", data_dir=data_dir, stdin=cli_canary, passphrase=PASSPHRASE
    )
    assert saved.returncode == 0, saved.stderr
    journal = run_cli(
        "journal",
        "add",
        "--date",
        "2026-11-23",
        data_dir=data_dir,
        stdin=cli_canary,
        passphrase=PASSPHRASE,
    )
    assert journal.returncode == 0, journal.stderr
    backup = run_cli("backup", data_dir=data_dir, passphrase=PASSPHRASE)
    assert backup.returncode == 0, backup.stderr
    found = run_cli("search", "lukasz", data_dir=data_dir, passphrase=PASSPHRASE)
    assert "Łukasz" in found.stdout

    scanned = assert_nowhere_on_disk(data_dir, CANARY, cli_canary, "Zoë’s honesty")
    assert scanned >= 3
    assert list((data_dir / "backups").glob("*.pjbackup"))

    shown = run_cli("show", "m1.s1.challenging", data_dir=data_dir, passphrase=PASSPHRASE)
    assert shown.stdout == cli_canary
    shown = run_cli("show", "m1.s1.positive", data_dir=data_dir, passphrase=PASSPHRASE)
    assert shown.stdout == CANARY


def test_init_prints_a_recovery_key_that_recovers(tmp_path: Path) -> None:
    data = tmp_path / "fresh"
    made = run_cli("init", data_dir=data, passphrase="first passphrase")
    assert made.returncode == 0, made.stderr
    blocks = re.findall(r"\b[A-Z2-7]{4}\b", made.stdout)
    assert len(blocks) == 8
    key = " ".join(blocks)
    again = run_cli("init", data_dir=data, passphrase="x")
    assert again.returncode == 1 and "already a journal" in again.stderr

    saved = run_cli(
        "answer",
        "m1.s1.positive",
        data_dir=data,
        stdin="Siân’s words",
        passphrase="first passphrase",
    )
    assert saved.returncode == 0, saved.stderr

    wrong_key = run_cli(
        "recover",
        data_dir=data,
        env={"PEERJOURNAL_RECOVERY_KEY": "AAAA " * 8, "PEERJOURNAL_NEW_PASSPHRASE": "n"},
    )
    assert wrong_key.returncode == 1
    assert "recovery key" in wrong_key.stderr and "Traceback" not in wrong_key.stderr

    recovered = run_cli(
        "recover",
        data_dir=data,
        env={"PEERJOURNAL_RECOVERY_KEY": key.lower(), "PEERJOURNAL_NEW_PASSPHRASE": "second one"},
    )
    assert recovered.returncode == 0, recovered.stderr
    old = run_cli("show", "m1.s1.positive", data_dir=data, passphrase="first passphrase")
    assert old.returncode == 1
    assert old.stderr.strip() == "That passphrase does not open this journal."
    new = run_cli("show", "m1.s1.positive", data_dir=data, passphrase="second one")
    assert new.stdout == "Siân’s words"


def test_passphrase_change_end_to_end(data_dir: Path, tmp_path: Path) -> None:
    new_file = tmp_path / "new.txt"
    new_file.write_text("brand new passphrase\n")
    changed = run_cli(
        "passphrase",
        "change",
        "--new-passphrase-file",
        str(new_file),
        data_dir=data_dir,
        passphrase=PASSPHRASE,
    )
    assert changed.returncode == 0, changed.stderr
    assert run_cli("check", data_dir=data_dir, passphrase=PASSPHRASE).returncode == 1
    pass_file = tmp_path / "pass.txt"
    pass_file.write_text("brand new passphrase\n")
    ok = run_cli("check", "--passphrase-file", str(pass_file), data_dir=data_dir)
    assert ok.returncode == 0, ok.stderr


def test_answers_history_journal_and_search(data_dir: Path) -> None:
    def cli(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
        r = run_cli(*args, data_dir=data_dir, stdin=stdin, passphrase=PASSPHRASE)
        return r.returncode, r.stdout, r.stderr

    assert cli("answer", "m1.s1.positive", stdin="First thoughts")[0] == 0
    assert cli("answer", "m1.s1.positive", stdin="Second thoughts")[0] == 0
    code, out, _ = cli("history", "m1.s1.positive")
    assert code == 0 and len(out.splitlines()) == 2  # each command is a sitting of its own
    assert "First thoughts" in out.splitlines()[0] and "Second thoughts" in out.splitlines()[1]
    assert cli("answer", "m1.s4.strengths", stdin='{"chosen": ["planner", "empathy"]}')[0] == 0
    code, out, _ = cli("show", "m1.s4.strengths")
    assert "Planner" in out and "Empathy" in out
    code, _, err = cli("answer", "m1.s4.strengths", stdin='{"chosen": ["nonsense"]}')
    assert code == 1 and "not one of the choices" in err
    assert cli("answer", "p2p.stocktake.ladder", stdin="7\n")[0] == 0
    assert cli("journal", "add", "--date", "2026-01-05", stdin="Walked by the sea with Zoë")[0] == 0
    code, out, _ = cli("journal", "list")
    assert out.startswith("2026-01-05\t6 words")
    code, out, _ = cli("search", "zoe")
    assert code == 0 and "2026-01-05" in out and "Zoë" in out
    code, out, _ = cli("search", "THOUGHTS")
    assert "m1.s1.positive" in out
    code, _, err = cli("journal", "add", "--date", "yesterday", stdin="x")
    assert code == 1 and "not a date" in err
    second_day = "Zoë and I walked again.\n\nA second paragraph, all of it printed."
    assert cli("journal", "add", "--date", "2026-01-06", stdin=second_day)[0] == 0
    code, out, _ = cli("journal", "show", "2026-01-06")
    assert code == 0 and out == second_day + "\n"
    code, out, _ = cli("journal", "show", "2026-01-07")
    assert code == 0 and out == ""
    code, out, _ = cli("search", "zoe", "-n", "1")
    assert code == 0 and len(out.splitlines()) == 1
    code, out, _ = cli("search", "zoe", "--full")
    assert "A second paragraph, all of it printed." in out and "Walked by the sea" in out
    code, _, err = cli("search", "zoe", "-n", "0")
    assert code == 1 and "--limit" in err


@pytest.mark.parametrize(
    ("args", "stdin", "words"),
    [
        (("show", "no.such.prompt"), None, "There is no question with the id 'no.such.prompt'"),
        (("answer", "no.such.prompt"), "x", "There is no question"),
        (("answer", "m1.s4.strengths"), "not json", "takes JSON"),
        (("answer", "p2p.stocktake.ladder"), "11", "rungs 1 to 10"),
    ],
)
def test_every_failure_is_one_sentence(
    data_dir: Path, args: tuple[str, ...], stdin: str | None, words: str
) -> None:
    result = run_cli(*args, data_dir=data_dir, stdin=stdin, passphrase=PASSPHRASE)
    assert result.returncode == 1
    assert words in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_no_vault_yet(tmp_path: Path) -> None:
    result = run_cli("show", "m1.s1.positive", data_dir=tmp_path / "none", passphrase="x")
    assert result.returncode == 1
    assert "There is no journal in" in result.stderr


def test_no_passphrase_and_no_terminal(data_dir: Path) -> None:
    result = run_cli("check", data_dir=data_dir)
    assert result.returncode == 1
    assert "PEERJOURNAL_PASSPHRASE" in result.stderr


def test_a_second_instance_gets_a_clear_message(data_dir: Path) -> None:
    lock = InstanceLock(data_dir / "journal.lock")
    lock.acquire()
    try:
        result = run_cli("show", "m1.s1.positive", data_dir=data_dir, passphrase=PASSPHRASE)
    finally:
        lock.release()
    assert result.returncode == 1
    assert "already open" in result.stderr


def test_a_damaged_vault_names_the_backup_to_restore(data_dir: Path) -> None:
    assert (
        run_cli(
            "answer", "m1.s1.positive", data_dir=data_dir, stdin="precious", passphrase=PASSPHRASE
        ).returncode
        == 0
    )
    backup = run_cli("backup", data_dir=data_dir, passphrase=PASSPHRASE)
    backup_path = backup.stdout.split(": ", 1)[1].strip()
    vault = data_dir / "journal.db"
    vault.write_bytes(bytes(vault.stat().st_size))
    broken = run_cli("show", "m1.s1.positive", data_dir=data_dir, passphrase=PASSPHRASE)
    assert broken.returncode == 1
    assert "damaged" in broken.stderr and backup_path in broken.stderr
    assert "Traceback" not in broken.stderr

    restored = run_cli("restore", backup_path, data_dir=data_dir, passphrase=PASSPHRASE)
    assert restored.returncode == 0, restored.stderr
    kept = list((data_dir / "set-aside").glob("journal-replaced-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(kept[0].stat().st_size)
    shown = run_cli("show", "m1.s1.positive", data_dir=data_dir, passphrase=PASSPHRASE)
    assert shown.stdout == "precious"
    assert run_cli("check", data_dir=data_dir, passphrase=PASSPHRASE).returncode == 0


def test_check_lists_damage_and_exits_non_zero(data_dir: Path) -> None:
    import sqlite3

    assert (
        run_cli(
            "answer", "m1.s1.positive", data_dir=data_dir, stdin="x", passphrase=PASSPHRASE
        ).returncode
        == 0
    )
    conn = sqlite3.connect(data_dir / "journal.db")
    conn.execute(
        "UPDATE versions SET body_ct = substr(body_ct, 1, 20) || x'00' || substr(body_ct, 22)"
    )
    conn.commit()
    conn.close()
    result = run_cli("check", data_dir=data_dir, passphrase=PASSPHRASE)
    assert result.returncode == 1
    assert "does not decrypt" in result.stderr


def test_export_all_on_explicit_ask(data_dir: Path, tmp_path: Path) -> None:
    assert (
        run_cli(
            "answer", "m1.s1.positive", data_dir=data_dir, stdin=CANARY, passphrase=PASSPHRASE
        ).returncode
        == 0
    )
    md = tmp_path / "out" / "all.md"
    js = tmp_path / "out" / "all.json"
    assert (
        run_cli(
            "export",
            "all",
            "--format",
            "md",
            "-o",
            str(md),
            data_dir=data_dir,
            passphrase=PASSPHRASE,
        ).returncode
        == 0
    )
    assert (
        run_cli(
            "export",
            "all",
            "--format",
            "json",
            "-o",
            str(js),
            data_dir=data_dir,
            passphrase=PASSPHRASE,
        ).returncode
        == 0
    )
    assert CANARY in md.read_text(encoding="utf-8")
    data = json.loads(js.read_text(encoding="utf-8"))
    assert data["answers"][0]["answer"]["data"]["text"] == CANARY
    assert oct(md.stat().st_mode & 0o777) == "0o600"
