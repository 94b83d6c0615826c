"""Renders the window offscreen to PNGs, light and dark, for looking at it.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.gui.screenshots OUT_DIR [WIDTHxHEIGHT]

Uses the demo journal (Sam's made-up answers, never anyone's real writing).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QDialog, QWidget

from peerjournal.services.demo import DEMO_PASSPHRASE, build_demo, demo_folder
from peerjournal.services.settings import Settings, Theme
from peerjournal.ui.application import make_app
from peerjournal.ui.dialogs.settings_dialog import SettingsDialog
from peerjournal.ui.dialogs.support_panel import SupportDialog
from peerjournal.ui.journal.part_page import PartPage
from peerjournal.ui.kit.theme import ThemeManager
from peerjournal.ui.main_window import MainWindow

PASSPHRASE = DEMO_PASSPHRASE


def spin(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def scroll_to(page: QWidget | None, object_name: str) -> None:
    if not isinstance(page, PartPage):
        return
    target = page.findChild(QWidget, object_name)
    inner = page.widget()
    if target is not None and inner is not None:
        spin(50)
        page.verticalScrollBar().setValue(target.mapTo(inner, target.rect().topLeft()).y() - 24)


def shoot(out: Path, width: int, height: int) -> None:
    app = make_app()
    for theme in (Theme.LIGHT, Theme.DARK):
        root = demo_folder()
        services = build_demo(root)
        services.session.lock()
        manager = ThemeManager(app, Settings(theme=theme))
        manager.apply()
        window = MainWindow(services, theme=manager, remember_geometry=False)
        window.resize(width, height)
        window.start()
        window.show()
        spin()
        suffix = f"{theme.value}-{width}x{height}"

        def save(name: str, window: MainWindow = window, suffix: str = suffix) -> None:
            spin(200)
            window.grab().save(str(out / f"{name}-{suffix}.png"))

        window.unlock_view.passphrase.edit.setText("wrong guess")
        window.unlock_view.unlock()
        while not window.unlock_view.error.isVisible():
            spin(30)
        save("unlock")
        window.unlock_view.passphrase.edit.setText(PASSPHRASE)
        window.unlock_view.unlock()
        while window.journal is None:
            spin(30)
        journal = window.journal
        steps: list[tuple[str, str, str]] = [
            ("tree", "tree", ""),
            ("module1-session2", "part:m1.s2", "card:m1.s2.relationship-spectrum"),
            ("module1-session3-values", "part:m1.s3", "card:m1.s3.values"),
            ("strengths", "part:m1.s4", "card:m1.s4.strengths"),
            ("stocktake", "part:p2p.stocktake", "card:p2p.stocktake.ladder"),
            ("stocktake-chart", "part:p2p.stocktake", "ladderChart"),
            ("course-session1", "part:course.s01", ""),
            ("module1", "programme:module-1", ""),
            ("principles", "part:m1.s2", "card:m1.s2.principles"),
            ("language-checklist", "part:p2p.story.language", ""),
            ("daily", "daily", ""),
            ("story", "story", ""),
        ]
        for name, key, anchor in steps:
            journal.open_place(key)
            spin(100)
            if anchor:
                scroll_to(journal.stack.currentWidget(), anchor)
            save(name)
        journal.open_place("story")
        for _ in range(100):  # the story preview is built off the UI thread
            spin(50)
            if _preview_ready(journal.stack.currentWidget()):
                break
        save("story-preview")
        journal.focus_search()
        journal.search_field.setText("Siân")
        spin(400)
        save("search")
        page = journal.open_part("m1.s1")
        if page is not None:
            page.open_history("m1.s1.positive")
            spin(300)
            dialog = page.findChild(QDialog, "historyDialog")
            if dialog is not None:
                dialog.grab().save(str(out / f"history-{suffix}.png"))
                dialog.close()
        settings = SettingsDialog(window.settings, window)
        settings.show()
        spin(100)
        settings.grab().save(str(out / f"settings-{suffix}.png"))
        settings.close()
        window.open_support()
        spin(200)
        support = window.findChild(SupportDialog)
        if support is not None:
            support.grab().save(str(out / f"support-{suffix}.png"))
            support.close()
        window.close()
        window.deleteLater()
        services.session.close()
        spin(100)


def _preview_ready(page: QWidget | None) -> bool:
    from PySide6.QtPdf import QPdfDocument

    document = page.findChild(QPdfDocument) if page is not None else None
    return document is not None and document.pageCount() > 0


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path("screenshots")
    out.mkdir(parents=True, exist_ok=True)
    size = argv[2] if len(argv) > 2 else "1280x800"
    width, height = (int(x) for x in size.split("x"))
    shoot(out, width, height)
    return 0


_: Callable[[], None] | None = None

if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
