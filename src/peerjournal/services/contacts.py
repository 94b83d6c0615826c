"""Support contacts: the programme's crisis lines and the participant's own people.

The crisis lines come from the content packs (UK defaults) and are never secret. The
participant's own contacts are personal, so they are stored encrypted in the vault as
one document named "contacts".
"""

from __future__ import annotations

from collections.abc import Sequence

from peerjournal.core.content import model as m
from peerjournal.core.documents import CONTACTS
from peerjournal.core.errors import BadAnswer
from peerjournal.core.json_types import JsonValue
from peerjournal.core.vault.records import SaveResult
from peerjournal.services.events import Changes
from peerjournal.services.session import VaultSession

MAX_CONTACTS = 50
MAX_FIELD_CHARS = 2000


class ContactsService:
    def __init__(self, session: VaultSession, content: m.Content) -> None:
        self._session = session
        self._content = content

    def support(self) -> tuple[m.Contact, ...]:
        """The crisis and support lines from the content packs (readable while locked)."""
        return self._content.contacts

    def own(self) -> list[m.Contact]:
        """The participant's own contacts, in the order they put them."""
        document = self._session.reader.get(CONTACTS)
        if document is None:
            return []
        return _parse(document.value)

    def save_own(self, contacts: Sequence[m.Contact]) -> SaveResult:
        cleaned = [
            m.Contact(c.name.strip(), c.detail.strip(), c.description.strip())
            for c in contacts
            if c.name.strip() or c.detail.strip() or c.description.strip()
        ]
        if len(cleaned) > MAX_CONTACTS:
            raise BadAnswer(reason=f"keep it to {MAX_CONTACTS} contacts or fewer.")
        for contact in cleaned:
            if max(len(contact.name), len(contact.detail), len(contact.description)) > (
                MAX_FIELD_CHARS
            ):
                raise BadAnswer(reason="a contact's details are too long.")
        value: dict[str, JsonValue] = {
            "contacts": [
                {"name": c.name, "detail": c.detail, "description": c.description} for c in cleaned
            ]
        }
        result = self._session.vault.save(CONTACTS, value, blank=not cleaned)
        if not result.unchanged:
            self._session.hub.notify(Changes(contacts=True))
        return result


def _parse(value: JsonValue) -> list[m.Contact]:
    if not isinstance(value, dict):
        return []
    items = value.get("contacts")
    if not isinstance(items, list):
        return []
    out: list[m.Contact] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        name, detail, description = (item.get(k, "") for k in ("name", "detail", "description"))
        out.append(
            m.Contact(
                name if isinstance(name, str) else "",
                detail if isinstance(detail, str) else "",
                description if isinstance(description, str) else "",
            )
        )
    return out


__all__ = ["MAX_CONTACTS", "ContactsService"]
