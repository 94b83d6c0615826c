"""First run: a welcome, choosing a passphrase (typed twice, with a strength hint), and
the recovery key shown once. Key derivation runs off the UI thread behind a busy bar.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QHBoxLayout,
    QStackedWidget,
    QWidget,
)

from peerjournal.core.errors import (
    VaultCorrupt,
    VaultInUse,
    VaultTooNew,
)
from peerjournal.core.paths import bundled_dir
from peerjournal.core.vault.recovery_key import RecoveryKey
from peerjournal.services.container import Services
from peerjournal.ui.gate.card import GateCard, error_label
from peerjournal.ui.gate.recovery_key_view import RecoveryKeyPanel
from peerjournal.ui.kit.clipboard import SecretClipboard
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.ops import Op
from peerjournal.ui.kit.prompter import Prompter
from peerjournal.ui.kit.tasks import TaskRunner
from peerjournal.ui.kit.widgets import (
    MIN_PASSPHRASE,
    BusyBar,
    PassphraseField,
    StrengthMeter,
    button,
    label,
)


class SetupView(QStackedWidget):
    """First run: a welcome, choosing a passphrase, then the recovery key once."""

    finished = Signal()
    failed = Signal(object)

    def __init__(
        self,
        services: Services,
        tasks: TaskRunner,
        prompter: Prompter,
        clipboard: SecretClipboard,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setupView")
        self._services = services
        self._tasks = tasks

        self.welcome = GateCard(self)
        self.welcome.setObjectName("welcomePage")
        w = self.welcome.body
        artwork = bundled_dir("resources") / "tree.svg"
        if artwork.exists():
            tree = QSvgWidget(str(artwork), self.welcome)
            tree.setObjectName("welcomeTree")
            tree.setAccessibleName(translate("setup", "The Peer Coaching Tree"))
            tree.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
            tree.setFixedHeight(170)
            w.addWidget(tree)
        w.addWidget(label(translate("setup", "Welcome to peerjournal"), "title", self.welcome))
        w.addWidget(
            label(
                translate(
                    "setup",
                    "This is your own private journal for the Peer 2 Peer programme. You can "
                    "answer the workbook's questions here, come back to them over the weeks, "
                    "and keep a few words each day.",
                ),
                "",
                self.welcome,
            )
        )
        w.addWidget(
            label(
                translate(
                    "setup",
                    "Everything you write stays on this computer, locked with a passphrase that "
                    "only you know. Nobody else can read it: not your facilitator, not the people "
                    "who made this app, and not anyone else who uses this laptop.",
                ),
                "",
                self.welcome,
                name="privacyNote",
            )
        )
        w.addWidget(
            label(
                translate(
                    "setup",
                    "Nothing here is ever required. Write as much or as little as you like.",
                ),
                "muted",
                self.welcome,
            )
        )
        self.begin_button = button(
            translate("setup", "Begin"), "primary", self.welcome, name="beginButton"
        )
        w.addSpacing(8)
        w.addWidget(self.begin_button, 0, Qt.AlignmentFlag.AlignRight)

        self.choose = GateCard(self)
        self.choose.setObjectName("passphrasePage")
        c = self.choose.body
        c.addWidget(label(translate("setup", "Choose a passphrase"), "title", self.choose))
        c.addWidget(
            label(
                translate(
                    "setup",
                    "You will type this each time you open your journal. A few unrelated words "
                    "you will remember work well, for example four things you can see from "
                    "your favourite chair.",
                ),
                "",
                self.choose,
            )
        )
        self.passphrase = PassphraseField(
            "newPassphrase", translate("setup", "New passphrase"), self.choose
        )
        self.repeat = PassphraseField(
            "repeatPassphrase", translate("setup", "Type it again"), self.choose
        )
        self.strength = StrengthMeter(self.choose)
        self.error = error_label("setupError", self.choose)
        self.create_button = button(
            translate("setup", "Create my journal"), "primary", self.choose, name="createButton"
        )
        self.back_button = button(
            translate("setup", "Back"), "quiet", self.choose, name="setupBack"
        )
        self.busy = BusyBar(
            translate("setup", "Locking your new journal. This takes a moment…"), self.choose
        )
        c.addWidget(label(translate("setup", "Passphrase"), "heading", self.choose))
        c.addWidget(self.passphrase)
        c.addWidget(self.strength)
        c.addWidget(label(translate("setup", "Type it again"), "heading", self.choose))
        c.addWidget(self.repeat)
        c.addWidget(self.error)
        c.addWidget(self.busy)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        c.addLayout(buttons)

        self.key_page = GateCard(self, width=700)
        self.key_page.setObjectName("recoveryPage")
        self.key_panel = RecoveryKeyPanel(prompter, clipboard, self.key_page)
        self.key_page.body.addWidget(self.key_panel)

        self.addWidget(self.welcome)
        self.addWidget(self.choose)
        self.addWidget(self.key_page)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.begin_button.clicked.connect(self._on_begin)
        self.back_button.clicked.connect(self._on_back)
        self.passphrase.text_changed.connect(self.strength.update_for)
        self.passphrase.text_changed.connect(self._on_typed)
        self.repeat.text_changed.connect(self._on_typed)
        self.passphrase.submitted.connect(self._next_field)
        self.repeat.submitted.connect(self.create_journal)
        self.create_button.clicked.connect(self.create_journal)
        self.key_panel.continued.connect(self.finished)

    def focus_start(self) -> None:
        self.begin_button.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _on_begin(self) -> None:
        self.setCurrentWidget(self.choose)
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _on_back(self) -> None:
        self.setCurrentWidget(self.welcome)
        self.begin_button.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _next_field(self) -> None:
        self.repeat.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(str)
    def _on_typed(self, _text: str) -> None:
        """A problem said about the passphrase goes once it is typed again."""
        if self.error.isVisible():
            self._say("")
            self.passphrase.set_invalid(False)
            self.repeat.set_invalid(False)

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    @Slot()
    def create_journal(self) -> None:
        first, second = self.passphrase.text(), self.repeat.text()
        if len(first) < MIN_PASSPHRASE:
            self._say(f"Please choose a passphrase of at least {MIN_PASSPHRASE} characters.")
            self.passphrase.select_and_focus()
            return
        if first != second:
            self._say("The two passphrases are not the same yet. Please type it again.")
            self.repeat.select_and_focus()
            return
        self._say("")
        session = self._services.session
        Op(
            self._tasks,
            owner=self,
            busy=self._set_busy,
            error=self._say,
            handled=self._gate_failure,
            serial=False,
            name="create",
        ).run(lambda: session.create(first), done=self._on_created)

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.passphrase,
            self.repeat,
            self.create_button,
            self.back_button,
        ):
            widget.setEnabled(not busy)
        self.busy.setVisible(busy)
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QGuiApplication.restoreOverrideCursor()

    def _on_created(self, key: RecoveryKey) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self.key_panel.show_key(key)
        self.setCurrentWidget(self.key_page)
        self.key_panel.written.setFocus(Qt.FocusReason.OtherFocusReason)

    def _gate_failure(self, error: BaseException) -> bool:
        if isinstance(error, VaultInUse | VaultCorrupt | VaultTooNew):
            self.failed.emit(error)
            return True
        return False


__all__ = ["SetupView"]
