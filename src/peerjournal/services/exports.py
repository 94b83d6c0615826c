"""The portable export: everything, unencrypted, as Markdown or JSON, only when asked."""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from pathlib import Path

from peerjournal.core import answers as a
from peerjournal.core.content import model as m
from peerjournal.core.errors import WriteFailed
from peerjournal.core.private import write_private
from peerjournal.core.vault.files import fsync_file
from peerjournal.core.vault.sqlite import translate
from peerjournal.services.answers import AnswerService
from peerjournal.services.pages import PageService
from peerjournal.services.search import page_title
from peerjournal.services.transfer import TransferService

PENDING_NAME = "exports-in-progress"
"""In the data folder: where a half-written export is, while it is being written."""


def remove_stale_partials(data_root: Path) -> int:
    """Removes half-written exports a killed run left behind; returns how many went.

    While an export is written, the path of its ``.partial`` file (never its contents)
    is noted in the data folder; the note goes once the file is in place. A note still
    there at the next start means the run was killed: that partial plaintext is removed.
    """
    note = data_root / PENDING_NAME
    try:
        listed = note.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 0
    removed = 0
    for line in listed:
        partial = Path(line)
        if partial.name.startswith(".") and partial.name.endswith(".partial"):
            with contextlib.suppress(OSError):
                partial.unlink()
                removed += 1
    note.unlink(missing_ok=True)
    return removed


def write_private_file(path: Path, data: bytes, *, data_root: Path | None = None) -> None:
    """Writes a file only the participant can read, whole or not at all.

    A full disk or a folder that cannot be written to becomes a calm error, and the
    half-written file is removed, so an existing file of that name is never damaged.
    With ``data_root``, a killed write is cleaned up at the next start
    (``remove_stale_partials``).
    """
    partial = path.with_name(f".{path.name}.partial")
    note = data_root / PENDING_NAME if data_root is not None else None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if note is not None:
            write_private(note, f"{partial.resolve()}\n".encode())
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            fsync_file(partial)
            os.replace(partial, path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        finally:
            if note is not None:
                note.unlink(missing_ok=True)
    except OSError as exc:
        calm = translate(exc, where=path.parent)
        if calm is None:
            raise WriteFailed(path=str(path)) from None
        raise calm from None


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
                wrote_part = False
                for prompt in part.prompts:
                    text = self._answers.text_of(prompt.id)
                    if not text.strip():
                        continue
                    if not wrote_programme:
                        lines += [f"## {programme.title}", ""]
                        wrote_programme = True
                    if not wrote_part:
                        lines += [f"### {part.title}", ""]
                        wrote_part = True
                    label = (
                        f"{prompt.label}: "
                        if isinstance(prompt, m.TextPrompt) and prompt.label
                        else ""
                    )
                    lines += [f"**{label}{prompt.text}**", "", text.rstrip(), ""]
        earlier = self._answers.earlier_answers()
        if earlier:
            lines += ["## Earlier answers", ""]
            for one in earlier:
                lines += [f"**{one.prompt_id}**", "", one.text.rstrip(), ""]
        days = sorted(self._pages.days())
        if days:
            lines += ["## Daily pages", ""]
            for day in days:
                lines += [f"### {page_title(day)}", "", self._pages.get(day).rstrip(), ""]
        return "\n".join(lines).rstrip() + "\n"

    def write(self, fmt: str, path: Path) -> Path:
        if fmt == "json":
            from peerjournal.core import portable

            data = portable.write(self._transfer.portable())
        else:
            data = self.as_markdown().encode("utf-8")
        write_private_file(path, data, data_root=self._data_root)
        return path


def _iso(when: datetime | None) -> str | None:
    return when.isoformat() if when else None


def _json_or_none(answer: a.Answer | None) -> object:
    return a.to_json(answer) if answer is not None else None
