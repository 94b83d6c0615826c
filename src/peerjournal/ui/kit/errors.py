"""Every error the participant may see, worded in one place.

The core raises ``PeerJournalError`` subclasses carrying a message id; here each id
becomes a calm headline and the next step to take. Anything unexpected gets a generic
message whose details name only the kind of error and where it happened, never any
text the participant wrote.
"""

from __future__ import annotations

from dataclasses import dataclass

from peerjournal.core.errors import Msg, PeerJournalError
from peerjournal.logs import describe_exception
from peerjournal.ui.kit.i18n import QT_TRANSLATE_NOOP, translate


@dataclass(frozen=True, slots=True)
class Problem:
    headline: str
    next_step: str = ""

    def text(self) -> str:
        return f"{self.headline} {self.next_step}".strip()


_HEADLINES: dict[Msg, Problem] = {
    Msg.WRONG_PASSPHRASE: Problem(
        QT_TRANSLATE_NOOP("errors", "That passphrase did not open your journal."),
        QT_TRANSLATE_NOOP("errors", "Check Caps Lock and try again, gently. Nothing has changed."),
    ),
    Msg.WRONG_RECOVERY_KEY: Problem(
        QT_TRANSLATE_NOOP("errors", "That recovery key does not open this journal."),
        QT_TRANSLATE_NOOP("errors", "Check each block against the copy you kept."),
    ),
    Msg.PASSPHRASE_EMPTY: Problem(
        QT_TRANSLATE_NOOP("errors", "Please type your passphrase first.")
    ),
    Msg.VAULT_IN_USE: Problem(
        QT_TRANSLATE_NOOP("errors", "Your journal is already open in another peerjournal window."),
        QT_TRANSLATE_NOOP("errors", "Switch to that window to carry on writing."),
    ),
    Msg.VAULT_LOCKED: Problem(
        QT_TRANSLATE_NOOP("errors", "The journal is locked."),
        QT_TRANSLATE_NOOP("errors", "Unlock it to carry on."),
    ),
    Msg.STORAGE_FULL: Problem(
        QT_TRANSLATE_NOOP("errors", "The disk is full, so your latest words are not saved yet."),
        QT_TRANSLATE_NOOP(
            "errors", "They are still here in the window. Free some space and they will be saved."
        ),
    ),
    Msg.VAULT_TOO_NEW: Problem(
        QT_TRANSLATE_NOOP("errors", "This journal was written by a newer version of peerjournal."),
        QT_TRANSLATE_NOOP("errors", "Please update the app to open it. Nothing has been changed."),
    ),
    Msg.BACKUP_BAD: Problem(
        QT_TRANSLATE_NOOP("errors", "That backup cannot be used."),
        QT_TRANSLATE_NOOP("errors", "Nothing was changed."),
    ),
}


def said(error: PeerJournalError) -> str:
    """The error's own sentence in the window's language (its details stay as given)."""
    try:
        return translate("errors", error.template).format(**error.params)
    except (KeyError, IndexError, ValueError):
        return error.message


def describe(error: BaseException) -> Problem:
    """The calm words for ``error``, in the window's language."""
    problem = _describe(error)
    return Problem(
        translate("errors", problem.headline),
        translate("errors", problem.next_step) if problem.next_step else "",
    )


def _describe(error: BaseException) -> Problem:
    if isinstance(error, PeerJournalError):
        known = _HEADLINES.get(error.msg)
        if known is not None:
            return known
        if error.msg in (Msg.READ_ONLY, Msg.BAD_ANSWER, Msg.TOO_LARGE):
            return Problem(
                said(error),
                QT_TRANSLATE_NOOP("errors", "What you wrote is still here in the window."),
            )
        return Problem(said(error))
    if isinstance(error, MemoryError):
        return Problem(
            QT_TRANSLATE_NOOP("errors", "The computer ran short of memory."),
            QT_TRANSLATE_NOOP("errors", "Your writing is safe. Closing other programs may help."),
        )
    return Problem(
        QT_TRANSLATE_NOOP("errors", "Something went wrong. Your writing is safe."),
        QT_TRANSLATE_NOOP(
            "errors",
            "If it keeps happening, please let the people who look after peerjournal know.",
        ),
    )


def safe_details(error: BaseException) -> str:
    """Copyable details for a report: the kind of error and where, never its message.

    Exception messages can quote what was being processed, so they are left out.
    """
    return describe_exception(type(error), error, error.__traceback__)


__all__ = ["Problem", "describe", "safe_details", "said"]
