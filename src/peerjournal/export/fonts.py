"""The fonts embedded in every PDF, and turning any text into safe reportlab markup.

Body text is Noto Serif, headings and the footer Noto Sans, both shipped in
``resources/fonts`` with their licence. Characters Noto lacks but DejaVu Sans has
(arrows, stars, ticks, many symbols) are set in DejaVu Sans. Anything neither has, such
as emoji, is printed as its Unicode name in brackets ("[grinning face]"), so a PDF never
shows an empty box. Control and invisible formatting characters are dropped.

``markup(text)`` is the only way participant text enters a reportlab ``Paragraph``: it
escapes ``&``, ``<`` and ``>`` and adds only ``<font>`` tags of its own, so no text can
inject markup or break the layout engine.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
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
    FALLBACK: "DejaVuSans.ttf",
}
_PRIMARY = (SERIF, SERIF_BOLD, SERIF_ITALIC, SERIF_BOLD_ITALIC, SANS, SANS_BOLD)

_lock = threading.Lock()
_registered = False

# Characters we never print: they are invisible or steer layout in ways reportlab
# cannot honour (bidi controls, joiners, variation selectors, emoji modifiers).
_DROP_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}


@dataclass(frozen=True, slots=True)
class Coverage:
    primary: frozenset[int]
    fallback: frozenset[int]


def fonts_dir() -> str:
    return str(bundled_dir("resources") / "fonts")


def register_fonts() -> None:
    """Registers the fonts with reportlab once per process (safe from any thread)."""
    global _registered
    with _lock:
        if _registered:
            return
        base = bundled_dir("resources") / "fonts"
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
        addMapping(FALLBACK, 0, 0, FALLBACK)
        addMapping(FALLBACK, 1, 0, FALLBACK)
        addMapping(FALLBACK, 0, 1, FALLBACK)
        addMapping(FALLBACK, 1, 1, FALLBACK)
        _registered = True


@lru_cache(maxsize=1)
def coverage() -> Coverage:
    register_fonts()

    def cmap(name: str) -> set[int]:
        font = pdfmetrics.getFont(name)
        return set(font.face.charToGlyph)

    primary = cmap(_PRIMARY[0])
    for name in _PRIMARY[1:]:
        primary &= cmap(name)
    return Coverage(frozenset(primary), frozenset(cmap(FALLBACK)))


def char_name(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"[{name.lower()}]" if name else f"[U+{ord(ch):04X}]"


def clean(text: str) -> str:
    """NFC, tabs and line breaks as spaces, invisible and control characters dropped."""
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    for ch in text:
        if ch in "\t\n\r\v\f\u2028\u2029":
            out.append(" ")
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


def _flag(a: str, b: str) -> str:
    return f"[flag {chr(ord(a) - 0x1F1E6 + 65)}{chr(ord(b) - 0x1F1E6 + 65)}]"


def markup(text: str) -> str:
    """Participant text as reportlab paragraph markup, escaped, with font fallback.

    The text is set in one of the Noto fonts (whose coverage is shared); characters they
    lack are set in DejaVu Sans or, failing that, named.
    """
    cov = coverage()
    text = clean(text)
    out: list[str] = []
    run: list[str] = []
    in_fallback = False

    def flush() -> None:
        nonlocal run
        if not run:
            return
        piece = escape("".join(run))
        out.append(f'<font face="{FALLBACK}">{piece}</font>' if in_fallback else piece)
        run = []

    i = 0
    while i < len(text):
        ch = text[i]
        code = ord(ch)
        if 0x1F1E6 <= code <= 0x1F1FF:
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if nxt and 0x1F1E6 <= ord(nxt) <= 0x1F1FF:
                substitute, step = _flag(ch, nxt), 2
            else:
                substitute, step = char_name(ch), 1
            if in_fallback:
                flush()
                in_fallback = False
            run.append(substitute)
            i += step
            continue
        if code in cov.primary or ch == " ":
            if in_fallback:
                flush()
                in_fallback = False
            run.append(ch)
        elif code in cov.fallback:
            if not in_fallback:
                flush()
                in_fallback = True
            run.append(ch)
        else:
            if unicodedata.category(ch) == "Mn":
                i += 1
                continue  # a combining mark no font can place: leave it out
            if in_fallback:
                flush()
                in_fallback = False
            run.append(char_name(ch))
        i += 1
    flush()
    return "".join(out)


def plain(text: str) -> str:
    """The same substitutions as ``markup`` but as plain text (for PDF metadata, charts)."""
    cov = coverage()
    out: list[str] = []
    for ch in clean(text):
        code = ord(ch)
        if code in cov.primary or code in cov.fallback or ch == " ":
            out.append(ch)
        elif unicodedata.category(ch) != "Mn":
            out.append(char_name(ch))
    return "".join(out)
