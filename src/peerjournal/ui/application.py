"""Starting Qt: the application object, its look, and the first window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from peerjournal.services.container import Services


def make_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("peerjournal")
    app.setApplicationDisplayName("peerjournal")
    app.setOrganizationName("peerjournal")
    return app


def start(services: Services) -> int:
    from peerjournal.ui.content_window import ContentWindow

    app = make_app()
    window = ContentWindow(services.content)
    window.show()
    return app.exec()


def start_demo() -> int:
    print("The demo journal arrives with the first-impressions work.", file=sys.stderr)
    return 1
