"""How far the participant has got: per part, per programme, overall. Nothing is required."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from peerjournal.core import answers as a
from peerjournal.core.content import model as m

AnswerLookup = Callable[[str], a.Answer | None]


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int
    unit: str = "answered"

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0

    def label(self) -> str:
        return f"{self.done} of {self.total} {self.unit}"

    def __add__(self, other: Progress) -> Progress:
        return Progress(self.done + other.done, self.total + other.total, "answered")


def _answered(prompts: Iterable[m.Prompt], lookup: AnswerLookup) -> Progress:
    done = total = 0
    for prompt in prompts:
        if isinstance(prompt, m.LessonsPrompt):
            continue
        total += 1
        answer = lookup(prompt.id)
        if answer is not None and a.is_answered(answer):
            done += 1
    return Progress(done, total)


def part_progress(part: m.Part, lookup: AnswerLookup) -> Progress:
    """A course session counts its lessons ("3 of 11 lessons"), any other part its answers."""
    lessons = [p for p in part.prompts if isinstance(p, m.LessonsPrompt)]
    if lessons:
        done = total = 0
        for prompt in lessons:
            answer = lookup(prompt.id)
            total += prompt.count
            if isinstance(answer, a.LessonsAnswer):
                done += len(answer.done)
        return Progress(done, total, "lessons")
    return _answered(part.prompts, lookup)


def programme_progress(programme: m.Programme, lookup: AnswerLookup) -> Progress:
    return _answered(programme.prompts, lookup)


def overall_progress(content: m.Content, lookup: AnswerLookup) -> Progress:
    return _answered(content.prompts(), lookup)
