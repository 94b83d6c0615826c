"""Writes a generated vault's daily pages in jrnl's plain-text format (for import)."""

from __future__ import annotations

import sys
from pathlib import Path

from peerjournal.services.container import build_services


def main() -> None:
    folder, out = Path(sys.argv[1]), Path(sys.argv[2])
    services = build_services(folder)
    services.session.unlock("benchmark passphrase")
    services.search.wait_ready()
    entries = []
    for day in sorted(services.pages.days()):
        text = services.pages.get(day)
        first, _sep, rest = text.partition(". ")
        entries.append(f"[{day.isoformat()} 09:00:00 AM] {first}.\n{rest}\n")
    services.session.close()
    out.write_text("\n".join(entries), encoding="utf-8")


if __name__ == "__main__":
    main()
