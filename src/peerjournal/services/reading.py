"""The services a read command needs (search, a page, the list of pages), and no others.

The window and the writing commands build every service (``container``); a read on the
command line builds these, so it imports nothing of the story, exports, backups or
salvage, and reads the content packs from their cache.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from peerjournal.core.content import cache
from peerjournal.core.content import model as m
from peerjournal.core.paths import DataDir
from peerjournal.services.answers import AnswerService
from peerjournal.services.events import ChangeHub
from peerjournal.services.pages import PageService
from peerjournal.services.search import SearchService
from peerjournal.services.session import VaultSession


@dataclass(frozen=True, slots=True)
class ReadingServices:
    content: m.Content
    hub: ChangeHub
    session: VaultSession
    answers: AnswerService
    pages: PageService
    search: SearchService


def build_reading(data_root: Path) -> ReadingServices:
    data = DataDir(data_root)
    content = cache.load([data.packs], data.content_cache)
    hub = ChangeHub()
    session = VaultSession(data, hub=hub, read_only=True)
    answers = AnswerService(session, content)
    pages = PageService(session, content)
    return ReadingServices(
        content=content,
        hub=hub,
        session=session,
        answers=answers,
        pages=pages,
        search=SearchService(session, content, answers, pages),
    )


__all__ = ["ReadingServices", "build_reading"]
