""" "Need support now?": crisis lines from the content, and the participant's own people.

The crisis lines are not secret, so they show even while the journal is locked. The
participant's own contacts are stored encrypted and appear only when it is unlocked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from peerjournal.core.content import model as m
from peerjournal.core.errors import PeerJournalError
from peerjournal.services.contacts import MAX_FIELD_CHARS
from peerjournal.services.container import Services
from peerjournal.ui.kit.autosave import AutoSaver
from peerjournal.ui.kit.errors import describe
from peerjournal.ui.kit.i18n import translate
from peerjournal.ui.kit.prompter import Prompter, QtPrompter
from peerjournal.ui.kit.tasks import TaskRunner
from peerjournal.ui.kit.theme import set_role
from peerjournal.ui.kit.widgets import button, label

if TYPE_CHECKING:
    from peerjournal.ui.dialogs.support_plan_dialog import SupportPlanDialog


def contact_card(contact: m.Contact, parent: QWidget) -> QFrame:
    card = QFrame(parent)
    set_role(card, "option")
    inner = QVBoxLayout(card)
    inner.setContentsMargins(16, 12, 16, 12)
    inner.setSpacing(2)
    top = QHBoxLayout()
    top.addWidget(label(contact.name, "heading", card), 1)
    detail = label(contact.detail, "subtitle", card)
    detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    detail.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    top.addWidget(detail)
    inner.addLayout(top)
    if contact.description:
        inner.addWidget(label(contact.description, "muted", card))
    source = source_words(contact)
    inner.addWidget(label(source, "small", card, name=f"contactSource:{contact.name}"))
    card.setAccessibleName(f"{contact.name}, {contact.detail}. {contact.description} ({source})")
    return card


def source_words(contact: m.Contact) -> str:
    """Where a support line came from: peerjournal itself, or an organisation's pack."""
    if contact.source:
        return translate("support_panel", "from %1").replace("%1", contact.source)
    return translate("support_panel", "from peerjournal")


CONTACTS_KEY = "contacts"


class ContactRow(QFrame):
    """One of the participant's own contacts, editable in place."""

    def __init__(self, contact: m.Contact, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "option")
        self.name = QLineEdit(contact.name, self)
        self.name.setPlaceholderText(translate("support_panel", "Name"))
        self.name.setAccessibleName(translate("support_panel", "Name"))
        self.detail = QLineEdit(contact.detail, self)
        self.detail.setPlaceholderText(translate("support_panel", "Number, or how to reach them"))
        self.detail.setAccessibleName(translate("support_panel", "Number, or how to reach them"))
        self.description = QLineEdit(contact.description, self)
        self.description.setPlaceholderText(
            translate("support_panel", "A note, for example when to call")
        )
        self.description.setAccessibleName(translate("support_panel", "A note"))
        for edit in (self.name, self.detail, self.description):
            edit.setMaxLength(MAX_FIELD_CHARS)
        self.remove = QPushButton(translate("support_panel", "Remove"), self)
        self.remove.setAccessibleName(
            translate("support_panel", "Remove %1").replace("%1", contact.name)
            if contact.name
            else translate("support_panel", "Remove this contact")
        )
        set_role(self.remove, "quiet")
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 10, 12, 10)
        grid.addWidget(self.name, 0, 0)
        grid.addWidget(self.detail, 0, 1)
        grid.addWidget(self.remove, 0, 2)
        grid.addWidget(self.description, 1, 0, 1, 3)
        self.set_index(index)

    def set_index(self, index: int) -> None:
        """Names the fields by their place in the list (kept in order after a removal)."""
        self.name.setObjectName(f"contactName:{index}")
        self.detail.setObjectName(f"contactDetail:{index}")
        self.description.setObjectName(f"contactNote:{index}")
        self.remove.setObjectName(f"contactRemove:{index}")

    def contact(self) -> m.Contact:
        return m.Contact(self.name.text(), self.detail.text(), self.description.text())


class SupportDialog(QDialog):
    """The support panel: always reachable, calm, and quick to read.

    The participant's own contacts save as they are typed, through the window's one
    save path (there is no Save button to forget); closing the panel saves at once.
    """

    def __init__(
        self,
        services: Services,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        autosaver: AutoSaver | None = None,
        prompter: Prompter | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("supportDialog")
        self._prompter: Prompter = prompter if prompter is not None else QtPrompter()
        self.plan: SupportPlanDialog | None = None
        self.setWindowTitle(translate("support_panel", "Need support now?"))
        self.resize(640, 720)
        self._services = services
        self._tasks = tasks
        self._autosaver: AutoSaver | None = None
        self._rows: list[ContactRow] = []
        self._loaded = False

        body = QWidget(self)
        body.setObjectName("pageBody")
        self.layout_ = QVBoxLayout(body)
        self.layout_.setContentsMargins(28, 24, 28, 24)
        self.layout_.setSpacing(12)
        self.layout_.addWidget(
            label(translate("support_panel", "Need support now?"), "title", body)
        )
        self.layout_.addWidget(
            label(
                translate(
                    "support_panel",
                    "If you are in danger, or might act on thoughts of harming yourself, call 999 "
                    "now or go to A&E. You do not have to be sure it is serious enough.",
                ),
                "notice",
                body,
                name="emergencyNote",
            )
        )
        self.layout_.addWidget(
            label(translate("support_panel", "People you can talk to"), "subtitle", body)
        )
        for contact in services.contacts.support():
            self.layout_.addWidget(contact_card(contact, body))
        self.layout_.addSpacing(8)
        self.layout_.addWidget(
            label(translate("support_panel", "Your own people"), "subtitle", body)
        )
        self.own_hint = label("", "muted", body, name="ownContactsHint")
        self.layout_.addWidget(self.own_hint)
        self.own_box = QVBoxLayout()
        self.own_box.setSpacing(8)
        self.layout_.addLayout(self.own_box)
        self.add_button = button(
            translate("support_panel", "Add someone"), "", body, name="addContact"
        )
        self.status = label("", "small", body, name="contactsStatus")
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addStretch(1)
        actions.addWidget(self.status)
        self.layout_.addLayout(actions)
        self.layout_.addSpacing(8)
        self.layout_.addWidget(
            label(translate("support_panel", "My support plan"), "subtitle", body)
        )
        self.plan_hint = label("", "muted", body, name="planHint")
        self.layout_.addWidget(self.plan_hint)
        self.plan_button = button(
            translate("support_panel", "Open my support plan…"), "", body, name="openPlan"
        )
        self.layout_.addWidget(self.plan_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.layout_.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setObjectName("pageScroll")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.close_button = button(
            translate("support_panel", "Close"), "", self, name="closeSupport"
        )
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 12)
        outer.addWidget(scroll, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.close_button)
        row.setContentsMargins(0, 0, 20, 0)
        outer.addLayout(row)
        self._connect_signals()
        self.bind(autosaver)

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self.add_contact)
        self.plan_button.clicked.connect(self.open_plan)
        self.close_button.clicked.connect(self.close)

    @property
    def unlocked(self) -> bool:
        return self._services.session.unlocked and self._autosaver is not None

    def bind(self, autosaver: AutoSaver | None) -> None:
        """Ties the own contacts to the unlocked journal's save path (None: locked)."""
        if autosaver is self._autosaver:
            self.load_own()
            return
        self.release()
        self._autosaver = autosaver
        if autosaver is not None:
            autosaver.key_saved.connect(self._on_saved)
            autosaver.key_failed.connect(self._on_failed)
        self._loaded = False
        self.load_own()

    def release(self) -> None:
        """Saves what is pending and lets go of the save path (before the panel goes)."""
        saver, self._autosaver = self._autosaver, None
        if saver is None:
            return
        saver.key_saved.disconnect(self._on_saved)
        saver.key_failed.disconnect(self._on_failed)
        saver.unregister(CONTACTS_KEY)

    def load_own(self) -> None:
        """Shows the own contacts; kept as they are if already shown (nothing pending is lost)."""
        unlocked = self.unlocked
        self.add_button.setVisible(unlocked)
        self.plan_button.setVisible(unlocked)
        self.plan_hint.setText(
            translate(
                "support_panel",
                "What helps you on a bad day, in your own words, on one page to print.",
            )
            if unlocked
            else translate("support_panel", "Unlock your journal to see your support plan.")
        )
        if not unlocked:
            self._clear_rows()
            self._loaded = False
            self.status.clear()
            self.own_hint.setText(
                translate("support_panel", "Unlock your journal to see the people you have added.")
            )
            return
        self.own_hint.setText(
            translate(
                "support_panel",
                "Add the people you would like to reach when things are hard. They are kept "
                "locked in your journal with everything else, and saved as you type.",
            )
        )
        if self._loaded:
            return
        saver = self._autosaver
        if saver is None:
            return
        try:
            contacts = self._services.contacts.own()
        except PeerJournalError as error:
            self.status.setText(describe(error).text())
            return
        self._clear_rows()
        for contact in contacts:
            self._add_row(contact)
        saver.register(CONTACTS_KEY, snapshot=self.contacts, write=self._services.contacts.save_own)
        self._loaded = True

    @Slot()
    def open_plan(self) -> SupportPlanDialog | None:
        """The plan, on the window (so locking closes it like every dialog)."""
        saver = self._autosaver
        if saver is None or not self.unlocked:
            return None
        from peerjournal.ui.dialogs.support_plan_dialog import SupportPlanDialog

        self.save_pending()  # the people the plan prints are the ones just typed
        shown = self.plan
        if shown is not None and shiboken6.isValid(shown) and shown.isVisible():
            dialog = shown  # one plan on screen: two would share one save and lose words
        else:
            window = self.parentWidget()
            dialog = SupportPlanDialog(
                self._services, self._tasks, saver, self._prompter, window or self
            )
            self.plan = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def contacts(self) -> list[m.Contact]:
        return [row.contact() for row in self._rows]

    def _clear_rows(self) -> None:
        for row in self._rows:
            row.setParent(None)
            row.deleteLater()
        self._rows = []

    def _add_row(self, contact: m.Contact) -> ContactRow:
        row = ContactRow(contact, len(self._rows), self)
        row.remove.clicked.connect(self._on_remove)
        for edit in (row.name, row.detail, row.description):
            edit.textChanged.connect(self._on_typed)
        self._rows.append(row)
        self.own_box.addWidget(row)
        return row

    @Slot()
    def add_contact(self) -> None:
        if not self.unlocked:
            return
        row = self._add_row(m.Contact("", ""))
        row.name.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _on_typed(self) -> None:
        if self._autosaver is not None and self._loaded:
            self._autosaver.touch(CONTACTS_KEY)

    @Slot()
    def _on_remove(self) -> None:
        sender = self.sender()
        for row in list(self._rows):
            if row.remove is sender:
                self._rows.remove(row)
                row.setParent(None)
                row.deleteLater()
        for index, row in enumerate(self._rows):
            row.set_index(index)
        if self._autosaver is not None:
            self._autosaver.save_now(CONTACTS_KEY)

    def save_pending(self) -> None:
        if self._autosaver is not None and self._autosaver.busy(CONTACTS_KEY):
            self._autosaver.save_now(CONTACTS_KEY)

    def hideEvent(self, event: QHideEvent) -> None:
        self.save_pending()
        super().hideEvent(event)

    @Slot(str, object)
    def _on_saved(self, key: str, _result: object) -> None:
        if key == CONTACTS_KEY:
            self.status.setText(translate("support_panel", "Saved"))

    @Slot(str, object)
    def _on_failed(self, key: str, error: object) -> None:
        if key == CONTACTS_KEY and isinstance(error, BaseException):
            self.status.setText(describe(error).text())


__all__ = ["CONTACTS_KEY", "SupportDialog"]
