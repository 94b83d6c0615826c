"""The participant's Markdown as reportlab flowables.

Python-Markdown parses the text with its raw-HTML and entity handling switched off, so
anything that looks like HTML in what they wrote stays text. Its output (which we now
trust, because it only holds tags Markdown made) is walked into flowables: paragraphs
with bold and italics, headings, line breaks, bullet and numbered lists (nested), block
quotes with a quiet rule, code, and rules. Every piece of text goes through
``fonts.markup``, which escapes it and handles characters the fonts lack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import markdown
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Spacer,
)
from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus.flowables import HRFlowable

from peerjournal.export import fonts
from peerjournal.export.paragraphs import LayoutSwitch, ScriptParagraph

AMP = "\uf8ff"  # stands in for '&' while Markdown runs, so entities stay as typed
_LIST_LINE = re.compile(r"^( +)([-*+]|\d{1,9}[.)])( |$)")
MAX_NESTING = 12
LONG_HEADING = 200
"""A heading longer than this is not kept with what follows it. A line that begins with
``#`` is a heading in Markdown, and one taller than a page, kept with the next, had
reportlab start page after page without end (``#`` and 3,000 letters)."""


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    _VOID = frozenset({"br", "hr", "img"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self._stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self._stack[-1].children.append(node)
        if tag not in self._VOID:
            self._stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth].tag == tag:
                del self._stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self._stack[-1].children.append(data.replace(AMP, "&"))


def _even_list_indents(text: str) -> str:
    """Lets lists nested with 2 or 3 spaces nest, as most people type them.

    Python-Markdown wants 4 spaces per level. Within each block of list lines, the
    smallest indent used for a nested item is taken as one level and scaled to 4.
    """
    lines = text.split("\n")
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        indents = [len(m.group(1)) for line in block if (m := _LIST_LINE.match(line)) is not None]
        step = min(indents) if indents else 4
        if step >= 4:
            out.extend(block)
        else:
            for line in block:
                stripped = line.lstrip(" ")
                lead = len(line) - len(stripped)
                out.append(" " * ((lead // step) * 4 + lead % step) + stripped)
        block.clear()

    in_list = False
    for line in lines:
        is_item = bool(re.match(r"^\s*([-*+]|\d{1,9}[.)])( |$)", line))
        if is_item:
            in_list = True
        elif in_list and not line.strip():
            in_list = False
            flush()
        if in_list:
            block.append(line)
        else:
            out.append(line)
    flush()
    return "\n".join(out)


def parse(text: str) -> Node:
    """Markdown to a small tree of the HTML Python-Markdown makes (raw HTML stays text)."""
    md = markdown.Markdown(extensions=["nl2br", "sane_lists"])
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.inlinePatterns.deregister("entity")
    source = text.replace(AMP, "").replace("\r\n", "\n").replace("\r", "\n")
    source = _even_list_indents(source.replace("&", AMP))
    html = md.convert(source)
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


@dataclass(frozen=True)
class MarkdownStyles:
    body: ParagraphStyle
    heading: ParagraphStyle
    quote: ParagraphStyle
    code: ParagraphStyle
    bullet_font: str
    rule_color: Any
    quote_rule_color: Any
    bullets: tuple[str, ...] = ("•", "–", "•")


PLAINLY = LayoutSwitch()
"""Markdown laid out while it is on is plain: a quote's words without its rule, and no
list kept together."""


class QuoteBlock(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Flowables set in from the left with a quiet vertical rule; splits across pages."""

    def __init__(
        self, content: list[Flowable], *, indent: float, rule_color: Any, rule_width: float = 1.5
    ) -> None:
        super().__init__()
        # What a quote holds is laid out by the quote, which keeps it together as far as
        # it can: a KeepTogether inside (a short list) would say it is 16 million points
        # tall, to make a frame split it, and the quote would take that as its height.
        self._content = [
            inner for f in content for inner in (f._content if isinstance(f, KeepTogether) else [f])
        ]
        self._indent = indent
        self._rule_color = rule_color
        self._rule_width = rule_width
        self._placed: list[tuple[Flowable, float]] = []
        self.spaceBefore = 2.0
        self.spaceAfter = 8.0

    def _gaps(self) -> list[tuple[float, float]]:
        """Space before and after each child, without space above the first or below the last."""
        n = len(self._content)
        return [
            (f.getSpaceBefore() if i else 0.0, f.getSpaceAfter() if i < n - 1 else 0.0)
            for i, f in enumerate(self._content)
        ]

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        inner = max(avail_w - self._indent, 20.0)
        height = 0.0
        self._placed = []
        for f, (before, after) in zip(self._content, self._gaps(), strict=True):
            _w, h = f.wrapOn(self.canv, inner, 0x7FFFFFFF)
            height += before
            self._placed.append((f, height + h))
            height += h + after
        self.width, self.height = avail_w, height
        return avail_w, height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(self._rule_color)
        canvas.setLineWidth(self._rule_width)
        x = self._rule_width / 2 + 1
        canvas.line(x, 0, x, self.height)
        canvas.restoreState()
        for f, bottom_from_top in self._placed:
            f.drawOn(canvas, self._indent, self.height - bottom_from_top)

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        inner = max(avail_w - self._indent, 20.0)
        used = 0.0
        head: list[Flowable] = []
        for i, (f, (before, after)) in enumerate(zip(self._content, self._gaps(), strict=True)):
            _w, h = f.wrapOn(self.canv, inner, 0x7FFFFFFF)
            if used + before + h <= avail_h:
                head.append(f)
                used += before + h + after
                continue
            room = avail_h - used - before
            # A frame's own directives (a KeepTogether's "start a new frame") mean nothing
            # inside a quote; a part that is the whole or does not fit is no split at all.
            parts = [
                p for p in f.splitOn(self.canv, inner, room) if not isinstance(p, ActionFlowable)
            ]
            fits = len(parts) > 1 and parts[0] is not f
            if fits and parts[0].wrapOn(self.canv, inner, room)[1] <= room:
                head.append(parts[0])
                rest = list(parts[1:]) + self._content[i + 1 :]
            else:
                rest = self._content[i:]
            if not head:
                return []
            return [self._clone(head), self._clone(rest)]
        return [self]

    def _clone(self, content: list[Flowable]) -> QuoteBlock:
        return QuoteBlock(
            content,
            indent=self._indent,
            rule_color=self._rule_color,
            rule_width=self._rule_width,
        )


class _Builder:
    def __init__(self, styles: MarkdownStyles) -> None:
        self.s = styles
        self._list_level = 0

    # inline ---------------------------------------------------------------------------

    def inline(self, node: Node | str, depth: int = 0) -> str:
        if isinstance(node, str):
            return fonts.markup(node)
        if depth > 40:
            return self._text_of(node)
        inner = "".join(self.inline(c, depth + 1) for c in node.children)
        match node.tag:
            case "strong" | "b":
                return f"<b>{inner}</b>" if inner.strip() else inner
            case "em" | "i":
                return f"<i>{inner}</i>" if inner.strip() else inner
            case "code":
                return f'<font face="{fonts.SANS}">{inner}</font>' if inner.strip() else inner
            case "br":
                return "<br/>"
            case "img":
                alt = node.attrs.get("alt", "").strip()
                return fonts.markup(f"[image: {alt}]" if alt else "[image]")
            case _:
                return inner

    def _text_of(self, node: Node | str) -> str:
        return fonts.markup(_raw_text(node))

    # blocks ---------------------------------------------------------------------------

    def blocks(self, node: Node, style: ParagraphStyle, depth: int = 0) -> list[Flowable]:
        out: list[Flowable] = []
        loose: list[Node | str] = []

        def flush_loose() -> None:
            text = "".join(self.inline(c) for c in loose).strip()
            # strip <br/> at the ends that a trailing newline leaves
            text = re.sub(r"^(?:<br/>\s*)+|(?:\s*<br/>)+$", "", text)
            if text:
                out.append(ScriptParagraph(text, style))
            loose.clear()

        for child in node.children:
            if isinstance(child, str) or child.tag not in _BLOCK_TAGS:
                if isinstance(child, str) and not child.strip() and not loose:
                    continue
                loose.append(child)
                continue
            flush_loose()
            out.extend(self.block(child, style, depth))
        flush_loose()
        return out

    def block(self, node: Node, style: ParagraphStyle, depth: int) -> list[Flowable]:
        if depth > MAX_NESTING:
            text = self._text_of(node).strip()
            return [ScriptParagraph(text, style)] if text else []
        match node.tag:
            case "p":
                return self.blocks(node, style, depth + 1)
            case "h1" | "h2" | "h3" | "h4" | "h5" | "h6":
                text = "".join(self.inline(c) for c in node.children).strip()
                if not text:
                    return []
                room = self.s.heading.leading * 2 + self.s.heading.spaceBefore
                style = self.s.heading
                if len(self._text_of(node)) > LONG_HEADING:
                    style = ParagraphStyle(f"{style.name}-loose", parent=style, keepWithNext=0)
                return [
                    CondPageBreak(room + self.s.body.leading * 3),
                    ScriptParagraph(text, style),
                ]
            case "ul" | "ol":
                return self.list_(node, style, depth)
            case "blockquote":
                inner = self.blocks(node, self.s.quote, depth + 1)
                if not inner or PLAINLY.active:
                    return inner
                return [
                    QuoteBlock(
                        inner,
                        indent=self.s.body.fontSize * 1.2,
                        rule_color=self.s.quote_rule_color,
                    )
                ]
            case "pre":
                raw = "".join(_raw_text(c) for c in node.children).strip("\n")
                lines = [fonts.markup(line).replace("  ", " &nbsp;") for line in raw.split("\n")]
                return [ScriptParagraph("<br/>".join(lines) or "&nbsp;", self.s.code)]
            case "hr":
                return [
                    Spacer(1, 4),
                    HRFlowable(
                        width="30%", thickness=0.6, color=self.s.rule_color, hAlign="CENTER"
                    ),
                    Spacer(1, 8),
                ]
            case _:
                return self.blocks(node, style, depth + 1)

    def list_(self, node: Node, style: ParagraphStyle, depth: int) -> list[Flowable]:
        level = self._list_level
        style = ParagraphStyle(
            f"{style.name}-li", parent=style, spaceAfter=self.s.body.spaceAfter * 0.4
        )
        items: list[ListItem] = []
        plain = True  # every item only words, so the last two can be kept on one page
        self._list_level += 1
        try:
            for child in node.children:
                if isinstance(child, str) or child.tag != "li":
                    continue
                flow = self.blocks(child, style, depth + 1)
                if flow:
                    items.append(ListItem(flow))
                    plain = plain and all(isinstance(f, ScriptParagraph) for f in flow)
        finally:
            self._list_level -= 1
        if not items:
            return []
        ordered = node.tag == "ol"
        bullet = self.s.bullets[min(level, len(self.s.bullets) - 1)]
        kwargs: dict[str, Any] = {
            "bulletFontName": self.s.bullet_font if not ordered else style.fontName,
            "bulletFontSize": style.fontSize * (0.9 if not ordered else 1.0),
            "leftIndent": style.fontSize * 1.6,
            "bulletDedent": style.fontSize * 1.1 if not ordered else style.fontSize * 1.6,
            "spaceBefore": 0,
            "spaceAfter": self.s.body.spaceAfter if level == 0 else 0,
        }
        if ordered:
            start = node.attrs.get("start", "1")
            kwargs["bulletType"] = "1"
            kwargs["start"] = int(start) if start.isdigit() and len(start) < 9 else 1
            kwargs["bulletFormat"] = "%s."
            kwargs["bulletDedent"] = "auto"
        else:
            kwargs["bulletType"] = "bullet"
            kwargs["start"] = bullet
        if not plain or len(items) < 2 or PLAINLY.active:
            return [ListFlowable(items, **kwargs)]
        if len(items) <= 3:
            return [KeepTogether([ListFlowable(items, **kwargs)])]
        # The first two items go together and so do the last two: a page never ends a
        # list's first line alone, nor starts with its last (the eighth strength).
        parts = [items[:2], items[2:-2], items[-2:]]
        out: list[Flowable] = []
        number = kwargs.get("start", 1)
        for index, part in enumerate(parts):
            if not part:
                continue
            these = {**kwargs}
            if index > 0:
                these["spaceBefore"] = 0
            if index < 2:
                these["spaceAfter"] = 0
            if ordered:
                these["start"] = number
                number += len(part)
            flowable = ListFlowable(part, **these)
            out.append(KeepTogether([flowable]) if index != 1 else flowable)
        return out


_BLOCK_TAGS = frozenset(
    {"p", "ul", "ol", "blockquote", "pre", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "div"}
)


def _raw_text(node: Node | str) -> str:
    """All the text under a node, without recursion (trees may be very deep)."""
    out: list[str] = []
    stack: list[Node | str] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
        else:
            stack.extend(reversed(item.children))
    return "".join(out)


def markdown_flowables(text: str, styles: MarkdownStyles) -> list[Flowable]:
    """The flowables for one answer (an empty list for empty text)."""
    if not text.strip():
        return []
    return _Builder(styles).blocks(parse(text), styles.body)
