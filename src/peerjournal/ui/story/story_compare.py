"""Two versions of the story side by side, with what changed highlighted.

The left side is the older version: removed words are struck through on a soft red.
The right side is the newer one: added words sit on a soft green. Questions that did
not change are summed up in one line, so the eye goes to what moved. Both sides scroll
together.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from peerjournal.core.story_diff import Change, EntryDiff, Op, Span, StoryDiff
from peerjournal.ui.kit.i18n import translate

REMOVED_STYLE = "background-color:#F6D9D3; color:#7A2418; text-decoration:line-through;"
ADDED_STYLE = "background-color:#D5EDDB; color:#1E5A31;"


def _spans_html(spans: tuple[Span, ...]) -> str:
    out: list[str] = []
    for span in spans:
        text = html.escape(span.text).replace("\n", "<br/>")
        if span.op == Op.DELETE:
            out.append(f'<span style="{REMOVED_STYLE}">{text}</span>')
        elif span.op == Op.INSERT:
            out.append(f'<span style="{ADDED_STYLE}">{text}</span>')
        else:
            out.append(text)
    return "".join(out)


def _entry_html(entry: EntryDiff, *, side: str) -> str:
    heading = (
        f'<p style="color:#5f6873; font-size:small; margin-top:14px; margin-bottom:2px">'
        f"<b>{html.escape(entry.section_title)}</b> · {html.escape(entry.question)}</p>"
    )
    if side == "old":
        if entry.change == Change.ADDED:
            body = '<p style="color:#8b939c"><i>Not in this version.</i></p>'
        else:
            body = f"<p>{_spans_html(entry.old_spans)}</p>"
    else:
        if entry.change == Change.REMOVED:
            body = '<p style="color:#8b939c"><i>Not in this version.</i></p>'
        else:
            body = f"<p>{_spans_html(entry.new_spans)}</p>"
    return heading + body


def _row(what: str, value: str, style: str) -> str:
    """One of the story's own fields, named so it is not read as the version's name."""
    shown = html.escape(value) if value.strip() else "—"
    return (
        f'<p><span style="color:#5f6873">{html.escape(what)}:</span> '
        f'<span style="{style}">{shown}</span></p>'
    )


def side_html(diff: StoryDiff, *, side: str) -> str:
    """The HTML for one side (``old`` or ``new``) of the comparison."""
    label = diff.old_label if side == "old" else diff.new_label
    parts = [f"<h3>{html.escape(label)}</h3>"]
    if diff.title_change:
        title = diff.title_change[0] if side == "old" else diff.title_change[1]
        style = REMOVED_STYLE if side == "old" else ADDED_STYLE
        parts.append(_row(translate("story_compare", "Story title"), title, style))
    if diff.name_change:
        name = diff.name_change[0] if side == "old" else diff.name_change[1]
        style = REMOVED_STYLE if side == "old" else ADDED_STYLE
        parts.append(_row(translate("story_compare", "Your name on the story"), name, style))
    changes = diff.changes
    if not changes and not diff.title_change and not diff.name_change:
        parts.append('<p style="color:#5f6873"><i>These two versions read the same.</i></p>')
    for entry in changes:
        parts.append(_entry_html(entry, side=side))
    same = len(diff.entries) - len(changes)
    if same and changes:
        parts.append(
            f'<p style="color:#8b939c; margin-top:16px"><i>{same} other answer'
            f"{'s' if same != 1 else ''} did not change.</i></p>"
        )
    return "".join(parts)


class StoryCompareView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyCompare")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(self)
        self.summary.setObjectName("storyCompareSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        split = QSplitter(self)
        self.old_view = QTextBrowser(split)
        self.old_view.setObjectName("storyCompareOld")
        self.old_view.setAccessibleName(self.tr("The earlier version"))
        self.new_view = QTextBrowser(split)
        self.new_view.setObjectName("storyCompareNew")
        self.new_view.setAccessibleName(self.tr("The later version"))
        for view in (self.old_view, self.new_view):
            view.setOpenLinks(False)
            split.addWidget(view)
        layout.addWidget(split, 1)
        self._syncing = False
        self.old_view.verticalScrollBar().valueChanged.connect(self._sync_from_old)
        self.new_view.verticalScrollBar().valueChanged.connect(self._sync_from_new)

    def show_diff(self, diff: StoryDiff) -> None:
        self.old_view.setHtml(side_html(diff, side="old"))
        self.new_view.setHtml(side_html(diff, side="new"))
        changed = sum(1 for e in diff.changes if e.change == Change.CHANGED)
        added = sum(1 for e in diff.changes if e.change == Change.ADDED)
        removed = sum(1 for e in diff.changes if e.change == Change.REMOVED)
        self.summary.setText(
            self.tr("{changed} changed, {added} added, {removed} left out").format(
                changed=changed, added=added, removed=removed
            )
        )

    def clear(self) -> None:
        self.old_view.clear()
        self.new_view.clear()
        self.summary.clear()

    def _sync(self, source: QTextBrowser, target: QTextBrowser) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            bar = source.verticalScrollBar()
            ratio = bar.value() / bar.maximum() if bar.maximum() else 0.0
            other = target.verticalScrollBar()
            other.setValue(round(ratio * other.maximum()))
        finally:
            self._syncing = False

    @Slot(int)
    def _sync_from_old(self, _value: int) -> None:
        self._sync(self.old_view, self.new_view)

    @Slot(int)
    def _sync_from_new(self, _value: int) -> None:
        self._sync(self.new_view, self.old_view)
