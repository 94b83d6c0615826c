"""How work and news come back to the UI thread: the task runner and the change bridge.

Found on a busy machine: a lock waits for hundreds of saves, whose news then queued for
the old journal view; once the next unlock had opened the vault, each of them redrew
every progress count, and the new unlock's result waited behind them for seconds.
"""

from __future__ import annotations

import functools
import threading

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from peerjournal.core import answers as a
from peerjournal.services.container import Services
from peerjournal.services.events import ChangeHub, Changes, SessionState, coalesced
from peerjournal.ui.kit.changes import ChangeBridge
from peerjournal.ui.kit.tasks import TaskRunner

WAIT = 10_000


def _from_a_worker(hub: ChangeHub, batch: list[Changes]) -> None:
    def report() -> None:
        for changes in batch:
            hub.notify(changes)

    thread = threading.Thread(target=report)
    thread.start()
    thread.join()


def test_a_burst_of_changes_from_a_worker_arrives_as_one(qtbot: QtBot) -> None:
    hub = ChangeHub()
    bridge = ChangeBridge(hub)
    got: list[Changes] = []
    bridge.changes_applied.connect(got.append)
    _from_a_worker(hub, [Changes(answers=frozenset({f"p{i}"})) for i in range(300)])
    _from_a_worker(hub, [Changes(pages=frozenset({"2026-12-02"})), Changes(story=True)])
    qtbot.waitUntil(lambda: bool(got), timeout=WAIT)
    assert len(got) == 1
    assert got[0].answers == frozenset(f"p{i}" for i in range(300))
    assert got[0].pages == frozenset({"2026-12-02"}) and got[0].story
    assert not got[0].contacts and got[0].session is None


def test_a_lock_in_a_burst_keeps_its_place() -> None:
    first, second = Changes(answers=frozenset({"x"})), Changes(answers=frozenset({"y"}))
    locked = Changes(session=SessionState.LOCKED)
    unlocked = Changes(session=SessionState.UNLOCKED)
    assert coalesced([first, locked, unlocked, second, first]) == [
        first,
        locked,
        unlocked,
        Changes(answers=frozenset({"x", "y"})),
    ]
    assert coalesced([]) == []


def test_a_detached_bridge_drops_what_was_already_waiting(qtbot: QtBot) -> None:
    hub = ChangeHub()
    old, new = ChangeBridge(hub), ChangeBridge(hub)
    to_old: list[Changes] = []
    to_new: list[Changes] = []
    old.changes_applied.connect(to_old.append)
    new.changes_applied.connect(to_new.append)
    _from_a_worker(hub, [Changes(answers=frozenset({"p"}))])
    old.detach()
    _from_a_worker(hub, [Changes(answers=frozenset({"q"}))])
    # Both wake-ups were queued before the new bridge's second one: once it has
    # arrived, whatever the old bridge would deliver has had its turn.
    qtbot.waitUntil(lambda: bool(to_new) and "q" in to_new[-1].answers, timeout=WAIT)
    assert to_old == []
    assert frozenset({"p", "q"}) == frozenset().union(*(c.answers for c in to_new))


def test_an_outcome_is_not_kept_waiting_behind_hundreds_of_stale_ones(qtbot: QtBot) -> None:
    runner = TaskRunner()
    delivered: list[int] = []
    for i in range(400):
        runner.run(fn=functools.partial(int, i), on_done=delivered.append)
    assert runner.wait(WAIT)  # all finished while the UI thread was busy, as at a lock
    runner.invalidate()
    fresh: list[str] = []
    runner.run(fn=lambda: "unlocked", on_done=fresh.append, serial=False)
    qtbot.waitUntil(lambda: fresh == ["unlocked"], timeout=WAIT)
    assert delivered == []
    qtbot.waitUntil(lambda: not runner.busy, timeout=WAIT)
    assert runner.names == []


def test_an_outcome_for_a_view_that_has_gone_is_dropped(qtbot: QtBot) -> None:
    runner = TaskRunner()
    owner = QObject()
    started, release = threading.Event(), threading.Event()
    got: list[object] = []

    def slow() -> str:
        started.set()
        release.wait(WAIT / 1000)
        return "late"

    runner.run(fn=slow, on_done=got.append, on_error=got.append, owner=owner)
    assert started.wait(WAIT / 1000)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=WAIT)
    release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=WAIT)
    assert got == []


def _alive(obj: QObject) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))


def test_an_answer_read_twice_is_parsed_once_and_follows_each_save(
    services: Services,
) -> None:
    prompt_id = "p2p.story.you.who"
    services.answers.save(prompt_id, a.TextAnswer("First words."))
    once = services.answers.get(prompt_id)
    assert once == a.TextAnswer("First words.")
    assert services.answers.get(prompt_id) is once
    assert services.answers.all()[prompt_id] is once
    services.answers.save(prompt_id, a.TextAnswer("Second words."))
    assert services.answers.get(prompt_id) == a.TextAnswer("Second words.")
    services.session.lock()
    services.session.unlock("correct horse battery staple")
    assert services.answers.get(prompt_id) == a.TextAnswer("Second words.")
