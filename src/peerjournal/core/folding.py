"""One way to fold text for matching, for search and the recovery-language helper alike.

"Zoë", "ZOE" and "zoe" match; so do "Łukasz’s" and "lukasz's". Folding takes apart
accented letters (NFKD), drops every combining mark, folds case, maps a few letters
that do not decompose (ł, ø, đ, æ, œ, ı ...) and typographic quotes and dashes to
plain ones. Every mark with a non-zero combining class is dropped, so folding a text
whole and folding it a character at a time give the same result (canonical reordering
only ever moves such marks), which is what lets ``fold_with_map`` point back into the
original text.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import cache, lru_cache

EXTRA_FOLDS = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
        "‘": "'",
        "’": "'",
        "ʼ": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "‐": "-",
        "‑": "-",
        "–": "-",
        "—": "-",
    }
)
_EXTRA = re.compile("[" + "".join(re.escape(chr(c)) for c in EXTRA_FOLDS) + "]")


@cache
def _marks() -> re.Pattern[str]:
    """Every character with a combining class, as one class of ranges (built once)."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x300, sys.maxunicode + 1):
        if unicodedata.combining(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    parts = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return re.compile(f"[{parts}]+")


def _extra(match: re.Match[str]) -> str:
    return match.group().translate(EXTRA_FOLDS)


def fold(text: str) -> str:
    """Lower-cased, accent-free text for matching.

    Built from C-level steps (normalise, regex, casefold) because it runs over years of
    pages at every unlock; plain ASCII takes a short cut.
    """
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return _EXTRA.sub(_extra, _marks().sub("", decomposed).casefold())


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    return fold(ch)


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Folded text, and for each folded character the index of its original character."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        out.append(folded)
        index.extend([i] * len(folded))
    return "".join(out), index


__all__ = ["fold", "fold_with_map"]
