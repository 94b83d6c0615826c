"""Commands that write: answers and daily pages (and the list of questions, and history)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from peerjournal.cli.io import (
    EXIT_OK,
    CliError,
    parse_day,
    read_stdin,
    say,
)
from peerjournal.cli.journal import content_only, open_journal
from peerjournal.core import answers as a
from peerjournal.core import kinds
from peerjournal.core.content import model as m
from peerjournal.core.errors import (
    BadAnswer,
    PeerJournalError,
    UnknownPrompt,
)
from peerjournal.services.container import Services


def cmd_prompts(args: argparse.Namespace) -> int:
    content = content_only(args)
    for problem in content.problems:
        say(f"Skipped a content pack: {problem}")
    out = sys.stdout
    for prompt in content.prompts():
        out.write(f"{prompt.id}\t{' '.join(prompt.text.split())}\n")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """Reads the file or folder whole, then one transaction: all of it comes in, or none."""
    from peerjournal.services.incoming import Incoming, look

    if args.file == "-":
        incoming = Incoming(source="-", kind="peerjournal", copy=sys.stdin.buffer.read())
    else:
        path = Path(args.file).expanduser()
        if not path.exists():
            raise CliError(text=f"There is no file or folder at {path}. Nothing was changed.")
        incoming = look(path)
        say(incoming.sentence())
    with open_journal(args) as services:
        summary = services.transfer.bring(incoming)
        _daily_backup(services)
    say(summary.sentence())
    return EXIT_OK


def parse_answer(prompt: m.Prompt, text: str) -> a.Answer:
    """Markdown for text prompts; JSON (or a bare rung number) for the others."""
    if isinstance(prompt, m.TextPrompt):
        return a.TextAnswer(text)
    stripped = text.strip()
    if isinstance(prompt, m.LadderPrompt) and stripped.isdigit():
        return a.LadderAnswer(int(stripped))
    try:
        data = json.loads(stripped)
    except json.JSONDecodeError:
        raise BadAnswer(
            reason=f"this question takes JSON, for example {example_json(prompt)}"
        ) from None
    if isinstance(data, dict) and "kind" not in data:
        data = {"kind": prompt.kind, "data": data}
    return a.from_json(data)


def example_json(prompt: m.Prompt) -> str:
    spec = kinds.spec_of(prompt.kind)
    return spec.example(prompt) if spec is not None else "{}"


def cmd_answer(args: argparse.Namespace) -> int:
    content = content_only(args)
    prompt = content.prompt(args.prompt_id)
    if prompt is None:
        raise UnknownPrompt(prompt_id=args.prompt_id)
    answer = a.empty_for(prompt) if args.clear else parse_answer(prompt, read_stdin())
    if not args.clear and not a.is_answered(answer):
        raise CliError(
            text="There was no answer on standard input, so nothing was changed. To empty "
            "this answer on purpose, run it again with --clear: what it said before stays "
            "in its history."
        )
    a.validate(prompt, answer)
    with open_journal(args) as services:
        result = services.answers.save(args.prompt_id, answer, fold=False)
        _daily_backup(services)
    state = "unchanged" if result.unchanged else f"version {result.seq}"
    say(f"Saved ({state}).")
    return EXIT_OK


def _daily_backup(services: Services) -> None:
    try:
        services.backups.backup_if_due()
    except PeerJournalError as exc:
        say(f"Your writing is saved, but the daily backup could not be made: {exc.message}")


def cmd_journal_add(args: argparse.Namespace) -> int:
    day = parse_day(args.date)
    text = read_stdin()
    if not text.strip():
        raise CliError(text="There was no text on standard input; nothing was saved.")
    with open_journal(args) as services:
        services.pages.append(day, text)
        _daily_backup(services)
    say(f"Saved to your page for {day.isoformat()}.")
    return EXIT_OK
