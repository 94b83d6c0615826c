"""Loads the content packs: the ones shipped with the app, then the participant's own.

A broken pack never stops the app: it is skipped with one problem that names the file,
the line and the fix, and everything else loads.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from peerjournal.core.content import model as m
from peerjournal.core.content.files import pack_files, shipped_packs_dir
from peerjournal.core.content.schema import PackBase, kind_names, pack_model
from peerjournal.core.content.yaml_reader import MAX_PACK_BYTES, LocatedData, read_yaml
from peerjournal.core.errors import ContentPackError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Loaded:
    pack: PackBase
    data: LocatedData
    file: str
    shipped: bool = False
    """One of the packs that come with peerjournal (not an organisation's own)."""


def load_content(
    extra_dirs: Iterable[Path] = (), *, include_shipped: bool = True, language: str = "en"
) -> m.Content:
    files: list[Path] = []
    if include_shipped:
        files.extend(pack_files(shipped_packs_dir()))
    for folder in extra_dirs:
        files.extend(pack_files(folder))
    return load_files(files, language=language)


def _in_language(loaded: list[_Loaded], language: str) -> list[_Loaded]:
    """Of packs that share an id and say their language, the one in ``language`` (else
    the one in English or saying none); a pack with no translation is kept as it is."""
    by_id: dict[str, list[_Loaded]] = {}
    for one in loaded:
        by_id.setdefault(one.pack.id, []).append(one)
    kept: list[_Loaded] = []
    for one in loaded:
        group = by_id[one.pack.id]
        if any(o.shipped for o in group):  # a pack of one's own never stands in for ours
            group = [o for o in group if o.shipped] or group
            if not one.shipped:
                kept.append(one)  # and the clash check below skips it, saying why
                continue
        if len(group) == 1 or not any(o.pack.language for o in group):
            kept.append(one)  # the clash check below decides, as before
            continue
        chosen = next((o for o in group if o.pack.language == language), None)
        chosen = chosen or next((o for o in group if o.pack.language in ("", "en")), group[0])
        if one is chosen:
            kept.append(one)
    return kept


def load_files(files: Iterable[Path], *, language: str = "en") -> m.Content:
    problems: list[m.ContentProblem] = []
    loaded: list[_Loaded] = []
    shipped_dir = shipped_packs_dir().resolve()
    for path in files:
        try:
            one = _load_one(path)
            loaded.append(replace(one, shipped=path.resolve().parent == shipped_dir))
        except ContentPackError as exc:
            problems.append(m.ContentProblem(exc.file, exc.line, exc.problem, exc.hint))
            log.warning("content pack skipped: %s line %d", exc.file, exc.line)
    accepted = _drop_clashing(_in_language(loaded, language), problems)
    programmes = [
        prog for one in accepted if (prog := one.pack.build_programme(one.file)) is not None
    ]
    programmes.sort(key=lambda p: (p.order, p.title))
    schedule = _schedule(accepted, programmes, problems)
    return m.Content(
        programmes=tuple(programmes),
        daily_prompts=tuple(t for one in accepted for t in one.pack.daily_prompts),
        phrases=tuple(
            m.Phrase(find=p.find, suggest=p.suggest, why=p.why)
            for one in accepted
            for p in one.pack.phrases
        ),
        contacts=_contacts(accepted),
        schedule=schedule,
        problems=tuple(problems),
        warnings=tuple(_contact_warnings(accepted)),
    )


def _contacts(accepted: list[_Loaded]) -> tuple[m.Contact, ...]:
    """The shipped crisis lines first, always; then each organisation's, saying whose."""
    ordered = [o for o in accepted if o.shipped] + [o for o in accepted if not o.shipped]
    return tuple(
        m.Contact(
            name=c.name,
            detail=c.detail,
            description=c.description,
            source="" if one.shipped else (one.pack.short_title.strip() or one.pack.title),
        )
        for one in ordered
        for c in one.pack.contacts
    )


def _contact_warnings(accepted: list[_Loaded]) -> list[m.ContentProblem]:
    """A pack's contact with the name of a shipped line and another number looks like
    ours and is not: said by ``content check`` (the contact still loads, marked as the
    pack's)."""
    ours = {
        " ".join(c.name.casefold().split()): c.detail
        for one in accepted
        if one.shipped
        for c in one.pack.contacts
    }
    found: list[m.ContentProblem] = []
    for one in accepted:
        if one.shipped:
            continue
        for index, c in enumerate(one.pack.contacts):
            detail = ours.get(" ".join(c.name.casefold().split()))
            if detail is not None and "".join(detail.split()) != "".join(c.detail.split()):
                found.append(
                    m.ContentProblem(
                        file=one.file,
                        line=one.data.line_of(("contacts", index, "detail")),
                        problem=f"the contact '{c.name}' has the name of one of peerjournal's "
                        f"own support lines but another number ({c.detail}, not {detail}).",
                        hint="check the number, or give the contact a name of its own.",
                    )
                )
    return found


def _schedule(
    accepted: list[_Loaded], programmes: list[m.Programme], problems: list[m.ContentProblem]
) -> tuple[m.ScheduledSession, ...]:
    """Every pack's session dates; a later pack's date for a session replaces an earlier
    one's (an organisation's pack over the shipped), and a date for no session is reported."""
    sessions = {part.id for prog in programmes for part in prog.parts if part.session}
    found: dict[str, m.ScheduledSession] = {}
    for one in accepted:
        for part_id, at in one.pack.schedule.items():
            if part_id not in sessions:
                problems.append(
                    m.ContentProblem(
                        file=one.file,
                        line=one.data.line_of(("schedule", part_id)),
                        problem=f"the schedule gives a date to '{part_id}', which is not a "
                        "session.",
                        hint="use the id of a session, such as 'm1.s1' or 'course.s01'.",
                    )
                )
                continue
            found[part_id] = m.ScheduledSession(m.PartId(part_id), at, one.file)
    return tuple(found.values())


def check_files(files: Iterable[Path]) -> list[m.ContentProblem]:
    """Validates packs together, as the app would load them, and returns every problem."""
    return list(load_files(files).problems)


def check_warnings(files: Iterable[Path]) -> list[m.ContentProblem]:
    """What loads but may mislead a participant, for ``content check`` to say."""
    return list(load_files(files).warnings)


def _load_one(path: Path) -> _Loaded:
    name = path.name
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_PACK_BYTES + 1)
    except OSError:
        raise ContentPackError(
            file=name, line=1, problem="the file cannot be read.", hint="check its permissions."
        ) from None
    data = read_yaml(raw, file=name)
    if not isinstance(data.data, dict):
        raise ContentPackError(
            file=name,
            line=1,
            problem="a pack must start with its fields (peerjournal_pack, id, title ...).",
            hint="see content/README.md for the shape of a pack.",
        )
    try:
        pack = pack_model().model_validate(data.data)
    except ValidationError as exc:
        raise _explain(exc, data, name) from None
    _check_unique_within(pack, data, name)
    return _Loaded(pack=pack, data=data, file=name)


def _ids_with_paths(pack: PackBase) -> list[tuple[str, tuple[str | int, ...]]]:
    found: list[tuple[str, tuple[str | int, ...]]] = []
    for p_index, part in enumerate(pack.parts):
        found.append((part.id, ("parts", p_index, "id")))
        for i_index, item in enumerate(part.items):
            found.append((item.id, ("parts", p_index, "items", i_index, "id")))
    return found


def _check_unique_within(pack: PackBase, data: LocatedData, file: str) -> None:
    seen: set[str] = {pack.id}
    for ident, path in _ids_with_paths(pack):
        if ident in seen:
            raise ContentPackError(
                file=file,
                line=data.line_of(path),
                problem=f"the id '{ident}' is used twice in this pack.",
                hint="give each programme, part and question its own id.",
            )
        seen.add(ident)


def _drop_clashing(loaded: list[_Loaded], problems: list[m.ContentProblem]) -> list[_Loaded]:
    """A pack whose ids clash with an earlier pack's is skipped whole, never half-loaded."""
    taken: dict[str, str] = {}
    accepted: list[_Loaded] = []
    for one in loaded:
        clash: tuple[str, int] | None = None
        if one.pack.id in taken:
            clash = (one.pack.id, one.data.line_of(("id",)))
        else:
            for ident, path in _ids_with_paths(one.pack):
                if ident in taken:
                    clash = (ident, one.data.line_of(path))
                    break
        if clash:
            ident, line = clash
            problems.append(
                m.ContentProblem(
                    file=one.file,
                    line=line,
                    problem=f"the id '{ident}' is already used by {taken[ident]}.",
                    hint="give this pack's ids a prefix of their own, such as 'myorg.'.",
                )
            )
            log.warning("content pack skipped for a clashing id: %s", one.file)
            continue
        taken[one.pack.id] = one.file
        for ident, _path in _ids_with_paths(one.pack):
            taken[ident] = one.file
        accepted.append(one)
    return accepted


def _explain(exc: ValidationError, data: LocatedData, file: str) -> ContentPackError:
    errors = exc.errors(include_url=False)
    first = errors[0]
    loc = _yaml_path(first["loc"])
    if first["type"] == "value_error":
        # A check across fields names its main field first ("'choose' asks for ..."):
        # point at that field's line rather than the start of the item.
        reason = str(first.get("msg", "")).removeprefix("Value error, ")
        field_name = reason[1:].split("'", 1)[0] if reason.startswith("'") else ""
        if field_name and (*loc, field_name) in data.lines:
            loc = (*loc, field_name)
    line = data.line_of(loc)
    problem, hint = _describe(first, loc)
    if len(errors) > 1:
        hint = f"{hint} ({len(errors) - 1} more problem(s) may show once this is fixed.)"
    return ContentPackError(file=file, line=line, problem=problem, hint=hint.strip())


def _yaml_path(loc: tuple[int | str, ...]) -> tuple[str | int, ...]:
    """Drops pydantic's union-tag step (e.g. 'text' in items.3.text.id) to match YAML paths."""
    out: list[str | int] = []
    for index, step in enumerate(loc):
        if (
            isinstance(step, str)
            and step in kind_names()
            and index >= 1
            and isinstance(loc[index - 1], int)
            and index >= 2
            and loc[index - 2] == "items"
        ):
            continue
        out.append(step)
    return tuple(out)


def _describe(error: ErrorDetails, loc: tuple[str | int, ...]) -> tuple[str, str]:
    kind = error["type"]
    where = _field_name(loc)
    if kind == "union_tag_invalid":
        got = error.get("input", {})
        value = got.get("kind") if isinstance(got, dict) else got
        return (
            f"the kind '{value}' is not one peerjournal knows.",
            f"use one of: {', '.join(kind_names())}.",
        )
    if kind == "union_tag_not_found":
        return ("this item has no 'kind'.", f"add 'kind:' with one of: {', '.join(kind_names())}.")
    if kind == "missing":
        return (f"'{where}' is missing here.", f"add '{where}:' with its value.")
    if kind == "extra_forbidden":
        return (
            f"'{where}' is not a field peerjournal knows here.",
            "check its spelling or remove it.",
        )
    if kind == "string_pattern_mismatch":
        return (
            f"the {where} '{error.get('input')}' is not a valid id.",
            "use lower-case letters, digits, dots, dashes or underscores, like 'm1.s2.values'.",
        )
    if kind == "literal_error" and where == "peerjournal_pack":
        return (
            "this pack is written for another version of peerjournal.",
            "set 'peerjournal_pack: 1' at the top.",
        )
    if kind == "value_error":
        reason = str(error.get("msg", "")).removeprefix("Value error, ")
        return (f"{reason}.", "correct this item so the two agree.")
    return (
        f"'{where}' is not right: {error.get('msg', 'invalid value')}.",
        "compare it with the packs shipped in content/.",
    )


def _field_name(loc: tuple[str | int, ...]) -> str:
    names = [step for step in loc if isinstance(step, str)]
    return names[-1] if names else "pack"


__all__ = [
    "check_files",
    "load_content",
    "load_files",
    "pack_files",
    "shipped_packs_dir",
]
