"""One family of errors for everything below the UI.

Each error carries a message id and parameters rather than prose, so the CLI and the
window can word it for their own setting, and tests can assert on the id instead of
matching sentences. The default wording (``str(error)``) is still a calm sentence,
because the CLI prints it as it is. No error ever carries entry text or key material.
"""

from __future__ import annotations

from enum import StrEnum


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a template for the window's translations (``ui.kit.errors`` translates it);
    the core itself, and the command line, keep the English."""
    return text


class Msg(StrEnum):
    WRONG_PASSPHRASE = "wrong_passphrase"
    WRONG_RECOVERY_KEY = "wrong_recovery_key"
    MALFORMED_RECOVERY_KEY = "malformed_recovery_key"
    NO_VAULT = "no_vault"
    VAULT_EXISTS = "vault_exists"
    VAULT_CORRUPT = "vault_corrupt"
    VAULT_TOO_NEW = "vault_too_new"
    VAULT_LOCKED = "vault_locked"
    VAULT_IN_USE = "vault_in_use"
    STORAGE_FULL = "storage_full"
    READ_ONLY = "read_only"
    DISK_ERROR = "disk_error"
    WRITE_FAILED = "write_failed"
    UNKNOWN_PROMPT = "unknown_prompt"
    BAD_ANSWER = "bad_answer"
    CONTENT_PACK = "content_pack"
    BACKUP_BAD = "backup_bad"
    NO_ITERATION = "no_iteration"
    PASSPHRASE_EMPTY = "passphrase_empty"
    TOO_LARGE = "too_large"
    KEYS_UNSAFE = "keys_unsafe"
    PASSPHRASE_TOO_SHORT = "passphrase_too_short"
    NOT_A_COPY = "not_a_copy"


class PeerJournalError(Exception):
    """Base of every error the core raises on purpose."""

    msg: Msg = Msg.VAULT_CORRUPT
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Something went wrong.",
    )

    def __init__(self, **params: object) -> None:
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        try:
            return self.template.format(**self.params)
        except (KeyError, IndexError):
            return self.template


class NotACopy(PeerJournalError):
    """A file brought in that is not a peerjournal copy, or one that is damaged."""

    msg = Msg.NOT_A_COPY
    template = QT_TRANSLATE_NOOP(
        "errors",
        "That file could not be brought in: {detail}. Nothing was changed.",
    )


class WrongPassphrase(PeerJournalError):
    msg = Msg.WRONG_PASSPHRASE
    template = QT_TRANSLATE_NOOP(
        "errors",
        "That passphrase does not open this journal.",
    )


class WrongRecoveryKey(PeerJournalError):
    msg = Msg.WRONG_RECOVERY_KEY
    template = QT_TRANSLATE_NOOP(
        "errors",
        "That recovery key does not open this journal.",
    )


class MalformedRecoveryKey(PeerJournalError):
    msg = Msg.MALFORMED_RECOVERY_KEY
    template = QT_TRANSLATE_NOOP(
        "errors",
        "That does not look like a recovery key: {hint}",
    )


class NoVault(PeerJournalError):
    msg = Msg.NO_VAULT
    template = QT_TRANSLATE_NOOP(
        "errors",
        "There is no journal in {path} yet. Create one with 'peerjournal init' "
        "or by opening the app.",
    )


class VaultExists(PeerJournalError):
    msg = Msg.VAULT_EXISTS
    template = QT_TRANSLATE_NOOP(
        "errors",
        "There is already a journal in {path}; nothing was changed.",
    )


class VaultCorrupt(PeerJournalError):
    msg = Msg.VAULT_CORRUPT
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Your journal file is damaged ({detail}). {advice}",
    )

    def __init__(self, *, detail: str, advice: str = "") -> None:
        super().__init__(detail=detail, advice=advice)


class VaultTooNew(PeerJournalError):
    msg = Msg.VAULT_TOO_NEW
    template = QT_TRANSLATE_NOOP(
        "errors",
        "This journal was written by a newer version of peerjournal. "
        "Please update the app to open it; nothing was changed.",
    )


class VaultLocked(PeerJournalError):
    msg = Msg.VAULT_LOCKED
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The journal is locked. Unlock it first.",
    )


class NeedsWriting(PeerJournalError):
    """Opening this journal needs a write first (an upgrade, a first-format seal).

    Raised only by the read-only vault; its caller opens the journal in full instead.
    """

    template = QT_TRANSLATE_NOOP(
        "errors",
        "This journal needs to be opened once by peerjournal itself.",
    )


class VaultInUse(PeerJournalError):
    msg = Msg.VAULT_IN_USE
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Your journal is already open in another peerjournal window.",
    )


class StorageFull(PeerJournalError):
    msg = Msg.STORAGE_FULL
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The disk is full, so this could not be saved. Everything saved before is safe; "
        "free some space and try again.",
    )


class DiskError(PeerJournalError):
    msg = Msg.DISK_ERROR
    template = QT_TRANSLATE_NOOP(
        "errors",
        "peerjournal could not read or write your journal on the disk. Everything saved "
        "before is safe; if this keeps happening, the disk may be failing.",
    )


class WriteFailed(PeerJournalError):
    msg = Msg.WRITE_FAILED
    template = QT_TRANSLATE_NOOP(
        "errors",
        "peerjournal could not write {path}. Please choose another place to save it.",
    )


class ReadOnly(PeerJournalError):
    msg = Msg.READ_ONLY
    template = QT_TRANSLATE_NOOP(
        "errors",
        "peerjournal cannot write to {path}. Everything saved before is safe; "
        "check that the folder is writable.",
    )


class UnknownPrompt(PeerJournalError):
    msg = Msg.UNKNOWN_PROMPT
    template = QT_TRANSLATE_NOOP(
        "errors",
        "There is no question with the id '{prompt_id}'. 'peerjournal prompts' lists them.",
    )


class BadAnswer(PeerJournalError):
    msg = Msg.BAD_ANSWER
    template = QT_TRANSLATE_NOOP(
        "errors",
        "That answer cannot be saved: {reason}",
    )


class BadWord(PeerJournalError):
    msg = Msg.BAD_ANSWER
    template = QT_TRANSLATE_NOOP(
        "errors",
        "That word cannot be added: {reason}",
    )


class TooLarge(PeerJournalError):
    msg = Msg.TOO_LARGE
    template = QT_TRANSLATE_NOOP(
        "errors",
        "That is too long to save in one answer ({size} MB; the limit is {limit} MB).",
    )


class BackupBad(PeerJournalError):
    msg = Msg.BACKUP_BAD
    template = QT_TRANSLATE_NOOP(
        "errors",
        "That backup cannot be used ({detail}). Nothing was changed.",
    )


class NoIteration(PeerJournalError):
    msg = Msg.NO_ITERATION
    template = QT_TRANSLATE_NOOP(
        "errors",
        "There is no saved version {number} of your story.",
    )


class KeysUnsafe(PeerJournalError):
    """Every key of the kind asked for has settings peerjournal would never write."""

    msg = Msg.KEYS_UNSAFE
    template = QT_TRANSLATE_NOOP(
        "errors",
        "This journal's {what} has settings peerjournal never uses ({detail}), so it was "
        "not tried: the file may have been changed by something else. Nothing was changed. "
        "Your {other} can still open it.",
    )


class PassphraseTooShort(PeerJournalError):
    msg = Msg.PASSPHRASE_TOO_SHORT
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Please choose a passphrase of at least {minimum} characters.",
    )


class PassphraseEmpty(PeerJournalError):
    msg = Msg.PASSPHRASE_EMPTY
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The passphrase cannot be empty.",
    )


class ContentPackError(PeerJournalError):
    """A content pack that cannot be used; it names the file, the line and the fix."""

    msg = Msg.CONTENT_PACK
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{file}, line {line}: {problem} {hint}",
    )

    def __init__(self, *, file: str, line: int, problem: str, hint: str = "") -> None:
        super().__init__(file=file, line=line, problem=problem, hint=hint)
        self.file = file
        self.line = line
        self.problem = problem
        self.hint = hint

    @property
    def message(self) -> str:
        text = f"{self.params['file']}, line {self.params['line']}: {self.params['problem']}"
        hint = self.params.get("hint")
        return f"{text} To fix: {hint}" if hint else text
