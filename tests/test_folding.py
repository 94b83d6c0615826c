"""One text folding for search and the language helper: its properties, over any text."""

from __future__ import annotations

import json
import unicodedata

import msgspec
from hypothesis import given, settings
from hypothesis import strategies as hs

from peerjournal.core import language, search
from peerjournal.core.folding import EXTRA_FOLDS, fold, fold_page_json, fold_with_map


@given(hs.text(max_size=80))
@settings(max_examples=500)
def test_folding_whole_and_by_character_agree_and_the_map_points_back(text: str) -> None:
    folded, index = fold_with_map(text)
    assert folded == fold(text)
    assert len(index) == len(folded)
    assert index == sorted(index)
    assert all(0 <= i < len(text) for i in index)
    _each_points_to_its_own_folding(text, folded, index)


def _each_points_to_its_own_folding(text: str, folded: str, index: list[int]) -> None:
    by_origin: dict[int, str] = {}
    for k, i in enumerate(index):
        by_origin[i] = by_origin.get(i, "") + folded[k]
    for i, ch in enumerate(text):
        assert by_origin.get(i, "") == fold(ch), (text, i)


@given(hs.text(max_size=80))
@settings(max_examples=300)
def test_folding_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


def test_search_and_the_language_helper_fold_alike() -> None:
    for text in ("Łukasz’s", "ZOË", "Siân—Dáithí", "Ødegård", "Straße", "ıi", "it‘s ʼok′"):
        assert language.fold(text)[0] == fold(text)
    assert vars(search)["fold"] is fold  # the index folds with the one folding
    assert fold("Łukasz’s") == "lukasz's"


def test_accents_case_and_typography_do_not_matter() -> None:
    assert fold("Zoë Siân Łukasz Ødegård Straße ÆSIR") == "zoe sian lukasz odegard strasse aesir"
    assert fold("“quoted” – dash") == '"quoted" - dash'


def _fold_by_definition(text: str) -> str:
    """The folding as first written: the whole text through NFKD, marks out, casefold."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.casefold().translate(EXTRA_FOLDS).lower()


@given(hs.text(max_size=120))
@settings(max_examples=500)
def test_the_fast_folding_matches_the_definition(text: str) -> None:
    assert fold(text) == _fold_by_definition(text)


_LATIN = hs.text(
    alphabet=hs.sampled_from([*"abcXYZ 'é ëÉŁłøØæßı’“”–—ŵŷÂĳﬁ\t\n", "\u0301", "\u00b2"]),
    max_size=120,
)


@given(_LATIN)
@settings(max_examples=500)
def test_pages_of_latin_names_fold_as_defined(text: str) -> None:
    """Most pages are English with a few names: the path that folds them in C."""
    assert fold(text) == _fold_by_definition(text)
    assert fold(text).isascii()
    folded, index = fold_with_map(text)
    assert folded == fold(text)
    _each_points_to_its_own_folding(text, folded, index)


@given(hs.one_of(hs.text(max_size=120), _LATIN))
@settings(max_examples=800)
def test_a_page_folds_alike_from_its_sealed_json(text: str) -> None:
    """The index folds a page from the bytes it was sealed as: the same as ``fold``."""
    for raw in (
        json.dumps({"text": text}, ensure_ascii=False).encode("utf-8", "surrogatepass"),
        msgspec.json.encode({"text": text}) if _encodable(text) else b"",
    ):
        if raw:
            folded = fold_page_json(raw)
            assert folded is None or folded == fold(text), (text, raw)
            if _encodable(text):
                assert folded == fold(text), (text, raw)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def test_what_is_not_a_page_of_text_is_not_folded_from_json() -> None:
    assert fold_page_json(b'{"text": 3}') is None
    assert fold_page_json(b'{"text": "a", "more": "b"}') is None
    assert fold_page_json(b"[1, 2]") is None
    assert fold_page_json(b'{"text": "\xed\xa0\x80"}') is None  # a lone surrogate's bytes
    assert fold_page_json(b'{"text": "a\x00b"}') is None
    assert fold_page_json(b'{"text": "\xc5\x81ukasz \xe2\x80\x9cQ\xe2\x80\x9d"}') == 'lukasz "q"'
