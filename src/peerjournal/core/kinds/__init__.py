"""The registry of prompt kinds: every dispatch on a kind goes through here.

Each entry is one folder of ``core/kinds`` (its ``SPEC``; its pack schema in
``pack.py``), and its spec names its editor. Adding a kind: write its folder and its
editor, add one line below, and use it in a content pack. ``register`` adds a kind at
run time (a test does, with a kind that exists only in the tests).
"""

from __future__ import annotations

from peerjournal.core.kinds import checklist, choose, ladder, lessons, ranked, spectrum, table, text
from peerjournal.core.kinds.spec import AnySpec

_KINDS: dict[str, AnySpec] = {}


def register(spec: AnySpec) -> None:
    """Adds (or replaces) a kind; the content schema and the stored-answer reader follow."""
    _KINDS[spec.name] = spec
    from peerjournal.core import answer_codec
    from peerjournal.core.content import schema

    answer_codec.forget()
    schema.forget()


def unregister(name: str) -> None:
    """Takes a kind away again (a test's kind, after the test)."""
    _KINDS.pop(name, None)
    from peerjournal.core import answer_codec
    from peerjournal.core.content import schema

    answer_codec.forget()
    schema.forget()


def spec_of(name: str) -> AnySpec | None:
    return _KINDS.get(name)


def specs() -> tuple[AnySpec, ...]:
    return tuple(_KINDS.values())


def names() -> tuple[str, ...]:
    return tuple(_KINDS)


for _spec in (
    text.SPEC,
    ladder.SPEC,
    choose.SPEC,
    ranked.SPEC,
    table.SPEC,
    spectrum.SPEC,
    checklist.SPEC,
    lessons.SPEC,
):
    _KINDS[_spec.name] = _spec

__all__ = ["names", "register", "spec_of", "specs", "unregister"]
