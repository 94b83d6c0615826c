"""The ids everything is keyed by: a prompt's answer by ``PromptId``, never by its wording."""

from __future__ import annotations

from typing import NewType

PackId = NewType("PackId", str)
PartId = NewType("PartId", str)
PromptId = NewType("PromptId", str)

__all__ = ["PackId", "PartId", "PromptId"]
