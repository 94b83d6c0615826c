"""Where the content packs are: the shipped ones, then the participant's own."""

from __future__ import annotations

from pathlib import Path

from peerjournal.core.paths import bundled_dir

PACK_SUFFIXES = (".yaml", ".yml")


def shipped_packs_dir() -> Path:
    return bundled_dir("content")


def pack_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in PACK_SUFFIXES and p.is_file())


__all__ = ["PACK_SUFFIXES", "pack_files", "shipped_packs_dir"]
