"""The services a read command needs (search, a page, the list of pages), and no others.

The window and the writing commands build every service (``container``); a read on the
command line builds these, so it imports nothing of the story, exports, backups or
salvage, and reads the content packs from their cache.
"""

from __future__ import annotations

from pathlib import Path

from peerjournal.core.content import cache
from peerjournal.core.content import model as m
from peerjournal.core.paths import DataDir
from peerjournal.services.answers import AnswerService
from peerjournal.services.events import ChangeHub
from peerjournal.services.pages import PageService
from peerjournal.services.search import SearchService
from peerjournal.services.session import VaultSession


class ReadingServices:
    """The journal as a read needs it: pages and answers are decrypted on first asking.

    A search reads every document once as it streams past (``search.search_all``) and
    keeps none; showing a page or an answer hands the documents to the services first.
    """

    def __init__(self, content: m.Content, session: VaultSession) -> None:
        self.content = content
        self.session = session
        self._answers = AnswerService(session, content)
        self._pages = PageService(session, content)
        self.search = SearchService(session, content, self._answers, self._pages)

    @property
    def answers(self) -> AnswerService:
        self.session.ensure_loaded()
        return self._answers

    @property
    def pages(self) -> PageService:
        self.session.ensure_loaded()
        return self._pages


def build_reading(data_root: Path) -> ReadingServices:
    data = DataDir(data_root)
    content = cache.load([data.packs], data.content_cache)
    session = VaultSession(data, hub=ChangeHub(), read_only=True, preload=False)
    return ReadingServices(content, session)


__all__ = ["ReadingServices", "build_reading"]
