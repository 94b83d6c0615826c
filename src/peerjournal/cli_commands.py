"""What each headless command does. No Qt is imported here, ever."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO

from peerjournal.core import answers as a
from peerjournal.core.content import model as m
from peerjournal.core.errors import (
    BadAnswer,
    NoVault,
    PassphraseEmpty,
    PeerJournalError,
    UnknownPrompt,
    VaultCorrupt,
)
from peerjournal.core.paths import DataDir, resolve_data_dir
from peerjournal.core.vault.keyslots import check_new_passphrase
from peerjournal.services.container import Services, build_services

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


def services_for(args: argparse.Namespace) -> Services:
    return build_services(resolve_data_dir(getattr(args, "data_dir", None)))


def damaged_advice(data: DataDir) -> str:
    from peerjournal.core.vault.backup import list_backups

    backups = list_backups(data.backups)
    if not backups:
        return "There is no backup in the data folder to restore."
    latest = backups[0]
    return (
        f"Your latest backup is {latest.path} (made {latest.made:%d %B %Y at %H:%M}); "
        f"restore it with: peerjournal restore '{latest.path}'"
    )


def unlocked(args: argparse.Namespace) -> Services:
    services = services_for(args)
    session = services.session
    if not session.exists():
        raise NoVault(path=str(session.data.root))
    try:
        session.open()
    except VaultCorrupt as exc:
        raise VaultCorrupt(
            detail=str(exc.params.get("detail", "")), advice=damaged_advice(session.data)
        ) from None
    for notice in session.notices:
        say(notice)
    session.unlock(passphrase(args))
    return services


def _content_only(args: argparse.Namespace) -> m.Content:
    from peerjournal.core.content.loader import load_content

    data = DataDir(resolve_data_dir(getattr(args, "data_dir", None)))
    return load_content([data.packs])


# -- commands ----------------------------------------------------------------------------


def cmd_usage(args: argparse.Namespace) -> int:
    from peerjournal.cli import build_parser

    parser = build_parser()
    command = getattr(args, "command", None)
    if command:
        parser.parse_args([command, "--help"])
    parser.print_help()
    return 2


def cmd_gui(args: argparse.Namespace) -> int:
    from peerjournal.app import run_gui

    return run_gui(data_dir=getattr(args, "data_dir", None))


def cmd_demo(args: argparse.Namespace) -> int:
    from peerjournal.app import run_demo

    return run_demo()


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


def cmd_prompts(args: argparse.Namespace) -> int:
    content = _content_only(args)
    for problem in content.problems:
        say(f"Skipped a content pack: {problem}")
    out = sys.stdout
    for prompt in content.prompts():
        out.write(f"{prompt.id}\t{' '.join(prompt.text.split())}\n")
    return EXIT_OK


def _read_stdin() -> str:
    raw = sys.stdin.buffer.read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadAnswer(reason="the text is not UTF-8.") from None


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
        data = {"kind": prompt.kind.value, "data": data}
    return a.from_json(data)


def example_json(prompt: m.Prompt) -> str:
    match prompt:
        case m.LadderPrompt():
            return '{"rung": 5, "note": "..."}'
        case m.ChoosePrompt():
            first = [o.id for o in prompt.options()][:2]
            return json.dumps({"chosen": first})
        case m.RankedPrompt():
            return '{"items": [{"value": "Honesty", "note": "..."}]}'
        case m.TablePrompt():
            return json.dumps({"notes": {prompt.rows[0].id: "..."}})
        case m.SpectrumPrompt():
            return json.dumps({"positions": {prompt.rows[0].id: 70}})
        case m.ChecklistPrompt():
            return json.dumps({"items": {prompt.questions[0].id: {"state": "yes", "note": ""}}})
        case m.LessonsPrompt():
            return '{"done": [1, 2, 3]}'
    return "{}"


def cmd_answer(args: argparse.Namespace) -> int:
    content = _content_only(args)
    prompt = content.prompt(args.prompt_id)
    if prompt is None:
        raise UnknownPrompt(prompt_id=args.prompt_id)
    answer = a.empty_for(prompt) if args.clear else parse_answer(prompt, _read_stdin())
    if not args.clear and not a.is_answered(answer):
        raise CliError(
            text="There was no answer on standard input, so nothing was changed. To empty "
            "this answer on purpose, run it again with --clear: what it said before stays "
            "in its history."
        )
    a.validate(prompt, answer)
    services = unlocked(args)
    try:
        result = services.answers.save(args.prompt_id, answer, fold=False)
        _daily_backup(services)
    finally:
        services.session.close()
    state = "unchanged" if result.unchanged else f"version {result.seq}"
    say(f"Saved ({state}).")
    return EXIT_OK


def _daily_backup(services: Services) -> None:
    try:
        services.backups.backup_if_due()
    except PeerJournalError as exc:
        say(f"Your writing is saved, but the daily backup could not be made: {exc.message}")


def cmd_show(args: argparse.Namespace) -> int:
    services = unlocked(args)
    try:
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
    finally:
        services.session.close()
    return EXIT_OK


def cmd_history(args: argparse.Namespace) -> int:
    services = unlocked(args)
    try:
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
    finally:
        services.session.close()
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
    text = _read_stdin()
    if not text.strip():
        raise CliError(text="There was no text on standard input; nothing was saved.")
    services = unlocked(args)
    try:
        services.pages.append(day, text)
        _daily_backup(services)
    finally:
        services.session.close()
    say(f"Saved to your page for {day.isoformat()}.")
    return EXIT_OK


def cmd_journal_list(args: argparse.Namespace) -> int:
    services = unlocked(args)
    try:
        for page in services.pages.summaries():
            print(f"{page.day.isoformat()}\t{page.words} words\t{page.preview[:60]}")
    finally:
        services.session.close()
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    query = words_argument(args.query, "search")
    services = unlocked(args)
    try:
        results = services.search.search(query)
    finally:
        services.session.close()
    if not results:
        say(f"Nothing you have written matches “{query}”.")
        return EXIT_OK
    for r in results:
        where = r.prompt_id or (r.day.isoformat() if r.day else "")
        print(f"{where}\t{r.title}\t{r.snippet}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    services = unlocked(args)
    try:
        report = services.session.vault.check()
    finally:
        services.session.close()
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
    say("If you would rather put back a whole backup: " + damaged_advice(services.data))
    return EXIT_FAIL


def cmd_backup(args: argparse.Namespace) -> int:
    services = unlocked(args)
    try:
        dest = Path(args.output).expanduser() if args.output else None
        path = services.backups.backup_now(dest)
    finally:
        services.session.close()
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


def cmd_export_all(args: argparse.Namespace) -> int:
    services = unlocked(args)
    try:
        path = services.exports.write(args.format, Path(args.output).expanduser())
    finally:
        services.session.close()
    say(f"Exported everything to {path}. This copy is not encrypted: keep it somewhere safe.")
    return EXIT_OK


def _write_export(
    args: argparse.Namespace, what: str, build: Callable[[Services], bytes | str]
) -> int:
    target = Path(args.output).expanduser()
    services = unlocked(args)
    try:
        data = build(services)
        services.story.write(target, data)
    finally:
        services.session.close()
    say(f"Saved {what} to {target}. This copy is not encrypted: keep it somewhere safe.")
    return EXIT_OK


def cmd_export_story(args: argparse.Namespace) -> int:
    iteration: int | None = args.iteration

    def build(services: Services) -> bytes | str:
        if args.format == "pdf":
            return services.story.build_pdf(iteration=iteration, paper=args.paper)
        return services.story.build_markdown(iteration=iteration)

    what = "your story" if iteration is None else f"version {iteration} of your story"
    return _write_export(args, what, build)


def cmd_export_workbook(args: argparse.Namespace) -> int:
    def build(services: Services) -> bytes | str:
        if args.format == "pdf":
            return services.story.workbook_pdf(paper=args.paper)
        return services.story.workbook_markdown()

    return _write_export(args, "your workbook", build)


def cmd_export_stocktake(args: argparse.Namespace) -> int:
    def build(services: Services) -> bytes | str:
        if args.format == "pdf":
            return services.story.stocktake_pdf(paper=args.paper)
        return services.story.stocktake_markdown()

    return _write_export(args, "your stocktake", build)


def cmd_passphrase_change(args: argparse.Namespace) -> int:
    services = unlocked(args)
    try:
        old = passphrase(args)
        fresh = services.session.change_passphrase(old, new_passphrase(args))
    finally:
        services.session.close()
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
    services = unlocked(args)
    try:
        fresh = services.session.new_recovery_key(passphrase(args))
    finally:
        services.session.close()
    _show_recovery_key(fresh.blocks(), replaced=True)
    return EXIT_OK


def cmd_salvage(args: argparse.Namespace) -> int:
    services = unlocked(args)
    try:
        repaired, left = services.salvage.repair()
        report = services.session.vault.check()
    finally:
        services.session.close()
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


def words_argument(parts: list[str], what: str) -> str:
    """Words given as arguments, or read from standard input when the argument is "-"."""
    if parts == ["-"]:
        text = " ".join(_read_stdin().split())
        if not text:
            raise CliError(text=f"There was no {what} on standard input.")
        return text
    return " ".join(parts)


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


def cmd_story_save(args: argparse.Namespace) -> int:
    name = words_argument(args.name, "name")
    services = unlocked(args)
    try:
        saved = services.story.save_iteration(name=name)
    finally:
        services.session.close()
    print(f"Saved version {saved.number} of your story: {saved.name}")
    return EXIT_OK


def cmd_story_list(args: argparse.Namespace) -> int:
    services = unlocked(args)
    try:
        versions = services.story.iterations()
    finally:
        services.session.close()
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

    services = unlocked(args)
    try:
        diff = services.story.diff(old=args.first, new=args.second)
    finally:
        services.session.close()
    print(f"--- {diff.old_label}")
    print(f"+++ {diff.new_label}")
    print(as_text(diff))
    return EXIT_OK


def cmd_content_check(args: argparse.Namespace) -> int:
    from peerjournal.core.content.loader import check_files, pack_files, shipped_packs_dir

    shipped = pack_files(shipped_packs_dir())
    if args.path:
        target = Path(args.path).expanduser()
        if target.is_dir():
            given = pack_files(target)
        elif target.is_file():
            given = [target]
        else:
            raise CliError(text=f"There is no file or folder at {target}.")
        known = {p.resolve() for p in shipped}
        files = shipped + [p for p in given if p.resolve() not in known]
    else:
        data = DataDir(resolve_data_dir(getattr(args, "data_dir", None)))
        files = shipped + pack_files(data.packs)
    problems = check_files(files)
    if problems:
        for problem in problems:
            say(str(problem))
        return EXIT_FAIL
    print(f"All {len(files)} content pack(s) are fine.")
    return EXIT_OK


def cmd_self_test(args: argparse.Namespace) -> int:
    from peerjournal.services.self_test import Step, run_self_test

    root = resolve_data_dir(getattr(args, "data_dir", None))

    def report(step: Step) -> None:
        mark = "ok  " if step.ok else "FAIL"
        print(f"{mark} {step.name}: {step.detail} ({step.seconds:.2f} s)", flush=True)

    ok = run_self_test(root, report)
    print("Self-test passed." if ok else "Self-test FAILED.")
    return EXIT_OK if ok else EXIT_FAIL
