"""The CLI skeleton: version, help, prompts and content checks, with no vault and no Qt."""

from __future__ import annotations

from pathlib import Path

from peerjournal import __version__
from peerjournal.core.content import model as m
from tests.cli_helpers import run_cli


def test_version_and_help(tmp_path: Path) -> None:
    version = run_cli("--version", data_dir=tmp_path)
    assert version.returncode == 0
    assert version.stdout.strip() == f"peerjournal {__version__}"
    helped = run_cli("--help", data_dir=tmp_path)
    assert helped.returncode == 0
    for command in ("init", "prompts", "answer", "search", "check", "backup", "restore"):
        assert command in helped.stdout
    answer_help = run_cli("answer", "--help", data_dir=tmp_path)
    assert "standard input" in answer_help.stdout


def test_prompts_lists_every_answerable_prompt_once(tmp_path: Path, content: m.Content) -> None:
    result = run_cli("prompts", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    pairs = [line.split("\t") for line in lines]
    assert all(len(p) == 2 for p in pairs)
    ids = [p[0] for p in pairs]
    assert ids == [p.id for p in content.prompts()]
    texts = dict(pairs)
    assert texts["m1.s1.positive"] == "What feels positive about undertaking P2P?"
    assert "p2p.stocktake.ladder" in texts


def test_content_check_passes_on_the_shipped_packs(tmp_path: Path) -> None:
    result = run_cli("content", "check", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "are fine" in result.stdout


def test_content_check_reports_a_broken_pack_with_file_and_line(tmp_path: Path) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text(
        "peerjournal_pack: 1\nid: mine\ntitle: Mine\nparts:\n  - id: mine.a\n"
        "    title: A\n    items:\n      - kind: poem\n        id: mine.a.b\n"
    )
    result = run_cli("content", "check", str(pack), data_dir=tmp_path / "data")
    assert result.returncode == 1
    assert "mine.yaml, line 8" in result.stderr
    assert "kind 'poem'" in result.stderr
    assert "Traceback" not in result.stderr


def test_content_check_warns_of_a_contact_named_like_a_shipped_line(tmp_path: Path) -> None:
    pack = tmp_path / "ours.yaml"
    pack.write_text(
        "peerjournal_pack: 1\nid: ours\ntitle: Ours\ncontacts:\n"
        '  - name: Samaritans\n    detail: "0800 000 0000"\n',
        encoding="utf-8",
    )
    result = run_cli("content", "check", str(pack), data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr  # it loads; the warning is to read
    assert "Warning: ours.yaml, line 6: the contact 'Samaritans'" in result.stderr
    assert "116 123" in result.stderr and "look at the warning" in result.stdout


def test_a_broken_pack_in_the_data_folder_does_not_stop_prompts(tmp_path: Path) -> None:
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "broken.yaml").write_text("this: [is broken\n")
    result = run_cli("prompts", data_dir=tmp_path)
    assert result.returncode == 0
    assert "broken.yaml, line" in result.stderr
    assert "m1.s1.positive\t" in result.stdout


def test_headless_commands_do_not_import_qt(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom peerjournal.cli import main\n"
        "main(['prompts'])\nprint('PySide6' in sys.modules, file=sys.stderr)\n"
    )
    import os
    import subprocess
    import sys

    env = dict(os.environ, PEERJOURNAL_DATA_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert result.stderr.strip().endswith("False")


def test_self_test_passes_and_leaves_nothing_behind(tmp_path: Path) -> None:
    result = run_cli("self-test", data_dir=tmp_path, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Self-test passed." in result.stdout
    assert result.stdout.count("ok  ") == 7
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("self-test-")]
