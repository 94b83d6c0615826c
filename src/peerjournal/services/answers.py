"""Answers to the programme's prompts: read, save (validated), history and restore."""

from __future__ import annotations

import threading
from datetime import datetime

import msgspec

from peerjournal.core import answers as a
from peerjournal.core.content import model as m
from peerjournal.core.documents import answer_name, prompt_of
from peerjournal.core.errors import BadAnswer, UnknownPrompt
from peerjournal.core.json_types import JsonValue
from peerjournal.core.kinds.ladder import LadderMark
from peerjournal.core.vault.records import Document, Fold, SaveResult
from peerjournal.services.events import Changes, SessionState
from peerjournal.services.session import VaultSession


class AnswerVersion(msgspec.Struct, frozen=True):
    seq: int
    started: datetime
    saved: datetime
    answer: a.Answer | None
    """None when a stored version cannot be read as this prompt's kind any more."""


class EarlierAnswer(msgspec.Struct, frozen=True):
    """An answer whose prompt is no longer in the content: kept and shown, never deleted."""

    prompt_id: str
    saved: datetime
    text: str


class AnswerService:
    def __init__(self, session: VaultSession, content: m.Content) -> None:
        self._session = session
        self._content = content
        self._cache: dict[str, tuple[JsonValue, datetime]] = {}
        # Parsed answers, made once per saved value: progress is counted over every
        # answer after each save, and parsing them all each time showed on the UI thread.
        # Answers are frozen, so one object can be handed to every caller.
        self._parsed: dict[str, a.Answer | None] = {}
        self._guard = threading.Lock()
        session.add_loader(self._load)
        session.hub.subscribe(self._on_change)

    def _load(self, documents: list[Document]) -> None:
        with self._guard:
            self._cache = {
                pid: (doc.value, doc.saved)
                for doc in documents
                if (pid := prompt_of(doc.name)) is not None
            }
            self._parsed = {}

    def _on_change(self, changes: Changes) -> None:
        if changes.session not in (None, SessionState.UNLOCKED):
            with self._guard:
                self._cache.clear()
                self._parsed.clear()

    def unreadable(self) -> set[str]:
        """Questions whose saved answer could not be read at unlock (damaged, not lost)."""
        vault = self._session.reader
        return {pid for d in vault.unreadable if (pid := prompt_of(d.where)) is not None}

    def prompt(self, prompt_id: str) -> m.Prompt:
        prompt = self._content.prompt(prompt_id)
        if prompt is None:
            raise UnknownPrompt(prompt_id=prompt_id)
        return prompt

    def get(self, prompt_id: str) -> a.Answer | None:
        self._session.reader  # noqa: B018 - raises VaultLocked when locked
        return self._answer(prompt_id)

    def _answer(self, prompt_id: str) -> a.Answer | None:
        with self._guard:
            cached = self._cache.get(prompt_id)
            if cached is None:
                return None
            if prompt_id in self._parsed:
                return self._parsed[prompt_id]
        answer = _parsed(cached[0])
        with self._guard:
            if self._cache.get(prompt_id) is cached:
                self._parsed[prompt_id] = answer
        return answer

    def saved_at(self, prompt_id: str) -> datetime | None:
        with self._guard:
            cached = self._cache.get(prompt_id)
        return cached[1] if cached else None

    def all(self) -> dict[str, a.Answer]:
        with self._guard:
            ids = list(self._cache)
        out: dict[str, a.Answer] = {}
        for pid in ids:
            answer = self._answer(pid)
            if answer is not None:
                out[pid] = answer
        return out

    def save(self, prompt_id: str, answer: a.Answer, *, fold: bool = True) -> SaveResult:
        """Saves an answer; ``fold=False`` always keeps it as a version of its own.

        Otherwise a ladder keeps one mark a day (a later pick that day corrects it) and
        every other kind folds only while typing goes on in one sitting (see ``Fold``).
        """
        prompt = self.prompt(prompt_id)
        a.validate(prompt, answer)
        raw = a.to_json(answer)
        policy = (
            Fold.NEVER
            if not fold
            else Fold.DAY
            if isinstance(answer, a.LadderAnswer)
            else Fold.SITTING
        )
        result = self._session.vault.save(
            answer_name(prompt_id), raw, fold=policy, blank=not a.is_answered(answer)
        )
        with self._guard:
            self._cache[prompt_id] = (raw, result.saved)
            self._parsed.pop(prompt_id, None)
        if not result.unchanged:
            self._session.hub.notify(Changes(answers=frozenset({prompt_id})))
        return result

    def history(self, prompt_id: str) -> list[AnswerVersion]:
        versions = self._session.reader.history(answer_name(prompt_id))
        out = []
        for v in versions:
            try:
                answer: a.Answer | None = a.from_json(v.body.value)
            except BadAnswer:
                answer = None
            out.append(AnswerVersion(v.seq, v.body.started, v.body.saved, answer))
        return out

    def restore(self, prompt_id: str, seq: int) -> SaveResult:
        """Makes an earlier version current again, as a new version (nothing is lost)."""
        for version in self.history(prompt_id):
            if version.seq == seq and version.answer is not None:
                return self.save(prompt_id, version.answer, fold=False)
        raise BadAnswer(reason="that earlier version cannot be found.")

    def ladder_history(self, prompt_id: str) -> list[tuple[datetime, int]]:
        """The dated snapshots of a ladder, oldest first."""
        return [(mark.when, mark.rung) for mark in self.ladder_marks(prompt_id)]

    def ladder_marks(self, prompt_id: str) -> list[LadderMark]:
        """Each dated mark of a ladder with its note, oldest first."""
        return [
            LadderMark(v.saved, v.answer.rung, v.answer.note)
            for v in self.history(prompt_id)
            if isinstance(v.answer, a.LadderAnswer) and v.answer.rung > 0
        ]

    def earlier_answers(self) -> list[EarlierAnswer]:
        with self._guard:
            items = list(self._cache.items())
        out = []
        for pid, (raw, saved) in items:
            if self._content.prompt(pid) is None:
                out.append(EarlierAnswer(pid, saved, loose_text(raw)))
        return sorted(out, key=lambda e: e.saved, reverse=True)

    def text_of(self, prompt_id: str) -> str:
        """Readable words of an answer, or '' when there is none."""
        answer = self.get(prompt_id)
        prompt = self._content.prompt(prompt_id)
        if answer is None:
            with self._guard:
                cached = self._cache.get(prompt_id)
            return loose_text(cached[0]) if cached else ""
        if prompt is None or prompt.kind != answer.kind:
            return loose_text(a.to_json(answer))
        return a.words(prompt, answer)


def _parsed(raw: JsonValue) -> a.Answer | None:
    try:
        return a.from_json(raw)
    except BadAnswer:
        return None


def loose_text(raw: JsonValue) -> str:
    """Every piece of text inside a stored value, for answers whose prompt has gone."""
    parts: list[str] = []

    def walk(value: JsonValue, key: str = "") -> None:
        if isinstance(value, str):
            if key not in ("kind", "state") and value.strip():
                parts.append(value)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)

    walk(raw)
    return "\n\n".join(parts)


__all__ = ["AnswerService", "AnswerVersion", "EarlierAnswer", "loose_text"]
