"""The portable copy, ``peerjournal.json``: everything a journal holds, as plain JSON.

One definition serves three ends: the export writes these structures, an import reads
them back strictly (anything else is refused with the place it went wrong), and
``schema()`` publishes them as JSON Schema (``docs/peerjournal-export.schema.json``,
kept equal to it by a test).

Each document comes with every version it has, oldest first, each with the value as it
was stored, so an export brought into a new journal gives the same export again.
"""

from __future__ import annotations

from typing import Any, Literal

import msgspec

FORMAT: Literal["peerjournal"] = "peerjournal"
FORMAT_VERSION = 2


class Version(msgspec.Struct, forbid_unknown_fields=True):
    """One kept state: when it was begun and last saved (ISO 8601), and its value."""

    version: int
    started: str
    saved: str
    value: Any


class Question(msgspec.Struct, forbid_unknown_fields=True):
    """The question as the programme asked it when the copy was made."""

    kind: str
    text: str
    part: str | None = None


class AnswerRecord(msgspec.Struct, forbid_unknown_fields=True):
    prompt_id: str
    question: Question | None
    answer: Any
    """The current answer (its stored form: ``kind`` and ``data``)."""
    text: str
    """The current answer in words, for reading without the app."""
    saved: str
    versions: list[Version]


class PageRecord(msgspec.Struct, forbid_unknown_fields=True):
    date: str
    text: str
    saved: str
    versions: list[Version]


class DocumentRecord(msgspec.Struct, forbid_unknown_fields=True):
    """Anything else the journal holds, under its own name, so nothing is left out."""

    name: str
    versions: list[Version]


class StoryVersion(msgspec.Struct, forbid_unknown_fields=True):
    number: int
    value: dict[str, Any]


class ExportFile(msgspec.Struct, forbid_unknown_fields=True):
    format: Literal["peerjournal"]
    format_version: int
    app_version: str
    exported: str
    answers: list[AnswerRecord]
    daily_pages: list[PageRecord]
    story_draft: DocumentRecord | None
    story_versions: list[StoryVersion]
    support_contacts: DocumentRecord | None
    other_documents: list[DocumentRecord]


_DECODER = msgspec.json.Decoder(ExportFile)


class NotAnExport(ValueError):
    """The file is not a peerjournal copy this version can read; says where, in words."""


def read(raw: bytes) -> ExportFile:
    try:
        found = _DECODER.decode(raw)
    except msgspec.ValidationError as exc:
        raise NotAnExport(f"it is not a peerjournal copy ({exc})") from None
    except msgspec.DecodeError as exc:
        raise NotAnExport(f"it is not readable JSON ({exc})") from None
    if found.format_version > FORMAT_VERSION:
        raise NotAnExport("it was made by a newer peerjournal; please update the app first")
    return found


def write(export: ExportFile) -> bytes:
    return msgspec.json.format(msgspec.json.encode(export), indent=2) + b"\n"


def schema() -> dict[str, Any]:
    """The JSON Schema of ``peerjournal.json`` (format version 2)."""
    found: dict[str, Any] = msgspec.json.schema(ExportFile)
    found["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    found["title"] = "peerjournal.json, format version 2"
    return found


__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "AnswerRecord",
    "DocumentRecord",
    "ExportFile",
    "NotAnExport",
    "PageRecord",
    "Question",
    "StoryVersion",
    "Version",
    "read",
    "schema",
    "write",
]


if __name__ == "__main__":  # writes the published schema: python -m peerjournal.core.portable
    import json
    import sys

    sys.stdout.write(json.dumps(schema(), indent=2, sort_keys=True) + "\n")
