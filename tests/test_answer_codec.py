"""Stored answers round-trip exactly, kind by kind, and anything else is refused calmly.

Run under ``python -O`` too (``make test`` does): parsing must not rest on ``assert``.
"""

from __future__ import annotations

import json
from typing import TypeVar

from hypothesis import given, settings
from hypothesis import strategies as hs

from peerjournal.core import answers as a
from peerjournal.core import story as st
from peerjournal.core.errors import BadAnswer

text = hs.text(max_size=60)
ident = hs.text(alphabet="abcdefghijklmnopqrstuvwxyz-.0123456789", min_size=1, max_size=12)


V = TypeVar("V")


def _unique(pairs: list[tuple[str, V]]) -> list[tuple[str, V]]:
    return list(dict(pairs).items())


ANSWERS = {
    "text": hs.builds(a.TextAnswer, text),
    "ladder": hs.builds(a.LadderAnswer, hs.integers(0, 10), text),
    "choose": hs.lists(ident, unique=True, max_size=8).map(lambda c: a.ChooseAnswer(tuple(c))),
    "ranked": hs.lists(hs.builds(a.RankedItem, text, text), max_size=5).map(
        lambda items: a.RankedAnswer(tuple(items))
    ),
    "table": hs.lists(hs.tuples(ident, text), max_size=8)
    .map(_unique)
    .map(lambda n: a.TableAnswer(tuple(n))),
    "spectrum": hs.lists(hs.tuples(ident, hs.integers(0, 100)), max_size=6)
    .map(_unique)
    .map(lambda p: a.SpectrumAnswer(tuple(p))),
    "checklist": hs.lists(
        hs.tuples(ident, hs.builds(a.ChecklistItem, hs.sampled_from(list(a.Check)), text)),
        max_size=5,
    )
    .map(_unique)
    .map(lambda i: a.ChecklistAnswer(tuple(i))),
    "lessons": hs.lists(hs.integers(1, 24), unique=True, max_size=24).map(
        lambda d: a.LessonsAnswer(tuple(sorted(d)))
    ),
}


def _through_the_vault(answer: a.Answer) -> a.Answer:
    return a.from_json(json.loads(json.dumps(a.to_json(answer), ensure_ascii=False)))


def test_every_kind_has_a_strategy() -> None:
    from peerjournal.core.content.model import Kind

    assert set(ANSWERS) == {k.value for k in Kind} - {"reading"}  # reading holds no answer


@given(hs.one_of(*ANSWERS.values()))
@settings(max_examples=400)
def test_each_kind_round_trips_exactly(answer: a.Answer) -> None:
    assert _through_the_vault(answer) == answer


json_values = hs.recursive(
    hs.none() | hs.booleans() | hs.integers() | hs.floats(allow_nan=False) | text,
    lambda inner: hs.lists(inner, max_size=4) | hs.dictionaries(text, inner, max_size=4),
    max_leaves=12,
)


@given(hs.sampled_from(list(ANSWERS)), json_values)
@settings(max_examples=400)
def test_any_other_shape_is_refused_as_bad_answer(kind: str, data: object) -> None:
    try:
        parsed = a.from_json({"kind": kind, "data": data})  # type: ignore[dict-item]
    except BadAnswer:
        return
    assert parsed.kind == kind  # whatever is accepted is a real answer of that kind


@given(json_values)
@settings(max_examples=200)
def test_a_story_version_of_any_other_shape_is_a_value_error(raw: object) -> None:
    try:
        st.StoryDocument.from_json(raw)  # type: ignore[arg-type]
    except ValueError:
        return
