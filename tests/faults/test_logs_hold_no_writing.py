"""Logs rotate in the data folder and never hold a word the participant wrote."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_helpers import run_cli
from tests.conftest import CANARY, PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def _logs(data_dir: Path) -> str:
    return "".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in (data_dir / "logs").glob("peerjournal.log*")
    )


def test_a_canary_never_reaches_a_log_even_at_debug(data_dir: Path) -> None:
    env = {"PEERJOURNAL_DEBUG": "1"}
    for args, stdin in (
        (("answer", "m1.s1.positive"), CANARY),
        (("journal", "add"), CANARY),
        (("search", "Łukasz"), None),
        (("show", "m1.s1.positive"), None),
        (("check",), None),
        (("backup",), None),
        (("export", "story", "--format", "pdf", "-o", str(data_dir.parent / "s.pdf")), None),
    ):
        result = run_cli(*args, data_dir=data_dir, stdin=stdin, passphrase=PASSPHRASE, env=env)
        assert result.returncode == 0, result.stderr
    logs = _logs(data_dir)
    assert "DEBUG" in logs or "INFO" in logs
    for word in ("canary-7f3a", "Łukasz", "Zoë", PASSPHRASE):
        assert word not in logs


def test_an_unexpected_failure_is_logged_without_its_message(data_dir: Path) -> None:
    code = (
        "import sys\n"
        "from peerjournal import cli\n"
        "def boom(args):\n"
        f"    raise RuntimeError({CANARY!r})\n"
        "import peerjournal.cli.reading as c\n"
        "c.cmd_check = boom\n"
        "sys.exit(cli.main(['check']))\n"
    )
    env = {"PEERJOURNAL_DATA_DIR": str(data_dir), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
    assert result.returncode == 1
    assert "Something unexpected went wrong" in result.stderr
    assert "canary" not in result.stderr and "Traceback" not in result.stderr
    logs = _logs(data_dir)
    assert "RuntimeError (message withheld)" in logs
    assert "in boom" in logs
    assert "canary" not in logs


def test_logs_rotate(tmp_path: Path) -> None:
    import logging

    from peerjournal.logs import reset_logging, setup_logging

    path = setup_logging(tmp_path / "logs")
    assert path is not None
    logger = logging.getLogger("peerjournal.test")
    try:
        for i in range(20_000):
            logger.info("a line of ids and counts %d %s", i, "x" * 40)
    finally:
        reset_logging()
    files = sorted(p.name for p in (tmp_path / "logs").iterdir())
    assert files[0] == "peerjournal.log" and len(files) <= 4
    assert all((tmp_path / "logs" / f).stat().st_size <= 600 * 1024 for f in files)


def test_a_log_file_that_cannot_be_opened_is_done_without(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The file opens at the first record; if it cannot, nothing is printed, nothing fails."""
    import logging

    from peerjournal.logs import reset_logging, setup_logging

    folder = tmp_path / "logs"
    assert setup_logging(folder) is not None
    (folder / "peerjournal.log").mkdir()  # a folder where the file belongs
    try:
        logging.getLogger("peerjournal.test").warning("an id and a count %d", 3)
    finally:
        reset_logging()
    assert "Logging error" not in capsys.readouterr().err
