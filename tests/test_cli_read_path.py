"""The headless read commands take the lean path, and every command named resolves.

Commands are imported only when they run (``cli.parser.Lazy``), and the read commands
open the journal with sqlite3 alone; a journal that needs a write first (an older
format) is opened in full, so a reader never fails where the window would not.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

from peerjournal.cli.parser import Lazy, build_parser
from tests.cli_helpers import run_cli
from tests.conftest import PASSPHRASE

ANSWER = "p2p.story.you.who"
FIRST_FORMAT = Path(__file__).resolve().parent / "data" / "vault-format-1"
HEAVY = {"sqlalchemy", "alembic", "pydantic", "yaml", "reportlab", "markdown"}
"""What a read never imports: the writing vault, the content pack schema, the printing."""


def _handlers(parser: argparse.ArgumentParser) -> list[Lazy]:
    found = [parser.get_default("handler")]
    for action in parser._actions:  # argparse keeps its subparsers only here
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                found.extend(_handlers(child))
    return [h for h in found if h is not None]


def test_every_command_names_a_function_that_exists() -> None:
    handlers = _handlers(build_parser())
    assert len(handlers) > 25
    assert all(isinstance(h, Lazy) for h in handlers)
    for handler in handlers:
        module = __import__(f"peerjournal.cli.{handler.module}", fromlist=[handler.name])
        assert callable(getattr(module, handler.name)), handler


def _run_in_one_process(data_dir: Path, argv: list[str], stdin: str = "") -> dict[str, object]:
    """Runs ``main`` as the command would, then says what it printed and imported."""
    script = (
        "import contextlib, io, json, sys\n"
        f"HEAVY = set({sorted(HEAVY)!r})\n"
        "from peerjournal.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    code = main({argv!r})\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & HEAVY)\n"
        "kinds = 'peerjournal.core.kinds' in sys.modules\n"
        "print(json.dumps({'code': code, 'out': out.getvalue(), 'heavy': heavy, "
        "'kinds': kinds}))\n"
    )
    env = {"PEERJOURNAL_DATA_DIR": str(data_dir), "PEERJOURNAL_PASSPHRASE": PASSPHRASE}
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        input=stdin,
        env={**env, "PATH": "/usr/bin:/bin"},
    )
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_read_commands_import_no_sqlalchemy_nor_pydantic_and_a_write_does(
    data_dir: Path,
) -> None:
    saved = run_cli("answer", ANSWER, data_dir=data_dir, stdin="I am Siân.", passphrase=PASSPHRASE)
    assert saved.returncode == 0, saved.stderr
    assert (
        run_cli(
            "journal",
            "add",
            "--date",
            "2026-12-02",
            data_dir=data_dir,
            stdin="By the Taff.",
            passphrase=PASSPHRASE,
        ).returncode
        == 0
    )
    reads = {
        ("show", ANSWER): "I am Siân.",
        ("journal", "show", "2026-12-02"): "By the Taff.",
        ("journal", "list"): "2026-12-02",
        ("search", "taff"): "2026-12-02",
        ("history", ANSWER): "I am Siân.",
        ("check",): "All is whole: 2 answers and pages",
    }
    printed: dict[tuple[str, ...], str] = {
        ("export", "all", "--format", "json"): "export.json",
        ("export", "all", "--format", "md"): "export.md",
        ("export", "story", "--format", "md"): "story.md",
        ("export", "stocktake", "--format", "md"): "stocktake.md",
    }
    for argv, name in printed.items():
        target = data_dir / name
        result = _run_in_one_process(data_dir, [*argv, "-o", str(target)])
        heavy = result["heavy"]
        assert result["code"] == 0 and isinstance(heavy, list), argv
        assert not {"sqlalchemy", "alembic", "pydantic", "yaml"} & set(heavy), argv  # printing may
        assert target.stat().st_size > 0, argv
    for argv, expected in reads.items():
        result = _run_in_one_process(data_dir, list(argv))
        assert result["code"] == 0, argv
        assert expected in str(result["out"]), (argv, result["out"])
        assert result["heavy"] == [], argv
        # Pages and the check need neither the content packs nor the prompt kinds.
        assert result["kinds"] is (argv[0] in ("show", "search", "history")), argv
    wrote = _run_in_one_process(data_dir, ["journal", "add", "--date", "2026-12-03"], stdin="Rain.")
    heavy = wrote["heavy"]
    assert wrote["code"] == 0 and isinstance(heavy, list)
    assert "sqlalchemy" in heavy and "pydantic" not in heavy  # the packs from their cache


def test_an_older_journal_is_read_by_opening_it_in_full(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copy(FIRST_FORMAT / "journal.db", data_dir / "journal.db")
    expected = json.loads((FIRST_FORMAT / "expected.json").read_text(encoding="utf-8"))
    wanted = expected["answers"][ANSWER]["data"]["text"]
    shown = run_cli("show", ANSWER, data_dir=data_dir, passphrase="an old journal passphrase")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip() == wanted
    again = run_cli("search", "walker", data_dir=data_dir, passphrase="an old journal passphrase")
    assert again.returncode == 0 and ANSWER in again.stdout, again.stderr


def test_a_command_parses_alike_when_only_its_own_parser_is_built() -> None:
    """``build_parser(argv)`` builds only the command named; what it parses is the same."""
    whole = build_parser()
    names = [a for a in whole._actions if isinstance(a, argparse._SubParsersAction)]
    argvs = [
        ["search", "hope", "-n", "3", "--full"],
        ["--data-dir", "search", "journal", "show", "2026-12-02"],
        ["journal", "list", "--passphrase-file", "f"],
        ["show", "p2p.story.you.who"],
        ["export", "all", "--format", "md", "-o", "out.md"],
        ["passphrase", "change", "--new-passphrase-file", "n"],
        ["story", "save", "first", "draft"],
        ["backup", "-o", "b.pjbackup"],
    ]
    assert {argv[0] if argv[0] != "--data-dir" else argv[2] for argv in argvs} <= set(
        names[0].choices
    )
    for argv in argvs:
        assert build_parser(argv).parse_args(argv) == whole.parse_args(argv), argv
    typo = [
        a for a in build_parser(["nosuch"])._actions if isinstance(a, argparse._SubParsersAction)
    ]
    assert set(typo[0].choices) == set(names[0].choices)  # all of them, for the help
