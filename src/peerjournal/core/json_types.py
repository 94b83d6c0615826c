"""The one spelling of a JSON value, for what is stored, exported and read back."""

from __future__ import annotations

JsonValue = str | int | float | bool | None | list["JsonValue"] | dict[str, "JsonValue"]
JsonDict = dict[str, JsonValue]

__all__ = ["JsonDict", "JsonValue"]
