"""The portable export: everything, unencrypted, as Markdown or JSON, only when asked."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from peerjournal.core import answers as a
from peerjournal.core.content import model as m
from peerjournal.core.dates import long_date
from peerjournal.services.answers import AnswerService
from peerjournal.services.pages import PageService
from peerjournal.services.private_files import write_private_file
from peerjournal.services.search import page_title
from peerjournal.services.transfer import TransferService

ABOUT_NAME = "About this copy.txt"


class ExportService:
    def __init__(
        self,
        content: m.Content,
        answers: AnswerService,
        pages: PageService,
        transfer: TransferService,
        *,
        data_root: Path | None = None,
    ) -> None:
        self._data_root = data_root
        self._transfer = transfer
        self._content = content
        self._answers = answers
        self._pages = pages

    def as_json(self) -> dict[str, object]:
        """The whole journal in the portable format (``core.portable``), as plain objects."""
        import msgspec

        found: dict[str, object] = msgspec.to_builtins(self._transfer.portable())
        return found

    def as_markdown(self) -> str:
        lines = ["# My peerjournal", ""]
        for programme in self._content.programmes:
            wrote_programme = False
            for part in programme.parts:
                answered = self._part_lines(part, level=3)
                if not answered:
                    continue
                if not wrote_programme:
                    lines += [f"## {programme.title}", ""]
                    wrote_programme = True
                lines += answered
        earlier = self._earlier_lines(level=2)
        pages = self._page_lines(level=2)
        return _joined([*lines, *earlier, *pages])

    def _part_lines(self, part: m.Part, *, level: int) -> list[str]:
        """The part's answered questions, each with the day it was last changed."""
        lines: list[str] = []
        for prompt in part.prompts:
            text = self._answers.text_of(prompt.id)
            if not text.strip():
                continue
            if not lines:
                lines += [f"{'#' * level} {part.title}", ""]
            label = f"{prompt.label}: " if isinstance(prompt, m.TextPrompt) and prompt.label else ""
            lines += [f"**{label}{prompt.text}**", ""]
            saved = self._answers.saved_at(prompt.id)
            if saved is not None:
                lines += [f"*Last changed {long_date(saved.astimezone().date())}*", ""]
            lines += [text.rstrip(), ""]
        return lines

    def _earlier_lines(self, *, level: int) -> list[str]:
        earlier = self._answers.earlier_answers()
        if not earlier:
            return []
        lines = [f"{'#' * level} Earlier answers", ""]
        for one in earlier:
            lines += [f"**{one.prompt_id}**", "", one.text.rstrip(), ""]
        return lines

    def _page_lines(self, *, level: int) -> list[str]:
        days = sorted(self._pages.days())
        if not days:
            return []
        lines = [f"{'#' * level} Daily pages", ""]
        for day in days:
            text = self._pages.get(day).rstrip()
            if text:
                lines += [f"{'#' * (level + 1)} {page_title(day)}", "", text, ""]
        return lines

    def as_zip(self, *, now: datetime | None = None) -> bytes:
        """Everything in one file to keep: ``peerjournal.json`` (which can be brought back
        in) beside one Markdown file per programme part and one for the daily pages (which
        any text editor opens), and a note saying what it is.
        """
        from peerjournal.core import portable

        made = now or datetime.now(UTC)
        files: list[tuple[str, bytes]] = [
            (ABOUT_NAME, _about(made).encode("utf-8")),
            ("peerjournal.json", portable.write(self._transfer.portable(now=made))),
        ]
        for p_index, programme in enumerate(self._content.programmes, start=1):
            for q_index, part in enumerate(programme.parts, start=1):
                lines = self._part_lines(part, level=2)
                if lines:
                    titles = f"{_safe(programme.short_title)} - {_safe(part.short_title)}"
                    name = f"{p_index:02d}-{q_index:02d} {titles}.md"
                    head = [f"# {programme.title}", ""]
                    files.append((name, _joined([*head, *lines]).encode("utf-8")))
        for name, lines in (
            ("Earlier answers.md", self._earlier_lines(level=1)),
            ("Daily pages.md", self._page_lines(level=1)),
        ):
            if lines:
                files.append((name, _joined(lines).encode("utf-8")))
        folder = f"peerjournal {made.astimezone():%Y-%m-%d}"
        buffer = io.BytesIO()
        stamp = made.astimezone().timetuple()[:6]
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in files:
                info = zipfile.ZipInfo(f"{folder}/{name}", date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o600 << 16
                archive.writestr(info, data)
        return buffer.getvalue()

    def write(self, fmt: str, path: Path) -> Path:
        if fmt == "json":
            from peerjournal.core import portable

            data = portable.write(self._transfer.portable())
        elif fmt == "zip":
            data = self.as_zip()
        else:
            data = self.as_markdown().encode("utf-8")
        write_private_file(path, data, data_root=self._data_root)
        return path


def _joined(lines: list[str]) -> str:
    return "\n".join(lines).rstrip() + "\n"


def _safe(title: str) -> str:
    """A title as a file name any system accepts (no slashes, colons or the like)."""
    kept = "".join(ch if ch.isalnum() or ch in " -_,'()&" else " " for ch in title)
    return " ".join(kept.split())[:60].strip() or "Part"


def _about(made: datetime) -> str:
    return (
        f"Your peerjournal, copied on {long_date(made.astimezone().date())}.\n\n"
        "This copy is not encrypted: anyone who can open this file can read what you "
        "wrote. Keep it somewhere safe, and delete it when you no longer need it.\n\n"
        "The .md files are plain text with a little formatting, and open in any text "
        "editor. peerjournal.json holds everything, every earlier version included: to "
        "bring it back into peerjournal, choose Settings, Your copy, Bring in a file, "
        "or type: peerjournal import peerjournal.json\n"
    )


def _json_or_none(answer: a.Answer | None) -> object:
    return a.to_json(answer) if answer is not None else None
