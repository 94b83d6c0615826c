"""The command line: ``peerjournal`` opens the app; headless commands for scripts and tests.

``main`` is the entry point; ``parser`` builds the commands from their tables; ``io``
talks to the terminal; ``journal`` opens the journal for a command; the commands live
by what they do (``writing``, ``keeping``, ``sharing``, ``setup``). No Qt is imported
here, except by the command that opens the window.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

from peerjournal.cli.io import EXIT_FAIL, EXIT_OK
from peerjournal.cli.parser import Handler, build_parser
from peerjournal.core.errors import PeerJournalError


def main(argv: Sequence[str] | None = None) -> int:
    from peerjournal.core.hygiene import harden_process
    from peerjournal.core.private import use_private_umask

    harden_process()
    use_private_umask()
    words = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(words).parse_args(words)
    from peerjournal.core.paths import DataDir, resolve_data_dir
    from peerjournal.logs import setup_logging

    level = logging.DEBUG if os.environ.get("PEERJOURNAL_DEBUG") else logging.INFO
    setup_logging(DataDir(resolve_data_dir(getattr(args, "data_dir", None))).logs, level=level)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        from peerjournal.cli.setup import cmd_gui

        handler = cmd_gui
    try:
        return handler(args)
    except PeerJournalError as exc:
        print(exc.message, file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        print("Stopped. Nothing half-saved was kept.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception:
        from peerjournal.logs import log_unexpected

        where = log_unexpected("cli")
        print(
            "Something unexpected went wrong, and it was stopped. Nothing already saved was "
            f"lost. The details (which hold none of your writing) are in {where}.",
            file=sys.stderr,
        )
        return EXIT_FAIL
