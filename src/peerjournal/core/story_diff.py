"""What changed between two versions of the story, word by word, question by question.

Entries are matched by section and prompt id (never by position), so moving a question
or a section is not reported as a change of its words. Each answer is split into words,
spaces and punctuation, and ``difflib`` finds the smallest set of words removed and
added. Joining the ``old`` side's spans gives the old answer exactly, and the ``new``
side's spans the new one, so a side-by-side view can show both with highlights.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum

from peerjournal.core.story import StoryDocument, StoryEntry

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


class Op(StrEnum):
    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


class Change(StrEnum):
    SAME = "same"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True, slots=True)
class Span:
    op: Op
    text: str


@dataclass(frozen=True, slots=True)
class EntryDiff:
    section_key: str
    section_title: str
    prompt_id: str
    question: str
    change: Change
    old: str
    new: str
    spans: tuple[Span, ...]

    @property
    def old_spans(self) -> tuple[Span, ...]:
        """What the left (older) side shows: unchanged words and removed words."""
        return tuple(s for s in self.spans if s.op != Op.INSERT)

    @property
    def new_spans(self) -> tuple[Span, ...]:
        """What the right (newer) side shows: unchanged words and added words."""
        return tuple(s for s in self.spans if s.op != Op.DELETE)

    @property
    def removed(self) -> tuple[str, ...]:
        return tuple(s.text for s in self.spans if s.op == Op.DELETE)

    @property
    def added(self) -> tuple[str, ...]:
        return tuple(s.text for s in self.spans if s.op == Op.INSERT)


@dataclass(frozen=True, slots=True)
class StoryDiff:
    old_label: str
    new_label: str
    title_change: tuple[str, str] | None
    name_change: tuple[str, str] | None
    entries: tuple[EntryDiff, ...]

    @property
    def changes(self) -> tuple[EntryDiff, ...]:
        return tuple(e for e in self.entries if e.change != Change.SAME)

    @property
    def unchanged(self) -> bool:
        return not self.changes and self.title_change is None and self.name_change is None


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> tuple[Span, ...]:
    a, b = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    spans: list[Span] = []

    def add(op: Op, parts: list[str]) -> None:
        text = "".join(parts)
        if not text:
            return
        if spans and spans[-1].op == op:
            spans[-1] = Span(op, spans[-1].text + text)
        else:
            spans.append(Span(op, text))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add(Op.EQUAL, a[i1:i2])
        else:
            add(Op.DELETE, a[i1:i2])
            add(Op.INSERT, b[j1:j2])
    return tuple(_absorb_lone_spaces(spans))


def _absorb_lone_spaces(spans: list[Span]) -> list[Span]:
    """A single unchanged space between two changes reads better as part of them."""
    out: list[Span] = []
    i = 0
    while i < len(spans):
        span = spans[i]
        if (
            span.op == Op.EQUAL
            and not span.text.strip()
            and 0 < i < len(spans) - 1
            and spans[i - 1].op != Op.EQUAL
            and spans[i + 1].op != Op.EQUAL
        ):
            out.append(Span(Op.DELETE, span.text))
            out.append(Span(Op.INSERT, span.text))
        else:
            out.append(span)
        i += 1
    merged: list[Span] = []
    deletes: list[str] = []
    inserts: list[str] = []
    for span in out:
        if span.op == Op.EQUAL:
            if deletes:
                merged.append(Span(Op.DELETE, "".join(deletes)))
            if inserts:
                merged.append(Span(Op.INSERT, "".join(inserts)))
            deletes, inserts = [], []
            merged.append(span)
        elif span.op == Op.DELETE:
            deletes.append(span.text)
        else:
            inserts.append(span.text)
    if deletes:
        merged.append(Span(Op.DELETE, "".join(deletes)))
    if inserts:
        merged.append(Span(Op.INSERT, "".join(inserts)))
    return merged


def _keyed(doc: StoryDocument) -> dict[tuple[str, str], tuple[str, StoryEntry]]:
    return {(s.key, e.prompt_id): (s.title, e) for s in doc.sections for e in s.entries}


def diff_stories(
    old: StoryDocument, new: StoryDocument, *, old_label: str = "", new_label: str = ""
) -> StoryDiff:
    """Every question in either version, in the newer version's order (removed ones last)."""
    before = _keyed(old)
    after = _keyed(new)
    order = list(after) + [k for k in before if k not in after]
    entries: list[EntryDiff] = []
    for key in order:
        section_key, prompt_id = key
        old_pair = before.get(key)
        new_pair = after.get(key)
        old_text = old_pair[1].answer if old_pair else ""
        new_text = new_pair[1].answer if new_pair else ""
        pair = new_pair or old_pair
        if pair is None:  # cannot happen: every key comes from one of the two
            continue
        title, entry = pair
        if old_pair is None:
            change = Change.ADDED
        elif new_pair is None:
            change = Change.REMOVED
        elif old_text == new_text:
            change = Change.SAME
        else:
            change = Change.CHANGED
        entries.append(
            EntryDiff(
                section_key=section_key,
                section_title=title,
                prompt_id=prompt_id,
                question=entry.question,
                change=change,
                old=old_text,
                new=new_text,
                spans=word_diff(old_text, new_text),
            )
        )
    return StoryDiff(
        old_label=old_label,
        new_label=new_label,
        title_change=(old.title, new.title) if old.title != new.title else None,
        name_change=(old.name, new.name) if old.name != new.name else None,
        entries=tuple(entries),
    )


def as_text(diff: StoryDiff) -> str:
    """A plain rendering for the command line: [-removed-] and {+added+}, git's word style."""
    lines: list[str] = []
    if diff.title_change:
        lines.append(f"Title: [-{diff.title_change[0]}-]{{+{diff.title_change[1]}+}}")
    if diff.name_change:
        lines.append(f"Name: [-{diff.name_change[0]}-]{{+{diff.name_change[1]}+}}")
    for e in diff.changes:
        if lines:
            lines.append("")
        label = {
            Change.CHANGED: "changed",
            Change.ADDED: "added",
            Change.REMOVED: "removed",
            Change.SAME: "",
        }[e.change]
        lines.append(f"## {e.section_title}: {e.question} ({label})")
        body = "".join(
            s.text
            if s.op == Op.EQUAL
            else (f"[-{s.text}-]" if s.op == Op.DELETE else f"{{+{s.text}+}}")
            for s in e.spans
        )
        lines.append(body)
    if not lines:
        lines.append("No changes.")
    return "\n".join(lines)
