"""Answers to each kind of prompt: plain values, their JSON form, and their words.

The vault stores JSON; these frozen objects are what everything above it works with.
Each kind's answer type, check and words live with the kind (``core/kinds``); the
functions here dispatch through the registry, so they hold for every kind, including
one registered later. ``validate`` checks an answer against its prompt (a ninth
strength, a rung that does not exist), and ``words`` gives the text that search,
export and the story use.
"""

from __future__ import annotations

from peerjournal.core import kinds
from peerjournal.core.content import model as m
from peerjournal.core.errors import BadAnswer, TooLarge
from peerjournal.core.json_types import JsonValue
from peerjournal.core.kinds.checklist import Check, ChecklistAnswer, ChecklistItem
from peerjournal.core.kinds.choose import ChooseAnswer
from peerjournal.core.kinds.ladder import LadderAnswer
from peerjournal.core.kinds.lessons import LessonsAnswer
from peerjournal.core.kinds.ranked import RankedAnswer, RankedItem
from peerjournal.core.kinds.spec import AnySpec
from peerjournal.core.kinds.spectrum import SpectrumAnswer
from peerjournal.core.kinds.table import TableAnswer
from peerjournal.core.kinds.text import TextAnswer
from peerjournal.core.limits import MAX_TEXT_CHARS

Answer = (
    TextAnswer
    | LadderAnswer
    | ChooseAnswer
    | RankedAnswer
    | TableAnswer
    | SpectrumAnswer
    | ChecklistAnswer
    | LessonsAnswer
)
"""The shipped kinds' answers, for type checking; a registered kind's answer works too."""


def _spec(kind: str) -> AnySpec:
    spec = kinds.spec_of(kind)
    if spec is None:
        raise BadAnswer(reason=f"'{kind}' is not a kind of question peerjournal knows.")
    return spec


def to_json(answer: Answer) -> dict[str, JsonValue]:
    return {"kind": answer.kind, "data": _spec(answer.kind).to_data(answer)}


def from_json(raw: JsonValue) -> Answer:
    """Reads a stored answer; raises ``BadAnswer`` for anything not of the expected shape.

    Parsing is pydantic's, in strict mode, so a value of the wrong type is refused
    whatever Python's flags (``python -O`` removes ``assert``; this removes nothing).
    """
    from peerjournal.core.answer_codec import parse

    try:
        return parse(raw)
    except ValueError as exc:
        raise BadAnswer(reason="it is not in the form this question expects.") from exc


def empty_for(prompt: m.Prompt) -> Answer:
    answer: Answer = _spec(prompt.kind).empty(prompt)
    return answer


def validate(prompt: m.Prompt, answer: Answer) -> None:
    """Refuses an answer its prompt cannot hold, with a reason the participant understands."""
    if answer.kind != prompt.kind:
        raise BadAnswer(reason=f"this question takes a {prompt.kind} answer.")
    spec = _spec(prompt.kind)
    size = sum(len(t) for t in spec.texts(answer))
    if size > MAX_TEXT_CHARS:
        raise TooLarge(size=round(size / 1_000_000, 1), limit=MAX_TEXT_CHARS // 1_000_000)
    spec.validate(prompt, answer)


def is_answered(answer: Answer) -> bool:
    """Whether the participant has put anything into it (nothing is ever required)."""
    return bool(_spec(answer.kind).is_answered(answer))


def words(prompt: m.Prompt, answer: Answer) -> str:
    """The answer as readable text (Markdown), for search, export and the story."""
    if answer.kind != prompt.kind:
        return "\n".join(_spec(answer.kind).texts(answer))
    return str(_spec(prompt.kind).words(prompt, answer))


__all__ = [
    "MAX_TEXT_CHARS",
    "Answer",
    "Check",
    "ChecklistAnswer",
    "ChecklistItem",
    "ChooseAnswer",
    "JsonValue",
    "LadderAnswer",
    "LessonsAnswer",
    "RankedAnswer",
    "RankedItem",
    "SpectrumAnswer",
    "TableAnswer",
    "TextAnswer",
    "empty_for",
    "from_json",
    "is_answered",
    "to_json",
    "validate",
    "words",
]
