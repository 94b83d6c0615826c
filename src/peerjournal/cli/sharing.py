"""Commands that make copies to share or keep: exports, and the story's versions."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from peerjournal.cli.io import (
    EXIT_OK,
    say,
    words_argument,
)
from peerjournal.cli.journal import open_journal, read_journal

if TYPE_CHECKING:
    from peerjournal.services.reading import ReadingServices


def cmd_export_all(args: argparse.Namespace) -> int:
    with read_journal(args) as services:
        path = services.exports.write(args.format, Path(args.output).expanduser())
    say(f"Exported everything to {path}. This copy is not encrypted: keep it somewhere safe.")
    return EXIT_OK


def _write_export(
    args: argparse.Namespace, what: str, build: Callable[[ReadingServices], bytes | str]
) -> int:
    target = Path(args.output).expanduser()
    with read_journal(args) as services:
        data = build(services)
        services.story.write(target, data)
    say(f"Saved {what} to {target}. This copy is not encrypted: keep it somewhere safe.")
    return EXIT_OK


def cmd_export_story(args: argparse.Namespace) -> int:
    iteration: int | None = args.iteration

    def build(services: ReadingServices) -> bytes | str:
        if args.format == "pdf":
            return services.story.build_pdf(iteration=iteration, paper=args.paper)
        return services.story.build_markdown(iteration=iteration)

    what = "your story" if iteration is None else f"version {iteration} of your story"
    return _write_export(args, what, build)


def cmd_export_workbook(args: argparse.Namespace) -> int:
    def build(services: ReadingServices) -> bytes | str:
        if args.format == "pdf":
            return services.story.workbook_pdf(paper=args.paper)
        return services.story.workbook_markdown()

    return _write_export(args, "your workbook", build)


def cmd_export_stocktake(args: argparse.Namespace) -> int:
    def build(services: ReadingServices) -> bytes | str:
        if args.format == "pdf":
            return services.story.stocktake_pdf(paper=args.paper)
        return services.story.stocktake_markdown()

    return _write_export(args, "your stocktake", build)


def cmd_story_save(args: argparse.Namespace) -> int:
    name = words_argument(args.name, "name")
    with open_journal(args) as services:
        saved = services.story.save_iteration(name=name)
    print(f"Saved version {saved.number} of your story: {saved.name}")
    return EXIT_OK


def cmd_story_list(args: argparse.Namespace) -> int:
    with open_journal(args) as services:
        versions = services.story.iterations()
    if not versions:
        say(
            "There are no saved versions of your story yet. "
            "Save one with: peerjournal story save NAME"
        )
    for v in versions:
        print(f"{v.number}\t{v.saved.astimezone():%Y-%m-%d %H:%M}\t{v.name}")
    return EXIT_OK


def cmd_story_diff(args: argparse.Namespace) -> int:
    from peerjournal.core.story_diff import as_text

    with open_journal(args) as services:
        diff = services.story.diff(old=args.first, new=args.second)
    print(f"--- {diff.old_label}")
    print(f"+++ {diff.new_label}")
    print(as_text(diff))
    return EXIT_OK
