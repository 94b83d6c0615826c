"""A story in every script the programme's participants write in prints as real text.

Poppler's own tools read the PDF as any reader would: ``pdftotext`` must give back each
name, ``pdffonts`` must list every font as embedded, and ``pdftoppm`` renders the page for
a person to look at (kept in ``build/every-script.png``).
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.enums import TA_LEFT, TA_RIGHT

from peerjournal.core import story as st
from peerjournal.core.content import model as m
from peerjournal.export import fonts
from peerjournal.export.booklet import make_styles
from peerjournal.export.paragraphs import ScriptParagraph
from peerjournal.export.story import story_pdf

NAMES = ["Siân", "Łukasz", "Nguyễn", "محمد", "اردو", "שלום", "বাংলা", "हिन्दी", "ਪੰਜਾਬੀ", "王芳", "🌱"]
SENTENCES = {
    "urdu": "میرا نام محمد ہے اور میں اپنی کہانی لکھ رہا ہوں۔",
    "hebrew": "שלום, קוראים לי שרה. זה הסיפור שלי על החלמה ותקווה.",
    "bengali": "আমি সাহায্য চেয়েছিলাম।",
    "hindi": "मैंने मदद माँगी।",
    "punjabi": "ਮੈਂ ਮਦਦ ਮੰਗੀ।",
    "tamil": "நான் உதவி கேட்டேன்.",
    "chinese": "我请求了帮助。我請求了幫助。",
}


def _story(content: m.Content) -> bytes:
    answers = {
        "p2p.story.you.who": "The people who walk with me: " + ", ".join(NAMES) + ".",
        "p2p.story.you.matters": SENTENCES["urdu"],
        "p2p.story.beginning.aware": SENTENCES["hebrew"],
        "p2p.story.turning-point.first-steps": " ".join(
            SENTENCES[k] for k in ("bengali", "hindi", "punjabi", "tamil")
        ),
        "p2p.story.last-thoughts.role": SENTENCES["chinese"] + " 🌱",
    }
    doc = st.assemble(
        content,
        lambda pid: answers.get(pid, ""),
        st.StoryOptions(name="Siân محمد 王芳"),
        today=date(2026, 12, 4),
    )
    return story_pdf(doc)


def _words(text: str) -> str:
    """Text as pdftotext gives it, folded so that a right-to-left word reads as typed.

    Arabic comes back as presentation forms (NFKC gives the letters back) and poppler
    marks right-to-left runs with embedding controls, which carry no letters.
    """
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


@pytest.fixture(scope="module")
def pdf_file(content: m.Content, tmp_path_factory: pytest.TempPathFactory) -> Path:
    missing = [t for t in ("pdftotext", "pdffonts", "pdftoppm") if not shutil.which(t)]
    assert not missing, f"{missing}: `make test` installs poppler-utils (apt-get install it)"
    path = tmp_path_factory.mktemp("every-script") / "story.pdf"
    path.write_bytes(_story(content))
    return path


def test_every_name_comes_back_as_text(pdf_file: Path) -> None:
    text = _words(
        subprocess.run(
            ["pdftotext", str(pdf_file), "-"], capture_output=True, text=True, check=True
        ).stdout
    )
    for name in NAMES:
        assert _words(name) in text, name
    for language in ("bengali", "hindi", "punjabi", "tamil", "chinese"):
        for word in SENTENCES[language].rstrip("।.").split():
            assert _words(word) in text, (language, word)
    assert "[" not in text.split("Who are you?")[1].split("What matters")[0], "a name was named"


def test_every_font_is_embedded(pdf_file: Path) -> None:
    listing = subprocess.run(
        ["pdffonts", str(pdf_file)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    used = {line.split()[0].split("+")[-1]: line.split() for line in listing}
    for family in (
        "NotoSerif-Regular",
        "NotoNaskhArabic-Regular",
        "NotoSerifHebrew-Regular",
        "NotoSerifBengali-Regular",
        "NotoSerifDevanagari-Regular",
        "NotoSerifGurmukhi-Regular",
        "NotoSerifTamil-Regular",
        "DroidSansFallback",
        "Symbola",
    ):
        assert family in used, family
    for name, columns in used.items():
        # name type encoding emb sub uni object generation
        assert columns[-5:-2] == ["yes", "yes", "yes"], (name, columns)


def test_the_page_renders_for_a_person_to_look_at(pdf_file: Path, tmp_path: Path) -> None:
    subprocess.run(
        ["pdftoppm", "-r", "110", "-png", "-f", "2", "-l", "2", str(pdf_file), str(tmp_path / "p")],
        check=True,
    )
    (page,) = tmp_path.glob("p-*.png")
    kept = Path(__file__).resolve().parents[1] / "build" / "every-script.png"
    kept.parent.mkdir(exist_ok=True)
    shutil.copyfile(page, kept)
    assert page.stat().st_size > 20_000  # a page of text, not a blank one


def test_right_to_left_answers_are_set_right_to_left(content: m.Content) -> None:
    styles = make_styles()
    urdu = ScriptParagraph(fonts.markup(SENTENCES["urdu"]), styles.body)
    english = ScriptParagraph(fonts.markup("I am Siân, friend of محمد."), styles.body)
    assert urdu.style.alignment == TA_RIGHT and urdu.style.shaping
    assert english.style.alignment == TA_LEFT and english.style.shaping
    plain = ScriptParagraph(fonts.markup("I am Siân."), styles.body)
    assert not plain.style.shaping  # Latin text prints exactly as it always has


def test_each_script_is_set_in_its_own_font() -> None:
    faces = {
        "محمد": "PJArabic",
        "שלום": "PJHebrew",
        "বাংলা": "PJBengali",
        "हिन्दी": "PJDevanagari",
        "ਪੰਜਾਬੀ": "PJGurmukhi",
        "தமிழ்": "PJTamil",
        "王芳": "PJCJK",
        "🌱": "PJSymbols",
        "→": fonts.FALLBACK,
    }
    for word, face in faces.items():
        assert fonts.runs(word) == [(face, word)], word
    assert fonts.runs("Siân") == [(None, "Siân")]
    # A danda after Bengali stays in the Bengali font, though it is Devanagari's sign.
    assert fonts.runs("বাংলা।") == [("PJBengali", "বাংলা।")]
    # The joiners that choose a letter's form stay inside a word; elsewhere they go.
    assert fonts.runs("क्\u200dष") == [("PJDevanagari", "क्\u200dष")]
    assert fonts.runs("a\u200db") == [(None, "ab")]
