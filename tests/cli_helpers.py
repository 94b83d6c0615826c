"""Runs the real ``peerjournal`` command in a subprocess, as a script would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_cli(
    *args: str,
    data_dir: Path | None = None,
    stdin: str | bytes | None = None,
    passphrase: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("PEERJOURNAL_")}
    full_env["QT_QPA_PLATFORM"] = "offscreen"
    if data_dir is not None:
        full_env["PEERJOURNAL_DATA_DIR"] = str(data_dir)
    if passphrase is not None:
        full_env["PEERJOURNAL_PASSPHRASE"] = passphrase
    full_env.update(env or {})
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    result = subprocess.run(
        [sys.executable, "-m", "peerjournal", *args],
        input=data if data is not None else b"",
        capture_output=True,
        env=full_env,
        timeout=timeout,
        check=False,
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )
