"""Broken and hostile content packs: each is skipped with file, line and fix; the rest loads."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerjournal.core.content import model as m
from peerjournal.core.content.loader import load_content, load_files, pack_files, shipped_packs_dir
from peerjournal.core.content.yaml_reader import read_yaml
from peerjournal.core.errors import ContentPackError

GOOD = """\
peerjournal_pack: 1
id: myorg
title: My organisation
parts:
  - id: myorg.s1
    title: Session one
    items:
      - kind: text
        id: myorg.s1.hopes
        text: What are you hoping for?
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_shipped_content_loads_every_kind(content: m.Content) -> None:
    kinds = {p.kind for p in content.prompts()}
    readings = [
        i
        for prog in content.programmes
        for part in prog.parts
        for i in part.items
        if isinstance(i, m.Reading)
    ]
    assert kinds == set(m.Kind) - {m.Kind.READING}
    assert readings
    assert content.daily_prompts and content.phrases and content.contacts


def test_ids_are_unique_across_everything(content: m.Content) -> None:
    ids: list[str] = [prog.id for prog in content.programmes]
    ids += [part.id for prog in content.programmes for part in prog.parts]
    ids += [item.id for prog in content.programmes for part in prog.parts for item in part.items]
    assert len(ids) == len(set(ids))


def test_an_extra_pack_in_the_data_folder_is_loaded(tmp_path: Path) -> None:
    write(tmp_path, "mine.yaml", GOOD)
    content = load_content([tmp_path])
    assert not content.problems
    assert content.prompt("myorg.s1.hopes") is not None
    assert content.programme("module-1") is not None


BROKEN = [
    pytest.param(
        "bad.yaml",
        GOOD.replace("    title: Session one\n", "    title: Session one\n   bad: [\n"),
        7,
        "not valid YAML",
        id="bad-yaml",
    ),
    pytest.param(
        "kind.yaml", GOOD.replace("kind: text", "kind: essay"), 8, "kind 'essay'", id="unknown-kind"
    ),
    pytest.param(
        "dup.yaml",
        GOOD + "      - kind: text\n        id: myorg.s1.hopes\n        text: Again?\n",
        12,
        "used twice",
        id="duplicate-id",
    ),
    pytest.param(
        "choose.yaml",
        GOOD
        + "      - kind: choose\n        id: myorg.s1.pick\n        text: Pick\n        choose: 3\n"
        "        domains:\n          - id: d\n            title: D\n            options:\n"
        "              - {id: a, label: A}\n              - {id: b, label: B}\n",
        14,
        "asks for 3 but the list has only 2",
        id="choose-more-than-it-has",
    ),
    pytest.param(
        "missing.yaml",
        GOOD.replace("        text: What are you hoping for?\n", ""),
        8,
        "'text' is missing",
        id="missing-field",
    ),
    pytest.param(
        "tag.yaml",
        GOOD.replace(
            "title: My organisation", "title: !!python/object/apply:os.system ['echo hi']"
        ),
        3,
        "tag",
        id="python-object-tag",
    ),
    pytest.param(
        "alias.yaml",
        "peerjournal_pack: 1\nid: x\ntitle: &a T\nshort_title: *a\n",
        3,
        "anchors and aliases",
        id="alias",
    ),
    pytest.param(
        "deep.yaml",
        "peerjournal_pack: 1\nid: x\ntitle: T\nintro: " + "[" * 200 + "]" * 200 + "\n",
        4,
        "nests more than",
        id="deeply-nested",
    ),
    pytest.param(
        "notutf8.yaml", b"peerjournal_pack: 1\nid: x\ntitle: \xff\xfe\n", 3, "UTF-8", id="not-utf8"
    ),
    pytest.param("empty.yaml", "", 1, "empty", id="empty"),
    pytest.param("list.yaml", "- a\n- b\n", 1, "must start with its fields", id="not-a-mapping"),
    pytest.param(
        "version.yaml",
        GOOD.replace("peerjournal_pack: 1", "peerjournal_pack: 9"),
        1,
        "another version",
        id="future-format",
    ),
    pytest.param(
        "dupkey.yaml",
        GOOD.replace("title: My organisation", "title: A\ntitle: B"),
        4,
        "appears twice",
        id="duplicate-key",
    ),
    pytest.param(
        "badid.yaml",
        GOOD.replace("id: myorg.s1.hopes", "id: My Hopes!"),
        9,
        "not a valid id",
        id="bad-id",
    ),
]


@pytest.mark.parametrize(("name", "text", "line", "words"), BROKEN)
def test_a_broken_pack_is_skipped_with_file_line_and_fix(
    tmp_path: Path, name: str, text: str | bytes, line: int, words: str
) -> None:
    write(tmp_path, name, text)
    write(tmp_path, "zz-good.yaml", GOOD.replace("myorg", "other"))
    content = load_content([tmp_path])
    assert len(content.problems) == 1, content.problems
    problem = content.problems[0]
    assert problem.file == name
    assert problem.line == line, str(problem)
    assert words in str(problem)
    assert problem.hint
    assert content.prompt("other.s1.hopes") is not None
    assert content.programme("module-1") is not None


def test_a_huge_pack_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.write(b"peerjournal_pack: 1\nid: huge\ntitle: Huge\nintro: |\n")
        line = b"  " + b"x" * 1000 + b"\n"
        for _ in range(50 * 1024):
            handle.write(line)
    content = load_content([tmp_path])
    assert [p.file for p in content.problems] == ["huge.yaml"]
    assert "larger than any content pack" in content.problems[0].problem


def test_a_pack_that_reuses_a_shipped_id_is_skipped_whole(tmp_path: Path) -> None:
    write(tmp_path, "clash.yaml", GOOD.replace("id: myorg.s1.hopes", "id: m1.s1.positive"))
    content = load_content([tmp_path])
    assert len(content.problems) == 1
    assert "already used by module-1.yaml" in str(content.problems[0])
    assert content.programme("myorg") is None
    prompt = content.prompt("m1.s1.positive")
    assert prompt is not None and prompt.text == "What feels positive about undertaking P2P?"


def test_story_sections_are_the_recovery_story(content: m.Content) -> None:
    titles = [p.title for p in content.story_sections()]
    assert titles == [
        "Introduction to you",
        "The beginning",
        "The turning point",
        "On the journey",
        "Surviving and thriving",
        "Last thoughts",
    ]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_the_reader_only_ever_raises_its_own_error(raw: bytes) -> None:
    try:
        read_yaml(raw, file="fuzz.yaml")
    except ContentPackError as exc:
        assert exc.file == "fuzz.yaml" and exc.line >= 1


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abc:-[]{} \n#'\"!&*|>", max_size=200))
def test_the_loader_never_raises_on_yaml_like_text(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    write(folder, "fuzz.yaml", text)
    content = load_files([folder / "fuzz.yaml"])
    assert len(content.problems) <= 1


def test_shipped_folder_holds_the_packs() -> None:
    names = {p.name for p in pack_files(shipped_packs_dir())}
    assert {
        "tree.yaml",
        "preparing-p2p.yaml",
        "module-1.yaml",
        "course.yaml",
        "ips.yaml",
        "journal.yaml",
    } <= names


WELSH_PACK = (
    GOOD.replace("id: myorg\n", "id: myorg\nlanguage: cy\n", 1)
    .replace("title: My organisation", "title: Fy sefydliad")
    .replace("What are you hoping for?", "Beth ydych chi'n gobeithio amdano?")
)


def test_a_translated_pack_is_chosen_by_the_window_language(tmp_path: Path) -> None:
    """The same ids, so answers written in one language are there in the other."""
    english = write(tmp_path, "mine.yaml", GOOD)
    welsh = write(tmp_path, "mine-cy.yaml", WELSH_PACK)
    for language, title, question in (
        ("cy", "Fy sefydliad", "Beth ydych chi'n gobeithio amdano?"),
        ("en", "My organisation", "What are you hoping for?"),
        ("fr", "My organisation", "What are you hoping for?"),  # no French: English
    ):
        content = load_files([english, welsh], language=language)
        assert not content.problems, language
        programme = content.programme("myorg")
        prompt = content.prompt("myorg.s1.hopes")
        assert programme is not None and programme.title == title
        assert prompt is not None and prompt.text == question
    only_welsh = load_files([welsh], language="en")
    assert only_welsh.programme("myorg") is not None  # a pack in Welsh alone still loads
    twice = load_files([english, write(tmp_path, "again.yaml", GOOD)], language="cy")
    assert twice.problems and "already used" in twice.problems[0].problem  # as before


def test_the_content_cache_keeps_each_language_apart(tmp_path: Path) -> None:
    from peerjournal.core.content import cache

    packs = tmp_path / "packs"
    packs.mkdir()
    write(packs, "mine.yaml", GOOD)
    write(packs, "mine-cy.yaml", WELSH_PACK)
    cached = tmp_path / "content.cache"
    for _ in range(2):  # made, then read back from the cache
        welsh = cache.load([packs], cached, language="cy").programme("myorg")
        english = cache.load([packs], cached, language="en").programme("myorg")
        assert welsh is not None and welsh.title == "Fy sefydliad"
        assert english is not None and english.title == "My organisation"


def test_the_window_language_in_settings_chooses_the_pack(tmp_path: Path) -> None:
    from peerjournal.core.paths import DataDir
    from peerjournal.services.container import build_services
    from peerjournal.services.settings import Settings, SettingsStore

    data = DataDir(tmp_path / "data")
    data.packs.mkdir(parents=True)
    write(data.packs, "mine.yaml", GOOD)
    write(data.packs, "mine-cy.yaml", WELSH_PACK)
    store = SettingsStore(data.settings)
    store.save(Settings(language="cy"))
    programme = build_services(data.root).content.programme("myorg")
    assert programme is not None and programme.title == "Fy sefydliad"
    store.save(Settings(language="en"))
    programme = build_services(data.root).content.programme("myorg")
    assert programme is not None and programme.title == "My organisation"


CARDIFF = """peerjournal_pack: 1
id: cardiff
title: Cardiff Peer Network
contacts:
  - name: Our duty team
    detail: "029 2000 0000"
  - name: samaritans
    detail: "0800 000 0000"
"""


def test_a_pack_contact_says_whose_it_is_and_comes_after_the_shipped_lines(
    tmp_path: Path,
) -> None:
    write(tmp_path, "cardiff.yaml", CARDIFF)
    content = load_content([tmp_path])
    shipped = load_content().contacts
    assert content.contacts[: len(shipped)] == shipped  # first, whole and unchanged
    assert all(c.source == "" for c in shipped)
    ours = content.contacts[len(shipped) :]
    assert [(c.name, c.source) for c in ours] == [
        ("Our duty team", "Cardiff Peer Network"),
        ("samaritans", "Cardiff Peer Network"),
    ]
    (warning,) = content.warnings
    assert "samaritans" in warning.problem and "116 123" in warning.problem
    assert warning.file == "cardiff.yaml" and warning.line == 8
    assert not content.problems  # a warning: the pack still loads


def test_a_pack_cannot_stand_in_for_the_shipped_support_lines(tmp_path: Path) -> None:
    write(
        tmp_path,
        "support-cy.yaml",
        "peerjournal_pack: 1\nid: support\nlanguage: cy\ntitle: Cymorth\ncontacts:\n"
        '  - name: Samaritans\n    detail: "000"\n',
    )
    content = load_content([tmp_path], language="cy")
    samaritans = [c for c in content.contacts if c.name == "Samaritans"]
    assert [c.detail for c in samaritans] == ["116 123"]
    assert any("already used" in p.problem for p in content.problems)
