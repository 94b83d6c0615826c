"""Answers to each kind of prompt: plain values, their JSON form, and their words.

The vault stores JSON; these frozen objects are what everything above it works with.
``validate`` checks an answer against its prompt (a ninth strength, a rung that does not
exist), and ``words`` gives the text that search, export and the story use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from peerjournal.core.content import model as m
from peerjournal.core.errors import BadAnswer, TooLarge

JsonValue = str | int | float | bool | None | list["JsonValue"] | dict[str, "JsonValue"]

MAX_TEXT_CHARS = 16 * 1024 * 1024


class Check(StrEnum):
    YES = "yes"
    NOT_YET = "not_yet"
    UNSET = ""


@dataclass(frozen=True, slots=True)
class TextAnswer:
    text: str
    kind: m.Kind = field(default=m.Kind.TEXT, init=False)


@dataclass(frozen=True, slots=True)
class LadderAnswer:
    rung: int
    note: str = ""
    kind: m.Kind = field(default=m.Kind.LADDER, init=False)


@dataclass(frozen=True, slots=True)
class ChooseAnswer:
    chosen: tuple[str, ...]
    kind: m.Kind = field(default=m.Kind.CHOOSE, init=False)


@dataclass(frozen=True, slots=True)
class RankedItem:
    value: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class RankedAnswer:
    items: tuple[RankedItem, ...]
    kind: m.Kind = field(default=m.Kind.RANKED, init=False)


@dataclass(frozen=True, slots=True)
class TableAnswer:
    notes: tuple[tuple[str, str], ...]
    kind: m.Kind = field(default=m.Kind.TABLE, init=False)

    def note(self, row_id: str) -> str:
        return dict(self.notes).get(row_id, "")


@dataclass(frozen=True, slots=True)
class SpectrumAnswer:
    """Each row's position from 0 (the left end) to 100 (the right end)."""

    positions: tuple[tuple[str, int], ...]
    kind: m.Kind = field(default=m.Kind.SPECTRUM, init=False)

    def position(self, row_id: str) -> int | None:
        return dict(self.positions).get(row_id)


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    state: Check = Check.UNSET
    note: str = ""


@dataclass(frozen=True, slots=True)
class ChecklistAnswer:
    items: tuple[tuple[str, ChecklistItem], ...]
    kind: m.Kind = field(default=m.Kind.CHECKLIST, init=False)

    def item(self, question_id: str) -> ChecklistItem:
        return dict(self.items).get(question_id, ChecklistItem())


@dataclass(frozen=True, slots=True)
class LessonsAnswer:
    done: tuple[int, ...]
    kind: m.Kind = field(default=m.Kind.LESSONS, init=False)


Answer = (
    TextAnswer
    | LadderAnswer
    | ChooseAnswer
    | RankedAnswer
    | TableAnswer
    | SpectrumAnswer
    | ChecklistAnswer
    | LessonsAnswer
)


def to_json(answer: Answer) -> dict[str, JsonValue]:
    data: JsonValue
    match answer:
        case TextAnswer(text=text):
            data = {"text": text}
        case LadderAnswer(rung=rung, note=note):
            data = {"rung": rung, "note": note}
        case ChooseAnswer(chosen=chosen):
            data = {"chosen": list(chosen)}
        case RankedAnswer(items=items):
            data = {"items": [{"value": i.value, "note": i.note} for i in items]}
        case TableAnswer(notes=notes):
            data = {"notes": {k: v for k, v in notes}}
        case SpectrumAnswer(positions=positions):
            data = {"positions": {k: v for k, v in positions}}
        case ChecklistAnswer(items=items):
            data = {"items": {k: {"state": v.state.value, "note": v.note} for k, v in items}}
        case LessonsAnswer(done=done):
            data = {"done": list[JsonValue](sorted(done))}
    return {"kind": answer.kind.value, "data": data}


def from_json(raw: JsonValue) -> Answer:
    """Reads a stored answer; raises ``BadAnswer`` for anything not of the expected shape.

    Parsing is pydantic's, in strict mode, so a value of the wrong type is refused
    whatever Python's flags (``python -O`` removes ``assert``; this removes nothing).
    """
    from peerjournal.core.answer_codec import parse

    try:
        return parse(raw)
    except ValueError as exc:
        raise BadAnswer(reason="it is not in the form this question expects.") from exc


def empty_for(prompt: m.Prompt) -> Answer:
    match prompt:
        case m.TextPrompt():
            return TextAnswer("")
        case m.LadderPrompt():
            return LadderAnswer(0)
        case m.ChoosePrompt():
            return ChooseAnswer(())
        case m.RankedPrompt():
            return RankedAnswer(())
        case m.TablePrompt():
            return TableAnswer(())
        case m.SpectrumPrompt():
            return SpectrumAnswer(())
        case m.ChecklistPrompt():
            return ChecklistAnswer(())
        case m.LessonsPrompt():
            return LessonsAnswer(())


def validate(prompt: m.Prompt, answer: Answer) -> None:
    """Refuses an answer its prompt cannot hold, with a reason the participant understands."""
    if answer.kind != prompt.kind:
        raise BadAnswer(reason=f"this question takes a {prompt.kind.value} answer.")
    size = sum(len(t) for t in _texts(answer))
    if size > MAX_TEXT_CHARS:
        raise TooLarge(size=round(size / 1_000_000, 1), limit=MAX_TEXT_CHARS // 1_000_000)
    match prompt, answer:
        case m.LadderPrompt(), LadderAnswer(rung=rung):
            if rung != 0 and prompt.rung(rung) is None:
                raise BadAnswer(reason=f"the ladder has rungs 1 to {prompt.rung_count}.")
        case m.ChoosePrompt(), ChooseAnswer(chosen=chosen):
            known = {o.id for o in prompt.options()}
            unknown = [c for c in chosen if c not in known]
            if unknown:
                raise BadAnswer(reason=f"'{unknown[0]}' is not one of the choices.")
            if len(set(chosen)) != len(chosen):
                raise BadAnswer(reason="a choice is listed twice.")
            if len(chosen) > prompt.choose:
                raise BadAnswer(reason=f"choose up to {prompt.choose}.")
        case m.RankedPrompt(), RankedAnswer(items=items):
            if len(items) > prompt.count:
                raise BadAnswer(reason=f"this list holds your top {prompt.count}.")
        case m.TablePrompt(), TableAnswer(notes=notes):
            rows = {r.id for r in prompt.rows}
            if any(k not in rows for k, _ in notes):
                raise BadAnswer(reason="a note is for a row this table does not have.")
        case m.SpectrumPrompt(), SpectrumAnswer(positions=positions):
            rows = {r.id for r in prompt.rows}
            if any(k not in rows for k, _ in positions):
                raise BadAnswer(reason="a position is for a row this question does not have.")
            if any(not 0 <= v <= 100 for _, v in positions):
                raise BadAnswer(reason="positions run from 0 to 100.")
        case m.ChecklistPrompt(), ChecklistAnswer(items=items):
            questions = {q.id for q in prompt.questions}
            if any(k not in questions for k, _ in items):
                raise BadAnswer(reason="an answer is for a question this list does not have.")
        case m.LessonsPrompt(), LessonsAnswer(done=done):
            if any(not 1 <= d <= prompt.count for d in done):
                raise BadAnswer(reason=f"this session has lessons 1 to {prompt.count}.")
        case _:
            pass


def _texts(answer: Answer) -> list[str]:
    match answer:
        case TextAnswer(text=text):
            return [text]
        case LadderAnswer(note=note):
            return [note]
        case RankedAnswer(items=items):
            return [t for i in items for t in (i.value, i.note)]
        case TableAnswer(notes=notes):
            return [v for _, v in notes]
        case ChecklistAnswer(items=items):
            return [v.note for _, v in items]
        case _:
            return []


def is_answered(answer: Answer) -> bool:
    """Whether the participant has put anything into it (nothing is ever required)."""
    match answer:
        case LadderAnswer(rung=rung):
            return rung > 0
        case ChooseAnswer(chosen=chosen):
            return bool(chosen)
        case SpectrumAnswer(positions=positions):
            return bool(positions)
        case ChecklistAnswer(items=items):
            return any(v.state != Check.UNSET or v.note.strip() for _, v in items)
        case LessonsAnswer(done=done):
            return bool(done)
        case _:
            return any(t.strip() for t in _texts(answer))


def words(prompt: m.Prompt, answer: Answer) -> str:
    """The answer as readable text (Markdown), for search, export and the story."""
    match prompt, answer:
        case m.TextPrompt(), TextAnswer(text=text):
            return text
        case m.LadderPrompt(), LadderAnswer(rung=rung, note=note):
            rung_obj = prompt.rung(rung)
            stage = prompt.stage_of(rung)
            if rung_obj is None or stage is None:
                return note
            line = f"**{stage.label}, {rung}.** {rung_obj.statement}"
            return f"{line}\n\n{note}" if note.strip() else line
        case m.ChoosePrompt(), ChooseAnswer(chosen=chosen):
            lines = []
            for option_id in chosen:
                option = prompt.option(option_id)
                if option:
                    lines.append(f"- **{option.label}**: {option.description}")
            return "\n".join(lines)
        case m.RankedPrompt(), RankedAnswer(items=items):
            return "\n".join(
                f"{n}. **{i.value}**" + (f": {i.note}" if i.note.strip() else "")
                for n, i in enumerate(items, 1)
                if i.value.strip() or i.note.strip()
            )
        case m.TablePrompt(), TableAnswer():
            parts = []
            for row in prompt.rows:
                note = answer.note(row.id)
                if note.strip():
                    parts.append(f"**{row.cells[0]}**\n\n{note}")
            return "\n\n".join(parts)
        case m.SpectrumPrompt(), SpectrumAnswer():
            lines = []
            for srow in prompt.rows:
                pos = answer.position(srow.id)
                if pos is not None:
                    lines.append(f"- {srow.left} ↔ {srow.right}: {_describe_position(pos)}")
            return "\n".join(lines)
        case m.ChecklistPrompt(), ChecklistAnswer():
            lines = []
            for q in prompt.questions:
                item = answer.item(q.id)
                if item.state == Check.UNSET and not item.note.strip():
                    continue
                state = {Check.YES: "Yes", Check.NOT_YET: "Not yet", Check.UNSET: "—"}[item.state]
                line = f"- {q.text} **{state}**"
                lines.append(f"{line} {item.note}".rstrip())
            return "\n".join(lines)
        case m.LessonsPrompt(), LessonsAnswer(done=done):
            return f"{len(done)} of {prompt.count} lessons done"
    return "\n".join(_texts(answer))


def _describe_position(pos: int) -> str:
    if pos <= 15:
        return "mostly to the left"
    if pos <= 40:
        return "more to the left"
    if pos < 60:
        return "in the middle"
    if pos < 85:
        return "more to the right"
    return "mostly to the right"
