"""Headless figures on a copy of a generated vault: KDF, autosave, search, entries.

Prints one line of JSON. ``kdf-of-vault`` prints only the time of the key derivation
stored in the vault's own keyslot (to subtract from whole-process timings).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from peerjournal.core import answers as a
from peerjournal.core.content import model as m
from peerjournal.core.language import LanguageChecker
from peerjournal.core.vault.keyslots import FAST_KDF, calibrate, derive_kek
from peerjournal.core.vault.store import Vault
from peerjournal.services.container import build_services

PASSPHRASE = "benchmark passphrase"
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


def best_of(fn: object, times: int = 3) -> float:
    best = float("inf")
    for _ in range(times):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - started)
    return best


def kdf_of_vault(folder: Path) -> tuple[float, float]:
    """The vault's own key derivation: (wall, CPU of every thread), the best of five."""
    vault = Vault.open(folder / "journal.db")
    params = vault.passphrase_params()
    vault.close()
    assert params is not None
    salt = os.urandom(16)
    wall = cpu = float("inf")
    for _ in range(5):
        started, started_cpu = time.perf_counter(), time.process_time()
        derive_kek(PASSPHRASE.encode(), salt, params)
        wall = min(wall, time.perf_counter() - started)
        cpu = min(cpu, time.process_time() - started_cpu)
    return wall, cpu


def language_pass_ms(shipped: tuple[m.Phrase, ...]) -> float:
    """One highlight pass of the language helper over 2 kB of a daily page, with a pack of
    12,000 phrases (the shipped ones, and made-up ones of two and three words, a tenth of
    them beginning with "I" or "a", as real phrasings often do): the best of five calls."""
    rng = random.Random(7)
    starts = ["I", "a", "the", "my", "is", "feel"]
    made = []
    for n in range(12_000 - len(shipped)):
        first = rng.choice(starts) if n % 10 == 0 else f"w{n}"
        made.append(m.Phrase(f"{first} word{n} other{n % 97}", "kinder", "."))
    checker = LanguageChecker((*shipped, *made))
    page = (
        "Today I felt like I was suffering from it again, a relapse maybe, or just a long "
        "week. Siân came round; Łukasz phoned. I am not a hopeless case, and my feelings "
        "are not crazy. "
    )
    text = (page * 20)[:2000]
    return best_of(lambda: checker.matches(text), times=5) * 1000


def main() -> None:
    folder, what = Path(sys.argv[1]), sys.argv[2]
    if what == "kdf-of-vault":
        wall, cpu = kdf_of_vault(folder)
        print(json.dumps({"kdf_vault_s": wall, "kdf_vault_cpu_s": cpu}))
        return
    if what == "pages":
        services = build_services(folder)
        services.session.unlock(PASSPHRASE)
        pages = {d.isoformat(): services.pages.get(d) for d in services.pages.days()}
        services.session.close()
        print(json.dumps(pages, ensure_ascii=False))
        return
    default = calibrate()
    salt = os.urandom(16)
    kdf_s = best_of(lambda: derive_kek(b"a passphrase", salt, default))
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "vault"
        shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("journal.lock", ".*"))
        services = build_services(copy)
        services.session.unlock(PASSPHRASE)
        services.search.wait_ready()
        entries = len(services.pages.days())
        saves = []
        for i in range(40):
            text = a.TextAnswer(f"An autosaved answer, edit {i}. " + "Words keep coming. " * 40)
            started = time.perf_counter()
            services.answers.save("m1.s1.positive", text)
            saves.append(time.perf_counter() - started)
        searches = []
        for _ in range(3):
            for query in QUERIES:
                started = time.perf_counter()
                services.search.search(query)
                searches.append(time.perf_counter() - started)
        # Key rotation (a passphrase change): every row opened and sealed again under a
        # new data key in one transaction. The new slot uses the cheapest safe key
        # derivation so the figure is the re-sealing, not Argon2id.
        vault = services.session.vault
        started = time.perf_counter()
        vault.set_passphrase("a new benchmark passphrase", kdf=FAST_KDF)
        rotate_s = time.perf_counter() - started
        rows = vault.check().checked
        language_ms = language_pass_ms(services.content.phrases)
        services.session.close()
    print(
        json.dumps(
            {
                "kdf_s": kdf_s,
                "kdf_params": f"argon2id m={default.memory_kib // 1024} MiB t={default.iterations} "
                f"p={default.lanes}",
                "entries": entries,
                "autosave_ms_median": statistics.median(saves) * 1000,
                "search_ms_median": statistics.median(searches) * 1000,
                "rotate_s": rotate_s,
                "rotated_rows": sum(rows.values()),
                "language_12k_ms": language_ms,
            }
        )
    )


if __name__ == "__main__":
    main()
