"""Where the content packs are: the shipped ones, then the participant's own."""

from __future__ import annotations

import json
from pathlib import Path

from peerjournal.core.paths import bundled_dir

PACK_SUFFIXES = (".yaml", ".yml")


def shipped_packs_dir() -> Path:
    return bundled_dir("content")


def content_language(settings: Path) -> str:
    """The window's language from the settings file ("en" when unset or unreadable): a pack
    translated into it is loaded in place of the pack it translates."""
    try:
        value = json.loads(settings.read_text(encoding="utf-8")).get("language", "en")
    except (OSError, ValueError, AttributeError):
        return "en"
    return value if isinstance(value, str) and value.isalpha() and len(value) <= 3 else "en"


def pack_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in PACK_SUFFIXES and p.is_file())


__all__ = ["PACK_SUFFIXES", "content_language", "pack_files", "shipped_packs_dir"]
