"""In-memory search: accent- and case-insensitive, every word must match, snippets marked."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from peerjournal.core import answers as a
from peerjournal.core import search as search_module
from peerjournal.core.folding import fold, fold_with_map
from peerjournal.core.search import SearchIndex, entry, plain, search_stream
from peerjournal.services.container import Services
from peerjournal.services.search import SearchService, page_title
from tests.conftest import PASSPHRASE


def test_folding_handles_accents_and_special_letters() -> None:
    assert fold("Zoë Siân Łukasz Ødegård Straße ÆSIR") == "zoe sian lukasz odegard strasse aesir"


@given(st.text(max_size=60))
def test_fold_map_points_back_into_the_original(text: str) -> None:
    folded, index = fold_with_map(text)
    assert len(folded) == len(index)
    assert all(0 <= i < len(text) for i in index)


def _index() -> SearchIndex:
    index = SearchIndex()
    index.put("journal:2026-01-01", "Page one", "Walked with Zoë by the river. It rained.")
    index.put(
        "journal:2026-02-01", "Page two", "Łukasz called; we talked about hope and the river."
    )
    index.put("answer:x", "Question", "My strengths are empathy and patience.")
    return index


def test_every_word_must_match_and_case_does_not_matter() -> None:
    index = _index()
    assert [h.name for h in index.search("ZOE river")] == ["journal:2026-01-01"]
    assert {h.name for h in index.search("river")} == {"journal:2026-01-01", "journal:2026-02-01"}
    assert index.search("river empathy") == []
    assert [h.name for h in index.search("lukasz")] == ["journal:2026-02-01"]


def test_quoted_phrases_match_as_written() -> None:
    index = _index()
    assert [h.name for h in index.search('"about hope"')] == ["journal:2026-02-01"]
    assert index.search('"hope about"') == []


def test_snippets_mark_the_matches_in_the_original_text() -> None:
    hit = _index().search("zoe")[0]
    start, end = hit.highlights[0]
    assert hit.snippet[start:end] == "Zoë"


def test_newer_pages_come_first_among_equals() -> None:
    names = [h.name for h in _index().search("river")]
    assert names == ["journal:2026-02-01", "journal:2026-01-01"]


def test_empty_queries_find_nothing() -> None:
    assert _index().search("   ") == []


def test_long_texts_give_short_snippets() -> None:
    index = SearchIndex()
    index.put("a", "T", "word " * 5000 + "needle " + "word " * 5000)
    hit = index.search("needle")[0]
    assert len(hit.snippet) < 200 and "needle" in hit.snippet


def test_search_service_follows_saves_and_forgets_at_lock(services: Services) -> None:
    services.answers.save("m1.s1.positive", a.TextAnswer("Meeting Siân gave me hope"))
    services.pages.save(date(2026, 11, 2), "A quiet day with Zoë")
    results = services.search.search("sian")
    assert results[0].prompt_id == "m1.s1.positive" and results[0].part_id == "m1.s1"
    assert services.search.search("zoe")[0].day == date(2026, 11, 2)
    services.answers.save("m1.s1.positive", a.TextAnswer("Changed my mind"))
    assert services.search.search("sian") == []
    services.session.lock()
    assert len(services.search) == 0


def test_structured_answers_are_searchable(services: Services) -> None:
    services.answers.save("m1.s4.strengths", a.ChooseAnswer(("empathy",)))
    services.answers.save("m1.s3.values", a.RankedAnswer((a.RankedItem("Kindness", "to Zoë"),)))
    assert services.search.search("empathy")[0].prompt_id == "m1.s4.strengths"
    assert services.search.search("kindness zoe")[0].prompt_id == "m1.s3.values"


def test_snippets_leave_out_markdown_markers() -> None:
    index = SearchIndex()
    index.put("answer:x", "Q", "- **People**: Siân and *Zoë*\n> a quote about 3 * 4")
    hit = index.search("people")[0]
    assert hit.snippet == "People: Siân and Zoë a quote about 3 * 4"
    assert index.search('"people: sian"')


_WORDS = st.sampled_from(["river", "Zoë", "zoe", "hope", "**hope**", "Łukasz", "tea", " ", "\n"])
_PAGES = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=40),  # the day: equal orders must tie alike
        st.lists(_WORDS, max_size=12).map(" ".join),
    ),
    max_size=25,
)
_QUERIES = st.sampled_from(["river", "zoe hope", "lukasz", '"river zoe"', "tea", "", "daily"])


@given(_PAGES, _QUERIES, st.integers(min_value=1, max_value=8))
def test_a_streamed_search_finds_what_the_index_finds(
    pages: list[tuple[int, str]], query: str, limit: int
) -> None:
    """The command line's one-pass search and the window's index rank alike, ties too."""
    items = [
        (f"journal:{n}", f"Daily {day}", text, f"2026-01-{day:02d}")
        for n, (day, text) in enumerate(pages)
    ]
    index = SearchIndex()
    for name, title, text, order in items:
        index.put(name, title, text, order=order)
    assert search_stream(iter(items), query, limit=limit) == index.search(query, limit=limit)


@given(
    st.text(alphabet=st.sampled_from([*"ab *_Zoë\n", "\u0301", "\uff0a"]), max_size=40),
    st.text(max_size=10),
)
def test_an_entry_is_folded_as_the_title_and_the_text_without_bold_markers(
    text: str, title: str
) -> None:
    matched = text.replace("**", "").replace("__", "")
    assert entry("n", title, text).folded == fold(f"{title}\n{matched}")


@given(st.text(alphabet=st.sampled_from([*"ab *_#>-+1.)\n\t  "]), max_size=80))
def test_markers_come_out_alike_whichever_pattern_runs(text: str) -> None:
    """A text with no * or _ goes through the line-start pattern alone: the same result."""
    whole = vars(search_module)["_MARKUP"]
    assert plain(text) == whole.sub("", text)
    without = text.replace("*", "").replace("_", "")
    assert plain(without) == whole.sub("", without)


_HARD_PAGES = [
    "Walked with Łukasz and Zoë; “hope” – again",
    "A **bold** hope and a snake_case word",
    "   ",
    "\u00a0\u3000",
    "\u0301\u0301",
    "Ελπίδα and hope 🌱 in 王芳's garden",
    'Quotes " and back\\slashes \\n and a tab\there',
    "Line one\nLine two\r\nHOPE\x01",
    "Siân’s tea, Dáithí’s hope",
    "",
]
_HARD_QUERIES = ["hope", "lukasz", '"hope" again', "ελπιδα", "sian's", "\\n", "tea", "bold", "case"]


def test_pages_folded_from_their_sealed_json_search_as_the_text_itself(
    services: Services,
) -> None:
    """After an unlock the window's index and the command line fold pages from the JSON
    they were sealed as; both find what an index of the texts themselves finds."""
    for n, text in enumerate(_HARD_PAGES):
        services.pages.save(date(2026, 3, 1 + n), text)
    services.session.lock()
    services.session.unlock(PASSPHRASE)
    quick = {d.name for d in services.session.read_all() if SearchService._page_entry(d)}
    assert len(quick) == 5  # the JSON path is the one taken (bold, blank: the usual way)
    by_hand = SearchIndex()
    for n, text in enumerate(_HARD_PAGES):
        day = date(2026, 3, 1 + n)
        by_hand.put(f"journal:{day.isoformat()}", page_title(day), text, order=day.isoformat())
    for query in _HARD_QUERIES:
        expected = [(h.name, h.snippet, h.score) for h in by_hand.search(query)]
        found = services.search.search(query)
        streamed = services.search.search_all(query)
        assert [(r.title, r.snippet) for r in found] == [(r.title, r.snippet) for r in streamed]
        assert [r.snippet for r in found] == [snippet for _n, snippet, _s in expected], query
        assert [r.text for r in found] == [
            _HARD_PAGES[(date.fromisoformat(n[8:]) - date(2026, 3, 1)).days]
            for n, _snip, _s in expected
        ]
