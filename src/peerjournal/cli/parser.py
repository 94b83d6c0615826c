"""Every command, its arguments and its help, built from tables where commands share a shape.

Headless commands never import Qt. Every failure is one sentence on standard error and
a non-zero exit, never a traceback. Passphrases come from PEERJOURNAL_PASSPHRASE,
--passphrase-file or a hidden prompt on the terminal, never from an argument.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from importlib import import_module
from typing import cast

import msgspec

from peerjournal import __version__

Handler = Callable[[argparse.Namespace], int]


class Lazy(msgspec.Struct, frozen=True):
    """A command found by name and imported only when it runs.

    Building the parser used to import every command's module, and with them the
    services, SQLAlchemy and the content schema: ``--version`` took half a second.
    """

    module: str
    name: str

    def __call__(self, args: argparse.Namespace) -> int:
        found: Handler = getattr(import_module(f"peerjournal.cli.{self.module}"), self.name)
        return found(args)


def _lazy(module: str) -> Callable[[str], Lazy]:
    return lambda name: Lazy(module, name)


keeping, reading, setup, sharing, writing = (
    _lazy(m) for m in ("keeping", "reading", "setup", "sharing", "writing")
)


_VALUED = ("--data-dir", "--passphrase-file")


def command_named(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names (its first word that is no option), if any."""
    words = iter(argv)
    for word in words:
        if word in _VALUED:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


class _Skipped:
    """A command not asked for this time: whatever is done to it is done to nothing."""

    def __getattr__(self, _name: str) -> Callable[..., _Skipped]:
        return lambda *_args, **_kwargs: self


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """Every command; or, given ``argv`` that names one, only that one.

    Building all thirty-odd commands' parsers took a fifth of a command's own start-up;
    a run needs only the command it names. Help, a typo or no command build them all.
    """
    only = command_named(argv) if argv is not None else None
    parser, matched = _build(only)
    return parser if only is None or matched else _build(None)[0]


def _build(only: str | None) -> tuple[argparse.ArgumentParser, bool]:
    matched = False
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="the folder that holds your journal (default: your user data folder; "
        "or set PEERJOURNAL_DATA_DIR)",
    )
    common.add_argument(
        "--passphrase-file",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="read the passphrase from the first line of FILE "
        "(or set PEERJOURNAL_PASSPHRASE; otherwise you are asked)",
    )
    parser = argparse.ArgumentParser(
        prog="peerjournal",
        description="A private journal for the Peer 2 Peer programme. "
        "With no command, opens the app.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"peerjournal {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    exports: tuple[tuple[str, Handler, str, list[str], tuple[str, ...]], ...] = (
        (
            "all",
            sharing("cmd_export_all"),
            "everything, unencrypted: a ZIP of Markdown and peerjournal.json, or either",
            ["md", "json", "zip"],
            (),
        ),
        (
            "story",
            sharing("cmd_export_story"),
            "your Personal Recovery Story as PDF or Markdown",
            ["pdf", "md"],
            ("paper", "iteration"),
        ),
        (
            "workbook",
            sharing("cmd_export_workbook"),
            "the whole workbook with your answers",
            ["pdf", "md"],
            ("paper",),
        ),
        (
            "stocktake",
            sharing("cmd_export_stocktake"),
            "your Personal Stocktake with its history",
            ["pdf", "md"],
            ("paper",),
        ),
    )

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        nonlocal matched
        if only is not None and name != only:
            return cast(argparse.ArgumentParser, _Skipped())
        matched = True
        one = sub.add_parser(name, help=help_text, description=help_text, parents=[common])
        one.set_defaults(handler=handler)
        return one

    gui = add("gui", setup("cmd_gui"), "open the app (the default)")
    gui.add_argument(
        "--quietly",
        action="store_true",
        help="start without showing the window, for reminders (how it starts with the "
        "computer); it waits in the notification area",
    )
    add("demo", setup("cmd_demo"), "open the app on a throwaway demo journal")
    add("init", keeping("cmd_init"), "create your journal and print its recovery key once")
    add("prompts", writing("cmd_prompts"), "list every question you can answer: ID<TAB>TEXT")

    answer = add(
        "answer",
        writing("cmd_answer"),
        "save an answer read from standard input (Markdown; JSON for lists and tables)",
    )
    answer.add_argument("prompt_id", metavar="ID")
    answer.add_argument(
        "--clear",
        action="store_true",
        help="empty this answer on purpose (standard input is not read); what it said before "
        "stays in its history. Without --clear, an empty answer is refused",
    )
    show = add("show", reading("cmd_show"), "print the current answer to a question")
    show.add_argument("prompt_id", metavar="ID")
    history = add("history", reading("cmd_history"), "list the saved versions of an answer")
    history.add_argument("prompt_id", metavar="ID")

    bring = add(
        "import",
        writing("cmd_import"),
        "bring in writing: a copy made by `export all` (peerjournal.json or its ZIP), or "
        "another journal's (jrnl, Day One's ZIP, a RedNotebook data folder, a folder of dated "
        "Markdown or text files) as daily pages; nothing already here is overwritten",
    )
    bring.add_argument(
        "file", metavar="PATH", help="the file or folder to bring in ('-': a copy on stdin)"
    )
    journal = add("journal", setup("cmd_usage"), "daily pages")
    journal_sub = journal.add_subparsers(dest="journal_command", metavar="ACTION")
    jadd = journal_sub.add_parser(
        "add", help="add to a daily page from standard input", parents=[common]
    )
    jadd.add_argument("--date", metavar="YYYY-MM-DD", default=None, help="default: today")
    jadd.set_defaults(handler=writing("cmd_journal_add"))
    jlist = journal_sub.add_parser("list", help="list your daily pages", parents=[common])
    jlist.set_defaults(handler=reading("cmd_journal_list"))
    jshow = journal_sub.add_parser("show", help="print one daily page", parents=[common])
    jshow.add_argument("date", metavar="YYYY-MM-DD")
    jshow.set_defaults(handler=reading("cmd_journal_show"))

    search = add(
        "search",
        reading("cmd_search"),
        "search everything you have written (QUERY '-' reads the words from standard "
        "input: words given as arguments can be seen by other users of this computer)",
    )
    search.add_argument("query", nargs="+", metavar="QUERY")
    search.add_argument(
        "-n",
        "--limit",
        type=int,
        default=50,
        metavar="N",
        help="at most N places, best first (default 50)",
    )
    search.add_argument(
        "--full", action="store_true", help="print each place's whole text, not a snippet"
    )
    add(
        "salvage",
        keeping("cmd_salvage"),
        "bring back each answer or page that cannot be read, from its earlier versions or "
        "a backup, one at a time",
    )

    add(
        "check",
        reading("cmd_check"),
        "decrypt and verify everything; exit 0 only when all is whole",
    )
    backup = add("backup", keeping("cmd_backup"), "make an encrypted backup now")
    backup.add_argument("-o", "--output", metavar="FILE", default=None)
    restore = add(
        "restore", keeping("cmd_restore"), "restore a backup (the current journal is kept aside)"
    )
    restore.add_argument("file", metavar="FILE")
    restore.add_argument(
        "--recovery-key-file",
        metavar="FILE",
        default=None,
        help="open the backup with the recovery key in FILE instead of the passphrase",
    )

    export = add("export", setup("cmd_usage"), "export your writing")
    export_sub = export.add_subparsers(dest="export_what", metavar="WHAT")
    for what, handler, help_text, formats, extra in exports:
        one = export_sub.add_parser(what, help=help_text, parents=[common])
        one.add_argument("--format", choices=formats, required=True)
        one.add_argument("-o", "--output", metavar="PATH", required=True)
        if "paper" in extra:
            one.add_argument("--paper", choices=["a4", "letter"], default="a4")
        if "iteration" in extra:
            one.add_argument("--iteration", type=int, metavar="N", default=None)
        one.set_defaults(handler=handler)

    passphrase = add("passphrase", setup("cmd_usage"), "manage your passphrase")
    pass_sub = passphrase.add_subparsers(dest="passphrase_command", metavar="ACTION")
    new_pass = argparse.ArgumentParser(add_help=False)
    new_pass.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        default=None,
        help="read the new passphrase from FILE (or set PEERJOURNAL_NEW_PASSPHRASE)",
    )
    change = pass_sub.add_parser(
        "change", help="choose a new passphrase", parents=[common, new_pass]
    )
    change.set_defaults(handler=keeping("cmd_passphrase_change"))
    recovery = add("recovery-key", setup("cmd_usage"), "manage your recovery key")
    recovery_sub = recovery.add_subparsers(dest="recovery_command", metavar="ACTION")
    r_new = recovery_sub.add_parser(
        "new",
        help="make a new recovery key (shown once; the old one stops working)",
        parents=[common],
    )
    r_new.set_defaults(handler=keeping("cmd_recovery_key_new"))
    recover = add("recover", keeping("cmd_recover"), "set a new passphrase with your recovery key")
    recover.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        default=None,
        help="read the new passphrase from FILE (or set PEERJOURNAL_NEW_PASSPHRASE)",
    )
    recover.add_argument(
        "--recovery-key-file",
        metavar="FILE",
        default=None,
        help="read the recovery key from FILE (or set PEERJOURNAL_RECOVERY_KEY)",
    )

    story = add("story", setup("cmd_usage"), "versions of your Personal Recovery Story")
    story_sub = story.add_subparsers(dest="story_command", metavar="ACTION")
    s_save = story_sub.add_parser(
        "save",
        help="save this version of your story (NAME '-' reads the name from standard input: "
        "words given as arguments can be seen by other users of this computer)",
        parents=[common],
    )
    s_save.add_argument("name", nargs="+", metavar="NAME")
    s_save.set_defaults(handler=sharing("cmd_story_save"))
    s_list = story_sub.add_parser("list", help="list the saved versions", parents=[common])
    s_list.set_defaults(handler=sharing("cmd_story_list"))
    s_diff = story_sub.add_parser(
        "diff", help="what changed between two versions", parents=[common]
    )
    s_diff.add_argument("first", type=int, metavar="N")
    s_diff.add_argument("second", type=int, metavar="M")
    s_diff.set_defaults(handler=sharing("cmd_story_diff"))

    content = add("content", setup("cmd_usage"), "content packs")
    content_sub = content.add_subparsers(dest="content_command", metavar="ACTION")
    check = content_sub.add_parser(
        "check",
        help="validate content packs (a file or folder; default: the shipped and your own)",
        parents=[common],
    )
    check.add_argument("path", nargs="?", default=None, metavar="PATH")
    check.set_defaults(handler=setup("cmd_content_check"))

    add(
        "self-test",
        setup("cmd_self_test"),
        "check this installation headlessly on a throwaway journal",
    )
    return parser, matched
