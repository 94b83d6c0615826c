"""`make bench`: peerjournal on ten years of writing, side by side with jrnl.

Builds (once, cached under benchmarks/work/) deterministic vaults of 1, 2, 5 and 10
years through the real service API, installs jrnl into its own virtual environment,
runs every measurement several times and prints a table of median, min and max. The
10-year medians go to benchmarks/results/latest.json; the scaling run to
benchmarks/results/scaling.json and scaling.png.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "work"
RESULTS = HERE / "results"
JRNL_VENV = HERE / ".venv-jrnl"
PY = sys.executable
YEARS = (1, 2, 5, 10)
QUERIES = (
    "hope",
    "zoe",
    "boundaries",
    "łukasz",
    "river",
    "gratitude setback",
    "tea",
    '"small steps"',
    "courage",
    "cardiff",
)
JRNL_WORD = "courage"

TARGETS = {
    "cold_start_s": ("<=", 1.0),
    "unlock_s": ("<=", 0.3),
    "autosave_ms_median": ("<=", 20.0),
    "search_ms_median": ("<=", 100.0),
    "story_pdf_s": ("<=", 1.0),
    "peak_rss_mb": ("<=", 250.0),
    "search_vs_jrnl_ratio": ("<=", 0.5),
}


@dataclass
class Measure:
    name: str
    samples: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)


def env_clean(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PEERJOURNAL_")}
    env.update(extra)
    return env


def vault_for(years: int) -> Path:
    """A cached generated vault (rebuilt when the generator changes)."""
    folder = WORK / f"vault-{years}y"
    stamp = folder / ".generator-stamp"
    digest = hashlib.sha256((HERE / "generate.py").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest and (folder / "journal.db").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    print(f"Generating a {years}-year vault (once)…", file=sys.stderr)
    subprocess.run(
        [PY, str(HERE / "generate.py"), str(folder), "--years", str(years)],
        check=True,
        cwd=ROOT,
        env=env_clean(),
    )
    stamp.write_text(digest)
    return folder


def probe(script: str, *args: str, gui: bool = False) -> dict[str, float]:
    """Runs a probe in a fresh process and returns the figures it prints as JSON."""
    extra = {"QT_QPA_PLATFORM": "offscreen"} if gui else {}
    out = subprocess.run(
        [PY, str(HERE / script), *args],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env_clean(**extra),
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def cold_start(folder: Path) -> float:
    """Process start → unlock window shown (offscreen), measured from outside."""
    env = env_clean(
        QT_QPA_PLATFORM="offscreen",
        PEERJOURNAL_BENCH_EXIT="unlock-shown",
        PEERJOURNAL_DATA_DIR=str(folder),
    )
    started = time.perf_counter()
    proc = subprocess.run(
        [PY, "-m", "peerjournal"],
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    elapsed = time.perf_counter() - started
    if "unlock-shown" not in proc.stdout:
        raise RuntimeError(f"the app did not report its unlock window: {proc.stderr[-400:]}")
    return elapsed


def ensure_jrnl() -> Path:
    python = JRNL_VENV / "bin" / "python"
    if not (JRNL_VENV / "bin" / "jrnl").exists():
        print("Installing jrnl into benchmarks/.venv-jrnl (once)…", file=sys.stderr)
        subprocess.run([PY, "-m", "venv", str(JRNL_VENV)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "jrnl", "keyrings.alt"],
            check=True,
            capture_output=True,
        )
    return python


def jrnl_journal(folder: Path, python: Path) -> tuple[Path, dict[str, str]]:
    """The same daily pages as an encrypted jrnl journal, its password in a file keyring."""
    home = WORK / f"jrnl-{folder.name}"
    config = home / "jrnl.yaml"
    env = env_clean(
        PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring",
        XDG_DATA_HOME=str(home / "xdg"),
        XDG_CONFIG_HOME=str(home / "xdg-config"),
    )
    if (home / "journal.txt").exists() and config.exists():
        return config, env
    home.mkdir(parents=True, exist_ok=True)
    plain = home / "plain.txt"
    subprocess.run(
        [PY, str(HERE / "jrnl_export.py"), str(folder), str(plain)],
        check=True,
        cwd=ROOT,
        env=env_clean(),
    )
    subprocess.run(
        [str(python), str(HERE / "jrnl_encrypt.py"), str(plain), str(home / "journal.txt")],
        check=True,
        env=env,
    )
    plain.unlink()
    config.write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: true\nhighlight: false\n"
        "indent_character: '|'\n"
        f"journals:\n  default:\n    journal: {home / 'journal.txt'}\n    encrypt: true\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\n"
        "timeformat: '%Y-%m-%d %I:%M:%S %p'\nversion: v4.6\n",
        encoding="utf-8",
    )
    return config, env


def time_process(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT
    )
    return time.perf_counter() - started


def search_versus_jrnl(folder: Path, runs: int) -> dict[str, Measure]:
    python = ensure_jrnl()
    config, jenv = jrnl_journal(folder, python)
    jrnl_bin = str(JRNL_VENV / "bin" / "jrnl")
    jrnl_kdf = probe_kdf_jrnl(python)
    ours_kdf = probe("probe_headless.py", str(folder), "kdf-of-vault")["kdf_vault_s"]
    penv = env_clean(
        PEERJOURNAL_DATA_DIR=str(folder), PEERJOURNAL_PASSPHRASE="benchmark passphrase"
    )
    ours = Measure("peerjournal_search_s")
    theirs = Measure("jrnl_search_s")
    # one warm-up each, so both read from the page cache
    time_process([jrnl_bin, "--config-file", str(config), "-contains", JRNL_WORD], jenv)
    time_process([PY, "-m", "peerjournal", "search", JRNL_WORD], penv)
    for _ in range(runs):
        theirs.samples.append(
            time_process([jrnl_bin, "--config-file", str(config), "-contains", JRNL_WORD], jenv)
            - jrnl_kdf
        )
        ours.samples.append(
            time_process([PY, "-m", "peerjournal", "search", JRNL_WORD], penv) - ours_kdf
        )
    return {"peerjournal_search_s": ours, "jrnl_search_s": theirs}


def probe_kdf_jrnl(python: Path) -> float:
    code = (
        "import time\nfrom cryptography.hazmat.primitives import hashes\n"
        "from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC\n"
        "best = 9e9\nfor _ in range(5):\n    t = time.perf_counter()\n"
        "    PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=b'0'*16,"
        " iterations=100_000).derive(b'benchmark passphrase')\n"
        "    best = min(best, time.perf_counter() - t)\nprint(best)\n"
    )
    out = subprocess.run([str(python), "-c", code], check=True, capture_output=True, text=True)
    return float(out.stdout.strip())


def run_year(years: int, runs: int, *, with_jrnl: bool) -> dict[str, Measure]:
    folder = vault_for(years)
    measures: dict[str, Measure] = {}

    def add(name: str, value: float) -> None:
        measures.setdefault(name, Measure(name)).samples.append(value)

    for _ in range(runs):
        add("cold_start_s", cold_start(folder))
        head = probe("probe_headless.py", str(folder), "all")
        for key in (
            "autosave_ms_median",
            "search_ms_median",
            "kdf_s",
            "entries",
            "rotate_s",
            "rotated_rows",
        ):
            add(key, head[key])
        gui = probe("probe_gui.py", str(folder), gui=True)
        for key in ("unlock_s", "story_pdf_s", "peak_rss_mb", "story_pages"):
            add(key, gui[key])
    if with_jrnl:
        measures.update(search_versus_jrnl(folder, runs))
        ratio = Measure("search_vs_jrnl_ratio")
        ratio.samples = [
            p / j
            for p, j in zip(
                measures["peerjournal_search_s"].samples,
                measures["jrnl_search_s"].samples,
                strict=True,
            )
        ]
        measures["search_vs_jrnl_ratio"] = ratio
    return measures


def table(measures: dict[str, Measure], title: str) -> str:
    lines = [title, f"{'measure':<24}{'median':>12}{'min':>12}{'max':>12}  target"]
    for name, m in measures.items():
        target = TARGETS.get(name)
        verdict = ""
        if target:
            op, limit = target
            verdict = f"{op} {limit:g}  " + ("ok" if m.median <= limit else "MISSED")
        lines.append(
            f"{name:<24}{m.median:>12.4g}{min(m.samples):>12.4g}{max(m.samples):>12.4g}  {verdict}"
        )
    return "\n".join(lines)


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def at_most_linear(scaling: dict[int, dict[str, float]], key: str) -> bool:
    """True when the cost per daily page never grows (10% allowed for noise).

    Any cost of the form fixed + per-page × pages stays on or under the line through the
    origin and the 1-year point; a cost that grows faster than the pages climbs above it.
    """
    years = sorted(scaling)
    per_page = scaling[years[0]][key] / scaling[years[0]]["entries"]
    return all(scaling[y][key] <= per_page * scaling[y]["entries"] * 1.10 for y in years[1:])


def plot(scaling: dict[int, dict[str, float]]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    years = sorted(scaling)
    entries = [scaling[y]["entries"] for y in years]
    figures = [
        ("unlock_s", "unlock (s)"),
        ("search_ms_median", "search (ms)"),
        ("autosave_ms_median", "autosave (ms)"),
        ("peerjournal_search_s", "CLI search, whole process (s)"),
        ("peak_rss_mb", "peak memory (MB)"),
        ("cold_start_s", "cold start (s)"),
    ]
    fig, axes = plt.subplots(2, 3, figsize=(12, 6.5))
    for ax, (key, label) in zip(axes.flat, figures, strict=True):
        values = [scaling[y].get(key, float("nan")) for y in years]
        ax.plot(entries, values, "o-", color="#4f7a5a", label="measured")
        if values and entries[0]:
            slope = values[0] / entries[0]
            ax.plot(
                [0, entries[-1]],
                [0, slope * entries[-1]],
                ":",
                color="#999999",
                label="in proportion to pages, from 1 year",
            )
        ax.set_title(label)
        ax.set_xlabel("daily pages")
        finite = [v for v in values if v == v]
        ax.set_ylim(bottom=0, top=max(finite) * 1.6 if finite else None)
        ax.grid(alpha=0.3)
    axes.flat[0].legend(fontsize=8)
    fig.suptitle(
        "peerjournal: cost against years of daily pages (medians); "
        "on or under the dotted line = at most linear growth"
    )
    fig.tight_layout()
    fig.savefig(RESULTS / "scaling.png", dpi=110)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="10 years only, no scaling run")
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    RESULTS.mkdir(exist_ok=True)

    ten = run_year(10, args.runs, with_jrnl=True)
    print(
        table(
            ten,
            f"peerjournal, 10 years ({int(ten['entries'].median)} daily pages), "
            f"{args.runs} runs each",
        )
    )
    latest = {name: m.median for name, m in ten.items()}
    latest["entries"] = int(latest["entries"])
    latest["machine"] = machine()  # type: ignore[assignment]
    (RESULTS / "latest.json").write_text(json.dumps(latest, indent=2) + "\n")

    if not args.quick:
        scaling: dict[int, dict[str, float]] = {
            10: {k: v for k, v in latest.items() if isinstance(v, int | float)}
        }
        for years in YEARS[:-1]:
            measures = run_year(years, max(3, args.runs // 2), with_jrnl=True)
            scaling[years] = {name: m.median for name, m in measures.items()}
        (RESULTS / "scaling.json").write_text(
            json.dumps({str(y): scaling[y] for y in sorted(scaling)}, indent=2) + "\n"
        )
        print("\nScaling (medians):")
        keys = [
            "entries",
            "unlock_s",
            "search_ms_median",
            "autosave_ms_median",
            "peerjournal_search_s",
            "peak_rss_mb",
            "cold_start_s",
        ]
        print("years " + "".join(f"{k:>22}" for k in keys))
        for y in sorted(scaling):
            print(f"{y:>5} " + "".join(f"{scaling[y].get(k, float('nan')):>22.4g}" for k in keys))
        plot(scaling)
        print("\nGrowth (does the cost per daily page stay level or fall?):")
        for key in keys[1:]:
            print(f"  {key:<24}{'at most linear' if at_most_linear(scaling, key) else 'FASTER'}")
        print(f"\nWrote {RESULTS / 'latest.json'}, scaling.json and scaling.png")
    missed = [n for n, (_op, limit) in TARGETS.items() if n in latest and latest[n] > limit]
    if missed:
        print("Targets missed: " + ", ".join(missed))
        return 1
    print("Every target holds.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
