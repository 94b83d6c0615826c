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
        unit = self.unit if self.unit == other.unit else "done"
        return Progress(self.done + other.done, self.total + other.total, unit)


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
    """Every answer and every lesson of the part, one each: a course session with 11
    lessons and 2 questions is "x of 13 done"; a part with no lessons, "x of 6 answered"."""
    answered = _answered(part.prompts, lookup)
    lessons = [p for p in part.prompts if isinstance(p, m.LessonsPrompt)]
    if not lessons:
        return answered
    done = total = 0
    for prompt in lessons:
        answer = lookup(prompt.id)
        total += prompt.count
        if isinstance(answer, a.LessonsAnswer):
            done += len({n for n in answer.done if 1 <= n <= prompt.count})
    return Progress(answered.done + done, answered.total + total, "done")


def programme_progress(programme: m.Programme, lookup: AnswerLookup) -> Progress:
    """The sum of its parts, so the totals the sidebar shows add up."""
    return _sum((part_progress(part, lookup) for part in programme.parts), "answered")


def overall_progress(content: m.Content, lookup: AnswerLookup) -> Progress:
    return _sum((programme_progress(p, lookup) for p in content.programmes), "answered")


def _sum(parts: Iterable[Progress], unit: str) -> Progress:
    total = Progress(0, 0, unit)
    first = True
    for progress in parts:
        total = progress if first else total + progress
        first = False
    return total
