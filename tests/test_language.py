"""The recovery-language helper: it finds, suggests and explains; it never changes text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as hs

from peerjournal.core.content import model as m
from peerjournal.core.language import LanguageChecker, find_phrases

PHRASES = (
    m.Phrase("suffers from", "lives with", "Not only suffering."),
    m.Phrase("relapse", "setback", "Keeps hope in view."),
    m.Phrase("relapsed", "had a setback", "Part of many journeys."),
    m.Phrase("in denial", "not ready yet", "Their own time."),
    m.Phrase("naïve", "new to this", "Kinder."),
    m.Phrase("attention-seeking", "seeking connection", "A human need."),
)


def test_finds_whole_phrases_case_insensitively_with_spans() -> None:
    text = "She SUFFERS  FROM anxiety.\nHe relapsed; a Relapse is not the end."
    found = find_phrases(text, PHRASES)
    assert [(f.text, f.suggest) for f in found] == [
        ("SUFFERS  FROM", "lives with"),
        ("relapsed", "had a setback"),
        ("Relapse", "setback"),
    ]
    for f in found:
        assert text[f.start : f.end] == f.text
        assert f.why


def test_whole_words_only() -> None:
    assert find_phrases("relapses, prelapse, relapsedness", PHRASES) == []
    assert find_phrases("in denials", PHRASES) == []


def test_phrases_match_across_a_line_break() -> None:
    found = find_phrases("they said I was in\ndenial", PHRASES)
    assert [f.text for f in found] == ["in\ndenial"]


def test_accents_are_handled_both_ways() -> None:
    assert [f.text for f in find_phrases("I was naive then", PHRASES)] == ["naive"]
    assert [f.text for f in find_phrases("I was NAÏVE then", PHRASES)] == ["NAÏVE"]
    decomposed = "so nai\u0308ve"  # ï as i + combining diaeresis
    (match,) = find_phrases(decomposed, PHRASES)
    assert match.text == "nai\u0308ve"
    assert decomposed[match.start : match.end] == "nai\u0308ve"
    assert find_phrases("Siân relapsed", PHRASES)[0].start == len("Siân ")


def test_hyphenated_phrases_match_with_hyphens_only() -> None:
    assert [f.text for f in find_phrases("so attention-seeking", PHRASES)] == ["attention-seeking"]
    assert [f.text for f in find_phrases("so attention\u2011seeking", PHRASES)] == [
        "attention\u2011seeking"
    ]


def test_the_shipped_phrases_and_a_pack_of_ones_own(content: m.Content) -> None:
    own = (*content.phrases, m.Phrase("service user", "person", "Our organisation's choice."))
    checker = LanguageChecker(own)
    found = checker.matches("A service user who committed suicide… a psycho, they said.")
    assert {f.find for f in found} == {"service user", "committed suicide", "psycho"}
    assert checker.matches("") == []
    assert LanguageChecker([]).matches("relapse") == []


def test_nothing_is_changed_and_duplicates_keep_the_first() -> None:
    text = "a relapse"
    checker = LanguageChecker([*PHRASES, m.Phrase("Relapse", "other", "later")])
    (found,) = checker.matches(text)
    assert found.suggest == "setback"
    assert text == "a relapse"


@settings(max_examples=150, deadline=None)
@given(hs.text(max_size=200))
def test_spans_always_point_into_the_original_text(text: str) -> None:
    checker = LanguageChecker(PHRASES)
    for f in checker.matches(text + " relapse " + text):
        full = text + " relapse " + text
        assert 0 <= f.start < f.end <= len(full)
        assert full[f.start : f.end] == f.text
