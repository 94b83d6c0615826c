"""Commands that only read: an answer, its history, a page, the list of pages, search, check.

They open the journal with ``read_journal``: the read-only vault on the standard
library's sqlite3, the content packs from their cache, and only the services a read
needs, so a search costs what reading the journal costs and little more.
"""

from __future__ import annotations

import argparse
import sys

from peerjournal.cli.io import EXIT_FAIL, EXIT_OK, CliError, parse_day, say, words_argument
from peerjournal.cli.journal import damaged_advice, read_journal
from peerjournal.core.errors import UnknownPrompt


def cmd_show(args: argparse.Namespace) -> int:
    from peerjournal.core import answers as a

    with read_journal(args) as services:
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


def cmd_journal_list(args: argparse.Namespace) -> int:
    with read_journal(args) as services:
        lines = [
            f"{page.day.isoformat()}\t{page.words} words\t{page.preview[:60]}\n"
            for page in services.pages.summaries()
        ]
        sys.stdout.write("".join(lines))
        sys.stdout.flush()
    return EXIT_OK


def cmd_journal_show(args: argparse.Namespace) -> int:
    day = parse_day(args.date)
    with read_journal(args) as services:
        text = services.page(day)
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
    with read_journal(args) as services:
        results = services.search.search_all(query, limit=args.limit)
        if not results:
            say(f"Nothing you have written matches “{query}”.")
            return EXIT_OK
        out = sys.stdout
        for r in results:
            where = r.prompt_id or (r.day.isoformat() if r.day else "")
            if args.full:
                out.write(f"{where}\t{r.title}\n{r.text.rstrip()}\n\n")
            else:
                out.write(f"{where}\t{r.title}\t{r.snippet}\n")
        out.flush()
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    from peerjournal.core import answers as a

    with read_journal(args) as services:
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


def cmd_check(args: argparse.Namespace) -> int:
    with read_journal(args) as services:
        report = services.session.reader.check()
    if report.ok:
        c = report.checked
        print(
            f"All is whole: {c.get('documents', 0)} answers and pages, "
            f"{c.get('versions', 0)} versions, {c.get('iterations', 0)} story versions checked."
        )
        return EXIT_OK
    say(f"Damage found in {len(report.damaged)} place(s):")
    for damage in report.damaged:
        say(f"  {damage}")
    say(
        "Everything else is whole. 'peerjournal salvage' brings back each damaged answer "
        "or page from its own earlier versions or a backup, one at a time, and touches "
        "nothing else."
    )
    say("If you would rather put back a whole backup: " + damaged_advice(services.session.data))
    return EXIT_FAIL
