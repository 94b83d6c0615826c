"""Shared test set-up: offscreen Qt, isolated data folders, a cheap key derivation."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("PEERJOURNAL_PASSPHRASE", None)
os.environ.pop("PEERJOURNAL_DATA_DIR", None)

from peerjournal.core.content.loader import load_content
from peerjournal.core.content.model import Content
from peerjournal.core.vault.keyslots import FAST_KDF
from peerjournal.services.container import Services, build_services

# `make test` tries the same examples on every run, so a case no one has seen before can
# never turn a clean clone's run red at random; `make explore` looks for new ones (and a
# case it finds becomes a test of its own, as in tests/test_export_pdf.py).
hypothesis_settings.register_profile("repeatable", derandomize=True, database=None)
hypothesis_settings.register_profile("explore", derandomize=False)
hypothesis_settings.load_profile(os.environ.get("PEERJOURNAL_HYPOTHESIS", "repeatable"))

PASSPHRASE = "correct horse battery staple"
CANARY = "Siân and Zoë met Łukasz — “never forget” — canary-7f3a"


@pytest.fixture(scope="session")
def content() -> Content:
    loaded = load_content()
    assert not loaded.problems, loaded.problems
    return loaded


@pytest.fixture(scope="session")
def template_vault(tmp_path_factory: pytest.TempPathFactory, content: Content) -> Path:
    """One vault made once per run (with a cheap KDF); each test gets a copy."""
    root = tmp_path_factory.mktemp("template")
    services = build_services(root, content=content, kdf=FAST_KDF)
    recovery = services.session.create(PASSPHRASE)
    (root / "recovery.txt").write_text(recovery.formatted())
    services.session.close()
    return root


@pytest.fixture
def data_dir(tmp_path: Path, template_vault: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(template_vault, target)
    return target


@pytest.fixture
def recovery_text(data_dir: Path) -> str:
    return (data_dir / "recovery.txt").read_text()


@pytest.fixture
def services(data_dir: Path, content: Content) -> Iterator[Services]:
    built = build_services(data_dir, content=content, kdf=FAST_KDF)
    built.session.unlock(PASSPHRASE)
    yield built
    built.session.close()


def fault_rounds(default: int) -> int:
    """How many random kills a fault test tries: a few in ``make test``, 100 in ``make faults``.

    The CI suite must stay well under ten minutes on a busy machine; the deep run is
    ``make faults``, with the same code and a hundred rounds of each.
    """
    return int(os.environ.get("PEERJOURNAL_FAULT_ROUNDS", str(default)))
