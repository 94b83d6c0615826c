"""Talking to the person at the terminal: one sentence on stderr per problem, secrets
read from a file, the environment or a hidden prompt (never an argument), and words
from standard input."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import date
from typing import TextIO

from peerjournal.core.errors import (
    BadAnswer,
    PassphraseEmpty,
    PeerJournalError,
)

PASSPHRASE_ENV = "PEERJOURNAL_PASSPHRASE"


NEW_PASSPHRASE_ENV = "PEERJOURNAL_NEW_PASSPHRASE"


RECOVERY_ENV = "PEERJOURNAL_RECOVERY_KEY"


EXIT_OK = 0


EXIT_FAIL = 1


class CliError(PeerJournalError):
    template = "{text}"


def say(text: str, stream: TextIO | None = None) -> None:
    print(text, file=stream or sys.stderr)


# -- secrets --------------------------------------------------------------------------


def _read_secret_file(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.readline().rstrip("\r\n")
    except OSError:
        raise CliError(text=f"The file {path} cannot be read.") from None
    except UnicodeDecodeError:
        raise CliError(text=f"The file {path} is not UTF-8 text.") from None


def _interactive(prompt: str) -> str | None:
    if not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(prompt, stream=sys.stderr)
    except (EOFError, OSError):
        return None


def _secret(args: argparse.Namespace, *, what: str, option: str, env: str, confirm: bool) -> str:
    """A secret from its file option, its environment variable, or a hidden prompt."""
    file = getattr(args, option.removeprefix("--").replace("-", "_"), None)
    if file:
        value = _read_secret_file(file)
    elif os.environ.get(env):
        value = os.environ[env]
    else:
        typed = _interactive(f"{what.capitalize()}: ")
        if typed is None:
            raise CliError(
                text=f"No {what} was given: set {env}, use {option}, or run this in a terminal."
            )
        if confirm and _interactive(f"The same {what} again: ") != typed:
            raise CliError(text=f"The two {what}s were not the same; nothing was changed.")
        value = typed
    if not value:
        raise PassphraseEmpty()
    return value


def passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    return _secret(
        args, what="passphrase", option="--passphrase-file", env=PASSPHRASE_ENV, confirm=confirm
    )


def new_passphrase(args: argparse.Namespace) -> str:
    return _secret(
        args,
        what="new passphrase",
        option="--new-passphrase-file",
        env=NEW_PASSPHRASE_ENV,
        confirm=True,
    )


def recovery_key(args: argparse.Namespace) -> str:
    return _secret(
        args, what="recovery key", option="--recovery-key-file", env=RECOVERY_ENV, confirm=False
    )


# -- opening -----------------------------------------------------------------------------


def read_stdin() -> str:
    raw = sys.stdin.buffer.read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadAnswer(reason="the text is not UTF-8.") from None


def words_argument(parts: list[str], what: str) -> str:
    """Words given as arguments, or read from standard input when the argument is "-"."""
    if parts == ["-"]:
        text = " ".join(read_stdin().split())
        if not text:
            raise CliError(text=f"There was no {what} on standard input.")
        return text
    return " ".join(parts)


def parse_day(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(text=f"'{text}' is not a date like 2026-11-24.") from None
