"""The PDF's right-to-left order matches the Unicode Bidirectional Algorithm.

``export.bidi`` works on runs (words, numbers, punctuation) so that a shaped word can move
whole; here its character-level result is compared with python-bidi's implementation of
UAX #9 for any mix of Hebrew, Arabic, Latin, numbers in both digit sets, currency,
brackets and punctuation, in paragraphs of either direction.
"""

from __future__ import annotations

from bidi.algorithm import get_display
from hypothesis import given, settings
from hypothesis import strategies as hs

from peerjournal.export import bidi

PIECES = [
    "שלום", "עולם", "חלק", "محمد", "سارة", "abc", "Siân", "25", "3.5", "2015", "۲۰۱۵",
    "٢٠١٥", ",", ".", "،", "(", ")", "[", "]", "«", "»", "!", "?", ":", "-", "+", "/",
    " ", " ", '"', "'", "%", "£",
]  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(hs.lists(hs.sampled_from(PIECES), min_size=1, max_size=10), hs.booleans())
def test_runs_give_the_reference_order(pieces: list[str], rtl: bool) -> None:
    text = "".join(pieces)
    assert bidi.display(text, rtl) == get_display(text, base_dir="R" if rtl else "L")


def test_examples_a_reader_would_check() -> None:
    # Visual order, left to right, letter by letter (as a reader's eye meets them).
    # An English sentence holding an Arabic name of two words: the name reads right to left.
    assert bidi.display("My friend محمد علي came") == "My friend يلع دمحم came"
    # A Hebrew paragraph with a bracketed number: the brackets still enclose it.
    assert bidi.display("שלום (חלק 1) סוף", rtl=True) == "ףוס (1 קלח) םולש"
    # A year in an Urdu sentence keeps its digits in order.
    assert bidi.display("جو ۲۰۱۵ میں", rtl=True) == "ںیم ۲۰۱۵ وج"


def test_the_paragraph_direction_is_its_first_letter() -> None:
    assert bidi.is_rtl(bidi.text_kind("25 شلום"))
    assert bidi.text_kind("(25) Siân שלום") == bidi.L
    assert bidi.text_kind("25, 3") == bidi.NUMBER
