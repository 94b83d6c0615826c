"""Commands that write and read: answers, daily pages, search."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from peerjournal.cli.io import (
    EXIT_OK,
    CliError,
    read_stdin,
    say,
    words_argument,
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


def cmd_show(args: argparse.Namespace) -> int:
    with open_journal(args, read_only=True) as services:
        prompt = services.content.prompt(args.prompt_id)
        answer = services.answers.get(args.prompt_id)
        if prompt is None and answer is None and not services.answers.text_of(args.prompt_id):
            raise UnknownPrompt(prompt_id=args.prompt_id)
        if answer is None and prompt is not None:
            say("You have not answered this yet.")
            return EXIT_OK
        if isinstance(answer, a.TextAnswer):
            sys.stdout.write(answer.text)
        else:
            text = services.answers.text_of(args.prompt_id)
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    with open_journal(args) as services:
        prompt = services.content.prompt(args.prompt_id)
        versions = services.answers.history(args.prompt_id)
        if prompt is None and not versions:
            raise UnknownPrompt(prompt_id=args.prompt_id)
        if not versions:
            say("There are no saved versions of this answer yet.")
        for v in versions:
            words = ""
            if v.answer is not None and prompt is not None and prompt.kind == v.answer.kind:
                words = " ".join(a.words(prompt, v.answer).split())
            if len(words) > 70:
                words = words[:69] + "…"
            print(f"{v.seq}\t{v.saved.astimezone():%Y-%m-%d %H:%M}\t{words}")
    return EXIT_OK


def _parse_day(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(text=f"'{text}' is not a date like 2026-11-24.") from None


def cmd_journal_add(args: argparse.Namespace) -> int:
    day = _parse_day(args.date)
    text = read_stdin()
    if not text.strip():
        raise CliError(text="There was no text on standard input; nothing was saved.")
    with open_journal(args) as services:
        services.pages.append(day, text)
        _daily_backup(services)
    say(f"Saved to your page for {day.isoformat()}.")
    return EXIT_OK


def cmd_journal_list(args: argparse.Namespace) -> int:
    with open_journal(args, read_only=True) as services:
        for page in services.pages.summaries():
            print(f"{page.day.isoformat()}\t{page.words} words\t{page.preview[:60]}")
    return EXIT_OK


def cmd_journal_show(args: argparse.Namespace) -> int:
    day = _parse_day(args.date)
    with open_journal(args, read_only=True) as services:
        text = services.pages.get(day)
    if not text:
        say(f"There is no page for {day.isoformat()}.")
        return EXIT_OK
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    query = words_argument(args.query, "search")
    if args.limit < 1:
        raise CliError(text="--limit needs a number of 1 or more.")
    with open_journal(args, read_only=True) as services:
        results = services.search.search(query, limit=args.limit)
        if not results:
            say(f"Nothing you have written matches “{query}”.")
            return EXIT_OK
        out = sys.stdout
        for r in results:
            where = r.prompt_id or (r.day.isoformat() if r.day else "")
            if not args.full:
                out.write(f"{where}\t{r.title}\t{r.snippet}\n")
                continue
            if r.day is not None:
                text = services.pages.get(r.day)
            else:
                text = services.answers.text_of(r.prompt_id) if r.prompt_id else ""
            out.write(f"{where}\t{r.title}\n{text.rstrip()}\n\n")
        out.flush()
    return EXIT_OK
