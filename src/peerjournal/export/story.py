"""The Personal Recovery Story as a PDF booklet and as Markdown."""

from __future__ import annotations

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    ListFlowable,
    ListItem,
    PageBreak,
    Spacer,
)

from peerjournal.core.dates import long_date
from peerjournal.core.story import StoryDocument
from peerjournal.export import booklet, fonts
from peerjournal.export.paragraphs import ScriptParagraph

BLANK_LINES = 7
CONVERSATION_TITLE = "For our conversation"


def _iteration_line(doc: StoryDocument) -> str:
    if doc.iteration is None:
        return ""
    name = doc.iteration_name.strip()
    return f"Iteration {doc.iteration}: {name}" if name else f"Iteration {doc.iteration}"


def story_flowables(doc: StoryDocument, styles: booklet.Styles, *, paper: str) -> list[Flowable]:
    flow: list[Flowable] = booklet.title_page(
        styles,
        paper=paper,
        title=doc.title,
        lines=[
            (doc.name, styles.subtitle),
            (long_date(doc.made), styles.meta),
            (_iteration_line(doc), styles.meta),
        ],
    )
    _w, frame_h = booklet.frame_size(paper)
    first = True
    for section in doc.sections:
        if not first:
            flow.append(Spacer(1, 14))
        first = False
        flow += booklet.section_heading(styles, section.title, frame_height=frame_h)
        for entry in section.entries:
            flow += booklet.question_block(
                styles, entry.question, entry.answer, blank_lines=BLANK_LINES
            )
    if not doc.sections:
        flow.append(
            ScriptParagraph(
                "Nothing is chosen for the story yet, or the chosen questions are not "
                "answered yet.",
                styles.muted,
            )
        )
    if doc.conversation_page:
        flow += conversation_page(doc, styles)
    return flow


def conversation_page(doc: StoryDocument, styles: booklet.Styles) -> list[Flowable]:
    flow: list[Flowable] = [
        PageBreak(),
        ScriptParagraph(fonts.markup(CONVERSATION_TITLE), styles.section),
        ScriptParagraph(
            fonts.markup("Things I would like to talk about, and room for notes."), styles.muted
        ),
        Spacer(1, 6),
    ]
    if doc.discuss_note.strip():
        flow += booklet.question_block(
            styles, "What I noted in my stocktake to discuss further", doc.discuss_note
        )
    if doc.conversation_points:
        flow.append(ScriptParagraph(fonts.markup("Points I would like to raise"), styles.question))
        flow.append(
            ListFlowable(
                [
                    ListItem(ScriptParagraph(fonts.markup(p), styles.body))
                    for p in doc.conversation_points
                ],
                bulletType="bullet",
                start="•",
                bulletFontName=fonts.SERIF,
                bulletFontSize=styles.body.fontSize * 0.9,
                leftIndent=styles.body.fontSize * 1.6,
                bulletDedent=styles.body.fontSize * 1.1,
            )
        )
    flow.append(CondPageBreak(styles.question.leading * 2 + booklet.WRITING_GAP * 4))
    flow.append(ScriptParagraph(fonts.markup("Notes"), styles.question))
    flow.append(booklet.WritingLines(fill=True))
    return flow


def story_pdf(doc: StoryDocument, *, paper: str = "a4") -> bytes:
    """The story as a PDF booklet, in memory."""
    with booklet.exclusive():
        styles = booklet.make_styles()
        footer = doc.title + (f" · {doc.name}" if doc.name else "")
        if doc.iteration is not None:
            footer += f" · Iteration {doc.iteration}"
        return booklet.build(
            lambda: story_flowables(doc, styles, paper=paper),
            paper=paper,
            meta=booklet.Meta(
                title=doc.title,
                author=doc.name,
                subject="Personal Recovery Story",
                footer=footer,
            ),
        )


def story_markdown(doc: StoryDocument) -> str:
    """The story as Markdown, the answers as they were written."""
    lines = [f"# {_md_line(doc.title)}", ""]
    if doc.name:
        lines += [f"*{_md_line(doc.name)}*", ""]
    lines += [long_date(doc.made), ""]
    if doc.iteration is not None:
        lines += [_iteration_line(doc), ""]
    for section in doc.sections:
        lines += [f"## {_md_line(section.title)}", ""]
        for entry in section.entries:
            lines += [f"### {_md_line(entry.question)}", ""]
            if entry.blank:
                lines += ["&nbsp;", "", "&nbsp;", "", "&nbsp;", ""]
            else:
                lines += [entry.answer.strip("\n"), ""]
    if doc.conversation_page:
        lines += [f"## {CONVERSATION_TITLE}", ""]
        if doc.discuss_note.strip():
            lines += ["### What I noted in my stocktake to discuss further", ""]
            lines += [doc.discuss_note.strip("\n"), ""]
        if doc.conversation_points:
            lines += ["### Points I would like to raise", ""]
            lines += [f"- {_md_line(p)}" for p in doc.conversation_points] + [""]
    return "\n".join(lines).rstrip() + "\n"


def _md_line(text: str) -> str:
    return " ".join(text.split())
