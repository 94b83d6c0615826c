"""The content packs as last loaded, kept beside them so reading a journal skips the YAML.

Loading the packs means YAML and pydantic: a few tenths of a second that a search on the
command line would otherwise spend before it reads a word. The loaded ``Content`` (plain
frozen records) is written to ``cache/content.json`` in the data folder, and used
only while its fingerprint still holds: the bytes of every pack file, in order, the app's
version, the registered kinds and the shape of every type it holds. Anything else (a
pack changed, added or removed, a new version, a damaged file) loads the packs afresh
and writes the cache again.

The file names its types, but only types of the content model and of the registered
kinds' prompts can come back out of it: it is read as data, never as code.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import logging
import sys
from enum import Enum
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import msgspec

from peerjournal import __version__
from peerjournal.core import kinds
from peerjournal.core.content import model as m
from peerjournal.core.private import write_private

log = logging.getLogger(__name__)

CACHE_FORMAT = 1


def _modules() -> list[ModuleType]:
    found = [m]
    for spec in kinds.specs():
        module = sys.modules[spec.prompt_type.__module__]
        if module not in found:
            found.append(module)
    return found


@cache
def _types(names: tuple[str, ...]) -> dict[str, type]:
    """The types a cache may hold, by name: the content model's and the kinds' (``names``)."""
    del names  # the key: registering a kind builds the table again
    found: dict[str, type] = {}
    for module in _modules():
        for obj in vars(module).values():
            if isinstance(obj, type) and (_is_record(obj) or issubclass(obj, Enum)):
                found[f"{obj.__module__}:{obj.__qualname__}"] = obj
    return found


def _is_record(cls: type) -> bool:
    return issubclass(cls, msgspec.Struct) or dataclasses.is_dataclass(cls)


def _field_names(cls: type) -> list[str]:
    """The fields a record is made from (a struct's, or a dataclass's that ``__init__``
    takes), never those it builds itself (``Content``'s index)."""
    if issubclass(cls, msgspec.Struct):
        return list(cls.__struct_fields__)
    if dataclasses.is_dataclass(cls):
        return [f.name for f in dataclasses.fields(cls) if f.init and not f.name.startswith("_")]
    return []


def _allowed() -> dict[str, type]:
    return _types(kinds.names())


def _shape() -> list[object]:
    shape: list[object] = []
    for name, cls in sorted(_allowed().items()):
        if _is_record(cls):
            shape.append([name, _field_names(cls)])
        else:
            shape.append([name, [e.value for e in cls]])  # type: ignore[attr-defined]
    return shape


def fingerprint(files: list[Path]) -> str | None:
    """What the cache must have been made from; None when a pack cannot be read."""
    digest = hashlib.sha256()
    head = [CACHE_FORMAT, __version__, list(kinds.names()), _shape()]
    digest.update(json.dumps(head).encode())
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        digest.update(f"\0{path.name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def _encode(value: object) -> Any:
    if isinstance(value, Enum):
        return {"$e": f"{type(value).__module__}:{type(value).__qualname__}", "v": value.value}
    cls = type(value)
    if _is_record(cls):
        out: dict[str, Any] = {"$": f"{cls.__module__}:{cls.__qualname__}"}
        for name in _field_names(cls):
            out[name] = _encode(getattr(value, name))
        return out
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"content holds a {type(value).__name__}, which the cache cannot keep")


def _decode(value: Any, allowed: dict[str, type]) -> Any:
    if isinstance(value, list):
        return tuple(_decode(v, allowed) for v in value)
    if isinstance(value, dict):
        if "$e" in value:
            return allowed[value["$e"]](value["v"])
        cls = allowed[value.pop("$")]
        return cls(**{k: _decode(v, allowed) for k, v in value.items()})
    return value


def read(path: Path, expected: str) -> m.Content | None:
    """The cached content, or None when there is none that still holds."""
    try:
        raw = json.loads(path.read_bytes())
        if not isinstance(raw, dict) or raw.get("fingerprint") != expected:
            return None
        content = _decode(raw["content"], _allowed())
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return content if isinstance(content, m.Content) else None


def write(path: Path, key: str, content: m.Content) -> None:
    """Best effort: a folder that cannot be written to only means the next start loads."""
    try:
        encoded = _encode(content)
    except TypeError as exc:  # a kind holding a value the cache cannot keep: never cached
        log.info("content cache not written (%s)", type(exc).__name__)
        return
    data = json.dumps(
        {"fingerprint": key, "content": encoded}, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_private(path, data)
    except OSError as exc:
        log.info("content cache not written (%s)", type(exc).__name__)
        with contextlib.suppress(OSError):
            path.with_name(f".{path.name}.partial").unlink(missing_ok=True)


def load(extra_dirs: list[Path], cache_file: Path, *, language: str = "en") -> m.Content:
    """The content of the shipped packs and ``extra_dirs`` (those translated into
    ``language`` in place of the packs they translate), from the cache when it holds."""
    from peerjournal.core.content.files import pack_files, shipped_packs_dir

    files = pack_files(shipped_packs_dir())
    for folder in extra_dirs:
        files.extend(pack_files(folder))
    key = fingerprint(files)
    if key is not None:
        key = f"{key}:{language}"
    if key is not None and (cached := read(cache_file, key)) is not None:
        return cached
    from peerjournal.core.content.loader import load_files

    content = load_files(files, language=language)
    if key is not None:
        write(cache_file, key, content)
    return content


__all__ = ["fingerprint", "load", "read", "write"]
