"""All services for one data folder, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from peerjournal.core.content import cache as content_cache
from peerjournal.core.content import model as m
from peerjournal.core.content.files import content_language
from peerjournal.core.paths import DataDir
from peerjournal.core.vault.keyslots import KdfParams
from peerjournal.core.vault.records import Clock, utc_now
from peerjournal.services.answers import AnswerService
from peerjournal.services.backups import BackupService
from peerjournal.services.contacts import ContactsService
from peerjournal.services.events import ChangeHub
from peerjournal.services.exports import ExportService
from peerjournal.services.pages import PageService
from peerjournal.services.salvage import SalvageService
from peerjournal.services.search import SearchService
from peerjournal.services.session import VaultSession
from peerjournal.services.sessions import SessionDatesService
from peerjournal.services.spelling import SpellingService
from peerjournal.services.story import StoryService
from peerjournal.services.story_reviews import StoryReviewService
from peerjournal.services.support_plan import SupportPlanService
from peerjournal.services.transfer import TransferService


@dataclass(frozen=True, slots=True)
class Services:
    content: m.Content
    hub: ChangeHub
    session: VaultSession
    answers: AnswerService
    pages: PageService
    search: SearchService
    backups: BackupService
    exports: ExportService
    transfer: TransferService
    contacts: ContactsService
    story: StoryService
    salvage: SalvageService
    spelling: SpellingService
    sessions: SessionDatesService
    support_plan: SupportPlanService
    reviews: StoryReviewService

    @property
    def data(self) -> DataDir:
        return self.session.data


def build_services(
    data_root: Path,
    *,
    content: m.Content | None = None,
    clock: Clock = utc_now,
    kdf: KdfParams | None = None,
    read_only: bool = False,
) -> Services:
    data = DataDir(data_root)
    content = (
        content
        if content is not None
        else content_cache.load(
            [data.packs], data.content_cache, language=content_language(data.settings)
        )
    )
    hub = ChangeHub()
    session = VaultSession(data, hub=hub, clock=clock, kdf=kdf, read_only=read_only)
    answers = AnswerService(session, content)
    pages = PageService(session, content)
    search = SearchService(session, content, answers, pages)
    transfer = TransferService(session, content)
    contacts = ContactsService(session, content)
    return Services(
        content=content,
        hub=hub,
        session=session,
        answers=answers,
        pages=pages,
        search=search,
        backups=BackupService(session),
        exports=ExportService(content, answers, pages, transfer, data_root=data.root),
        transfer=transfer,
        contacts=contacts,
        story=StoryService(session, content, answers),
        salvage=SalvageService(session, content),
        spelling=SpellingService(session),
        sessions=SessionDatesService(session, content),
        support_plan=SupportPlanService(session, content, answers, contacts),
        reviews=StoryReviewService(session),
    )
