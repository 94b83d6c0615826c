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


@dataclass(frozen=True, slots=True)
class Problem:
    headline: str
    next_step: str = ""

    def text(self) -> str:
        return f"{self.headline} {self.next_step}".strip()


_HEADLINES: dict[Msg, Problem] = {
    Msg.WRONG_PASSPHRASE: Problem(
        "That passphrase did not open your journal.",
        "Check Caps Lock and try again, gently. Nothing has changed.",
    ),
    Msg.WRONG_RECOVERY_KEY: Problem(
        "That recovery key does not open this journal.",
        "Check each block against the copy you kept.",
    ),
    Msg.PASSPHRASE_EMPTY: Problem("Please type your passphrase first."),
    Msg.VAULT_IN_USE: Problem(
        "Your journal is already open in another peerjournal window.",
        "Switch to that window to carry on writing.",
    ),
    Msg.VAULT_LOCKED: Problem("The journal is locked.", "Unlock it to carry on."),
    Msg.STORAGE_FULL: Problem(
        "The disk is full, so your latest words are not saved yet.",
        "They are still here in the window. Free some space and they will be saved.",
    ),
    Msg.VAULT_TOO_NEW: Problem(
        "This journal was written by a newer version of peerjournal.",
        "Please update the app to open it. Nothing has been changed.",
    ),
    Msg.BACKUP_BAD: Problem("That backup cannot be used.", "Nothing was changed."),
}


def describe(error: BaseException) -> Problem:
    """The calm words for ``error``."""
    if isinstance(error, PeerJournalError):
        known = _HEADLINES.get(error.msg)
        if known is not None:
            return known
        if error.msg in (Msg.READ_ONLY, Msg.BAD_ANSWER, Msg.TOO_LARGE):
            return Problem(error.message, "What you wrote is still here in the window.")
        return Problem(error.message)
    if isinstance(error, MemoryError):
        return Problem(
            "The computer ran short of memory.",
            "Your writing is safe. Closing other programs may help.",
        )
    return Problem(
        "Something went wrong. Your writing is safe.",
        "If it keeps happening, please let the people who look after peerjournal know.",
    )


def safe_details(error: BaseException) -> str:
    """Copyable details for a report: the kind of error and where, never its message.

    Exception messages can quote what was being processed, so they are left out.
    """
    return describe_exception(type(error), error, error.__traceback__)


__all__ = ["Problem", "describe", "safe_details"]
