"""Whole-process comparisons with jrnl, like with like.

Each comparison runs the two commands as whole processes, one after the other in pairs
(the order alternating from pair to pair), so a busy moment on the machine falls on both
sides. Each side prints the same thing (a word found nowhere; a common word capped at 50
places, each printed in full; one line per page; one page), and the bytes each printed
are reported beside the times. CPU time is the child's user + system time from
``wait4``; wall time is measured around it. Each side's key derivation (jrnl's PBKDF2,
the vault's Argon2id), timed on its own, is taken off both figures, since it is set by a
security choice, not by how fast the tool reads.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Run:
    wall_s: float
    cpu_s: float
    printed: int
    peak_mb: float
    """The process's peak resident memory (``ru_maxrss`` from ``wait4``)."""


def run_process(cmd: list[str], env: dict[str, str], cwd: Path) -> Run:
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env=env,
        cwd=cwd,
    )
    assert proc.stdout is not None
    printed = 0
    while chunk := proc.stdout.read(1 << 16):
        printed += len(chunk)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])}… failed with {proc.returncode}")
    return Run(wall, usage.ru_utime + usage.ru_stime, printed, usage.ru_maxrss / 1024)


@dataclass
class Side:
    cmd: list[str]
    env: dict[str, str]
    kdf_wall_s: float
    kdf_cpu_s: float
    runs: list[Run] = field(default_factory=list)

    def once(self, cwd: Path) -> None:
        self.runs.append(run_process(self.cmd, self.env, cwd))

    def cpu(self, i: int) -> float:
        return self.runs[i].cpu_s - self.kdf_cpu_s

    def wall(self, i: int) -> float:
        return self.runs[i].wall_s - self.kdf_wall_s


@dataclass(frozen=True)
class Comparison:
    name: str
    cpu_ratios: list[float]
    wall_ratios: list[float]
    ours_cpu_s: float
    theirs_cpu_s: float
    ours_printed: int
    theirs_printed: int
    ours_peak_mb: list[float]
    theirs_peak_mb: list[float]

    def row(self) -> dict[str, float]:
        return {
            "cpu_median": statistics.median(self.cpu_ratios),
            "cpu_min": min(self.cpu_ratios),
            "cpu_max": max(self.cpu_ratios),
            "wall_median": statistics.median(self.wall_ratios),
            "wall_min": min(self.wall_ratios),
            "wall_max": max(self.wall_ratios),
            "ours_cpu_s": self.ours_cpu_s,
            "theirs_cpu_s": self.theirs_cpu_s,
            "ours_printed_bytes": self.ours_printed,
            "theirs_printed_bytes": self.theirs_printed,
            "ours_peak_mb": statistics.median(self.ours_peak_mb),
            "theirs_peak_mb": statistics.median(self.theirs_peak_mb),
        }


def compare(name: str, ours: Side, theirs: Side, pairs: int, cwd: Path) -> Comparison:
    ours.once(cwd)  # one warm-up each: both read from the page cache
    theirs.once(cwd)
    ours.runs.clear()
    theirs.runs.clear()
    for i in range(pairs):
        first, second = (ours, theirs) if i % 2 == 0 else (theirs, ours)
        first.once(cwd)
        second.once(cwd)
    n = range(pairs)
    return Comparison(
        name,
        cpu_ratios=[ours.cpu(i) / theirs.cpu(i) for i in n],
        wall_ratios=[ours.wall(i) / theirs.wall(i) for i in n],
        ours_cpu_s=statistics.median(ours.cpu(i) for i in n),
        theirs_cpu_s=statistics.median(theirs.cpu(i) for i in n),
        ours_printed=ours.runs[0].printed,
        theirs_printed=theirs.runs[0].printed,
        ours_peak_mb=[r.peak_mb for r in ours.runs],
        theirs_peak_mb=[r.peak_mb for r in theirs.runs],
    )
