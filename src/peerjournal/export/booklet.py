"""The booklet every PDF is set in: paper, margins, type scale, footer and page numbers.

A calm, book-like page: Noto Serif for reading at 11.5 pt on a generous measure (about
70 characters a line), quiet Noto Sans headings in grey, wide margins, and a running
footer with the title on the left and "Page N of M" on the right. "M" is known only at
the end, so the canvas keeps every page until ``save`` and then stamps the footers.
"""

from __future__ import annotations

import contextlib
import io
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Spacer,
)
from reportlab.platypus.doctemplate import LayoutError

from peerjournal.export import fonts, paragraphs
from peerjournal.export.markdown_pdf import PLAINLY, MarkdownStyles, markdown_flowables
from peerjournal.export.paragraphs import ScriptParagraph

PAPERS: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}

INK = colors.HexColor("#22272e")
SOFT_INK = colors.HexColor("#3b424b")
QUIET = colors.HexColor("#5f6873")
FAINT = colors.HexColor("#8b939c")
RULE = colors.HexColor("#c9ced4")
WRITING_RULE = colors.HexColor("#d5d9de")
BAND = colors.HexColor("#f2f4f6")
ACCENT = colors.HexColor("#3f6f8f")

MARGIN_SIDE = 30 * mm
MARGIN_TOP = 26 * mm
MARGIN_BOTTOM = 30 * mm
FOOTER_Y = 15 * mm
_FOOTER_STYLE = ParagraphStyle(
    "footer", fontName=fonts.SANS, fontSize=8, leading=10, textColor=FAINT
)
WRITING_GAP = 24.0

log = logging.getLogger(__name__)

# reportlab keeps some global state while it builds; one build at a time is plenty.
_build_lock = threading.RLock()


def exclusive() -> threading.RLock:
    """Held while a PDF is put together and laid out (reportlab is not thread-safe)."""
    return _build_lock


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    meta: ParagraphStyle
    part: ParagraphStyle
    section: ParagraphStyle
    question: ParagraphStyle
    body: ParagraphStyle
    muted: ParagraphStyle
    markdown: MarkdownStyles


def make_styles() -> Styles:
    fonts.register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=fonts.SERIF,
        fontSize=11.5,
        leading=17.5,
        textColor=INK,
        spaceAfter=7,
        allowWidows=0,
        allowOrphans=0,
        splitLongWords=1,
        alignment=TA_LEFT,
    )
    quote = ParagraphStyle(
        "quote", parent=body, fontName=fonts.SERIF_ITALIC, textColor=SOFT_INK, spaceAfter=5
    )
    answer_heading = ParagraphStyle(
        "answer_heading",
        parent=body,
        fontName=fonts.SERIF_BOLD,
        fontSize=12,
        leading=17,
        spaceBefore=6,
        spaceAfter=3,
        keepWithNext=1,  # a heading in an answer never ends a page
    )
    code = ParagraphStyle(
        "code", parent=body, fontName=fonts.SANS, fontSize=10, leading=14.5, textColor=SOFT_INK
    )
    return Styles(
        title=ParagraphStyle(
            "title",
            fontName=fonts.SERIF,
            fontSize=30,
            leading=37,
            textColor=INK,
            alignment=TA_LEFT,
            spaceAfter=18,
        ),
        subtitle=ParagraphStyle(
            "subtitle",
            fontName=fonts.SERIF_ITALIC,
            fontSize=14,
            leading=20,
            textColor=SOFT_INK,
            spaceAfter=6,
        ),
        meta=ParagraphStyle(
            "meta", fontName=fonts.SANS, fontSize=10, leading=15, textColor=QUIET, spaceAfter=2
        ),
        part=ParagraphStyle(
            "part",
            fontName=fonts.SERIF,
            fontSize=24,
            leading=30,
            textColor=INK,
            spaceAfter=16,
        ),
        section=ParagraphStyle(
            "section",
            fontName=fonts.SERIF,
            fontSize=19,
            leading=25,
            textColor=INK,
            spaceBefore=10,
            spaceAfter=8,
        ),
        question=ParagraphStyle(
            "question",
            fontName=fonts.SANS_BOLD,
            fontSize=9.5,
            leading=13.5,
            textColor=QUIET,
            spaceBefore=15,
            spaceAfter=5,
        ),
        body=body,
        muted=ParagraphStyle(
            "muted", parent=body, fontName=fonts.SERIF_ITALIC, textColor=FAINT, fontSize=10.5
        ),
        markdown=MarkdownStyles(
            body=body,
            heading=answer_heading,
            quote=quote,
            code=code,
            bullet_font=fonts.SERIF,
            rule_color=RULE,
            quote_rule_color=RULE,
        ),
    )


# -- flowables --------------------------------------------------------------------------------


class WritingLines(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Faint ruled lines to write on by hand; ``fill`` takes the rest of the frame."""

    def __init__(self, lines: int = 6, *, gap: float = WRITING_GAP, fill: bool = False) -> None:
        super().__init__()
        self._lines = max(1, lines)
        self._gap = gap
        self._fill = fill
        self._count = self._lines

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        if self._fill:
            self._count = max(1, int((avail_h - 2) // self._gap))
        else:
            self._count = self._lines
        self.width = avail_w
        self.height = self._count * self._gap
        return avail_w, self.height

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        # Never split: lines to write on belong under their question, all together.
        return []

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(WRITING_RULE)
        canvas.setLineWidth(0.5)
        for n in range(self._count):
            y = self.height - (n + 1) * self._gap + 0.5
            canvas.line(0, y, self.width, y)
        canvas.restoreState()


def answer_flowables(styles: Styles, text: str) -> list[Flowable]:
    return markdown_flowables(text, styles.markdown)


def question_block(
    styles: Styles, question: str, answer: str, *, blank_lines: int = 0, empty_note: str = ""
) -> list[Flowable]:
    """A quiet question heading kept with at least the first lines of its answer."""
    heading = ScriptParagraph(fonts.markup(question), styles.question)
    room = styles.question.leading * 2 + styles.question.spaceBefore
    flow = answer_flowables(styles, answer)
    if flow:
        return [CondPageBreak(room + styles.body.leading * 3), heading, *flow]
    if blank_lines:
        return [
            CondPageBreak(room + blank_lines * WRITING_GAP + 4),
            heading,
            WritingLines(blank_lines),
        ]
    out: list[Flowable] = [CondPageBreak(room + styles.body.leading * 2), heading]
    if empty_note:
        out.append(ScriptParagraph(fonts.markup(empty_note), styles.muted))
    return out


def section_heading(styles: Styles, title: str, *, frame_height: float) -> list[Flowable]:
    """A section title that never sits in the bottom quarter of a page."""
    return [
        CondPageBreak(frame_height * 0.25),
        ScriptParagraph(fonts.markup(title), styles.section),
    ]


# -- the document --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Meta:
    title: str
    author: str = ""
    subject: str = ""
    footer: str = ""
    """The running text at the bottom left of every page but the first."""


def frame_size(paper: str) -> tuple[float, float]:
    width, height = PAPERS.get(paper, A4)
    return width - 2 * MARGIN_SIDE, height - MARGIN_TOP - MARGIN_BOTTOM


def _numbered_canvas(footer: str, footer_on_first: bool) -> type[Canvas]:
    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
        """Holds each finished page until the end, then stamps "Page N of M" on all."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for number, state in enumerate(self._saved_pages, 1):
                self.__dict__.update(state)
                self._footer(number, total)
                super().showPage()
            super().save()

        def _footer(self, number: int, total: int) -> None:
            width, _height = self._pagesize
            self.saveState()
            self.setFont(fonts.SANS, 8)
            self.setFillColor(FAINT)
            self.drawRightString(width - MARGIN_SIDE, FOOTER_Y, f"Page {number} of {total}")
            self.restoreState()
            if footer and (number > 1 or footer_on_first):
                line = ScriptParagraph(footer, _FOOTER_STYLE)
                line.wrap((width - 2 * MARGIN_SIDE) * 0.75, 40)
                # drawOn takes the paragraph's foot; its first baseline is a line up.
                line.drawOn(self, MARGIN_SIDE, FOOTER_Y - _FOOTER_STYLE.leading + 8)

    return NumberedCanvas


def build(
    make: Callable[[], Sequence[Flowable]],
    *,
    paper: str,
    meta: Meta,
    first_page_footer: bool = False,
) -> bytes:
    """Lays out the flowables ``make`` gives on the paper and returns the PDF's bytes.

    Should reportlab find it cannot lay them out (``LayoutError``), they are made and laid
    out once more with no text shaped: a paragraph split across pages is broken into lines
    again, and a shaped word in several fonts could measure otherwise the second time, so
    that the first part of the split no longer fitted. Arabic or Hindi then prints with
    its letters apart rather than the participant getting no PDF at all. Should that fail
    too (a quoted list item longer than a page), the Markdown is laid out plainly: quotes
    without their rule, no list kept together.
    """
    plainer = [(paragraphs.UNSHAPED, "without shaping"), (PLAINLY, "plainly")]
    with _build_lock, contextlib.ExitStack() as ways:
        while True:
            try:
                return _laid_out(
                    make(), paper=paper, meta=meta, first_page_footer=first_page_footer
                )
            except LayoutError:
                if not plainer:
                    raise
                switch, how = plainer.pop(0)
                log.warning("a page could not be laid out; laying it out again %s", how)
                ways.enter_context(switch.on())


def _laid_out(
    flowables: Sequence[Flowable], *, paper: str, meta: Meta, first_page_footer: bool
) -> bytes:
    fonts.register_fonts()
    pagesize = PAPERS.get(paper, A4)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN_SIDE,
        rightMargin=MARGIN_SIDE,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=fonts.plain(meta.title),
        author=fonts.plain(meta.author) if meta.author else "",
        subject=fonts.plain(meta.subject),
        creator="peerjournal",
        producer="peerjournal (reportlab)",
        keywords="",
        initialFontName=fonts.SERIF,
    )
    frame = Frame(
        MARGIN_SIDE,
        MARGIN_BOTTOM,
        pagesize[0] - 2 * MARGIN_SIDE,
        pagesize[1] - MARGIN_TOP - MARGIN_BOTTOM,
        id="text",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    footer = fonts.markup(meta.footer)
    with _build_lock:
        try:
            doc.build(list(flowables), canvasmaker=_numbered_canvas(footer, first_page_footer))
        finally:
            paragraphs.forget_words()
    return buffer.getvalue()


def title_page(
    styles: Styles,
    *,
    paper: str,
    title: str,
    lines: Sequence[tuple[str, ParagraphStyle]],
) -> list[Flowable]:
    """The title about a third of the way down, and the quieter lines beneath it."""
    _w, frame_h = frame_size(paper)
    out: list[Flowable] = [
        Spacer(1, frame_h * 0.28),
        ScriptParagraph(fonts.markup(title), styles.title),
    ]
    rule = _ShortRule(width=42, color=RULE)
    out += [rule, Spacer(1, 14)]
    for text, style in lines:
        if text.strip():
            out.append(ScriptParagraph(fonts.markup(text), style))
    out.append(PageBreak())
    return out


class _ShortRule(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    def __init__(self, *, width: float, color: Any) -> None:
        super().__init__()
        self._w = width
        self._color = color

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return self._w, 2

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(self._color)
        self.canv.setLineWidth(1.2)
        self.canv.line(0, 1, self._w, 1)
        self.canv.restoreState()


__all__ = [
    "PAPERS",
    "Meta",
    "Styles",
    "WritingLines",
    "answer_flowables",
    "build",
    "exclusive",
    "frame_size",
    "make_styles",
    "question_block",
    "section_heading",
    "title_page",
]
