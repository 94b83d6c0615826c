"""Comparing two versions of the story: exactly what changed, word by word."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as hs

from peerjournal.core.story import StoryDocument, StoryEntry, StorySection
from peerjournal.core.story_diff import Change, Op, as_text, diff_stories, word_diff


def _doc(entries: dict[tuple[str, str], str], title: str = "T") -> StoryDocument:
    sections: dict[str, list[StoryEntry]] = {}
    for (key, pid), answer in entries.items():
        sections.setdefault(key, []).append(StoryEntry(pid, f"Question {pid}?", answer))
    return StoryDocument(
        title=title,
        name="",
        made=date(2026, 1, 1),
        sections=tuple(StorySection(k, k.title(), tuple(v)) for k, v in sections.items()),
    )


def test_word_diff_shows_exactly_the_words_that_changed() -> None:
    spans = word_diff("I felt lost and alone.", "I felt lost, then found.")
    assert "".join(s.text for s in spans if s.op != Op.INSERT) == "I felt lost and alone."
    assert "".join(s.text for s in spans if s.op != Op.DELETE) == "I felt lost, then found."
    removed = [s.text for s in spans if s.op == Op.DELETE]
    added = [s.text for s in spans if s.op == Op.INSERT]
    assert removed == [" and alone"]
    assert added == [", then found"]


def test_story_diff_reports_changed_added_removed_and_same() -> None:
    old = _doc({("you", "a"): "Same words.", ("you", "b"): "I was stuck.", ("end", "c"): "Gone"})
    new = _doc(
        {("you", "a"): "Same words.", ("you", "b"): "I was moving.", ("you", "d"): "New one"},
        title="T2",
    )
    diff = diff_stories(old, new, old_label="Iteration 1", new_label="Iteration 2")
    changes = {e.prompt_id: e.change for e in diff.entries}
    assert changes == {
        "a": Change.SAME,
        "b": Change.CHANGED,
        "d": Change.ADDED,
        "c": Change.REMOVED,
    }
    (changed,) = [e for e in diff.changes if e.change == Change.CHANGED]
    assert changed.removed == ("stuck",)
    assert changed.added == ("moving",)
    assert "".join(s.text for s in changed.old_spans) == "I was stuck."
    assert "".join(s.text for s in changed.new_spans) == "I was moving."
    assert diff.title_change == ("T", "T2")
    text = as_text(diff)
    assert "I was [-stuck-]{+moving+}." in text
    assert "Same words." not in text


def test_moving_a_question_is_not_a_change() -> None:
    old = _doc({("you", "a"): "One", ("you", "b"): "Two"})
    new = _doc({("you", "b"): "Two", ("you", "a"): "One"})
    diff = diff_stories(old, new)
    assert diff.unchanged
    assert as_text(diff) == "No changes."


@settings(max_examples=200, deadline=None)
@given(hs.text(max_size=120), hs.text(max_size=120))
def test_both_sides_always_rebuild_exactly(old: str, new: str) -> None:
    spans = word_diff(old, new)
    assert "".join(s.text for s in spans if s.op != Op.INSERT) == old
    assert "".join(s.text for s in spans if s.op != Op.DELETE) == new
    if old == new:
        assert all(s.op == Op.EQUAL for s in spans)
