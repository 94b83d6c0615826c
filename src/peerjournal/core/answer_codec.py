"""Stored answers read back through one pydantic ``TypeAdapter``, strictly.

The vault hands back JSON. Each answer kind has a model of exactly the shape
``answers.to_json`` writes; the union is discriminated by ``kind``, so a stored value
is checked against one model and turned into its frozen answer. Anything else (a
string where a list belongs, a bool for a rung, an unknown kind) is a ``ValueError``.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from peerjournal.core import answers as a


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, frozen=True, extra="ignore")


class _TextData(_Strict):
    text: str


class _LadderData(_Strict):
    rung: int
    note: str = ""


class _ChooseData(_Strict):
    chosen: list[str]


class _RankedItem(_Strict):
    value: str
    note: str = ""


class _RankedData(_Strict):
    items: list[_RankedItem]


class _TableData(_Strict):
    notes: dict[str, str]


class _SpectrumData(_Strict):
    positions: dict[str, int | float]


class _CheckItem(_Strict):
    state: Literal["yes", "not_yet", ""] = ""
    note: str = ""


class _ChecklistData(_Strict):
    items: dict[str, _CheckItem]


class _LessonsData(_Strict):
    done: list[int]


class _Text(_Strict):
    kind: Literal["text"]
    data: _TextData

    def answer(self) -> a.Answer:
        return a.TextAnswer(self.data.text)


class _Ladder(_Strict):
    kind: Literal["ladder"]
    data: _LadderData

    def answer(self) -> a.Answer:
        return a.LadderAnswer(rung=self.data.rung, note=self.data.note)


class _Choose(_Strict):
    kind: Literal["choose"]
    data: _ChooseData

    def answer(self) -> a.Answer:
        return a.ChooseAnswer(tuple(self.data.chosen))


class _Ranked(_Strict):
    kind: Literal["ranked"]
    data: _RankedData

    def answer(self) -> a.Answer:
        return a.RankedAnswer(tuple(a.RankedItem(i.value, i.note) for i in self.data.items))


class _Table(_Strict):
    kind: Literal["table"]
    data: _TableData

    def answer(self) -> a.Answer:
        return a.TableAnswer(tuple(self.data.notes.items()))


class _Spectrum(_Strict):
    kind: Literal["spectrum"]
    data: _SpectrumData

    def answer(self) -> a.Answer:
        return a.SpectrumAnswer(tuple((k, round(v)) for k, v in self.data.positions.items()))


class _Checklist(_Strict):
    kind: Literal["checklist"]
    data: _ChecklistData

    def answer(self) -> a.Answer:
        return a.ChecklistAnswer(
            tuple(
                (k, a.ChecklistItem(a.Check(v.state), v.note)) for k, v in self.data.items.items()
            )
        )


class _Lessons(_Strict):
    kind: Literal["lessons"]
    data: _LessonsData

    def answer(self) -> a.Answer:
        return a.LessonsAnswer(tuple(sorted(set(self.data.done))))


_Stored = Annotated[
    _Text | _Ladder | _Choose | _Ranked | _Table | _Spectrum | _Checklist | _Lessons,
    Field(discriminator="kind"),
]


@cache
def _adapter() -> TypeAdapter[_Stored]:
    """Built on first use: the schema costs a few milliseconds that start-up need not pay."""
    return TypeAdapter(_Stored)


def parse(raw: object) -> a.Answer:
    """The answer ``raw`` holds; ``ValueError`` when it is not exactly one answer's shape."""
    try:
        stored = _adapter().validate_python(raw)
    except ValidationError as exc:
        raise ValueError(f"not an answer ({exc.error_count()} problems)") from None
    return stored.answer()


__all__ = ["parse"]
