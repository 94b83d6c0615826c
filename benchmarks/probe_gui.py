"""GUI figures on a copy of a generated vault, in one offscreen window process.

unlock_s: once the file is open and a second has gone by for typing, Enter pressed → the
journal shown and painted, in the app's event loop, minus the key derivation (timed on its
own with the vault's own parameters). first_search_ms:
the first search asked right after that (the call, from asking to results), whether or
not the window's idle index build has begun. Then a ~20-page story PDF in the same
process, and the process's peak memory (taken before the probe reads the PDF back to count
its pages, so the figure is the app's work alone), and what typing in a 2,000-word answer
costs with spelling and the language helper on. Prints JSON.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest

from peerjournal.core import story as st
from peerjournal.core.vault.keyslots import derive_kek
from peerjournal.services.container import build_services
from peerjournal.ui.application import make_app
from peerjournal.ui.main_window import MainWindow

PASSPHRASE = "benchmark passphrase"
TARGET_PAGES = 20
TYPING_S = 1.0


def wait_in_loop(app: QCoreApplication, done: Callable[[], bool], seconds: float = 30) -> None:
    """Runs the event loop until ``done`` (or ``seconds`` pass), checking every 10 ms."""
    loop = QEventLoop()
    timer = QTimer()
    ends = time.perf_counter() + seconds

    def check() -> None:
        if done() or time.perf_counter() >= ends:
            loop.quit()

    timer.timeout.connect(check)
    timer.start(10)
    loop.exec()
    timer.stop()


def kdf_seconds(services: object) -> float:
    params = services.session.vault.passphrase_params()  # type: ignore[attr-defined]
    salt = os.urandom(16)
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        derive_kek(PASSPHRASE.encode(), salt, params)
        best = min(best, time.perf_counter() - started)
    return best


def story_options(services: object, pages_wanted: int) -> st.StoryOptions:
    """The whole story plus enough other answers in "More about me" for about 20 pages."""
    content = services.content  # type: ignore[attr-defined]
    options = st.normalise(content, st.default_options(content))
    extra_ids = [
        p.id for p in content.prompts() if p.kind == "text" and not p.id.startswith("p2p.story.")
    ]
    for prompt_id in extra_ids[:pages_wanted]:
        options = st.add_extra(content, options, prompt_id)
    return options


TYPED_WORDS = 2000


def typing_figures(app: QCoreApplication, window: MainWindow) -> dict[str, float]:
    """What spelling and the language helper cost where a participant types: a 2,000-word
    answer in one paragraph (a misspelling in every fortieth word), first marked whole
    (the answer opened), then one key pressed at its end (the paragraph marked again),
    the median of 30 keys. Both through the real editor and its highlighter."""
    from peerjournal.ui.editors import TextEditor
    from peerjournal.ui.journal.part_page import PartPage

    services = window.services
    wait_in_loop(app, lambda: services.spelling.checker is not None)
    assert window.journal is not None
    page = window.journal.open_part("m1.s1")
    assert isinstance(page, PartPage)
    editor = page.editors["m1.s1.positive"]
    assert isinstance(editor, TextEditor)
    words = (
        "Today I felt stronger and I talked with Siân about hope and small steps forward "
        "even when the week was long and I suffered from doubt"
    ).split()
    text = " ".join(
        "recieve" if i % 40 == 39 else words[i % len(words)] for i in range(TYPED_WORDS)
    )
    edit = editor.edit
    started = time.perf_counter()
    edit.setPlainText(text)
    first_ms = (time.perf_counter() - started) * 1000
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    keys = []
    for _ in range(30):
        started = time.perf_counter()
        QTest.keyClick(edit, Qt.Key.Key_A)
        keys.append((time.perf_counter() - started) * 1000)
    edit.clear()
    window.journal.flush()
    keys.sort()
    return {"typing_2000_open_ms": first_ms, "keystroke_2000_ms": keys[len(keys) // 2]}


def pages_of(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(BytesIO(pdf)).pages)


def main() -> None:
    folder = Path(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "vault"
        shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("journal.lock", ".*"))
        app = make_app()
        services = build_services(copy)
        window = MainWindow(services, remember_geometry=False)
        window.resize(1280, 800)
        window.start()
        window.show()
        QCoreApplication.processEvents()
        view = window.unlock_view
        wait_in_loop(app, lambda: not view.opening)
        # A passphrase takes a second or two to type, and the window spends it loading the
        # journal's code; Enter comes after that, as it does for a participant.
        wait_in_loop(app, lambda: False, seconds=TYPING_S)
        view.passphrase.edit.setText(PASSPHRASE)
        started = time.perf_counter()
        QTest.keyClick(view.passphrase.edit, Qt.Key.Key_Return)
        shown = QEventLoop()
        window.unlocked.connect(shown.quit)
        if window.journal is None:
            shown.exec()  # the app's own event loop, as it runs for a participant
        assert window.journal is not None
        window.journal.repaint()
        app.processEvents()
        unlock_total = time.perf_counter() - started
        started = time.perf_counter()
        services.search.search("hope")  # whether or not the idle build has begun
        first_search_ms = (time.perf_counter() - started) * 1000
        kdf = kdf_seconds(services)

        options = story_options(services, TARGET_PAGES)
        started = time.perf_counter()
        pdf = services.story.build_pdf(options=options)
        story_pdf_s = time.perf_counter() - started
        typing = typing_figures(app, window)
        # The app's peak, taken before the probe's own PDF reader (pypdf) is imported.
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        story_pages = pages_of(pdf)
        window.close()
    print(
        json.dumps(
            {
                "unlock_s": unlock_total - kdf,
                "unlock_with_kdf_s": unlock_total,
                "first_search_ms": first_search_ms,
                "story_pdf_s": story_pdf_s,
                "story_pages": story_pages,
                "peak_rss_mb": peak,
                **typing,
            }
        )
    )


if __name__ == "__main__":
    main()
