"""Starting Qt: the application object, its look, the excepthook, and the window.

Order follows mu's ``run()``: logging, the excepthook, settings, the QApplication and
its look, the single-instance check, then the window wired to the services.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from peerjournal.core.paths import bundled_dir
from peerjournal.logs import setup_logging
from peerjournal.services.container import Services
from peerjournal.services.settings import SettingsStore
from peerjournal.ui.kit.errors import safe_details

log = logging.getLogger(__name__)

BENCH_EXIT = "PEERJOURNAL_BENCH_EXIT"

CRASH_HEADLINE = "Something went wrong. Your writing is safe."
CRASH_TEXT = (
    "Everything you had saved is still in your journal, and peerjournal keeps saving as "
    "you write. You can carry on, or close the app and open it again."
)


def make_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("peerjournal")
    app.setApplicationDisplayName("peerjournal")
    app.setOrganizationName("peerjournal")
    app.setDesktopFileName("peerjournal")
    icon = bundled_dir("resources") / "icons" / "peerjournal.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


class CrashReporter:
    """The excepthook: a calm dialog, and a log line with no text from the journal.

    Only the error's type and where it happened are logged and shown: an exception's
    message can quote what the program was handling, so it is left out.
    """

    def __init__(self, show: Callable[[str], None] | None = None) -> None:
        self._showing = False
        self._show = show if show is not None else show_crash_dialog

    def __call__(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        details = safe_details(exc)
        log.error("unexpected error:\n%s", details)
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            self._show(details)
        finally:
            self._showing = False


def show_crash_dialog(details: str) -> None:
    parent = QApplication.activeWindow()
    box = QMessageBox(parent if isinstance(parent, QWidget) else None)
    box.setObjectName("crashDialog")
    box.setWindowTitle("peerjournal")
    box.setIcon(QMessageBox.Icon.Information)
    box.setText(CRASH_HEADLINE)
    box.setInformativeText(CRASH_TEXT)
    box.setDetailedText(details)
    box.exec()


def install_excepthook() -> CrashReporter:
    reporter = CrashReporter()
    sys.excepthook = reporter
    return reporter


def start(services: Services, *, demo_notice: str = "", quietly: bool = False) -> int:
    """Opens the window; ``quietly`` (starting with the computer, for reminders) keeps it
    in the notification area, or minimised where the desktop has none."""
    from peerjournal.ui.kit import i18n
    from peerjournal.ui.kit.geometry import center_on_screen
    from peerjournal.ui.kit.prompter import QtPrompter
    from peerjournal.ui.kit.theme import ThemeManager
    from peerjournal.ui.main_window import MainWindow
    from peerjournal.ui.single_instance import SingleInstance

    setup_logging(services.data.logs)
    install_excepthook()
    settings_store = SettingsStore(services.data.settings)
    app = make_app()
    settings = settings_store.load()
    i18n.install(settings.language)
    theme = ThemeManager(app, settings)
    theme.apply()

    instance = SingleInstance(services.data.root, app)
    if quietly and instance.another_is_running():
        return 0  # started with the computer while already open: nothing to do
    if instance.activate_existing():
        QMessageBox.information(
            None,
            "peerjournal",
            i18n.translate(
                "application",
                "peerjournal is already open, so we have brought that window to the front.",
            ),
        )
        return 0
    instance.listen()

    prompter = QtPrompter()
    window = MainWindow(
        services,
        prompter=prompter,
        settings_store=settings_store,
        theme=theme,
        demo=bool(demo_notice),
    )
    instance.activation_requested.connect(window.bring_to_front)
    if not window.geometry_restored:
        center_on_screen(window)
    window.start()
    if demo_notice:
        window.show_unlock(demo_notice)
    # The tray may keep the app while the window is hidden; it ends when the window does.
    app.setQuitOnLastWindowClosed(False)
    window.closed_for_good.connect(app.quit)
    if not quietly:
        window.show()
    elif window.reminders.tray is None:  # no notification area: minimised, not hidden
        window.showMinimized()
    close_on_signals(app, window)
    if os.environ.get(BENCH_EXIT) == "unlock-shown":
        # For `make bench`: report once the first window has been painted, then leave.
        QTimer.singleShot(0, lambda: _report_and_quit(app, window))
    try:
        return app.exec()
    finally:
        instance.close()
        services.session.close()


def close_on_signals(app: QApplication, window: QWidget) -> None:
    """SIGTERM (a logout, a shutdown) and SIGINT close the window the usual way, saving first.

    Python only runs signal handlers when it gets control, so a light timer hands it
    control twice a second while Qt's event loop runs.
    """

    quit_for_good = getattr(window, "quit_for_good", window.close)

    def close(_signum: int, _frame: object) -> None:
        quit_for_good()
        app.quit()

    for name in ("SIGTERM", "SIGINT", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, close)
    ticker = QTimer(app)
    ticker.setInterval(500)
    ticker.timeout.connect(lambda: None)
    ticker.start()


def _report_and_quit(app: QApplication, window: QWidget) -> None:
    window.repaint()
    print("unlock-shown", flush=True)
    app.quit()


def start_demo() -> int:
    """A throwaway journal full of Sam's example answers, deleted when the window closes."""
    import shutil

    from peerjournal.services.demo import DEMO_PASSPHRASE, build_demo, demo_folder

    folder = demo_folder()
    try:
        services = build_demo(folder)
        services.session.lock()
        return start(
            services,
            demo_notice=(
                "This is a demo journal, filled with example answers written for a made-up "
                f"participant, Sam. Its passphrase is “{DEMO_PASSPHRASE}”. Nothing you type "
                "here is kept: the demo is deleted when you close the window."
            ),
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
