"""The dates of the programme's sessions, as the participant keeps them.

A date the participant sets (or takes away) is theirs, kept encrypted in the vault as
the document ``session-dates`` like everything else they enter: which sessions they
go to, and when, is nobody else's business. Dates an organisation's pack ships are
shown until the participant changes them; "Use the date from the pack" brings the
pack's date back.
"""

from __future__ import annotations

from peerjournal.core import sessions as s
from peerjournal.core.content import model as m
from peerjournal.core.documents import SESSION_DATES
from peerjournal.core.errors import BadAnswer
from peerjournal.core.json_types import JsonValue
from peerjournal.services.events import Changes
from peerjournal.services.session import VaultSession


class SessionDatesService:
    def __init__(self, session: VaultSession, content: m.Content) -> None:
        self._session = session
        self._content = content
        self._ids = {part.id for _prog, part in content.session_parts()}

    def own(self) -> dict[str, str | None]:
        """The participant's own dates by session id (None: they took the date away)."""
        document = self._session.reader.get(SESSION_DATES)
        value = document.value if document is not None else None
        dates = value.get("dates") if isinstance(value, dict) else None
        if not isinstance(dates, dict):
            return {}
        out: dict[str, str | None] = {}
        for key, text in dates.items():
            if text is None:
                out[key] = None
            elif isinstance(text, str) and s.When.parse(text) is not None:
                out[key] = text
        return out

    def sessions(self) -> list[s.Session]:
        return s.sessions(self._content, self.own())

    def set(self, part_id: str, when: s.When | None) -> None:
        """Gives a session its date and time, or takes its date away (``None``)."""
        self._write(part_id, when.text() if when is not None else None, forget=False)

    def use_pack_date(self, part_id: str) -> None:
        """Forgets the participant's own date, so the pack's shows again (if it has one)."""
        self._write(part_id, None, forget=True)

    def _write(self, part_id: str, text: str | None, *, forget: bool) -> None:
        if part_id not in self._ids:
            raise BadAnswer(reason="that is not one of the programme's sessions.")
        own = self.own()
        if forget:
            own.pop(part_id, None)
        else:
            own[part_id] = text
        dates: dict[str, JsonValue] = {key: own[key] for key in sorted(own)}
        value: dict[str, JsonValue] = {"dates": dates}
        result = self._session.vault.save(SESSION_DATES, value, blank=not own)
        if not result.unchanged:
            self._session.hub.notify(Changes(sessions=True))


__all__ = ["SessionDatesService"]
