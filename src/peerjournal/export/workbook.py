"""The whole workbook (every programme, part, question and answer) and the stocktake."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, PageBreak, Spacer

from peerjournal.core.content import model as m
from peerjournal.core.dates import long_date
from peerjournal.core.story import LADDER_ID, question_heading
from peerjournal.export import booklet, fonts
from peerjournal.export.paragraphs import ScriptParagraph

AnswerLookup = Callable[[str], str]
STOCKTAKE_PART = "p2p.stocktake"
NOT_ANSWERED = "Not answered yet."


def _heading(prompt: m.Prompt) -> str:
    text = " ".join(prompt.text.split())
    if isinstance(prompt, m.TextPrompt) and prompt.label:
        return f"{prompt.label}: {text}"
    return text


# -- workbook ----------------------------------------------------------------------------------


def workbook_flowables(
    content: m.Content,
    lookup: AnswerLookup,
    styles: booklet.Styles,
    *,
    paper: str,
    made: date,
    name: str = "",
) -> list[Flowable]:
    flow = booklet.title_page(
        styles,
        paper=paper,
        title="My workbook",
        lines=[
            (name, styles.subtitle),
            ("Every question of the programme, with what I wrote.", styles.meta),
            (long_date(made), styles.meta),
        ],
    )
    _w, frame_h = booklet.frame_size(paper)
    first = True
    for programme in content.programmes:
        parts = [p for p in programme.parts if p.prompts]
        if not parts:
            continue
        if not first:
            flow.append(PageBreak())
        first = False
        flow.append(ScriptParagraph(fonts.markup(programme.title), styles.part))
        for part in parts:
            flow += booklet.section_heading(styles, part.title, frame_height=frame_h)
            for prompt in part.prompts:
                flow += booklet.question_block(
                    styles, _heading(prompt), lookup(prompt.id), empty_note=NOT_ANSWERED
                )
            flow.append(Spacer(1, 10))
    return flow


def workbook_pdf(
    content: m.Content, lookup: AnswerLookup, *, paper: str = "a4", made: date, name: str = ""
) -> bytes:
    with booklet.exclusive():
        styles = booklet.make_styles()
        return booklet.build(
            lambda: workbook_flowables(content, lookup, styles, paper=paper, made=made, name=name),
            paper=paper,
            meta=booklet.Meta(
                title="My workbook", author=name, subject="Workbook", footer="My workbook"
            ),
        )


def workbook_markdown(content: m.Content, lookup: AnswerLookup, *, made: date) -> str:
    lines = ["# My workbook", "", long_date(made), ""]
    for programme in content.programmes:
        parts = [p for p in programme.parts if p.prompts]
        if not parts:
            continue
        lines += [f"## {programme.title}", ""]
        for part in parts:
            lines += [f"### {part.title}", ""]
            for prompt in part.prompts:
                answer = lookup(prompt.id).strip("\n")
                lines += [f"**{_heading(prompt)}**", ""]
                lines += [answer if answer.strip() else f"*{NOT_ANSWERED}*", ""]
    return "\n".join(lines).rstrip() + "\n"


# -- stocktake ---------------------------------------------------------------------------------


def ladder_chart(
    ladder: m.LadderPrompt,
    history: Sequence[tuple[datetime, int]],
    *,
    width: float,
    height: float = 200,
) -> Drawing:
    """The rung over time, on bands for the ladder's stages (oldest on the left)."""
    drawing = Drawing(width, height, initialFontName=fonts.SANS, initialFontSize=8)
    label_w = 92.0
    left, right = label_w + 18, width - 12
    bottom, top = 26.0, height - 8
    count = max(ladder.rung_count, 1)

    def y_of(rung: float) -> float:
        return bottom + (rung - 0.5) / count * (top - bottom)

    for n, stage in enumerate(ladder.stages):
        numbers = [r.number for r in stage.rungs] or [0]
        step = (top - bottom) / count
        lo, hi = y_of(min(numbers)) - step / 2, y_of(max(numbers)) + step / 2
        if n % 2 == 0:
            drawing.add(
                Rect(left, lo, right - left, hi - lo, fillColor=booklet.BAND, strokeColor=None)
            )
        drawing.add(
            String(
                label_w,
                (lo + hi) / 2 - 3,
                fonts.plain(stage.label),
                fontName=fonts.SANS,
                fontSize=8,
                fillColor=booklet.QUIET,
                textAnchor="end",
            )
        )
    for rung in range(1, count + 1):
        drawing.add(
            String(
                left - 6,
                y_of(rung) - 2.5,
                str(rung),
                fontName=fonts.SANS,
                fontSize=7,
                fillColor=booklet.FAINT,
                textAnchor="end",
            )
        )
    drawing.add(Line(left, bottom, right, bottom, strokeColor=booklet.RULE, strokeWidth=0.6))
    points = sorted((when, rung) for when, rung in history if 1 <= rung <= count)
    if not points:
        drawing.add(
            String(
                (left + right) / 2,
                (bottom + top) / 2,
                "No snapshots yet",
                fontName=fonts.SERIF_ITALIC,
                fontSize=10,
                fillColor=booklet.FAINT,
                textAnchor="middle",
            )
        )
        return drawing
    start, end = points[0][0], points[-1][0]
    span = (end - start).total_seconds()
    pad = 14.0

    def x_of(i: int, when: datetime) -> float:
        if len(points) == 1:
            return (left + right) / 2
        if span <= 0:
            return left + pad + i / (len(points) - 1) * (right - left - 2 * pad)
        return left + pad + (when - start).total_seconds() / span * (right - left - 2 * pad)

    coords = [(x_of(i, when), y_of(rung)) for i, (when, rung) in enumerate(points)]
    if len(coords) > 1:
        drawing.add(
            PolyLine(
                [v for xy in coords for v in xy],
                strokeColor=booklet.ACCENT,
                strokeWidth=1.4,
            )
        )
    for i, (x, y) in enumerate(coords):
        last = i == len(coords) - 1
        drawing.add(
            Circle(
                x,
                y,
                3.6 if last else 2.6,
                fillColor=booklet.ACCENT if last else colors.white,
                strokeColor=booklet.ACCENT,
                strokeWidth=1.2,
            )
        )
    labelled = {0, len(points) - 1}
    if len(points) > 4:
        labelled.add(len(points) // 2)
    for i in sorted(labelled):
        drawing.add(
            String(
                coords[i][0],
                bottom - 14,
                f"{points[i][0].astimezone():%d %b %Y}",
                fontName=fonts.SANS,
                fontSize=7,
                fillColor=booklet.FAINT,
                textAnchor="middle",
            )
        )
    return drawing


def stocktake_flowables(
    content: m.Content,
    lookup: AnswerLookup,
    history: Sequence[tuple[datetime, int]],
    styles: booklet.Styles,
    *,
    paper: str,
    made: date,
    name: str = "",
) -> list[Flowable]:
    part = content.part(STOCKTAKE_PART)
    flow: list[Flowable] = [
        ScriptParagraph(fonts.markup(part.title if part else "Personal Stocktake"), styles.part),
    ]
    meta = long_date(made) + (f" · {name}" if name else "")
    flow.append(ScriptParagraph(fonts.markup(meta), styles.meta))
    flow.append(Spacer(1, 10))
    if part is None:
        flow.append(
            ScriptParagraph(fonts.markup("The stocktake is not in the content."), styles.muted)
        )
        return flow
    width, _h = booklet.frame_size(paper)
    for prompt in part.prompts:
        if isinstance(prompt, m.LadderPrompt):
            flow += booklet.question_block(
                styles,
                question_heading(content, prompt.id) if prompt.id == LADDER_ID else prompt.text,
                lookup(prompt.id),
                empty_note="No rung marked yet.",
            )
            flow.append(ScriptParagraph(fonts.markup("How it has moved"), styles.question))
            flow.append(ladder_chart(prompt, history, width=width))
            flow.append(Spacer(1, 6))
        else:
            flow += booklet.question_block(
                styles, _heading(prompt), lookup(prompt.id), blank_lines=4
            )
    return flow


def stocktake_pdf(
    content: m.Content,
    lookup: AnswerLookup,
    history: Sequence[tuple[datetime, int]],
    *,
    paper: str = "a4",
    made: date,
    name: str = "",
) -> bytes:
    with booklet.exclusive():
        styles = booklet.make_styles()
        return booklet.build(
            lambda: stocktake_flowables(
                content, lookup, history, styles, paper=paper, made=made, name=name
            ),
            paper=paper,
            meta=booklet.Meta(
                title="Personal Stocktake",
                author=name,
                subject="Stocktake",
                footer="Personal Stocktake",
            ),
            first_page_footer=True,
        )


def stocktake_markdown(
    content: m.Content,
    lookup: AnswerLookup,
    history: Sequence[tuple[datetime, int]],
    *,
    made: date,
) -> str:
    part = content.part(STOCKTAKE_PART)
    lines = [f"# {part.title if part else 'Personal Stocktake'}", "", long_date(made), ""]
    if part is None:
        return "\n".join(lines)
    for prompt in part.prompts:
        answer = lookup(prompt.id).strip("\n")
        heading = (
            question_heading(content, prompt.id) if prompt.id == LADDER_ID else _heading(prompt)
        )
        lines += [f"## {heading}", "", answer if answer.strip() else f"*{NOT_ANSWERED}*", ""]
        if isinstance(prompt, m.LadderPrompt) and history:
            lines += ["### How it has moved", ""]
            for when, rung in sorted(history):
                stage = prompt.stage_of(rung)
                label = f"{stage.label}, {rung}" if stage else str(rung)
                lines.append(f"- {when.astimezone():%d %B %Y}: {label}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
