"""What every open journal can do, whether opened to write (``Vault``) or only to read.

Services that only read (an answer, a page, a search) take this, so the headless read
commands can hand them the lean ``ReadOnlyVault`` and the window the full one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from peerjournal.core.vault.records import CheckReport, Damage, Document, Iteration, Version


class ReadableVault(Protocol):
    notices: list[str]
    unreadable: list[Damage]

    @property
    def unlocked(self) -> bool: ...

    @property
    def findings(self) -> list[str]: ...

    def unlock(self, passphrase: str) -> None: ...

    def lock(self) -> None: ...

    def close(self) -> None: ...

    def documents(self, prefix: str = "") -> Iterator[Document]: ...

    def history(self, name: str) -> list[Version]: ...

    def check(self) -> CheckReport: ...

    def get(self, name: str) -> Document | None: ...

    def iterations(self) -> list[Iteration]: ...

    def iteration(self, number: int) -> Iteration: ...


__all__ = ["ReadableVault"]
