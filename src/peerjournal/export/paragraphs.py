"""Paragraphs that print any script: shaped where a script needs it, and right-to-left
words in reading order.

reportlab shapes text with HarfBuzz (``uharfbuzz``) when a paragraph's style asks for it,
which Arabic, Hebrew and the Indic scripts need for their letters to join and stack. It
shapes only the paragraphs that hold such a script, so the rest of a story prints exactly
as it always has. Two gaps are filled here:

- reportlab shapes a word set in two fonts with the first font's glyphs (a Latin comma
  after an Arabic name came out as a stray glyph); each font's run is shaped apart.
- reportlab orders words right to left only through ``rlbidi``, which is not on PyPI,
  and not at all for paragraphs of several fonts. Lines are broken in reading order as
  usual, then each line's words are drawn in the order the Unicode Bidirectional
  Algorithm gives them (rules W1-W7, N1-N2 and L2 at the level of words: a shaped word
  is already in visual order inside). A paragraph that begins in a right-to-left script
  is set right to left and aligned right.
"""

from __future__ import annotations

import contextlib
import copy
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any

from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.paragraph import Paragraph

from peerjournal.export import bidi, fonts

_original_shape = ttfonts.shapeFragWord
_original_format = PDFTextObject._formatText
_original_set_rise = PDFTextObject.setRise
_original_cmap = ttfonts.makeToUnicodeCMap
# What each shaped word was before shaping, by (font, glyphs), and whether to write it
# into the PDF as the word's ActualText, so that copying or searching the PDF gives the
# letters typed, not glyphs. A right-to-left word whose glyphs read back as its letters
# gets none: PDF readers put those back in reading order themselves.
_typed: dict[tuple[str, str], tuple[str, bool]] = {}
_typed_lock = threading.Lock()
# The features a font applies by default; reportlab adds discretionary ligatures, which
# turned the vav-vav of תקווה into the Yiddish ligature װ.
_FEATURES = {"kern": True, "liga": True}


def _remember(shaped: Any, typed: str) -> None:
    pieces = [p for p in shaped[1:] if isinstance(p[1], ShapedStr)]
    if len(pieces) != 1:
        return
    f, glyphs = pieces[0][0], str(pieces[0][1])
    if f.fontName in fonts.RIGHT_TO_LEFT:
        readable = _nfkc(glyphs[::-1]) == _nfkc(typed)
        entry = (typed, not readable)
    elif glyphs != typed or f.fontName in fonts.SHAPED:
        entry = (typed, True)
    else:
        return
    with _typed_lock:
        _typed[(f.fontName, glyphs)] = entry


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _font_runs(parts: Sequence[Any]) -> list[tuple[list[Any], bool]]:
    """A word's parts grouped by font, each group marked to be shaped or not.

    Digits inside a right-to-left font are left unshaped: HarfBuzz shapes a run in one
    direction only, and would print the year ۲۰۱۵ backwards.
    """
    groups: list[list[Any]] = []
    for part in parts:
        if groups and groups[-1][-1][0].fontName == part[0].fontName:
            groups[-1].append(part)
        else:
            groups.append([part])
    out: list[tuple[list[Any], bool]] = []
    for group in groups:
        f = group[0][0]
        if f.fontName not in fonts.RIGHT_TO_LEFT or len(group) > 1:
            out.append((group, True))
            continue
        text = str(group[0][1])
        at = 0
        for m in bidi.NUMBER_RUN.finditer(text):
            if m.start() > at:
                out.append(([(f, text[at : m.start()])], True))
            out.append(([(f, m.group(0))], False))
            at = m.end()
        if at < len(text):
            out.append(([(f, text[at:])], True))
    return out


def _shape_by_font(w: Any, *args: Any, **kwargs: Any) -> Any:
    """reportlab's shaping, one font's run at a time."""
    parts = w[1:]
    if isinstance(w, ttfonts.ShapedFragWord) or any(isinstance(t, ShapedStr) for _f, t in parts):
        return w  # shaped already, before the paragraph was split across pages
    if any(hasattr(f, "cbDefn") for f, _ in parts):
        return _original_shape(w, *args, **kwargs)
    groups = _font_runs(parts)
    if len(groups) == 1 and groups[0][1]:
        shaped = _original_shape(w, _FEATURES)
        if shaped is not w:
            _remember(shaped, "".join(str(t) for _f, t in parts))
        return shaped
    out = ttfonts.makeShapedFragWord(w)([0.0])
    for group, shape in groups:
        if shape:
            piece = _original_shape([0.0, *group], _FEATURES, force=True)
            _remember(piece, "".join(str(t) for _f, t in group))
            out[0] += piece[0]
            out.extend(piece[1:])
        else:
            for f, text in group:
                out[0] += stringWidth(text, f.fontName, f.fontSize)
                out.append((f, text))
    return out


def _rise_even_first(self: PDFTextObject, rise: float) -> None:
    """reportlab's setRise looks at the piece of code before it, and a shaped run starts
    with none when its first glyph is raised (a Hebrew accent before a letter): an empty
    piece there writes nothing into the page."""
    if not self._code:
        self._code.append("")
    _original_set_rise(self, rise)


def _format_with_typed_text(self: PDFTextObject, text: Any) -> str:
    code: str = _original_format(self, text)
    if isinstance(text, ShapedStr):
        typed, write = _typed.get((self._fontname, str(text)), ("", False))
        if write:
            utf16 = typed.encode("utf-16-be").hex().upper()
            return f"/Span <</ActualText <FEFF{utf16}>>> BDC {code} EMC"
    return code


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's ToUnicode map, with characters beyond U+FFFF as UTF-16 pairs.

    reportlab writes each as four hex digits or more, so 🌱 (U+1F331) read back as ἳ.
    """
    cmap: str = _original_cmap(fontname, [0] * len(subset))
    head, _sep, tail = cmap.partition("beginbfchar\n")
    _entries, _sep2, rest = tail.partition("endbfchar")
    lines = [
        f"<{i:02X}> <{chr(code).encode('utf-16-be').hex().upper()}>"
        for i, code in enumerate(subset)
    ]
    return head + "beginbfchar\n" + "\n".join(lines) + "\nendbfchar" + rest


def shaping_available() -> bool:
    """Whether reportlab found HarfBuzz (a packaged app that lost it prints unjoined)."""
    return ttfonts.uharfbuzz is not None


def install() -> None:
    """Puts the pieces above in reportlab's place (once, from ``fonts.register_fonts``)."""
    rl_paragraph.shapeFragWord = _shape_by_font
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    PDFTextObject._formatText = _format_with_typed_text
    PDFTextObject.setRise = _rise_even_first


def forget_words() -> None:
    """Empties the shaped-word memory and the made styles between documents."""
    with _typed_lock:
        _typed.clear()
        _styles.clear()


def starts_right_to_left(frags: Sequence[Any]) -> bool:
    """Whether the paragraph's first letter is of a right-to-left script (rule P2)."""
    for f in frags:
        kind = bidi.text_kind(str(getattr(f, "text", "") or ""))
        if kind not in (bidi.NUMBER, bidi.NEUTRAL):
            return bidi.is_rtl(kind)
    return False


def _tokens(f: Any, text: Any) -> list[tuple[Any, Any, str]]:
    """A fragment's text as (fragment, piece, kind), cut where direction changes.

    A shaped word whose glyphs differ from the letters typed moves whole, with the
    direction of what was typed: HarfBuzz has put its glyphs in visual order already.
    """
    out: list[tuple[Any, Any, str]] = []
    for m in fonts.WORDS.finditer(str(text)):
        piece = text[m.start() : m.end()]
        typed = _typed.get((f.fontName, str(piece)))
        if typed is not None:
            out.append((f, piece, bidi.text_kind(typed[0])))
            continue
        for run in bidi.runs(str(piece)):
            out.append((f, piece[run.start : run.end], run.kind))
    return out


def _reordered(words: Sequence[Any], rtl: bool, shaped: bool) -> list[Any] | None:
    """The line's words in drawing order, each its own fragment (None: as it stands).

    A shaped paragraph's words are always split apart, so each carries its typed text.
    """
    tokens: list[tuple[Any, Any, str]] = []
    for f in words:
        text = getattr(f, "text", None)
        if not text or hasattr(f, "cbDefn"):
            tokens.append((f, None, bidi.NEUTRAL))
        else:
            tokens.extend(_tokens(f, text))
    kinds = [kind for _f, _piece, kind in tokens]
    if not rtl and not shaped and bidi.R not in kinds:
        return None
    run_levels = bidi.levels(kinds, rtl)
    out: list[Any] = []
    for i in bidi.visual_order(run_levels):
        f, piece, kind = tokens[i]
        if piece is None:
            out.append(f)
            continue
        if run_levels[i] % 2 and kind == bidi.NEUTRAL:
            piece = _mirror(piece)
        out.append(f.clone(text=piece))
    return out


def _mirror(piece: Any) -> Any:
    """A neutral run read right to left: its characters reversed, brackets turned."""
    turned = bidi.mirrored(str(piece)[::-1])
    if isinstance(piece, ShapedStr):
        return ShapedStr(turned, shapeData=list(reversed(piece.__shapeData__)))
    return turned


_styles: dict[tuple[int, bool, bool], ParagraphStyle] = {}


def _style(style: ParagraphStyle, shaping: bool, rtl: bool) -> ParagraphStyle:
    key = (id(style), shaping, rtl)
    made = _styles.get(key)
    if made is None or made.parent is not style:
        changes: dict[str, Any] = {}
        if shaping:
            changes["shaping"] = 1
        if rtl and style.alignment in (TA_LEFT, TA_JUSTIFY):
            changes["alignment"] = TA_RIGHT
        made = ParagraphStyle(f"{style.name}-script", parent=style, **changes)
        _styles[key] = made
    return made


class LayoutSwitch(threading.local):
    """A plainer way of laying out, for what is made inside ``on()`` on this thread
    (``booklet.build``'s later tries, for what reportlab could not lay out)."""

    active = False

    @contextlib.contextmanager
    def on(self) -> Iterator[None]:
        before, self.active = self.active, True
        try:
            yield
        finally:
            self.active = before


UNSHAPED = LayoutSwitch()
"""Paragraphs made while it is on are not shaped."""


class ScriptParagraph(Paragraph):  # type: ignore[misc]  # reportlab has no type hints
    """A ``Paragraph`` for text from ``fonts.markup``, in any script."""

    def __init__(self, text: str | None, style: ParagraphStyle, *args: Any, **kwargs: Any):
        fonts.register_fonts()
        super().__init__(text, style, *args, **kwargs)
        faces = {getattr(f, "fontName", "") for f in self.frags}
        shaping = bool(faces & fonts.SHAPED) and not UNSHAPED.active
        self._rtl = starts_right_to_left(self.frags)
        if shaping or self._rtl:
            self.style = _style(style, shaping, self._rtl)

    def drawPara(self, debug: int = 0) -> Any:
        bl = getattr(self, "blPara", None)
        if bl is None or getattr(bl, "kind", 0) != 1:
            return super().drawPara(debug)
        logical = bl.lines
        visual = []
        for line in logical:
            words = _reordered(line.words, self._rtl, bool(self.style.shaping))
            if words is None:
                visual.append(line)
            else:
                moved = copy.copy(line)
                moved.words = words
                visual.append(moved)
        bl.lines = visual
        try:
            return super().drawPara(debug)
        finally:
            bl.lines = logical
