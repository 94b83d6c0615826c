"""A saved story version read back through pydantic, strictly (never through ``assert``)."""

from __future__ import annotations

from datetime import date
from functools import cache

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from peerjournal.core import story as st


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, frozen=True, extra="ignore")


class _Entry(_Strict):
    prompt_id: str
    question: str
    answer: str


class _Section(_Strict):
    key: str
    title: str
    entries: list[_Entry]


class _Document(_Strict):
    title: str
    name: str
    made: str
    sections: list[_Section]
    conversation_page: bool = False
    discuss_note: str = ""
    conversation_points: list[str] = []


@cache
def _adapter() -> TypeAdapter[_Document]:
    return TypeAdapter(_Document)


def parse_document(raw: object) -> st.StoryDocument:
    try:
        doc = _adapter().validate_python(raw)
        made = date.fromisoformat(doc.made)
    except (ValidationError, ValueError):
        raise ValueError("not a story") from None
    return st.StoryDocument(
        title=doc.title,
        name=doc.name,
        made=made,
        sections=tuple(
            st.StorySection(
                s.key,
                s.title,
                tuple(st.StoryEntry(e.prompt_id, e.question, e.answer) for e in s.entries),
            )
            for s in doc.sections
        ),
        conversation_page=doc.conversation_page,
        discuss_note=doc.discuss_note,
        conversation_points=tuple(doc.conversation_points),
    )


__all__ = ["parse_document"]
