"""The Personal Recovery Story: the draft's choices, saved versions, comparisons, exports.

The draft's options live in the vault document ``story:draft``; each "Save this version
of my story" is a sealed, immutable vault iteration holding the assembled story and the
options that made it. Both are encrypted like everything else in the vault.

Starting a new draft from an earlier version always restores that version's options
(sections, questions, order, title, name, blank space, conversation page). It can also,
when asked (``restore_answers=True``), bring back the words of that version's free-text
answers: each is saved as a new version of the answer, so today's words stay in the
answer's history and nothing is lost. Answers of other kinds (a ladder rung, chosen
strengths) are not restored, because the story holds only their printed words.

PDF and Markdown are built in memory; nothing is written to disk here except by
``write_*`` methods, which write only the file the participant chose. The exports (and
reportlab with them) are imported on first use, so commands that never print start fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from peerjournal.core import answers as a
from peerjournal.core import story as st
from peerjournal.core.content import model as m
from peerjournal.core.documents import STORY_DRAFT
from peerjournal.core.errors import NoIteration, VaultCorrupt
from peerjournal.core.story_diff import StoryDiff, diff_stories
from peerjournal.services.answers import AnswerService
from peerjournal.services.events import Changes
from peerjournal.services.private_files import write_private_file
from peerjournal.services.session import VaultSession

DRAFT_LABEL = "Current draft"


@dataclass(frozen=True, slots=True)
class IterationSummary:
    number: int
    name: str
    saved: datetime


class StoryService:
    def __init__(self, session: VaultSession, content: m.Content, answers: AnswerService) -> None:
        self._session = session
        self._content = content
        self._answers = answers

    # -- the draft's choices ------------------------------------------------------------

    def options(self) -> st.StoryOptions:
        doc = self._session.reader.get(STORY_DRAFT)
        stored = st.StoryOptions.from_json(doc.value) if doc else st.StoryOptions()
        return st.normalise(self._content, stored)

    def save_options(self, *, options: st.StoryOptions) -> None:
        options = st.normalise(self._content, options)
        result = self._session.vault.save(STORY_DRAFT, options.to_json())
        if not result.unchanged:
            self._session.hub.notify(Changes(story=True))

    def add_extra(self, *, prompt_id: str) -> st.StoryOptions:
        options = st.add_extra(self._content, self.options(), prompt_id)
        self.save_options(options=options)
        return options

    def _lookup(self, prompt_id: str) -> str:
        return self._answers.text_of(prompt_id)

    def today(self) -> date:
        return self._session.clock().astimezone().date()

    def assemble(self, *, options: st.StoryOptions | None = None) -> st.StoryDocument:
        chosen = options if options is not None else self.options()
        return st.assemble(self._content, self._lookup, chosen, today=self.today())

    # -- iterations -----------------------------------------------------------------------

    def save_iteration(
        self, *, name: str, options: st.StoryOptions | None = None
    ) -> st.StoryIteration:
        """Keeps this version of the story, as it reads now, named and dated."""
        chosen = st.normalise(self._content, options if options is not None else self.options())
        name = " ".join(name.split())[: st.MAX_FIELD] or "Untitled version"
        document = self.assemble(options=chosen)
        saved = self._session.clock()
        number = self._session.vault.add_iteration(
            st.StoryIteration.value(name, saved, chosen, document)
        )
        self._session.hub.notify(Changes(story=True))
        return st.StoryIteration(
            number=number,
            name=name,
            saved=saved,
            options=chosen,
            document=document.with_iteration(number, name),
        )

    def iterations(self) -> list[IterationSummary]:
        out = []
        for it in self._session.reader.iterations():
            name, saved = it.value.get("name"), it.value.get("saved")
            try:
                when = datetime.fromisoformat(saved) if isinstance(saved, str) else None
            except ValueError:
                when = None
            if isinstance(name, str) and when is not None:
                out.append(IterationSummary(it.number, name, when))
        return out

    def iteration(self, *, number: int) -> st.StoryIteration:
        raw = self._session.reader.iteration(number)
        try:
            return st.StoryIteration.from_value(raw.number, raw.value)
        except ValueError:
            raise VaultCorrupt(detail=f"saved story version {number} cannot be read") from None

    def _document(self, number: int | None) -> tuple[st.StoryDocument, str]:
        if number is None:
            return self.assemble(), DRAFT_LABEL
        it = self.iteration(number=number)
        return it.document, f"Iteration {it.number}: {it.name}"

    def diff(self, *, old: int | None, new: int | None) -> StoryDiff:
        """What changed from ``old`` to ``new`` (iteration numbers; None is the draft)."""
        old_doc, old_label = self._document(old)
        new_doc, new_label = self._document(new)
        return diff_stories(old_doc, new_doc, old_label=old_label, new_label=new_label)

    def new_draft_from(self, *, number: int, restore_answers: bool = False) -> list[str]:
        """Makes an earlier version's choices the draft again; see the module's notes.

        Returns the prompt ids whose answers were brought back (empty unless asked).
        """
        it = self.iteration(number=number)
        self.save_options(options=it.options)
        restored: list[str] = []
        if restore_answers:
            for entry in it.document.entries:
                prompt = self._content.prompt(entry.prompt_id)
                if not isinstance(prompt, m.TextPrompt) or entry.blank:
                    continue
                current = self._answers.get(entry.prompt_id)
                if isinstance(current, a.TextAnswer) and current.text.strip("\n") == entry.answer:
                    continue
                self._answers.save(entry.prompt_id, a.TextAnswer(entry.answer), fold=False)
                restored.append(entry.prompt_id)
        return restored

    # -- exports --------------------------------------------------------------------------------

    def document_for(
        self, *, iteration: int | None = None, options: st.StoryOptions | None = None
    ) -> st.StoryDocument:
        if iteration is not None:
            return self.iteration(number=iteration).document
        return self.assemble(options=options)

    def build_pdf(
        self,
        *,
        iteration: int | None = None,
        paper: str | None = None,
        options: st.StoryOptions | None = None,
    ) -> bytes:
        from peerjournal.export.story import story_pdf

        chosen = options if options is not None else self.options()
        document = self.document_for(iteration=iteration, options=chosen)
        return story_pdf(document, paper=_paper(paper or chosen.paper))

    @staticmethod
    def render_pdf(*, document: st.StoryDocument, paper: str = "a4") -> bytes:
        """Sets an already assembled story; pure, so it may run on any thread."""
        from peerjournal.export.story import story_pdf

        return story_pdf(document, paper=_paper(paper))

    def build_markdown(
        self, *, iteration: int | None = None, options: st.StoryOptions | None = None
    ) -> str:
        from peerjournal.export.story import story_markdown

        return story_markdown(self.document_for(iteration=iteration, options=options))

    def workbook_pdf(self, *, paper: str = "a4") -> bytes:
        from peerjournal.export.workbook import workbook_pdf

        return workbook_pdf(
            self._content,
            self._lookup,
            paper=_paper(paper),
            made=self.today(),
            name=self.options().name.strip(),
        )

    def workbook_markdown(self) -> str:
        from peerjournal.export.workbook import workbook_markdown

        return workbook_markdown(self._content, self._lookup, made=self.today())

    def stocktake_pdf(self, *, paper: str = "a4") -> bytes:
        from peerjournal.export.workbook import stocktake_pdf

        return stocktake_pdf(
            self._content,
            self._lookup,
            self._answers.ladder_history(st.LADDER_ID),
            paper=_paper(paper),
            made=self.today(),
            name=self.options().name.strip(),
        )

    def stocktake_markdown(self) -> str:
        from peerjournal.export.workbook import stocktake_markdown

        return stocktake_markdown(
            self._content,
            self._lookup,
            self._answers.ladder_history(st.LADDER_ID),
            made=self.today(),
        )

    def write(self, path: Path, data: bytes | str) -> Path:
        """Writes the file the participant chose (readable only by them), whole or not at all."""
        raw = data.encode("utf-8") if isinstance(data, str) else data
        write_private_file(path, raw, data_root=self._session.data.root)
        return path


def _paper(paper: str) -> str:
    return paper if paper in st.PAPERS else "a4"


__all__ = ["DRAFT_LABEL", "IterationSummary", "NoIteration", "StoryService"]
