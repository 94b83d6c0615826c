"""The services a read command needs (search, a page, a check, an export), and no others.

The window and the writing commands build every service (``container``); a read on the
command line builds these, so it imports nothing of the story, exports, backups or
salvage, and reads the content packs from their cache.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from peerjournal.core.documents import page_name, page_text
from peerjournal.core.errors import VaultCorrupt
from peerjournal.core.paths import DataDir
from peerjournal.services.events import ChangeHub
from peerjournal.services.pages import PageService
from peerjournal.services.session import VaultSession

if TYPE_CHECKING:
    from peerjournal.core.content import model as m
    from peerjournal.services.answers import AnswerService
    from peerjournal.services.exports import ExportService
    from peerjournal.services.search import SearchService
    from peerjournal.services.story import StoryService


class ReadingServices:
    """The journal as a read needs it: pages and answers are decrypted on first asking.

    A search reads every document once as it streams past (``search.search_all``) and
    keeps none; showing a page or an answer hands the documents to the services first.
    The content packs (and with them the prompt kinds) load only for a command that
    needs a prompt: listing or showing pages does not.
    """

    def __init__(self, data: DataDir, session: VaultSession) -> None:
        self._data = data
        self.session = session
        self._pages = PageService(session, lambda: self.content)

    @cached_property
    def content(self) -> m.Content:
        from peerjournal.core.content import cache
        from peerjournal.core.content.files import content_language

        data = self._data
        return cache.load(
            [data.packs], data.content_cache, language=content_language(data.settings)
        )

    @cached_property
    def _answers(self) -> AnswerService:
        from peerjournal.services.answers import AnswerService

        return AnswerService(self.session, self.content)

    @cached_property
    def search(self) -> SearchService:
        from peerjournal.services.search import SearchService

        return SearchService(self.session, self.content, self._answers, self._pages)

    @property
    def answers(self) -> AnswerService:
        answers = self._answers  # made first, so the one reading hands it the documents
        self.session.ensure_loaded()
        return answers

    @property
    def pages(self) -> PageService:
        self.session.ensure_loaded()
        return self._pages

    def page(self, day: date) -> str:
        """One daily page's text, read alone: showing a page need not decrypt the others.

        A page that does not open is left to the full reading, which marks it and tells
        the participant, as it would in the window.
        """
        try:
            found = self.session.reader.get(page_name(day))
        except VaultCorrupt:
            return self.pages.get(day)
        return (page_text(found.value) if found is not None else None) or ""

    @property
    def story(self) -> StoryService:
        """The story and workbook, for an export (imported only by the commands that print)."""
        from peerjournal.services.story import StoryService

        return StoryService(self.session, self.content, self.answers)

    @property
    def exports(self) -> ExportService:
        from peerjournal.services.exports import ExportService
        from peerjournal.services.transfer import TransferService

        return ExportService(
            self.content,
            self.answers,
            self.pages,
            TransferService(self.session, self.content),
            data_root=self.session.data.root,
        )


def build_reading(data_root: Path) -> ReadingServices:
    data = DataDir(data_root)
    session = VaultSession(data, hub=ChangeHub(), read_only=True, preload=False)
    return ReadingServices(data, session)


__all__ = ["ReadingServices", "build_reading"]
