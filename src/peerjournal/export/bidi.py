"""Right-to-left and left-to-right text in one line, in the order a reader expects.

The Unicode Bidirectional Algorithm (UAX #9) for one paragraph with no explicit
embeddings, applied to runs rather than characters: a run is a stretch of strong
left-to-right letters, of right-to-left letters, a number, or of neutral characters
(spaces, punctuation). That is all a printed story needs, and it lets a word that
HarfBuzz has already shaped (so already in visual order inside) move as one piece.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

L, R, NUMBER, NEUTRAL = "L", "R", "EN", ""
AL, ARABIC_NUMBER, TERMINATOR = "AL", "AN", "ET"
COMMON_SEPARATOR, EUROPEAN_SEPARATOR = "CS", "ES"
_EUROPEAN_DIGITS = "0-9\u06f0-\u06f9"
_ARABIC_DIGITS = "\u0660-\u0669"
NUMBER_RUN = re.compile(f"[{_EUROPEAN_DIGITS}]+|[{_ARABIC_DIGITS}]+")
_TERMINATORS = frozenset("#$%\u00a2\u00a3\u00a4\u00a5\u00b0\u00b1\u2030\u2031") | frozenset(
    chr(c) for c in range(0x20A0, 0x20D0)
)
_MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))


def char_kind(ch: str) -> str:
    if ch in _TERMINATORS:
        return TERMINATOR
    kind = unicodedata.bidirectional(ch)
    if kind == "AL":
        return AL
    if kind == "R":
        return R
    if kind == "L":
        return L
    if kind in ("EN", "AN"):
        return NUMBER
    return NEUTRAL


def text_kind(text: str) -> str:
    """The direction of the first strong character (L, R or AL), else NUMBER or NEUTRAL."""
    number = False
    for ch in text:
        kind = char_kind(ch)
        if kind in (L, R, AL):
            return kind
        number = number or kind == NUMBER
    return NUMBER if number else NEUTRAL


def is_rtl(kind: str) -> bool:
    return kind in (R, AL)


@dataclass(frozen=True, slots=True)
class Run:
    start: int
    end: int
    kind: str


def runs(text: str) -> list[Run]:
    """The text cut where its direction changes: letters, numbers, terminators (such
    as % and £, which join a number beside them), and neutrals."""
    out: list[Run] = []
    i = 0
    while i < len(text):
        number = NUMBER_RUN.match(text, i)
        if number:
            digit = text[i]
            kind = ARABIC_NUMBER if "\u0660" <= digit <= "\u0669" else NUMBER
            out.append(Run(i, number.end(), kind))
            i = number.end()
            continue
        kind = char_kind(text[i])
        if kind == NUMBER:
            kind = NEUTRAL  # a lone digit-like sign with no digits after it
        j = i + 1
        while j < len(text) and not NUMBER_RUN.match(text, j):
            nxt = char_kind(text[j])
            if (NEUTRAL if nxt == NUMBER else nxt) != kind:
                break
            j += 1
        if j == i + 1 and kind == NEUTRAL:
            kind = {"CS": COMMON_SEPARATOR, "ES": EUROPEAN_SEPARATOR}.get(
                unicodedata.bidirectional(text[i]), NEUTRAL
            )
        out.append(Run(i, j, kind))
        i = j
    return out


def levels(kinds: Sequence[str], rtl: bool) -> list[int]:
    """The embedding level of each run (rules W2-W7, N1, N2, I1, I2)."""
    base = 1 if rtl else 0
    sos = R if rtl else L
    work = list(kinds)
    previous = sos
    for i, kind in enumerate(work):
        if kind == NUMBER and previous == AL:
            work[i] = ARABIC_NUMBER  # W2
        if kind in (L, R, AL):
            previous = kind
    work = [R if k == AL else k for k in work]  # W3
    for i in range(1, len(work) - 1):  # W4: one separator between two numbers
        before, kind, after = work[i - 1], work[i], work[i + 1]
        if kind == EUROPEAN_SEPARATOR and before == after == NUMBER:
            work[i] = NUMBER
        elif kind == COMMON_SEPARATOR and before == after and before in (NUMBER, ARABIC_NUMBER):
            work[i] = before
    work = [NEUTRAL if k in (COMMON_SEPARATOR, EUROPEAN_SEPARATOR) else k for k in work]
    for i, kind in enumerate(work):  # W5, W6: terminators beside a European number
        if kind != TERMINATOR:
            continue
        j = i
        while j < len(work) and work[j] == TERMINATOR:
            j += 1
        beside = (i > 0 and work[i - 1] == NUMBER) or (j < len(work) and work[j] == NUMBER)
        for k in range(i, j):
            work[k] = NUMBER if beside else NEUTRAL
    previous = sos
    for i, kind in enumerate(work):  # W7
        if kind == NUMBER and previous == L:
            work[i] = L
        if kind in (L, R):
            previous = work[i]

    def as_strong(kind: str) -> str:
        return R if kind in (NUMBER, ARABIC_NUMBER) else kind

    resolved = list(work)
    for i, kind in enumerate(work):  # N1, N2
        if kind != NEUTRAL:
            continue
        before = next((as_strong(k) for k in reversed(work[:i]) if k), sos)
        after = next((as_strong(k) for k in work[i + 1 :] if k), sos)
        resolved[i] = before if before == after else sos
    table = (
        {L: 0, R: 1, NUMBER: 2, ARABIC_NUMBER: 2}
        if base == 0
        else {R: 1, L: 2, NUMBER: 2, ARABIC_NUMBER: 2}
    )
    return [table[kind] for kind in resolved]


def visual_order(run_levels: Sequence[int]) -> list[int]:
    """The drawing order of the runs (rule L2): reverse from the highest level down."""
    order = list(range(len(run_levels)))
    if not order:
        return order
    for level in range(max(run_levels), 0, -1):
        i = 0
        while i < len(order):
            if run_levels[order[i]] < level:
                i += 1
                continue
            j = i
            while j < len(order) and run_levels[order[j]] >= level:
                j += 1
            order[i:j] = order[i:j][::-1]
            i = j
    return order


def mirrored(text: str) -> str:
    """Brackets and quotes turned to face the other way, for right-to-left runs (L4)."""
    return "".join(_MIRROR.get(ch, ch) for ch in text)


def display(text: str, rtl: bool | None = None) -> str:
    """The whole text in visual order, character by character (for tests and plain
    strings): each right-to-left run reversed, neutrals in it mirrored."""
    found = runs(text)
    if rtl is None:
        rtl = is_rtl(text_kind(text))
    run_levels = levels([r.kind for r in found], rtl)
    pieces = []
    for i in visual_order(run_levels):
        run = found[i]
        piece = text[run.start : run.end]
        if run_levels[i] % 2:
            piece = piece[::-1] if is_rtl(run.kind) else mirrored(piece[::-1])
        pieces.append(piece)
    return "".join(pieces)
