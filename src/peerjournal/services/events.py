"""What changed after an operation, so each view decides whether to redraw.

Services report changes to a hub; the UI adapts the hub to a Qt signal. Listeners may
be called from a worker thread, so they must only hand the news on, never touch widgets.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from enum import StrEnum

import msgspec

from peerjournal.logs import describe_exception

log = logging.getLogger(__name__)


class SessionState(StrEnum):
    UNLOCKED = "unlocked"
    LOCKED = "locked"
    CLOSED = "closed"


class Changes(msgspec.Struct, frozen=True):
    answers: frozenset[str] = frozenset()
    pages: frozenset[str] = frozenset()
    story: bool = False
    contacts: bool = False
    backups: bool = False
    spelling: bool = False
    """The spelling dictionary became ready, changed language, or learnt a word."""
    sessions: bool = False
    """A session's date was set, changed or taken away."""
    session: SessionState | None = None

    @property
    def everything(self) -> bool:
        return self.session is not None


Listener = Callable[[Changes], None]


def coalesced(batch: list[Changes]) -> list[Changes]:
    """Runs of ordinary changes merged into one, each lock or unlock kept in its place.

    A view redraws once for what a burst of saves changed (hundreds wait together after
    a lock), not once per save.
    """
    out: list[Changes] = []
    for changes in batch:
        last = out[-1] if out else None
        if changes.session is None and last is not None and last.session is None:
            out[-1] = Changes(
                answers=last.answers | changes.answers,
                pages=last.pages | changes.pages,
                story=last.story or changes.story,
                contacts=last.contacts or changes.contacts,
                backups=last.backups or changes.backups,
                spelling=last.spelling or changes.spelling,
                sessions=last.sessions or changes.sessions,
            )
        else:
            out.append(changes)
    return out


class ChangeHub:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def notify(self, changes: Changes) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:
                # Its type and code locations only: a message can quote what was saved.
                log.error("a change listener failed:\n%s", describe_exception(*sys.exc_info()))
