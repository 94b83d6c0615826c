"""The one PDF Qt writes (the recovery key) embeds its fonts too, like reportlab's."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from peerjournal.ui.gate.recovery_key_view import key_document, save_pdf
from tests.test_export_pdf import _unembedded


def test_the_recovery_key_pdf_embeds_every_font(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "key.pdf"
    save_pdf(key_document(["ABCD", "EFGH", "JKLM", "NPQR"], date(2026, 12, 3)), path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert _unembedded(data) == set()
