"""Driver: saves answers and pages in a loop, printing ACK after each save returns.

Run as ``python -m tests.drivers.save_loop DATA_DIR PASSPHRASE ROUND``; the test kills it
with SIGKILL at a random moment and checks every acknowledged save survived.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from peerjournal.core import answers as a
from peerjournal.services.container import build_services

PROMPTS = ("m1.s1.positive", "m1.s1.challenging", "p2p.story.you.who")


def main() -> None:
    data_dir, passphrase, round_no = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    services = build_services(data_dir)
    services.session.unlock(passphrase)
    print("READY", flush=True)
    counter = 0
    while True:
        counter += 1
        prompt_id = PROMPTS[counter % len(PROMPTS)]
        text = f"round {round_no} save {counter} Zoë " + "words " * (counter % 50)
        services.answers.save(prompt_id, a.TextAnswer(text), fold=counter % 2 == 0)
        print(f"ACK answer {prompt_id} {counter}", flush=True)
        if counter % 5 == 0:
            services.pages.save(date(2026, 1, 1 + counter % 28), f"page {counter}")
            print(f"ACK page {1 + counter % 28} {counter}", flush=True)


if __name__ == "__main__":
    main()
