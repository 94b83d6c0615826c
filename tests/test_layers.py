"""The one-way layering: core, export and services never import Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import peerjournal


def _modules(prefix: str) -> list[str]:
    package = __import__(prefix, fromlist=["__path__"])
    return [
        m.name
        for m in pkgutil.walk_packages(package.__path__, prefix + ".")
        if ".migrations" not in m.name
    ]


def test_core_export_services_and_cli_never_import_qt() -> None:
    modules = (
        _modules("peerjournal.core")
        + _modules("peerjournal.export")
        + _modules("peerjournal.services")
        + _modules("peerjournal.cli")
        + ["peerjournal.cli", "peerjournal.app"]
    )
    assert len(modules) > 10
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print('PySide6' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_version_is_set() -> None:
    assert peerjournal.__version__.count(".") == 2
