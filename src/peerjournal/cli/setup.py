"""Commands about the app itself: the window, the demo, content packs, the self-test."""

from __future__ import annotations

import argparse
from pathlib import Path

from peerjournal.cli.io import (
    EXIT_FAIL,
    EXIT_OK,
    CliError,
    say,
)
from peerjournal.core.paths import DataDir, resolve_data_dir


def cmd_usage(args: argparse.Namespace) -> int:
    from peerjournal.cli.parser import build_parser

    parser = build_parser()
    command = getattr(args, "command", None)
    if command:
        parser.parse_args([command, "--help"])
    parser.print_help()
    return 2


def cmd_gui(args: argparse.Namespace) -> int:
    from peerjournal.app import run_gui

    return run_gui(
        data_dir=getattr(args, "data_dir", None), quietly=bool(getattr(args, "quietly", False))
    )


def cmd_demo(args: argparse.Namespace) -> int:
    from peerjournal.app import run_demo

    return run_demo()


def cmd_content_check(args: argparse.Namespace) -> int:
    from peerjournal.core.content.loader import load_files, pack_files, shipped_packs_dir

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
    loaded = load_files(files)
    for warning in loaded.warnings:
        say(f"Warning: {warning}")
    if loaded.problems:
        for problem in loaded.problems:
            say(str(problem))
        return EXIT_FAIL
    if loaded.warnings:
        print(f"All {len(files)} content pack(s) load; look at the warning(s) above.")
    else:
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
