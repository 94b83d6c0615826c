"""Markdown to the rich text Qt shows: the programme's readings and answer previews."""

from __future__ import annotations

import html
from functools import lru_cache

import markdown

_EXTENSIONS = ["tables", "sane_lists"]
_converter: markdown.Markdown | None = None


@lru_cache(maxsize=1024)
def to_html(text: str, *, rule_colour: str = "#CDD3C8") -> str:
    """The programme's own Markdown (content packs) as HTML for a ``QLabel``.

    Tables get room to breathe: cell padding, left-aligned headings and light rules
    (Qt's rich text ignores most CSS, so this uses the attributes it understands).
    One converter serves every call (building one cost more than converting a reading,
    and a part's page holds dozens), and each text is converted once: the readings do
    not change while the app runs. Called on the UI thread only.
    """
    global _converter
    if _converter is None:
        _converter = markdown.Markdown(extensions=_EXTENSIONS, output_format="html")
    out = _converter.reset().convert(text)
    if "<table>" in out:
        out = out.replace(
            "<table>",
            '<table width="100%" cellspacing="0" cellpadding="7" border="1" '
            f'style="border-collapse: collapse; border-color: {rule_colour};">',
        )
        out = out.replace("<th>", '<th align="left">')
    return out


def escape(text: str) -> str:
    return html.escape(text, quote=False)


def with_highlights(text: str, spans: tuple[tuple[int, int], ...], colour: str) -> str:
    """``text`` as HTML with each (start, end) span emphasised."""
    out: list[str] = []
    at = 0
    for start, end in sorted(spans):
        if start < at or start >= end:
            continue
        out.append(escape(text[at:start]))
        out.append(f'<b style="background-color:{colour}">{escape(text[start:end])}</b>')
        at = end
    out.append(escape(text[at:]))
    return "".join(out)


__all__ = ["escape", "to_html", "with_highlights"]
