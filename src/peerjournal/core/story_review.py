"""The review a story goes through before it is shared, and what was shared after it.

The workbook's Language and Impact questions are meant to be asked of the story as it
will be shared. Each review is kept (encrypted, as the document ``story-reviews``) with
the version it was of: a saved version by its number, the draft by a digest of what it
said then, so a review holds for exactly the words that were read. A review the
participant skipped is kept too, so they are not asked again for the same words. Each
PDF saved or print sent after a review is added to it: which review went with which.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from datetime import datetime

from peerjournal.core.json_types import JsonValue
from peerjournal.core.story import StoryDocument

MAX_REVIEWS = 200
"""The newest kept; a participant reviewing every day for years stays well under."""


def digest(document: StoryDocument) -> str:
    """The words a version holds, as one short fingerprint (its date left out, so the
    draft is the same draft tomorrow)."""
    value = document.to_json()
    value.pop("made", None)
    raw = json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Shared:
    when: datetime
    how: str
    """ "pdf" (saved as a file) or "print"."""
    file: str = ""
    """The file's name only (never its folder)."""


@dataclass(frozen=True, slots=True)
class Review:
    version: int | None
    """A saved version's number; None for the draft."""
    digest: str
    when: datetime
    skipped: bool = False
    checklist: JsonValue = None
    """The Language and Impact answers given in this review (a stored checklist answer)."""
    shared: tuple[Shared, ...] = field(default_factory=tuple)

    def matches(self, version: int | None, words: str) -> bool:
        return self.version == version and self.digest == words

    def with_shared(self, one: Shared) -> Review:
        return replace(self, shared=(*self.shared, one))

    def to_json(self) -> dict[str, JsonValue]:
        return {
            "version": self.version,
            "digest": self.digest,
            "when": self.when.isoformat(),
            "skipped": self.skipped,
            "checklist": self.checklist,
            "shared": [
                {"when": s.when.isoformat(), "how": s.how, "file": s.file} for s in self.shared
            ],
        }

    @classmethod
    def from_json(cls, value: JsonValue) -> Review | None:
        if not isinstance(value, dict):
            return None
        version, words, when = value.get("version"), value.get("digest"), value.get("when")
        if not (version is None or isinstance(version, int)) or not isinstance(words, str):
            return None
        try:
            moment = datetime.fromisoformat(when) if isinstance(when, str) else None
        except ValueError:
            moment = None
        if moment is None:
            return None
        shared: list[Shared] = []
        raw_shared = value.get("shared")
        for item in raw_shared if isinstance(raw_shared, list) else []:
            if not isinstance(item, dict):
                continue
            at, how, file = item.get("when"), item.get("how"), item.get("file", "")
            try:
                stamp = datetime.fromisoformat(at) if isinstance(at, str) else None
            except ValueError:
                stamp = None
            if stamp is not None and how in ("pdf", "print") and isinstance(file, str):
                shared.append(Shared(stamp, str(how), file))
        return cls(
            version=version,
            digest=words,
            when=moment,
            skipped=value.get("skipped") is True,
            checklist=value.get("checklist"),
            shared=tuple(shared),
        )


def reviews_from(value: JsonValue) -> list[Review]:
    items = value.get("reviews") if isinstance(value, dict) else None
    return (
        [r for item in items or [] if (r := Review.from_json(item)) is not None]
        if isinstance(items, list)
        else []
    )


def reviews_value(reviews: list[Review]) -> dict[str, JsonValue]:
    return {"reviews": [r.to_json() for r in reviews[-MAX_REVIEWS:]]}


__all__ = ["MAX_REVIEWS", "Review", "Shared", "digest", "reviews_from", "reviews_value"]
