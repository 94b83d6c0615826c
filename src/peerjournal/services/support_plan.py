"""The support plan, kept like everything the participant writes: encrypted, in one
document, saved through the window's one save path."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from peerjournal.core.content import model as m
from peerjournal.core.documents import SUPPORT_PLAN
from peerjournal.core.errors import BadAnswer
from peerjournal.core.support_plan import MAX_PART_CHARS, PARTS, SupportPlan
from peerjournal.core.vault.records import SaveResult
from peerjournal.services.answers import AnswerService
from peerjournal.services.contacts import ContactsService
from peerjournal.services.private_files import write_private_file
from peerjournal.services.session import VaultSession


@dataclass(frozen=True, slots=True)
class Offer:
    """Words from the story a part of the plan may start from (copied only if asked)."""

    prompt_id: str
    question: str
    text: str


class SupportPlanService:
    def __init__(
        self,
        session: VaultSession,
        content: m.Content,
        answers: AnswerService,
        contacts: ContactsService,
    ) -> None:
        self._session = session
        self._content = content
        self._answers = answers
        self._contacts = contacts

    def get(self) -> SupportPlan:
        document = self._session.reader.get(SUPPORT_PLAN)
        return SupportPlan.from_json(document.value) if document is not None else SupportPlan()

    def save(self, plan: SupportPlan) -> SaveResult:
        for part in PARTS:
            if len(plan.text(part.key)) > MAX_PART_CHARS:
                raise BadAnswer(reason=f"“{part.title}” is too long to keep on one page.")
        return self._session.vault.save(SUPPORT_PLAN, plan.to_json(), blank=plan.empty)

    def offers(self, key: str) -> list[Offer]:
        """The story's answers this part may start from, those that have words."""
        part = next((p for p in PARTS if p.key == key), None)
        out: list[Offer] = []
        for prompt_id in part.from_story if part is not None else ():
            prompt = self._content.prompt(prompt_id)
            text = self._answers.text_of(prompt_id).strip()
            if prompt is not None and text:
                out.append(Offer(prompt_id, " ".join(prompt.text.split()), text))
        return out

    def build_pdf(self, *, name: str = "", paper: str = "a4") -> bytes:
        from peerjournal.export.support_plan import support_plan_pdf

        lines = [c for c in self._contacts.support() if not c.source]
        return support_plan_pdf(self.get(), self.people(), lines, name=name, paper=paper)

    def write(self, path: Path, data: bytes) -> Path:
        """The PDF where the participant chose, readable only by them, whole or not at all."""
        write_private_file(path, data, data_root=self._session.data.root)
        return path

    def people(self) -> list[m.Contact]:
        """The participant's own contacts, printed with the plan."""
        return [c for c in self._contacts.own() if c.name.strip() or c.detail.strip()]


__all__ = ["Offer", "SupportPlanService"]
