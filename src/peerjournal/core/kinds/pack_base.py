"""What the kinds' pack modules share: strict pydantic bases and content field types.

Imported only when content packs (or the demo's hand-written answers) are read.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

Id = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]{0,79}$", strip_whitespace=True)
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000, strip_whitespace=True)]
LongText = Annotated[str, StringConstraints(max_length=200_000)]


class ContentModel(BaseModel):
    """A content pack's shape: unknown keys are mistakes to report, not to ignore."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=False, defer_build=True
    )


class Plain(BaseModel):
    """A hand-written answer's shape (the demo's YAML), strictly, nothing extra allowed."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid", defer_build=True)


__all__ = ["ContentModel", "Id", "LongText", "Plain", "Text"]
