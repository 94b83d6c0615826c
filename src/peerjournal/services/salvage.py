"""Bringing back what could not be read, one answer at a time, from wherever it still is.

After unlock, ``VaultSession`` knows which rows did not open. For each, this finds the
newest readable state: its own earlier versions first, then every backup of the same
journal (opened with the key in hand; a backup made before the last passphrase change
needs that passphrase and is skipped). Bringing one back saves it as a new version, so
nothing is overwritten, and the rest of the journal is never touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peerjournal.core.content import model as m
from peerjournal.core.documents import CONTACTS, STORY_DRAFT, day_of, describe, prompt_of
from peerjournal.core.json_types import JsonValue
from peerjournal.core.vault.records import Fold
from peerjournal.services.events import Changes
from peerjournal.services.session import VaultSession


@dataclass(frozen=True, slots=True)
class Damaged:
    name: str | None
    """The document's name, when it could be read or identified."""
    where: str
    """What it is, in the participant's words."""


@dataclass(frozen=True, slots=True)
class Found:
    name: str
    value: JsonValue
    saved: datetime
    source: str
    """"its earlier versions", or the backup's file name."""


class SalvageService:
    def __init__(self, session: VaultSession, content: m.Content) -> None:
        self._session = session
        self._content = content

    def damaged(self) -> list[Damaged]:
        """What did not open at unlock, named wherever a name can be found."""
        vault = self._session.vault
        out = []
        unnamed = [d for d in vault.unreadable if d.where.startswith("document ")]
        if unnamed:
            from peerjournal.core.vault.salvage import possible_names

            names = possible_names(
                [p.id for p in self._content.prompts()], around=self._session.clock().date()
            )
            found = vault.identify(names)
            if found:
                list(vault.documents())  # read again: the identified rows now have names
        for damage in vault.unreadable:
            if damage.where.startswith("document "):
                out.append(Damaged(None, describe(None, damage.where.split()[-1])))
            else:
                out.append(Damaged(damage.where, describe(damage.where, "")))
        return out

    def damaged_prompts(self) -> set[str]:
        return {
            pid
            for d in self.damaged()
            if d.name is not None and (pid := prompt_of(d.name)) is not None
        }

    def find(self, name: str) -> list[Found]:
        """Every readable earlier state of ``name``, newest first, and where it is."""
        vault = self._session.vault
        out = [
            Found(name, v.body.value, v.body.saved, "its earlier versions")
            for v in reversed(vault.history(name))
        ]
        scratch = self._session.data.root / "verify"
        for backup in sorted(self._session.data.backups.glob("*.pjbackup"), reverse=True):
            copy = vault.open_copy(backup, scratch)
            if copy is None:
                continue
            try:
                try:
                    document = copy.get(name)
                except Exception:
                    document = None
                if document is not None:
                    out.append(Found(name, document.value, document.saved, backup.name))
            finally:
                copy.close()
        return out

    def bring_back(self, found: Found) -> None:
        """Makes ``found`` the current state again, as a version of its own."""
        self._session.vault.save(found.name, found.value, fold=Fold.NEVER)
        self._session.reload()
        pid, day = prompt_of(found.name), day_of(found.name)
        self._session.hub.notify(
            Changes(
                answers=frozenset({pid}) if pid else frozenset(),
                pages=frozenset({day.isoformat()}) if day else frozenset(),
                contacts=found.name == CONTACTS,
                story=found.name == STORY_DRAFT,
            )
        )

    def repair(self) -> tuple[list[str], list[str]]:
        """Brings back the newest readable state of everything damaged; (repaired, left)."""
        repaired, left = [], []
        for item in self.damaged():
            candidates = self.find(item.name) if item.name is not None else []
            if candidates:
                self.bring_back(candidates[0])
                repaired.append(f"{item.where} (from {candidates[0].source})")
            else:
                left.append(item.where)
        list(self._session.vault.documents())
        return repaired, left


__all__ = ["Damaged", "Found", "SalvageService"]
