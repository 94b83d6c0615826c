"""Commands that keep the journal safe: create, check, back up, restore, salvage, keys."""

from __future__ import annotations

import argparse
from pathlib import Path

from peerjournal.cli.io import (
    EXIT_FAIL,
    EXIT_OK,
    new_passphrase,
    passphrase,
    recovery_key,
    say,
)
from peerjournal.cli.journal import open_journal, services_for
from peerjournal.core.errors import (
    NoVault,
)
from peerjournal.core.passphrases import check_new_passphrase


def cmd_init(args: argparse.Namespace) -> int:
    services = services_for(args)
    session = services.session
    if session.exists():
        from peerjournal.core.errors import VaultExists

        raise VaultExists(path=str(session.data.root))
    secret = passphrase(args, confirm=True)
    check_new_passphrase(secret)
    say("Creating your journal (this takes a moment to make the passphrase strong)…")
    recovery = session.create(secret)
    try:
        services.backups.backup_now()
    finally:
        session.close()
    print("Your journal is ready in " + str(session.data.root))
    print()
    print("Your recovery key.")
    _show_recovery_key(recovery.blocks(), replaced=False)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    with open_journal(args) as services:
        dest = Path(args.output).expanduser() if args.output else None
        path = services.backups.backup_now(dest)
    print(f"Backup saved: {path}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    services = services_for(args)
    source = Path(args.file).expanduser()
    if getattr(args, "recovery_key_file", None):
        kept = services.backups.restore(source, recovery_key=recovery_key(args))
    else:
        kept = services.backups.restore(source, passphrase=passphrase(args))
    services.session.close()
    print(f"Restored your journal from {source}.")
    if kept is not None:
        print(f"The journal it replaced was kept, whole, at {kept}.")
    print("Open it with the passphrase that was in use when that backup was made.")
    return EXIT_OK


def cmd_passphrase_change(args: argparse.Namespace) -> int:
    with open_journal(args) as services:
        old = passphrase(args)
        fresh = services.session.change_passphrase(old, new_passphrase(args))
    say(
        "Your passphrase is changed, and everything was sealed again under a new key: an "
        "old passphrase no longer opens anything written from now on."
    )
    if fresh is None:
        say("Your recovery key still works as before.")
    else:
        _show_recovery_key(fresh.blocks(), replaced=True)
    return EXIT_OK


def _show_recovery_key(blocks: list[str], *, replaced: bool) -> None:
    if replaced:
        print("Your journal has a new recovery key; the old one no longer opens it.")
    print("Write it down and keep it somewhere safe, away from this computer.")
    print("It is shown only this once, and it can open your journal if you forget your passphrase:")
    print()
    print("    " + "  ".join(blocks))
    print()


def cmd_recovery_key_new(args: argparse.Namespace) -> int:
    with open_journal(args) as services:
        fresh = services.session.new_recovery_key(passphrase(args))
    _show_recovery_key(fresh.blocks(), replaced=True)
    return EXIT_OK


def cmd_salvage(args: argparse.Namespace) -> int:
    with open_journal(args) as services:
        repaired, left = services.salvage.repair()
        report = services.session.vault.check()
    if not repaired and not left:
        say("Nothing needed bringing back: every answer and page opens.")
    for item in repaired:
        say(f"Brought back {item}, as a new version.")
    for item in left:
        say(f"Could not bring back {item}: no readable version or backup holds it.")
    if not report.ok:
        say("What check still finds:")
        for damage in report.damaged:
            say(f"  {damage}")
        return EXIT_FAIL
    return EXIT_OK


def cmd_recover(args: argparse.Namespace) -> int:
    services = services_for(args)
    session = services.session
    if not session.exists():
        raise NoVault(path=str(session.data.root))
    key = recovery_key(args)
    new = new_passphrase(args)
    try:
        session.recover(key, new)
    finally:
        session.close()
    say("Your journal is open again with your new passphrase.")
    return EXIT_OK
