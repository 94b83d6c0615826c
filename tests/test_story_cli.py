"""The story commands, run as a script would: export, save, list and diff."""

from __future__ import annotations

import io
import stat
from pathlib import Path

from pypdf import PdfReader

from tests.cli_helpers import run_cli
from tests.conftest import PASSPHRASE


def test_story_save_list_diff_and_export(data_dir: Path, tmp_path: Path) -> None:
    def cli(*args: str, stdin: str | None = None) -> str:
        result = run_cli(*args, data_dir=data_dir, passphrase=PASSPHRASE, stdin=stdin)
        assert result.returncode == 0, result.stderr
        return result.stdout

    empty = run_cli("story", "list", data_dir=data_dir, passphrase=PASSPHRASE)
    assert empty.returncode == 0 and "no saved versions" in empty.stderr
    cli("answer", "p2p.story.you.who", stdin="I am Siân and I felt stuck.")
    assert "Saved version 1 of your story: Before the group" in cli(
        "story", "save", "Before", "the", "group"
    )
    cli("answer", "p2p.story.you.who", stdin="I am Siân and I feel hopeful.")
    assert "Saved version 2" in cli("story", "save", "After")
    listed = [line.split("\t") for line in cli("story", "list").splitlines()]
    assert [(n, name) for n, _when, name in listed] == [("1", "Before the group"), ("2", "After")]
    diff = cli("story", "diff", "1", "2")
    assert "Who are you?" in diff
    assert "[-felt stuck-]{+feel hopeful+}" in diff

    out = tmp_path / "story.pdf"
    cli(
        "export",
        "story",
        "--format",
        "pdf",
        "-o",
        str(out),
        "--iteration",
        "1",
        "--paper",
        "letter",
    )
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "I am Siân and I felt stuck." in text
    assert "Iteration 1: Before the group" in text
    assert round(float(reader.pages[0].mediabox.width)) == 612
    assert stat.S_IMODE(out.stat().st_mode) == 0o600

    md = tmp_path / "story.md"
    cli("export", "story", "--format", "md", "-o", str(md))
    assert "I am Siân and I feel hopeful." in md.read_text(encoding="utf-8")

    book = tmp_path / "book.pdf"
    cli("export", "workbook", "--format", "pdf", "-o", str(book))
    assert book.read_bytes().startswith(b"%PDF")
    stock = tmp_path / "stock.md"
    cli("export", "stocktake", "--format", "md", "-o", str(stock))
    assert stock.read_text(encoding="utf-8").startswith("# Personal Stocktake")

    missing = run_cli("story", "diff", "1", "7", data_dir=data_dir, passphrase=PASSPHRASE)
    assert missing.returncode == 1
    assert "no saved version 7" in missing.stderr
    assert "Traceback" not in missing.stderr
