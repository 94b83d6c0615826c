"""The fonts embedded in every PDF, and turning any text into safe reportlab markup.

Body text is Noto Serif, headings and the footer Noto Sans. A name or a sentence in
another script is set in a font made for it: Noto Naskh Arabic (Arabic, Urdu, Persian),
Noto Serif Hebrew, Bengali, Devanagari, Gurmukhi and Tamil, Droid Sans Fallback for
Chinese, Japanese and Korean, then DejaVu Sans and Symbola for symbols and emoji. All are
shipped in ``resources/fonts`` with their licences, and reportlab embeds only the glyphs
a PDF uses. Anything no font has is printed as its Unicode name in brackets, so a PDF
never shows an empty box. Control and invisible formatting characters are dropped.

A character the body fonts lack stays in the font of the letters before it when that
font has it (a mark, a danda, a sign), so a word of one script is one run.

``markup(text)`` is the only way participant text enters a reportlab ``Paragraph``: it
escapes ``&``, ``<`` and ``>`` and adds only ``<font>`` tags of its own, so no text can
inject markup or break the layout engine.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from peerjournal.core.paths import bundled_dir

SERIF = "PJSerif"
SERIF_BOLD = "PJSerif-Bold"
SERIF_ITALIC = "PJSerif-Italic"
SERIF_BOLD_ITALIC = "PJSerif-BoldItalic"
SANS = "PJSans"
SANS_BOLD = "PJSans-Bold"
FALLBACK = "PJFallback"

_FILES = {
    SERIF: "NotoSerif-Regular.ttf",
    SERIF_BOLD: "NotoSerif-Bold.ttf",
    SERIF_ITALIC: "NotoSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "NotoSerif-BoldItalic.ttf",
    SANS: "NotoSans-Regular.ttf",
    SANS_BOLD: "NotoSans-Bold.ttf",
}
_PRIMARY = (SERIF, SERIF_BOLD, SERIF_ITALIC, SERIF_BOLD_ITALIC, SANS, SANS_BOLD)


@dataclass(frozen=True, slots=True)
class Face:
    """A font for what the body fonts lack: for its own blocks only, or for anything."""

    name: str
    regular: str
    bold: str | None = None
    blocks: tuple[tuple[int, int], ...] = ()
    shaped: bool = False
    rtl: bool = False


_ARABIC = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
_CJK = (
    (0x2E80, 0x2FDF),
    (0x3000, 0x33FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xA000, 0xA4CF),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
    (0x20000, 0x2FFFF),
)
SCRIPT_FACES = (
    Face(
        "PJArabic", "NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf", _ARABIC, True, True
    ),
    Face(
        "PJHebrew",
        "NotoSerifHebrew-Regular.ttf",
        "NotoSerifHebrew-Bold.ttf",
        ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)),
        True,
        True,
    ),
    Face(
        "PJBengali",
        "NotoSerifBengali-Regular.ttf",
        "NotoSerifBengali-Bold.ttf",
        ((0x0980, 0x09FF),),
        True,
    ),
    Face(
        "PJDevanagari",
        "NotoSerifDevanagari-Regular.ttf",
        "NotoSerifDevanagari-Bold.ttf",
        ((0x0900, 0x097F), (0xA8E0, 0xA8FF)),
        True,
    ),
    Face(
        "PJGurmukhi",
        "NotoSerifGurmukhi-Regular.ttf",
        "NotoSerifGurmukhi-Bold.ttf",
        ((0x0A00, 0x0A7F),),
        True,
    ),
    Face(
        "PJTamil",
        "NotoSerifTamil-Regular.ttf",
        "NotoSerifTamil-Bold.ttf",
        ((0x0B80, 0x0BFF),),
        True,
    ),
    Face("PJCJK", "DroidSansFallbackFull.ttf", None, _CJK),
)
GENERAL_FACES = (
    Face(FALLBACK, "DejaVuSans.ttf"),
    Face("PJSymbols", "Symbola.ttf"),
    Face("PJCJK", "DroidSansFallbackFull.ttf"),
)
_BY_NAME = {face.name: face for face in SCRIPT_FACES + GENERAL_FACES}
SHAPED = frozenset(
    name for face in SCRIPT_FACES if face.shaped for name in (face.name, f"{face.name}-Bold")
)
RIGHT_TO_LEFT = frozenset(
    name for face in SCRIPT_FACES if face.rtl for name in (face.name, f"{face.name}-Bold")
)
_SHAPED_BLOCKS = tuple(block for face in SCRIPT_FACES if face.shaped for block in face.blocks)

_lock = threading.RLock()
_registered = False
_loaded: dict[str, frozenset[int]] = {}

# Characters we never print: they are invisible or steer layout in ways reportlab
# cannot honour (bidi controls, variation selectors, emoji modifiers). The joiners stay
# inside a word of a shaped script, where they choose a letter's form.
_DROP_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}
_JOINERS = "\u200c\u200d"
WORDS = re.compile(r" +|[^ ]+")
"""Runs of spaces and the words between them."""


def fonts_dir() -> Path:
    return bundled_dir("resources") / "fonts"


def register_fonts() -> None:
    """Registers the fonts with reportlab once per process (safe from any thread)."""
    global _registered
    with _lock:
        if _registered:
            return
        base = fonts_dir()
        for name, file in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(base / file)))
        pdfmetrics.registerFontFamily(
            SERIF,
            normal=SERIF,
            bold=SERIF_BOLD,
            italic=SERIF_ITALIC,
            boldItalic=SERIF_BOLD_ITALIC,
        )
        pdfmetrics.registerFontFamily(
            SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD
        )
        from peerjournal.export import paragraphs

        paragraphs.install()
        _registered = True


@lru_cache(maxsize=1)
def primary_chars() -> frozenset[int]:
    """What every body font has: such text needs no other font."""
    register_fonts()
    chars = set(pdfmetrics.getFont(_PRIMARY[0]).face.charToGlyph)
    for name in _PRIMARY[1:]:
        chars &= set(pdfmetrics.getFont(name).face.charToGlyph)
    return frozenset(chars)


def _chars(face: Face) -> frozenset[int]:
    """A fallback face's characters, the face registered on first need.

    Loading waits for a character that needs it: Droid Sans Fallback alone is 4 MB and
    some megabytes of memory once read, which an English story never pays.
    """
    chars = _loaded.get(face.name)
    if chars is None:
        register_fonts()
        with _lock:
            chars = _loaded.get(face.name)
            if chars is None:
                base = fonts_dir()
                pdfmetrics.registerFont(TTFont(face.name, str(base / face.regular)))
                bold = face.name
                if face.bold:
                    bold = f"{face.name}-Bold"
                    pdfmetrics.registerFont(TTFont(bold, str(base / face.bold)))
                for is_bold, style_name in ((0, face.name), (1, bold)):
                    addMapping(face.name, is_bold, 0, style_name)
                    addMapping(face.name, is_bold, 1, style_name)
                chars = frozenset(pdfmetrics.getFont(face.name).face.charToGlyph)
                _loaded[face.name] = chars
    return chars


@lru_cache(maxsize=4096)
def face_for(code: int) -> str | None:
    """The face a character is set in: None for the body fonts, "" when none has it."""
    if code in primary_chars():
        return None
    for face in SCRIPT_FACES + GENERAL_FACES:
        if face.blocks and not any(lo <= code <= hi for lo, hi in face.blocks):
            continue
        if code in _chars(face):
            return face.name
    return ""


def _covers(name: str, code: int) -> bool:
    return code in _chars(_BY_NAME[name])


def char_name(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"[{name.lower()}]" if name else f"[U+{ord(ch):04X}]"


def clean(text: str) -> str:
    """NFC, tabs and line breaks as spaces, invisible and control characters dropped."""
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch in "\t\n\r\v\f\u2028\u2029":
            out.append(" ")
            continue
        if ch in _JOINERS and _between_shaped(text, i):
            out.append(ch)
            continue
        category = unicodedata.category(ch)
        if category in _DROP_CATEGORIES:
            continue
        if 0xFE00 <= ord(ch) <= 0xFE0F or 0x1F3FB <= ord(ch) <= 0x1F3FF:
            continue  # variation selectors and skin-tone modifiers
        if 0xE0000 <= ord(ch) <= 0xE007F:
            continue  # tag characters (flag sequences)
        out.append(ch)
    return "".join(out)


def _between_shaped(text: str, i: int) -> bool:
    def shaped(ch: str) -> bool:
        return any(lo <= ord(ch) <= hi for lo, hi in _SHAPED_BLOCKS)

    return 0 < i < len(text) - 1 and shaped(text[i - 1]) and shaped(text[i + 1])


def _flag(a: str, b: str) -> str:
    return f"[flag {chr(ord(a) - 0x1F1E6 + 65)}{chr(ord(b) - 0x1F1E6 + 65)}]"


def _pieces(word: str) -> Iterator[tuple[str | None, str]]:
    """A word's characters with the face each is set in (None: the body fonts)."""
    i = 0
    last: str | None = None
    while i < len(word):
        ch = word[i]
        code = ord(ch)
        if 0x1F1E6 <= code <= 0x1F1FF:
            nxt = word[i + 1] if i + 1 < len(word) else ""
            if nxt and 0x1F1E6 <= ord(nxt) <= 0x1F1FF:
                yield None, _flag(ch, nxt)
                i += 2
            else:
                yield None, char_name(ch)
                i += 1
            last = None
            continue
        face = face_for(code)
        binds = unicodedata.category(ch).startswith("M") or ch in _JOINERS
        if last and (face is not None or binds) and _covers(last, code):
            face = last  # a mark, joiner, danda or sign stays in its letters' font
        if face == "":
            if not unicodedata.category(ch).startswith("M"):
                yield None, char_name(ch)  # a combining mark no font can place is left out
            last = None
        else:
            yield face, ch
            last = face
        i += 1


def runs(text: str) -> list[tuple[str | None, str]]:
    """The cleaned text as runs of one face each; spaces join the run before them."""
    out: list[tuple[str | None, str]] = []
    for match in WORDS.finditer(clean(text)):
        word = match.group(0)
        if word[0] == " ":
            pieces: list[tuple[str | None, str]] = [(out[-1][0] if out else None, word)]
        else:
            pieces = list(_pieces(word))
        for face, piece in pieces:
            if out and out[-1][0] == face:
                out[-1] = (face, out[-1][1] + piece)
            else:
                out.append((face, piece))
    return out


def markup(text: str) -> str:
    """Participant text as reportlab paragraph markup, escaped, with font fallback."""
    return "".join(
        escape(piece) if face is None else f'<font face="{face}">{escape(piece)}</font>'
        for face, piece in runs(text)
    )


def plain(text: str) -> str:
    """The same substitutions as ``markup`` but as plain text (for PDF metadata, charts)."""
    return "".join(piece for _face, piece in runs(text))
