"""The content packs' cache: the same content as loading them, and only while it holds.

A read on the command line takes the content from ``cache/content.json`` instead of
YAML and pydantic. Whatever happens to the packs or to the cache file, what comes back
is what loading the packs gives now.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from peerjournal.core.content import cache
from peerjournal.core.content.loader import load_content, shipped_packs_dir
from peerjournal.core.content.model import Content
from peerjournal.core.paths import DataDir
from tests.cli_helpers import run_cli

EXTRA_PACK = """\
peerjournal_pack: 1
id: my-own
title: My own questions
parts:
  - id: own.one
    title: Just for me
    items:
      - kind: text
        id: own.one.why
        text: Why did I start?
"""


def _load(data: DataDir) -> Content:
    return cache.load([data.packs], data.content_cache)


def test_the_cached_content_is_the_loaded_content(tmp_path: Path, content: Content) -> None:
    data = DataDir(tmp_path)
    first = _load(data)
    assert data.content_cache.is_file()
    again = _load(data)
    assert first == content and again == content
    for prompt in content.prompts():  # the index is rebuilt, not just the fields
        located, cached = content.locate(prompt.id), again.locate(prompt.id)
        assert located is not None and cached is not None
        assert (cached.part.id, cached.prompt) == (located.part.id, located.prompt)


def test_a_pack_added_changed_or_taken_away_is_seen_at_once(tmp_path: Path) -> None:
    data = DataDir(tmp_path)
    assert _load(data).prompt("own.one.why") is None
    data.packs.mkdir()
    pack = data.packs / "mine.yaml"
    pack.write_text(EXTRA_PACK, encoding="utf-8")
    added = _load(data).prompt("own.one.why")
    assert added is not None and added.text == "Why did I start?"
    pack.write_text(EXTRA_PACK.replace("Why did I start?", "What keeps me going?"), "utf-8")
    changed = _load(data).prompt("own.one.why")
    assert changed is not None and changed.text == "What keeps me going?"
    pack.unlink()
    assert _load(data).prompt("own.one.why") is None
    assert _load(data) == load_content([data.packs])


@pytest.mark.parametrize(
    "damage",
    ["truncated", "not json", "a planted type", "an unknown field", "another fingerprint"],
)
def test_a_damaged_or_planted_cache_is_never_used(
    damage: str, tmp_path: Path, content: Content
) -> None:
    data = DataDir(tmp_path)
    _load(data)
    raw = data.content_cache.read_bytes()
    cached = json.loads(raw)
    if damage == "truncated":
        changed = raw[: len(raw) // 2]
    elif damage == "not json":
        changed = b"\xff\xfe nothing"
    elif damage == "a planted type":
        cached["content"]["programmes"][0]["$"] = "os:system"
        changed = json.dumps(cached).encode()
    elif damage == "an unknown field":
        cached["content"]["programmes"][0]["extra"] = 1
        changed = json.dumps(cached).encode()
    else:
        cached["fingerprint"] = "0" * 64
        cached["content"]["programmes"][0]["title"] = "Planted"
        changed = json.dumps(cached).encode()
    data.content_cache.write_bytes(changed)
    assert _load(data) == content
    assert data.content_cache.read_bytes() == raw  # written again, whole


def test_a_folder_that_cannot_be_written_still_loads(tmp_path: Path, content: Content) -> None:
    data = DataDir(tmp_path)
    data.content_cache.parent.parent.mkdir(exist_ok=True)
    data.content_cache.parent.write_text("a file where the cache folder belongs")
    assert _load(data) == content


def test_the_command_line_sees_a_new_pack_at_once(data_dir: Path) -> None:
    before = run_cli("prompts", data_dir=data_dir)
    assert before.returncode == 0 and "own.one.why" not in before.stdout
    (data_dir / "packs").mkdir(exist_ok=True)
    (data_dir / "packs" / "mine.yaml").write_text(EXTRA_PACK, encoding="utf-8")
    after = run_cli("prompts", data_dir=data_dir)
    assert "own.one.why\tWhy did I start?" in after.stdout
    assert (data_dir / "cache" / "content.json").is_file()


def test_the_shipped_packs_are_what_the_cache_fingerprints(tmp_path: Path) -> None:
    files = sorted(shipped_packs_dir().glob("*.yaml"))
    copied = tmp_path / "packs"
    shutil.copytree(shipped_packs_dir(), copied)
    moved = sorted(copied.glob("*.yaml"))
    assert cache.fingerprint(files) == cache.fingerprint(moved)  # by bytes and names
    moved[0].write_bytes(moved[0].read_bytes() + b"\n")
    assert cache.fingerprint(files) != cache.fingerprint(moved)


def test_content_the_cache_cannot_keep_is_loaded_and_never_cached(
    tmp_path: Path, content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kind holding, say, a dict would not survive the cache: it is left out, not broken."""

    def refuse(_value: object) -> object:
        raise TypeError("content holds a dict, which the cache cannot keep")

    monkeypatch.setattr(cache, "_encode", refuse)
    data = DataDir(tmp_path)
    assert _load(data) == content
    assert not data.content_cache.exists()
