"""Entry point for the packaged app (PyInstaller needs a script, not a module)."""

from peerjournal.cli import main

raise SystemExit(main())
