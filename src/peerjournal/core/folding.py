"""One way to fold text for matching, for search and the recovery-language helper alike.

"Zoë", "ZOE" and "zoe" match; so do "Łukasz’s" and "lukasz's". Folding takes apart
accented letters (NFKD), drops every combining mark, folds case, maps a few letters
that do not decompose (ł, ø, đ, æ, œ, ı ...) and typographic quotes and dashes to
plain ones. Every mark with a non-zero combining class is dropped. Each character is
folded on its own and the result kept, so years of pages cost one pass of C-level
steps plus a table lookup for each run of non-ASCII characters.
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata

import msgspec

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
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_ERRORS = "peerjournal-fold"


def _fold_one(ch: str) -> str:
    """One character's folding: the slow, exact definition, run once per distinct one."""
    decomposed = unicodedata.normalize("NFKD", ch)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.casefold().translate(EXTRA_FOLDS).lower()


class _Folds(dict[int, str]):
    """Code point -> its folding, filled as characters are first met (a translate table)."""

    def __missing__(self, code: int) -> str:
        folded = _fold_one(chr(code))
        self[code] = folded
        return folded


_FOLDS = _Folds()


def _fold_run(match: re.Match[str]) -> str:
    return match.group().translate(_FOLDS)


def _fold_unencodable(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return error.object[error.start : error.end].translate(_FOLDS), error.end


codecs.register_error(_ERRORS, _fold_unencodable)


def fold(text: str) -> str:
    """Lower-cased, accent-free text for matching.

    It runs over years of pages at every unlock. Most pages are English with a few
    names in them (Zoë, Łukasz): the ASCII encoder walks such a page in C and hands only
    its runs of other characters to the per-character table, and the bytes are lowered
    in C. A page whose folding is not ASCII (Greek, Arabic, Chinese) makes the encoder
    give up, and goes through a regular expression of non-ASCII runs instead. Every
    character folds on its own, so folding a text whole and a character at a time agree,
    which is what lets ``fold_with_map`` point back into the original text.
    """
    if text.isascii():
        return text.lower()
    try:
        return text.encode("ascii", _ERRORS).lower().decode("ascii")
    except UnicodeEncodeError:
        return _NON_ASCII.sub(_fold_run, text).lower()


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Folded text, and for each folded character the index of its original character.

    Runs of ASCII map one to one, so only the other characters are looked at one by one
    (a search's fifty snippets are mostly English around a name or two).
    """
    if text.isascii():
        return text.lower(), list(range(len(text)))
    out: list[str] = []
    index: list[int] = []
    done = 0
    for match in _NON_ASCII.finditer(text):
        start, end = match.span()
        out.append(text[done:start].lower())
        index.extend(range(done, start))
        for i in range(start, end):
            folded = _FOLDS[ord(text[i])]
            out.append(folded)
            index.extend([i] * len(folded))
        done = end
    out.append(text[done:].lower())
    index.extend(range(done, len(text)))
    return "".join(out), index


_ASCII_BYTES = bytes(range(0x80))
_CONTINUATION_BYTES = bytes(range(0x80, 0xC0))
# ASCII lowered; each UTF-8 lead byte becomes a NUL marking where its character was (a
# JSON text never holds a raw NUL: it is written \u0000); continuation bytes are deleted.
_SKELETON = bytes(range(0x80)).lower() + bytes(0x80)


class _JsonFolds(dict[str, bytes]):
    """Character -> its folding, spelled as it goes inside a JSON string."""

    def __missing__(self, ch: str) -> bytes:
        spelled = json.dumps(_FOLDS[ord(ch)], ensure_ascii=False)[1:-1].encode("utf-8")
        self[ch] = spelled
        return spelled


_JSON_FOLDS = _JsonFolds()
_TEXT_VALUE = msgspec.json.Decoder(dict[str, str])


def fold_page_json(raw: bytes) -> str | None:
    """``fold(value["text"])`` of a page's value as sealed (``{"text": ...}`` in UTF-8 JSON),
    without making the text into a string first; None when the value is not just that.

    Folding a page costs a call into Python for each run of non-ASCII letters (about 2 us
    each, seven a page); here the JSON's bytes are lowered and split at those letters by
    C-level passes, the foldings put in between, and the result, now ASCII, decoded.
    JSON escapes are ASCII, and lowering keeps them what they were.
    """
    if raw.isascii():
        folded = raw.lower()
    else:
        try:
            others = raw.translate(None, _ASCII_BYTES).decode("utf-8")
        except UnicodeDecodeError:
            return None
        parts = raw.translate(_SKELETON, _CONTINUATION_BYTES).split(b"\0")
        if len(parts) != len(others) + 1:
            return None
        joined: list[bytes] = [b""] * (2 * len(parts) - 1)
        joined[0::2] = parts
        joined[1::2] = [_JSON_FOLDS[ch] for ch in others]
        folded = b"".join(joined)
    try:
        value = _TEXT_VALUE.decode(folded)
    except msgspec.MsgspecError:
        return None
    text = value.get("text")
    return text if len(value) == 1 and text is not None else None


__all__ = ["fold", "fold_page_json", "fold_with_map"]
