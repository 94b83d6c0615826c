"""The demo journal: a made-up participant's journal, filled in, for ``peerjournal demo``.

Someone deciding whether to recommend the app should see every feature working without
writing a word: answers to every prompt, a ladder moving over time, strengths and
values, daily pages, support contacts, earlier versions in the history, and two saved
versions of the Personal Recovery Story a year apart that are worth comparing.

The words live in ``demo_answers.yaml`` beside this module (its header describes the
shape). ``load_demo`` reads it (``demo_reader``) and checks every id, shape and date
against the content, so a renamed prompt fails loudly instead of quietly leaving a gap.
``build_demo`` then creates a brand-new vault with ``DEMO_PASSPHRASE`` and fills it through the real
services, replaying every save in date order under a simulated clock, so versions,
ladder snapshots, pages and story versions carry believable dates. When it is done the
clock carries on from the demo's "today" and the session is left unlocked.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path

from peerjournal.core import answers as a
from peerjournal.core.content import model as m
from peerjournal.core.vault.keyslots import FAST_KDF
from peerjournal.core.vault.records import utc_now
from peerjournal.services.container import Services, build_services
from peerjournal.services.demo_reader import (
    DATA_FILE,
    DemoDataError,
    DemoIteration,
    DemoJournal,
    DemoPage,
    DemoVersion,
    read_demo,
)

DEMO_PASSPHRASE = "demo journal"
DEMO_KDF = FAST_KDF  # a throwaway journal with a known passphrase: the cheapest safe setting
"""A real Argon2id, cheap on purpose: the demo holds nothing secret and must open fast."""


def demo_folder() -> Path:
    """A fresh, empty temporary folder to hold one demo journal."""
    return Path(tempfile.mkdtemp(prefix="peerjournal-demo-"))


def demo_yaml() -> bytes:
    """The demo's words, as shipped inside the package."""
    return resources.files("peerjournal.services").joinpath(DATA_FILE).read_bytes()


# -- building the journal --------------------------------------------------------------------


class DemoClock:
    """Stands still at each simulated moment while filling; then ticks on from "now".

    After ``release`` it tells real elapsed time added to the demo's "now", or the real
    time if that is later, so saves made in the demo keep going forwards.
    """

    def __init__(self, start: datetime) -> None:
        self.now = start
        self._released: tuple[datetime, float] | None = None

    def set(self, when: datetime) -> None:
        self.now = when

    def release(self, now: datetime) -> None:
        self._released = (now, time.monotonic())

    def __call__(self) -> datetime:
        if self._released is None:
            return self.now
        start, mono = self._released
        ticking = start + timedelta(seconds=time.monotonic() - mono)
        return max(ticking, utc_now())


def build_demo(root: Path, *, content: m.Content | None = None) -> Services:
    """Creates and fills a demo journal in ``root`` (which must not hold one yet).

    Returns the services with the session unlocked (passphrase ``DEMO_PASSPHRASE``).
    Raises ``DemoDataError`` before anything is written if the demo's YAML does not fit
    the content.
    """
    clock = DemoClock(utc_now())
    services = build_services(root, content=content, clock=clock, kdf=DEMO_KDF)
    journal = load_demo(services.content)
    events = _events(services, journal)
    clock.set(min(when for when, _ in events) - timedelta(hours=1))
    services.session.create(DEMO_PASSPHRASE)
    try:
        for when, action in events:
            clock.set(when)
            action()
    except BaseException:
        services.session.close()
        raise
    clock.release(journal.now)
    return services


Action = Callable[[], object]


def _events(services: Services, journal: DemoJournal) -> list[tuple[datetime, Action]]:
    """Every save the demo makes, in the order they happened (ties keep their order)."""
    events: list[tuple[datetime, Action]] = []

    def save(prompt_id: str, answer: a.Answer) -> Action:
        return lambda: services.answers.save(prompt_id, answer, fold=False)

    for prompt_id, versions in journal.answers.items():
        for version in versions:
            events.append((version.when, save(prompt_id, version.answer)))
    for page in journal.pages:
        events.append((page.when, _bind(services.pages.save, page.day, page.text)))
    events.append((journal.contacts_saved, _bind(services.contacts.save_own, journal.contacts)))
    for iteration in journal.iterations:
        events.append((iteration.when, _iteration(services, iteration)))
    events.append((journal.now, lambda: services.story.save_options(options=journal.options)))
    ranked = sorted(enumerate(events), key=lambda pair: (pair[1][0], pair[0]))
    return [event for _, event in ranked]


def _bind(fn: Callable[..., object], *args: object) -> Action:
    return lambda: fn(*args)


def _iteration(services: Services, iteration: DemoIteration) -> Action:
    def run() -> None:
        services.story.save_options(options=iteration.options)
        services.story.save_iteration(name=iteration.name)

    return run


def load_demo(content: m.Content, raw: bytes | None = None) -> DemoJournal:
    """Reads the demo's YAML (the shipped one unless ``raw`` is given) against ``content``."""
    return read_demo(demo_yaml() if raw is None else raw, content)


__all__ = [
    "DEMO_KDF",
    "DEMO_PASSPHRASE",
    "DemoClock",
    "DemoDataError",
    "DemoIteration",
    "DemoJournal",
    "DemoPage",
    "DemoVersion",
    "build_demo",
    "demo_folder",
    "demo_yaml",
    "load_demo",
]
