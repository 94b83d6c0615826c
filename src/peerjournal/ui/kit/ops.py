"""Typed background operations, after Anki's ``QueryOp`` and ``CollectionOp``.

An ``Op`` is declared once with what it shows while it runs and where its error goes:

    Op(tasks, owner=self, busy=self._set_busy, error=self._show_error).run(
        lambda: session.unlock(passphrase), done=self._on_unlocked
    )

``busy(True)`` is called at once and ``busy(False)`` before either outcome; an error
becomes its calm sentence through the one ``describe`` (``ui/kit/errors``), unless
``handled`` takes it first (a wrong passphrase said inline, say). Writes go on the
write lane (``serial``); reads, key derivation and PDF builds on the general pool.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject

from peerjournal.ui.kit.errors import describe
from peerjournal.ui.kit.tasks import TaskRunner

T = TypeVar("T")


@dataclass(slots=True)
class Op:
    tasks: TaskRunner
    owner: QObject
    """The view that asked: if it has gone when the work ends, the outcome is dropped."""
    busy: Callable[[bool], None] | None = None
    error: Callable[[str], None] | None = None
    """Where the error's calm sentence goes; without it the error reaches the excepthook."""
    handled: Callable[[BaseException], bool] | None = None
    """Takes an error first; True when it dealt with it."""
    serial: bool = True
    name: str = "task"

    def run(self, work: Callable[[], T], *, done: Callable[[T], None] | None = None) -> None:
        if self.busy is not None:
            self.busy(True)
        busy, error, handled = self.busy, self.error, self.handled

        def succeeded(result: T) -> None:
            if busy is not None:
                busy(False)
            if done is not None:
                done(result)

        def failed(problem: BaseException) -> None:
            if busy is not None:
                busy(False)
            if handled is not None and handled(problem):
                return
            if error is None:
                raise problem
            error(describe(problem).text())

        self.tasks.run(
            fn=work,
            on_done=succeeded,
            on_error=failed,
            owner=self.owner,
            serial=self.serial,
            name=self.name,
        )


__all__ = ["Op"]
