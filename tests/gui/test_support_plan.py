"""My support plan, through the real window: filled in, offered the story's words (and
copying them only when asked), kept encrypted, printed to one page, and locked away by
Ctrl+L with the last words typed kept."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerjournal.core import answers as a
from peerjournal.core.content import model as m
from peerjournal.services.container import Services
from peerjournal.ui.dialogs.support_panel import SupportDialog
from peerjournal.ui.dialogs.support_plan_dialog import SupportPlanDialog
from peerjournal.ui.kit.widgets import WrappingButton
from peerjournal.ui.main_window import MainWindow
from tests.gui.conftest import ScriptedPrompter, unlock

BOUNDARIES = "Saying no to late shifts, and keeping Sundays for myself."
SUPPORT = "My peer group, and my sister ringing every evening."


def open_plan(window: MainWindow, qtbot: QtBot) -> SupportPlanDialog:
    window.support_button.click()
    support = window.findChild(SupportDialog)
    assert support is not None
    qtbot.waitUntil(support.isVisible)
    assert support.plan_button.isVisible()
    support.plan_button.click()
    qtbot.waitUntil(lambda: window.findChild(SupportPlanDialog) is not None)
    plan = window.findChild(SupportPlanDialog)
    assert plan is not None
    qtbot.waitUntil(plan.isVisible)
    return plan


def test_the_support_plan_is_filled_in_printed_and_locked_away(
    window: MainWindow,
    locked_services: Services,
    qtbot: QtBot,
    prompter: ScriptedPrompter,
    tmp_path: Path,
) -> None:
    services = locked_services
    services.answers.save("p2p.story.journey.boundaries", a.TextAnswer(BOUNDARIES))
    services.answers.save("p2p.story.journey.support", a.TextAnswer(SUPPORT))
    services.contacts.save_own([m.Contact("Siân", "07700 900461")])
    plan = open_plan(window, qtbot)

    support = window.findChild(SupportDialog)
    assert support is not None and support.open_plan() is plan  # one plan, not a second
    helps = plan.edits["helps"]
    assert helps.toPlainText() == ""  # offered, never copied without asking
    offer = plan.findChild(WrappingButton, "planOffer:helps:p2p.story.journey.support")
    assert offer is not None and "my sister ringing" in offer.accessibleName()
    qtbot.keyClicks(helps, "A walk by the sea.")
    avoid_offer = plan.findChild(WrappingButton, "planOffer:avoid:p2p.story.journey.boundaries")
    assert avoid_offer is not None
    avoid_offer.click()
    assert plan.edits["avoid"].toPlainText() == BOUNDARIES
    assert not avoid_offer.isVisible()
    qtbot.keyClicks(plan.edits["places"], "Roath Park lake.")
    assert "Siân: 07700 900461" in plan.people.text()
    qtbot.waitUntil(lambda: services.support_plan.get().places == "Roath Park lake.", timeout=5000)
    kept = services.support_plan.get()
    assert (kept.helps, kept.avoid, kept.signs) == ("A walk by the sea.", BOUNDARIES, "")
    qtbot.waitUntil(lambda: plan.status.text() == "Saved")
    raw = (services.data.root / "journal.db").read_bytes()
    assert b"Roath Park" not in raw and "Roath Park".encode("utf-16-le") not in raw

    target = tmp_path / "plan.pdf"
    prompter.paths = [target]
    plan.save_pdf.click()
    qtbot.waitUntil(target.exists, timeout=10_000)
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    assert len(reader.pages) == 1  # one page, for a wallet
    text = " ".join((reader.pages[0].extract_text() or "").split())
    for words in ("My support plan", "A walk by the sea.", "Roath Park lake.", BOUNDARIES):
        assert words in text
    assert "Siân: 07700 900461" in text and "Samaritans 116 123" in text
    assert SUPPORT not in text  # the offer not taken stays out
    assert target.stat().st_mode & 0o077 == 0

    # Ctrl+L from inside the plan: the words just typed are kept, the plan goes.
    gone: list[bool] = []
    plan.destroyed.connect(lambda: gone.append(True))
    qtbot.keyClicks(plan.edits["signs"], "Not answering messages.")
    qtbot.keyClick(plan.edits["signs"], Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.journal is None and bool(gone))
    assert not services.session.unlocked
    assert all(
        not w.isVisible()
        for w in QApplication.topLevelWidgets()
        if isinstance(w, SupportPlanDialog)
    )
    unlock(qtbot, window)
    assert services.support_plan.get().signs == "Not answering messages."


def test_the_plan_waits_behind_the_lock(window: MainWindow, qtbot: QtBot) -> None:
    window.lock()
    window.support_button.click()
    support = window.findChild(SupportDialog)
    assert support is not None
    qtbot.waitUntil(support.isVisible)
    assert not support.plan_button.isVisible()
    assert support.plan_hint.text() == "Unlock your journal to see your support plan."
    assert support.open_plan() is None
