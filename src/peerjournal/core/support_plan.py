"""My support plan: what helps on a bad day, in the participant's own words.

Six parts, as a crisis or wellness plan usually has them. It is theirs alone: kept
encrypted in the vault as the document ``support-plan``, like everything they write,
and printed only when they ask, on one page to keep in a wallet or give to someone.

Three parts can start from what they wrote in the story's "On the journey" questions;
the plan offers those words and copies them only when asked.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from peerjournal.core.json_types import JsonValue

MAX_PART_CHARS = 4000


@dataclass(frozen=True, slots=True)
class Part:
    key: str
    title: str
    """As printed (the window has its own words, translated)."""
    from_story: tuple[str, ...] = ()
    """The story's questions whose answers this part may start from."""


PARTS: tuple[Part, ...] = (
    Part(
        "helps",
        "What helps me",
        ("p2p.story.journey.support", "p2p.story.journey.regulating"),
    ),
    Part(
        "signs",
        "Early signs I notice",
        ("p2p.story.journey.strengths",),
    ),
    Part(
        "do",
        "What I'd like people to do",
    ),
    Part(
        "avoid",
        "What I'd like people not to do",
        ("p2p.story.journey.boundaries",),
    ),
    Part(
        "people",
        "People I can contact",
    ),
    Part(
        "places",
        "Places that are safe for me",
    ),
)


def contact_line(name: str, detail: str) -> str:
    """ "Siân: 07700 900461", as a contact is listed with the plan, on screen and printed."""
    name, detail = name.strip(), detail.strip()
    return f"{name}: {detail}" if detail else name


@dataclass(frozen=True, slots=True)
class SupportPlan:
    helps: str = ""
    signs: str = ""
    do: str = ""
    avoid: str = ""
    people: str = ""
    places: str = ""

    @property
    def empty(self) -> bool:
        return not any(self.text(part.key).strip() for part in PARTS)

    def text(self, key: str) -> str:
        value: str = getattr(self, key)
        return value

    def to_json(self) -> dict[str, JsonValue]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}

    @classmethod
    def from_json(cls, value: JsonValue) -> SupportPlan:
        """What can be read of a stored plan; anything else in it is left out."""
        if not isinstance(value, dict):
            return cls()
        kept = {
            f.name: text[:MAX_PART_CHARS]
            for f in fields(cls)
            if isinstance(text := value.get(f.name), str)
        }
        return cls(**kept)


__all__ = ["MAX_PART_CHARS", "PARTS", "Part", "SupportPlan", "contact_line"]
