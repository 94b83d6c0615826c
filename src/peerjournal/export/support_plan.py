"""My support plan on one page: to keep in a wallet, or give to someone trusted.

The plan always fits one page: long words are made smaller to fit rather than spilling
onto a second sheet that could be lost. The crisis lines that come with peerjournal are
printed at the foot, so the page is useful on its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import CondPageBreak, Flowable, KeepInFrame, KeepTogether, Spacer

from peerjournal.core.content import model as m
from peerjournal.core.support_plan import PARTS, SupportPlan, contact_line
from peerjournal.export import booklet, fonts
from peerjournal.export.paragraphs import ScriptParagraph

TITLE = "My support plan"


def plan_flowables(
    plan: SupportPlan,
    people: Sequence[m.Contact],
    lines: Sequence[m.Contact],
    styles: booklet.Styles,
    *,
    name: str = "",
) -> list[Flowable]:
    flow: list[Flowable] = [ScriptParagraph(fonts.markup(TITLE), styles.section)]
    if name.strip():
        flow.append(ScriptParagraph(fonts.markup(name.strip()), styles.meta))
    flow.append(Spacer(1, 4))
    for part in PARTS:
        text = plan.text(part.key).strip()
        extra = ""
        if part.key == "people" and people:
            extra = "\n".join(f"- {contact_line(c.name, c.detail)}" for c in people)
        words = "\n\n".join(x for x in (extra, text) if x)
        if not words:
            continue
        flow.append(ScriptParagraph(fonts.markup(part.title), styles.question))
        flow += _on_one_page(booklet.answer_flowables(styles, words))
    if plan.empty and not people:
        flow.append(
            ScriptParagraph(fonts.markup("Nothing is written in the plan yet."), styles.muted)
        )
    if lines:
        flow.append(Spacer(1, 6))
        flow.append(ScriptParagraph(fonts.markup("If you need someone now"), styles.question))
        flow.append(
            ScriptParagraph(
                fonts.markup(" · ".join(f"{c.name} {c.detail}" for c in lines)), styles.muted
            )
        )
    return flow


def _on_one_page(flow: Sequence[Flowable]) -> list[Flowable]:
    """The flowables without what only matters across pages (keeping together, page
    breaks): on one shrunk page they would have nothing to do, and cannot be drawn."""
    out: list[Flowable] = []
    for item in flow:
        if isinstance(item, KeepTogether):
            out += _on_one_page(item._content)
        elif not isinstance(item, CondPageBreak):
            out.append(item)
    return out


def support_plan_pdf(
    plan: SupportPlan,
    people: Sequence[m.Contact],
    lines: Sequence[m.Contact],
    *,
    name: str = "",
    paper: str = "a4",
) -> bytes:
    """The plan as a one-page PDF, in memory."""
    with booklet.exclusive():
        styles = booklet.make_styles()
        width, height = booklet.frame_size(paper)

        def page() -> list[Flowable]:
            content = plan_flowables(plan, people, lines, styles, name=name)
            return [KeepInFrame(width, height - 2, content, mode="shrink")]

        return booklet.build(
            page,
            paper=paper,
            meta=booklet.Meta(title=TITLE, author=name, subject=TITLE),
            first_page_footer=False,
        )


__all__ = ["TITLE", "plan_flowables", "support_plan_pdf"]
