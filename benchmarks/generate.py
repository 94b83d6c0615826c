"""A deterministic, realistic vault: years of daily pages and a fully answered workbook.

Everything goes through the real service API (the same saves the window makes), with a
simulated clock walking through the years and a low-cost key derivation stored in the
vault's keyslot, so benchmarks measure the app rather than the deliberate KDF.

    python benchmarks/generate.py OUT_DIR [--years 10] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from peerjournal.core import answers as a
from peerjournal.core.content import model as m
from peerjournal.core.vault.keyslots import argon2id
from peerjournal.services.container import Services, build_services

PASSPHRASE = "benchmark passphrase"
BENCH_KDF = argon2id(memory_kib=19 * 1024, iterations=1, lanes=1)

NAMES = (
    "Siân",
    "Zoë",
    "Łukasz",
    "Aoife",
    "Dáithí",
    "José",
    "Björn",
    "Anaïs",
    "Søren",
    "Małgorzata",
    "François",
    "Chloë",
    "Núria",
    "Mehmet",
    "Ríona",
    "Zuzanna",
    "Eilidh",
    "Tomás",
    "Jürgen",
    "Noël",
)
PLACES = (
    "the river",
    "Cardiff",
    "the allotment",
    "Ty Hafan",
    "the café on Stryd Fawr",
    "the group room",
    "Penarth pier",
    "the library",
    "the garden",
    "Bute Park",
)
OPENINGS = (
    "Today felt",
    "This morning was",
    "I noticed",
    "I keep thinking about",
    "It was hard when",
    "Something shifted when",
    "I was grateful for",
    "I found myself",
    "We talked about",
    "I want to remember",
)
WORDS = (
    "hope connection boundaries walk tea rain sunlight group session listening worry calm "
    "strength patience kindness tired rested honest change small steps support friend "
    "family work sleep breathing notice feelings learning mutual trust safe brave slowly "
    "quiet noisy evening morning letter plan goal setback progress gentle courage choice "
    "voice story recovery peer together value honesty curiosity meaning purpose identity "
    "empowerment gratitude nature music cooking bus appointment phone laugh cry pause"
).split()
SEARCH_WORDS = (
    "hope",
    "zoe",
    "boundaries",
    "łukasz",
    "river",
    "gratitude",
    "setback",
    "tea",
    "courage",
    "cardiff",
)


class SimulatedClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 16))]
    if rng.random() < 0.3:
        words.insert(rng.randint(0, len(words)), rng.choice(NAMES))
    if rng.random() < 0.2:
        words.insert(rng.randint(0, len(words)), "at " + rng.choice(PLACES))
    return f"{rng.choice(OPENINGS)} {' '.join(words)}."


def paragraphs(rng: random.Random, low: int, high: int) -> str:
    target = rng.randint(low, high)
    out: list[str] = []
    para: list[str] = []
    count = 0
    while count < target:
        s = sentence(rng)
        para.append(s)
        count += len(s.split())
        if len(para) >= rng.randint(3, 6):
            out.append(" ".join(para))
            para = []
    if para:
        out.append(" ".join(para))
    return "\n\n".join(out)


def answer_for(prompt: m.Prompt, rng: random.Random, version: int) -> a.Answer:
    match prompt:
        case m.TextPrompt():
            return a.TextAnswer(paragraphs(rng, 40, 160) + f"\n\n(Version {version}.)")
        case m.LadderPrompt():
            return a.LadderAnswer(min(10, 1 + version // 3 + rng.randint(0, 2)))
        case m.ChoosePrompt():
            options = [o.id for o in prompt.options()]
            return a.ChooseAnswer(tuple(rng.sample(options, rng.randint(3, prompt.choose))))
        case m.RankedPrompt():
            values = rng.sample(
                [
                    "Honesty",
                    "Kindness",
                    "Respect",
                    "Curiosity",
                    "Fairness",
                    "Courage",
                    "Hope",
                    "Family",
                    "Learning",
                ],
                prompt.count,
            )
            return a.RankedAnswer(tuple(a.RankedItem(v, sentence(rng)) for v in values))
        case m.TablePrompt():
            return a.TableAnswer(tuple((r.id, sentence(rng)) for r in prompt.rows))
        case m.SpectrumPrompt():
            return a.SpectrumAnswer(tuple((r.id, rng.randint(0, 100)) for r in prompt.rows))
        case m.ChecklistPrompt():
            return a.ChecklistAnswer(
                tuple(
                    (q.id, a.ChecklistItem(rng.choice(list(a.Check)), sentence(rng)))
                    for q in prompt.questions
                )
            )
        case m.LessonsPrompt():
            return a.LessonsAnswer(tuple(range(1, min(prompt.count, version) + 1)))


def generate(out: Path, *, years: int = 10, seed: int = 7, quiet: bool = False) -> Services:
    rng = random.Random(seed)
    days = 365 * years
    start = datetime(2026, 11, 24, 8, 0, tzinfo=UTC) - timedelta(days=days)
    clock = SimulatedClock(start)
    services = build_services(out, clock=clock, kdf=BENCH_KDF)
    services.session.create(PASSPHRASE)
    began = time.perf_counter()

    prompts = [p for p in services.content.prompts() if p.id != "p2p.stocktake.ladder"]
    versions_per_prompt = 20
    save_days = sorted(rng.sample(range(days), versions_per_prompt * 2))
    schedule = {d: i for i, d in enumerate(save_days[::2])}
    ladder_days = set(sorted(rng.sample(range(days), 40)))
    story_days = set(sorted(rng.sample(range(days), 30)))
    iteration = 0

    for offset in range(days):
        clock.now = start + timedelta(days=offset, hours=rng.randint(0, 12))
        day = (start + timedelta(days=offset)).date()
        services.pages.save(day, paragraphs(rng, 150, 600))
        if offset in schedule:
            version = schedule[offset] + 1
            for prompt in prompts:
                services.answers.save(prompt.id, answer_for(prompt, rng, version), fold=False)
        if offset in ladder_days:
            rung = min(10, 1 + offset * 10 // days + rng.randint(-1, 1))
            services.answers.save("p2p.stocktake.ladder", a.LadderAnswer(max(1, rung)), fold=False)
        if offset in story_days and hasattr(services, "story"):
            iteration += 1
            services.story.save_iteration(name=f"Iteration {iteration}, {day:%B %Y}")
        if not quiet and offset % 365 == 0:
            print(
                f"  year {offset // 365 + 1} of {years} ({time.perf_counter() - began:.0f} s)",
                file=sys.stderr,
            )
    return services


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if (args.out / "journal.db").exists():
        print(f"{args.out} already holds a journal", file=sys.stderr)
        return 1
    services = generate(args.out, years=args.years, seed=args.seed)
    pages = len(services.pages.days())
    services.session.close()
    print(f"{pages} daily pages in {args.out}")
    return 0


__all__ = ["PASSPHRASE", "SEARCH_WORDS", "date", "generate"]

if __name__ == "__main__":
    raise SystemExit(main())
