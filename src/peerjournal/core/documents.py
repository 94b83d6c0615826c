"""The names of documents in the vault: what each kind of writing is stored under."""

from __future__ import annotations

from datetime import date

ANSWER = "answer:"
PAGE = "journal:"
CONTACTS = "contacts"
STORY_DRAFT = "story:draft"
MY_WORDS = "my-words"
SESSION_DATES = "session-dates"
SUPPORT_PLAN = "support-plan"
STORY_REVIEWS = "story-reviews"


def answer_name(prompt_id: str) -> str:
    return f"{ANSWER}{prompt_id}"


def page_name(day: date) -> str:
    return f"{PAGE}{day.isoformat()}"


def prompt_of(name: str) -> str | None:
    return name[len(ANSWER) :] if name.startswith(ANSWER) else None


def day_of(name: str) -> date | None:
    if not name.startswith(PAGE):
        return None
    try:
        return date.fromisoformat(name[len(PAGE) :])
    except ValueError:
        return None


def page_text(value: object) -> str | None:
    """A daily page's stored text (``{"text": ...}``); None when the value holds none."""
    text = value.get("text") if isinstance(value, dict) else None
    return text if isinstance(text, str) else None


def describe(name: str | None, doc_id: str) -> str:
    """An item in the participant's words (no text of theirs, only what it is)."""
    if name is None:
        return f"an item whose name cannot be read (row {doc_id[:8]})"
    if name.startswith("answer:"):
        return f"the answer to {name.removeprefix('answer:')}"
    if name.startswith("journal:"):
        return f"the daily page of {name.removeprefix('journal:')}"
    if name == "contacts":
        return "your own support contacts"
    if name == "story:draft":
        return "your story's choices"
    if name == MY_WORDS:
        return "your own words for the spelling check"
    if name == SESSION_DATES:
        return "the dates of your sessions"
    if name == SUPPORT_PLAN:
        return "your support plan"
    if name == STORY_REVIEWS:
        return "your story's reviews before sharing"
    return name
