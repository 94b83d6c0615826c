"""The Personal Recovery Story: what the participant chose to put in it, and the story itself.

``StoryOptions`` is the participant's choice: which sections and which questions, in
which order, an optional title and name, whether unanswered questions are left out
(the default) or printed as blank space to write on, and the optional last page "For
our conversation". It is kept, encrypted, as the vault document ``story:draft``.

``assemble`` turns the options and the current answers into a ``StoryDocument``: plain,
frozen data (title, name, date, sections of question and Markdown answer) that the PDF
and Markdown exports print and that a saved iteration keeps as it was.

Besides the six story sections the participant may add "More about me": their
stocktake rung, their chosen strengths, their top values, and any other answer by
prompt id. None of those is in the story unless they tick it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from peerjournal.core.content import model as m
from peerjournal.core.json_types import JsonValue

OPTIONS_FORMAT = 1
DOCUMENT_FORMAT = 1

DEFAULT_TITLE = "My Personal Recovery Story"
EXTRAS_KEY = "extras"
EXTRAS_TITLE = "More about me"
LADDER_ID = "p2p.stocktake.ladder"
STRENGTHS_ID = "m1.s4.strengths"
VALUES_ID = "m1.s3.values"
DISCUSS_ID = "p2p.stocktake.discuss"
CHECKLIST_ID = "p2p.story.language.checklist"
EXTRA_DEFAULTS = (LADDER_ID, STRENGTHS_ID, VALUES_ID)
EXTRA_HEADINGS = {
    LADDER_ID: "Where I am on the ladder of change",
    STRENGTHS_ID: "My strengths",
    VALUES_ID: "My top values",
}
PAPERS = ("a4", "letter")
MAX_POINTS = 50
MAX_FIELD = 500

AnswerLookup = Callable[[str], str]
"""Gives an answer's words as Markdown by prompt id ('' when there is none)."""


# -- the participant's choices ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QuestionChoice:
    prompt_id: str
    included: bool = True


@dataclass(frozen=True, slots=True)
class SectionChoice:
    """One section: a story part (by part id) or ``extras`` ("More about me")."""

    key: str
    included: bool = True
    questions: tuple[QuestionChoice, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryOptions:
    title: str = ""
    name: str = ""
    blank_space: bool = False
    """False: unanswered questions are left out. True: printed with space to write on."""
    sections: tuple[SectionChoice, ...] = ()
    conversation_page: bool = False
    """Whether to add the last page "For our conversation"."""
    include_discuss_note: bool = True
    """Whether that page shows what they noted in the stocktake's "discuss further"."""
    conversation_points: tuple[str, ...] = ()
    paper: str = "a4"

    @property
    def shown_title(self) -> str:
        return self.title.strip() or DEFAULT_TITLE

    def section(self, key: str) -> SectionChoice | None:
        return next((s for s in self.sections if s.key == key), None)

    def with_section(self, choice: SectionChoice) -> StoryOptions:
        """A copy with the section of the same key replaced (or added at the end)."""
        if self.section(choice.key) is None:
            return replace(self, sections=(*self.sections, choice))
        return replace(
            self, sections=tuple(choice if s.key == choice.key else s for s in self.sections)
        )

    # JSON ----------------------------------------------------------------------------

    def to_json(self) -> dict[str, JsonValue]:
        return {
            "format": OPTIONS_FORMAT,
            "title": self.title,
            "name": self.name,
            "blank_space": self.blank_space,
            "sections": [
                {
                    "key": s.key,
                    "included": s.included,
                    "questions": [
                        {"prompt_id": q.prompt_id, "included": q.included} for q in s.questions
                    ],
                }
                for s in self.sections
            ],
            "conversation_page": self.conversation_page,
            "include_discuss_note": self.include_discuss_note,
            "conversation_points": list(self.conversation_points),
            "paper": self.paper,
        }

    @classmethod
    def from_json(cls, raw: JsonValue) -> StoryOptions:
        """Reads stored options leniently: anything unreadable falls back to its default."""
        if not isinstance(raw, dict):
            return cls()
        sections: list[SectionChoice] = []
        seen: set[str] = set()
        raw_sections = raw.get("sections")
        for s in raw_sections if isinstance(raw_sections, list) else []:
            if not isinstance(s, dict) or not isinstance(s.get("key"), str):
                continue
            key = str(s["key"])
            if key in seen:
                continue
            seen.add(key)
            questions: list[QuestionChoice] = []
            qseen: set[str] = set()
            raw_q = s.get("questions")
            for q in raw_q if isinstance(raw_q, list) else []:
                if isinstance(q, dict) and isinstance(q.get("prompt_id"), str):
                    pid = str(q["prompt_id"])
                    if pid not in qseen:
                        qseen.add(pid)
                        questions.append(QuestionChoice(pid, _bool(q.get("included"), True)))
            sections.append(SectionChoice(key, _bool(s.get("included"), True), tuple(questions)))
        points = raw.get("conversation_points")
        paper = raw.get("paper")
        return cls(
            title=_text(raw.get("title")),
            name=_text(raw.get("name")),
            blank_space=_bool(raw.get("blank_space"), False),
            sections=tuple(sections),
            conversation_page=_bool(raw.get("conversation_page"), False),
            include_discuss_note=_bool(raw.get("include_discuss_note"), True),
            conversation_points=tuple(
                p for p in (points if isinstance(points, list) else []) if isinstance(p, str)
            )[:MAX_POINTS],
            paper=paper if isinstance(paper, str) and paper in PAPERS else "a4",
        )


def _bool(value: JsonValue, default: bool) -> bool:
    return value if isinstance(value, bool) else default


def _text(value: JsonValue) -> str:
    return value[:MAX_FIELD] if isinstance(value, str) else ""


def default_options(content: m.Content) -> StoryOptions:
    """Every story section and question in, "More about me" offered but not ticked."""
    return normalise(content, StoryOptions())


def normalise(content: m.Content, options: StoryOptions) -> StoryOptions:
    """Brings stored options up to date with the content.

    Story sections and questions that are new in the content are added (included, at
    the end of their section, new sections at the end); questions and sections that no
    longer exist are dropped; "More about me" is always there (not included unless the
    participant ticked it) and keeps any prompt they added that still exists.
    """
    parts: dict[str, m.Part] = {p.id: p for p in content.story_sections()}
    out: list[SectionChoice] = []
    for choice in options.sections:
        if choice.key == EXTRAS_KEY:
            out.append(_normalise_extras(content, choice))
        elif choice.key in parts:
            out.append(_normalise_part(parts[choice.key], choice))
    known = {s.key for s in out}
    for part in content.story_sections():
        if part.id not in known:
            out.append(_normalise_part(part, SectionChoice(part.id)))
    if EXTRAS_KEY not in known:
        out.append(_normalise_extras(content, SectionChoice(EXTRAS_KEY, included=False)))
    return replace(options, sections=tuple(out))


def _story_prompts(part: m.Part) -> list[m.Prompt]:
    return [p for p in part.prompts if not isinstance(p, m.LessonsPrompt)]


def _normalise_part(part: m.Part, choice: SectionChoice) -> SectionChoice:
    ids = [p.id for p in _story_prompts(part)]
    kept = [q for q in choice.questions if q.prompt_id in ids]
    have = {q.prompt_id for q in kept}
    kept += [QuestionChoice(pid) for pid in ids if pid not in have]
    return replace(choice, questions=tuple(kept))


def _normalise_extras(content: m.Content, choice: SectionChoice) -> SectionChoice:
    kept = [q for q in choice.questions if content.prompt(q.prompt_id) is not None]
    have = {q.prompt_id for q in kept}
    kept += [
        QuestionChoice(pid, included=False)
        for pid in EXTRA_DEFAULTS
        if pid not in have and content.prompt(pid) is not None
    ]
    return replace(choice, questions=tuple(kept))


def add_extra(content: m.Content, options: StoryOptions, prompt_id: str) -> StoryOptions:
    """Adds any answer, by prompt id, to "More about me" (ticked, with the section)."""
    if content.prompt(prompt_id) is None:
        from peerjournal.core.errors import UnknownPrompt

        raise UnknownPrompt(prompt_id=prompt_id)
    options = normalise(content, options)
    extras = options.section(EXTRAS_KEY) or SectionChoice(EXTRAS_KEY)
    questions = [q for q in extras.questions if q.prompt_id != prompt_id]
    questions.append(QuestionChoice(prompt_id, included=True))
    return options.with_section(replace(extras, included=True, questions=tuple(questions)))


# -- the story itself -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoryEntry:
    prompt_id: str
    question: str
    answer: str
    """Markdown; empty when the question is printed as blank space to write on."""

    @property
    def blank(self) -> bool:
        return not self.answer.strip()


@dataclass(frozen=True, slots=True)
class StorySection:
    key: str
    title: str
    entries: tuple[StoryEntry, ...]


@dataclass(frozen=True, slots=True)
class StoryDocument:
    title: str
    name: str
    made: date
    sections: tuple[StorySection, ...]
    conversation_page: bool = False
    discuss_note: str = ""
    """What they noted in the stocktake's "Note down anything you would like to discuss"."""
    conversation_points: tuple[str, ...] = ()
    iteration: int | None = None
    iteration_name: str = ""

    @property
    def entries(self) -> tuple[StoryEntry, ...]:
        return tuple(e for s in self.sections for e in s.entries)

    def with_iteration(self, number: int, name: str) -> StoryDocument:
        return replace(self, iteration=number, iteration_name=name)

    def to_json(self) -> dict[str, JsonValue]:
        return {
            "format": DOCUMENT_FORMAT,
            "title": self.title,
            "name": self.name,
            "made": self.made.isoformat(),
            "sections": [
                {
                    "key": s.key,
                    "title": s.title,
                    "entries": [
                        {"prompt_id": e.prompt_id, "question": e.question, "answer": e.answer}
                        for e in s.entries
                    ],
                }
                for s in self.sections
            ],
            "conversation_page": self.conversation_page,
            "discuss_note": self.discuss_note,
            "conversation_points": list(self.conversation_points),
        }

    @classmethod
    def from_json(cls, raw: JsonValue) -> StoryDocument:
        """Reads a stored story; raises ``ValueError`` when it is not one (strictly)."""
        from peerjournal.core.story_codec import parse_document

        return parse_document(raw)


def question_heading(content: m.Content, prompt_id: str) -> str:
    """The quiet heading a question gets in the story."""
    if prompt_id in EXTRA_HEADINGS:
        return EXTRA_HEADINGS[prompt_id]
    prompt = content.prompt(prompt_id)
    if prompt is None:
        return prompt_id
    text = " ".join(prompt.text.split())
    if isinstance(prompt, m.TextPrompt) and prompt.label:
        return f"{prompt.label}: {text}"
    return text


def section_title(content: m.Content, key: str) -> str:
    if key == EXTRAS_KEY:
        return EXTRAS_TITLE
    part = content.part(key)
    return part.title if part else key


def assemble(
    content: m.Content,
    answers_lookup: AnswerLookup,
    options: StoryOptions,
    *,
    today: date | None = None,
) -> StoryDocument:
    """The story the options describe, from the answers as they are now."""
    options = normalise(content, options)
    sections: list[StorySection] = []
    for choice in options.sections:
        if not choice.included:
            continue
        entries: list[StoryEntry] = []
        for q in choice.questions:
            if not q.included or content.prompt(q.prompt_id) is None:
                continue
            answer = answers_lookup(q.prompt_id).strip("\n")
            if not answer.strip() and not options.blank_space:
                continue
            heading = question_heading(content, q.prompt_id)
            entries.append(StoryEntry(q.prompt_id, heading, answer if answer.strip() else ""))
        if entries:
            sections.append(
                StorySection(choice.key, section_title(content, choice.key), tuple(entries))
            )
    discuss = ""
    if options.conversation_page and options.include_discuss_note:
        discuss = answers_lookup(DISCUSS_ID).strip()
    return StoryDocument(
        title=options.shown_title,
        name=options.name.strip(),
        made=today or date.today(),
        sections=tuple(sections),
        conversation_page=options.conversation_page,
        discuss_note=discuss,
        conversation_points=tuple(p.strip() for p in options.conversation_points if p.strip())
        if options.conversation_page
        else (),
    )


# -- saved iterations ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoryIteration:
    """A named, dated snapshot of the story: what it said and how it was chosen."""

    number: int
    name: str
    saved: datetime
    options: StoryOptions
    document: StoryDocument = field(compare=False)

    @staticmethod
    def value(
        name: str, saved: datetime, options: StoryOptions, document: StoryDocument
    ) -> dict[str, JsonValue]:
        return {
            "kind": "story-iteration",
            "format": 1,
            "name": name,
            "saved": saved.isoformat(),
            "options": options.to_json(),
            "document": document.to_json(),
        }

    @classmethod
    def from_value(cls, number: int, raw: dict[str, JsonValue]) -> StoryIteration:
        name = raw.get("name")
        saved = raw.get("saved")
        if not isinstance(name, str) or not isinstance(saved, str):
            raise ValueError("not a story version")
        document = StoryDocument.from_json(raw.get("document"))
        return cls(
            number=number,
            name=name,
            saved=datetime.fromisoformat(saved),
            options=StoryOptions.from_json(raw.get("options")),
            document=document.with_iteration(number, name),
        )


_NOT_IN_FILE_NAMES = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')


def file_name(*parts: str, extension: str = ".pdf") -> str:
    """ "Recovery story – Siân – 2 December 2026.pdf": the parts that have words, joined
    by en dashes, without what a file system refuses; accents and dashes stay."""
    kept = [" ".join(_NOT_IN_FILE_NAMES.sub(" ", part).split()) for part in parts]
    joined = " – ".join(part for part in kept if part).strip(" .")
    return f"{joined[:180].rstrip(' .') or 'Recovery story'}{extension}"
