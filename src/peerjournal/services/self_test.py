"""`peerjournal self-test`: proves an installation works, headlessly, on a throwaway journal.

It exercises what a participant relies on — the content packs, a real Argon2id key
derivation, sealing and saving, search, the integrity check, a backup and a story PDF
with the embedded fonts — inside a fresh folder under the data folder, which it removes
afterwards. Nothing of the participant's own journal is opened or touched.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from peerjournal.core import answers as a
from peerjournal.core.content.loader import load_content
from peerjournal.core.paths import bundled_dir
from peerjournal.core.vault import crypto
from peerjournal.core.vault.keyslots import argon2id
from peerjournal.export import paragraphs
from peerjournal.services.container import Services, build_services

SAMPLE = "Siân and Zoë met Łukasz — “a good day”."
EVERY_SCRIPT = "Siân, Łukasz, Nguyễn, محمد, اردو, שלום, বাংলা, हिन्दी, ਪੰਜਾਬੀ, தமிழ், 王芳 🌱"
SCRIPT_FONTS = (
    "NotoNaskhArabic",
    "NotoSerifHebrew",
    "NotoSerifBengali",
    "NotoSerifDevanagari",
    "NotoSerifGurmukhi",
    "NotoSerifTamil",
    "DroidSansFallback",
    "Symbola",
)
SELF_TEST_KDF = argon2id(memory_kib=64 * 1024, iterations=1, lanes=2)


@dataclass(frozen=True, slots=True)
class Step:
    name: str
    ok: bool
    detail: str
    seconds: float


def run_self_test(data_root: Path, report: Callable[[Step], None]) -> bool:
    folder = data_root / f"self-test-{crypto.random_id()[:8]}"
    steps: list[Step] = []

    def step(name: str, check: Callable[[], str]) -> bool:
        started = time.perf_counter()
        try:
            detail = check()
            ok = True
        except Exception as exc:  # a self-test reports every failure
            detail, ok = f"{type(exc).__name__}: {exc}", False
        result = Step(name, ok, detail, time.perf_counter() - started)
        steps.append(result)
        report(result)
        return ok

    content = load_content()
    current: list[Services] = []

    def content_check() -> str:
        if content.problems:
            raise RuntimeError(str(content.problems[0]))
        fonts = list((bundled_dir("resources") / "fonts").glob("*.ttf"))
        if not fonts:
            raise RuntimeError("the PDF fonts are missing")
        return f"{sum(1 for _ in content.prompts())} prompts, {len(fonts)} fonts"

    def create() -> str:
        services = build_services(folder, content=content, kdf=SELF_TEST_KDF)
        services.session.create("self-test passphrase")
        current.append(services)
        return "Argon2id (64 MiB) and AES-256-GCM"

    def save_and_reopen() -> str:
        services = current[-1]
        services.answers.save("p2p.story.you.who", a.TextAnswer(SAMPLE))
        services.pages.save(date(2026, 1, 1), SAMPLE)
        services.session.close()
        again = build_services(folder, content=content)
        again.session.unlock("self-test passphrase")
        current.append(again)
        if again.answers.get("p2p.story.you.who") != a.TextAnswer(SAMPLE):
            raise RuntimeError("the saved answer did not read back")
        raw = (folder / "journal.db").read_bytes()
        if "Łukasz".encode() in raw:
            raise RuntimeError("plaintext found in the journal file")
        return "saved, reopened, read back; no plaintext on disk"

    def search() -> str:
        services = current[-1]
        hits = services.search.search("zoe lukasz")
        if len(hits) != 2:
            raise RuntimeError(f"expected 2 results, found {len(hits)}")
        return "accent-insensitive search finds both"

    def check() -> str:
        services = current[-1]
        report_ = services.session.vault.check()
        if not report_.ok:
            raise RuntimeError(str(report_.damaged[0]))
        backup = services.backups.backup_now()
        return f"every value authenticates; backup {backup.stat().st_size // 1024} KB"

    def story_pdf() -> str:
        services = current[-1]
        services.answers.save("p2p.story.you.matters", a.TextAnswer(EVERY_SCRIPT))
        pdf = services.story.build_pdf()
        if not pdf.startswith(b"%PDF-") or b"FontFile2" not in pdf:
            raise RuntimeError("the PDF is not whole or has no embedded font")
        missing = [f for f in SCRIPT_FONTS if f.encode() not in pdf]
        if missing:
            raise RuntimeError(f"the PDF lacks the fonts {', '.join(missing)}")
        if not paragraphs.shaping_available():
            raise RuntimeError("HarfBuzz (uharfbuzz) is missing: Arabic and Hindi would not join")
        return f"{len(pdf) // 1024} KB, every script's font embedded, shaped by HarfBuzz"

    def spelling() -> str:
        from peerjournal.core.spelling import SpellChecker, SpellingLanguage

        for language in (SpellingLanguage.BRITISH_ENGLISH, SpellingLanguage.WELSH):
            checker = SpellChecker(language)
            try:
                if [w.word for w in checker.misspelt("colour bore diolch recieve")] == []:
                    raise RuntimeError(f"the {language.value} dictionary marks nothing")
                english = language == SpellingLanguage.BRITISH_ENGLISH
                if english and "receive" not in checker.suggestions("recieve"):
                    raise RuntimeError("Hunspell offers no suggestions")
            finally:
                checker.close()
        return "Hunspell with British English and Welsh"

    checks = (
        ("content packs and fonts", content_check),
        ("create an encrypted journal", create),
        ("save, reopen and read back", save_and_reopen),
        ("search", search),
        ("integrity check and backup", check),
        ("story PDF", story_pdf),
        ("spelling", spelling),
    )
    try:
        for name, fn in checks:
            if not step(name, fn):
                break
    finally:
        for services in current:
            services.session.close()
        shutil.rmtree(folder, ignore_errors=True)
    return len(steps) == len(checks) and all(s.ok for s in steps)
