"""A new journal file, written beside its final name and moved into place only when whole."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from sqlalchemy import insert

from peerjournal.core.errors import VaultExists
from peerjournal.core.vault import crypto, migrate
from peerjournal.core.vault import header as h
from peerjournal.core.vault import manifest as mf
from peerjournal.core.vault import tables as t
from peerjournal.core.vault import unlocking as u
from peerjournal.core.vault.files import fsync_dir, fsync_file, remove_with_sidecars
from peerjournal.core.vault.keyslots import (
    KdfParams,
    Keyslot,
    SlotKind,
    calibrate,
    normalise_passphrase,
    recovery_public,
)
from peerjournal.core.vault.ledger import COMMITS, slot_row
from peerjournal.core.vault.recovery_key import RecoveryKey
from peerjournal.core.vault.sqlite import database_errors, make_engine

FORMAT_VERSION = str(h.FORMAT)


def write_new_vault(
    path: Path, passphrase: str, *, kdf: KdfParams | None = None
) -> tuple[crypto.DataKey, h.Header, RecoveryKey]:
    """Writes a format-2 journal at ``path``; returns its key, header and recovery key."""
    secret = normalise_passphrase(passphrase)
    if path.exists():
        raise VaultExists(path=str(path.parent))
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    params = kdf or calibrate()
    data_key = crypto.random_key()
    key = crypto.DataKey(data_key)
    recovery = RecoveryKey.generate()
    slots = [
        Keyslot.create(SlotKind.PASSPHRASE, secret, params, bytes(data_key)),
        Keyslot.for_recovery(recovery_public(recovery.secret), bytes(data_key)),
    ]
    vault_id = crypto.random_id()
    header = h.Header.of(vault_id, slots, recovery_public(recovery.secret))
    partial = path.with_name(path.name + ".new")
    remove_with_sidecars(partial)
    with database_errors(path.parent):
        engine = make_engine(partial)
        try:
            migrate.upgrade(engine)
            with engine.begin() as conn:
                conn.execute(
                    insert(t.meta),
                    [
                        {"key": u.FORMAT, "value": FORMAT_VERSION},
                        {"key": u.VAULT_ID, "value": vault_id},
                        {"key": COMMITS, "value": "0"},
                        {"key": u.HEADER, "value": h.seal(key, header)},
                        {"key": u.MANIFEST, "value": mf.seal(key, mf.Manifest(), vault_id)},
                    ],
                )
                conn.execute(insert(t.keyslots), [slot_row(s) for s in slots])
        finally:
            engine.dispose()
        fsync_file(partial)
        os.replace(partial, path)
        fsync_dir(path.parent)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)
    return key, header, recovery
