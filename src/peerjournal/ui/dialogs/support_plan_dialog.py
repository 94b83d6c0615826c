"""My support plan, as the participant fills it in: behind the lock, saved as typed.

Opened from "Need support now?" while the journal is unlocked. Each part saves through
the window's one save path (there is no Save button to forget); locking closes it like
every other dialog, after what was typed is saved. Three parts offer the participant's
own words from the story's "On the journey" questions: a click copies them in, nothing
is copied without one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core.errors import PeerJournalError
from peerjournal.core.support_plan import PARTS, SupportPlan, contact_line
from peerjournal.services.container import Services
from peerjournal.services.support_plan import Offer
from peerjournal.ui.editors.text import GrowingTextEdit
from peerjournal.ui.kit.autosave import AutoSaver
from peerjournal.ui.kit.errors import describe
from peerjournal.ui.kit.i18n import QT_TRANSLATE_NOOP, translate
from peerjournal.ui.kit.ops import Op
from peerjournal.ui.kit.pdf_pages import MemoryPdf
from peerjournal.ui.kit.prompter import Prompter
from peerjournal.ui.kit.tasks import TaskRunner
from peerjournal.ui.kit.widgets import WrappingButton, button, label

PLAN_KEY = "support-plan"
OFFER_CHARS = 70

_WORDS = {
    "helps": (
        QT_TRANSLATE_NOOP("support_plan", "What helps me"),
        QT_TRANSLATE_NOOP(
            "support_plan", "The things, people and habits that help when things are hard."
        ),
    ),
    "signs": (
        QT_TRANSLATE_NOOP("support_plan", "Early signs I notice"),
        QT_TRANSLATE_NOOP(
            "support_plan",
            "How you can tell things are getting harder: thoughts, feelings, habits.",
        ),
    ),
    "do": (
        QT_TRANSLATE_NOOP("support_plan", "What I'd like people to do"),
        QT_TRANSLATE_NOOP(
            "support_plan",
            "What helps when someone wants to help: words, company, practical things.",
        ),
    ),
    "avoid": (
        QT_TRANSLATE_NOOP("support_plan", "What I'd like people not to do"),
        QT_TRANSLATE_NOOP("support_plan", "What does not help, and the boundaries you keep."),
    ),
    "people": (
        QT_TRANSLATE_NOOP("support_plan", "People I can contact"),
        QT_TRANSLATE_NOOP(
            "support_plan",
            "Anyone else, or a note about when to call whom. The people you added under "
            "“Your own people” are printed with the plan.",
        ),
    ),
    "places": (
        QT_TRANSLATE_NOOP("support_plan", "Places that are safe for me"),
        QT_TRANSLATE_NOOP("support_plan", "Where you can go to feel calmer or safe."),
    ),
}


class SupportPlanDialog(QDialog):
    def __init__(
        self,
        services: Services,
        tasks: TaskRunner,
        autosaver: AutoSaver,
        prompter: Prompter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("supportPlanDialog")
        self.setWindowTitle(translate("support_plan", "My support plan"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(680, 760)
        self._services = services
        self._tasks = tasks
        self._autosaver = autosaver
        self._prompter = prompter
        self._plan = SupportPlan()
        self.edits: dict[str, GrowingTextEdit] = {}
        self.offers: dict[str, list[WrappingButton]] = {}
        self.pdf = MemoryPdf(self)

        body = QWidget(self)
        body.setObjectName("pageBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(28, 24, 28, 24)
        column.setSpacing(10)
        column.addWidget(label(translate("support_plan", "My support plan"), "title", body))
        column.addWidget(
            label(
                translate(
                    "support_plan",
                    "For a bad day, in your own words. It is kept locked in your journal with "
                    "everything else and saved as you type. Print it to keep in a wallet, or "
                    "to give to someone you trust.",
                ),
                "muted",
                body,
            )
        )
        for part in PARTS:
            title, hint = _WORDS[part.key]
            card = QFrame(body)
            card.setProperty("role", "card")
            inner = QVBoxLayout(card)
            inner.setContentsMargins(18, 14, 18, 14)
            inner.setSpacing(6)
            inner.addWidget(label(translate("support_plan", title), "heading", card))
            inner.addWidget(label(translate("support_plan", hint), "small", card))
            if part.key == "people":
                self.people = label("", "", card, name="planPeople")
                inner.addWidget(self.people)
            edit = GrowingTextEdit(card, min_lines=2, max_lines=12)
            edit.setObjectName(f"plan:{part.key}")
            edit.setAccessibleName(translate("support_plan", title))
            edit.textChanged.connect(self._on_typed)
            inner.addWidget(edit)
            self.edits[part.key] = edit
            self.offers[part.key] = []
            for offer in self._offers(part.key):
                go = self._offer_button(part.key, offer, card)
                inner.addWidget(go)
            column.addWidget(card)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("pageScroll")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)

        self.status = label("", "small", self, name="planStatus")
        self.save_pdf = button(
            translate("support_plan", "Save as PDF…"), "", self, name="planSavePdf"
        )
        self.print_button = button(translate("support_plan", "Print…"), "", self, name="planPrint")
        self.close_button = button(
            translate("support_plan", "Close"), "primary", self, name="closePlan"
        )
        row = QHBoxLayout()
        row.setContentsMargins(20, 0, 20, 0)
        row.addWidget(self.status, 1)
        row.addWidget(self.save_pdf)
        row.addWidget(self.print_button)
        row.addWidget(self.close_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 14)
        outer.addWidget(scroll, 1)
        outer.addLayout(row)

        self._load()
        autosaver.register(PLAN_KEY, snapshot=self.plan, write=services.support_plan.save)
        autosaver.key_saved.connect(self._on_saved)
        autosaver.key_failed.connect(self._on_failed)
        self.save_pdf.clicked.connect(self._on_save_pdf)
        self.print_button.clicked.connect(self._on_print)
        self.close_button.clicked.connect(self.close)

    # -- what it holds --------------------------------------------------------------------

    def _offers(self, key: str) -> list[Offer]:
        try:
            return self._services.support_plan.offers(key)
        except PeerJournalError:
            return []

    def _offer_button(self, key: str, offer: Offer, parent: QWidget) -> WrappingButton:
        short = " ".join(offer.text.split())
        if len(short) > OFFER_CHARS:
            short = short[: OFFER_CHARS - 1] + "…"
        go = WrappingButton(
            translate("support_plan", "Start from what you wrote in your story: “%1”").replace(
                "%1", short
            ),
            "link",
            parent,
        )
        go.setObjectName(f"planOffer:{key}:{offer.prompt_id}")
        go.setToolTip(offer.question)
        go.clicked.connect(lambda _=False, k=key, o=offer: self.use_offer(k, o))
        self.offers[key].append(go)
        return go

    def use_offer(self, key: str, offer: Offer) -> None:
        """Copies the story's words in, below what is there: only when asked."""
        edit = self.edits[key]
        before = edit.toPlainText().rstrip()
        edit.setPlainText(f"{before}\n\n{offer.text}" if before else offer.text)
        edit.moveCursor(edit.textCursor().MoveOperation.End)
        edit.setFocus()
        for go in self.offers[key]:
            if go.objectName() == f"planOffer:{key}:{offer.prompt_id}":
                go.setVisible(False)  # taken: it is in the box now

    def _load(self) -> None:
        try:
            self._plan = self._services.support_plan.get()
            people = self._services.support_plan.people()
        except PeerJournalError as error:
            self.status.setText(describe(error).text())
            return
        for part in PARTS:
            edit = self.edits[part.key]
            edit.blockSignals(True)
            edit.set_text_quietly(self._plan.text(part.key))
            edit.blockSignals(False)
        self.people.setText(
            "\n".join(contact_line(c.name, c.detail) for c in people)
            or translate(
                "support_plan",
                "No one yet: add them under “Your own people”, in Need support now?",
            )
        )

    def plan(self) -> SupportPlan:
        return replace(self._plan, **{key: edit.toPlainText() for key, edit in self.edits.items()})

    @Slot()
    def _on_typed(self) -> None:
        self._autosaver.touch(PLAN_KEY)

    @Slot(str, object)
    def _on_saved(self, key: str, _result: object) -> None:
        if key == PLAN_KEY:
            self.status.setText(translate("support_plan", "Saved"))

    @Slot(str, object)
    def _on_failed(self, key: str, error: object) -> None:
        if key == PLAN_KEY and isinstance(error, BaseException):
            self.status.setText(describe(error).text())

    # -- printing -------------------------------------------------------------------------

    def _build(self, done: Callable[[bytes], None]) -> None:
        """Saves what is typed, then makes the PDF off the UI thread."""
        self._autosaver.save_now(PLAN_KEY)
        plan_service = self._services.support_plan
        self.status.setText(translate("support_plan", "Making the page…"))
        Op(self._tasks, owner=self, error=self.status.setText, name="plan.pdf").run(
            plan_service.build_pdf, done=done
        )

    @Slot()
    def _on_save_pdf(self) -> None:
        path = self._prompter.save_path(
            self,
            translate("support_plan", "Save your support plan as PDF"),
            translate("support_plan", "My support plan") + ".pdf",
            "PDF (*.pdf)",
        )
        if path is None:
            return
        plan_service = self._services.support_plan

        def write(data: bytes) -> None:
            try:
                plan_service.write(path, data)
            except PeerJournalError as error:
                self.status.setText(describe(error).text())
                return
            self.saved_to(path)

        self._build(write)

    def saved_to(self, path: Path) -> None:
        self.status.setText(
            translate(
                "support_plan", "Saved to %1. This copy is not encrypted: keep it somewhere safe."
            ).replace("%1", str(path))
        )

    @Slot()
    def _on_print(self) -> None:
        def send(data: bytes) -> None:
            name = translate("support_plan", "My support plan")
            sent = self.pdf.print_once(data, name, self._prompter, self)
            if sent is not None:
                self.status.setText(
                    translate("support_plan", "Sent to the printer.")
                    if sent > 0
                    else translate("support_plan", "The printer could not be started.")
                )

        self._build(send)

    # -- going ----------------------------------------------------------------------------

    def hideEvent(self, event: QHideEvent) -> None:
        self._let_go()
        super().hideEvent(event)

    def _let_go(self) -> None:
        """Saves what is pending and lets go of the save path; the words leave the boxes."""
        saver = self._autosaver
        if not saver.registered(PLAN_KEY):
            return
        saver.unregister(PLAN_KEY)
        saver.key_saved.disconnect(self._on_saved)
        saver.key_failed.disconnect(self._on_failed)
        for edit in self.edits.values():
            edit.blockSignals(True)
            edit.clear()
        self.pdf.clear()


__all__ = ["PLAN_KEY", "SupportPlanDialog"]
