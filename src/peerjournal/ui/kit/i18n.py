"""The window's language: Qt's translations of our own words, and dates and numbers in
the chosen language's ways.

Every string the window shows is written in UK English and goes through Qt's ``tr()``
(``QCoreApplication.translate``); ``pyside6-lupdate`` gathers them into
``resources/translations/peerjournal_<code>.ts`` and ``make`` builds the ``.qm`` files
the app loads. English has one too, for its plurals ("1 minute", "2 minutes"). The
programme's own text, from the content packs, stays as the packs have it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from peerjournal.core.paths import bundled_dir
from peerjournal.core.progress import Progress
from peerjournal.services.settings import WINDOW_LANGUAGES

_installed: list[QTranslator] = []


def translations_dir() -> str:
    return str(bundled_dir("resources") / "translations")


def locale_for(code: str) -> QLocale:
    return (
        QLocale(QLocale.Language.Welsh, QLocale.Country.UnitedKingdom)
        if code == "cy"
        else (QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    )


def install(code: str) -> bool:
    """Puts the window's words in ``code`` (before any widget is made); False when the
    translation is missing, and the window stays in English."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    code = code if code in WINDOW_LANGUAGES else "en"
    QLocale.setDefault(locale_for(code))
    translator = QTranslator(app)
    loaded = translator.load(f"peerjournal_{code}", translations_dir())
    if loaded:
        app.installTranslator(translator)
        _installed.append(translator)
    return loaded or code == "en"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks words for translation where they are defined; ``translate`` them where shown."""
    return text


def translate(context: str, text: str) -> str:
    """``text`` in the window's language (``pyside6-lupdate`` finds these calls)."""
    return QCoreApplication.translate(context, text)


def progress_words(progress: Progress) -> str:
    """ "5 of 6 answered" (or "3 of 11 lessons") in the window's language."""
    if progress.unit == "lessons":
        words = translate("progress", "%1 of %2 lessons")
    elif progress.unit == "answered":
        words = translate("progress", "%1 of %2 answered")
    elif progress.unit == "done":
        words = translate("progress", "%1 of %2 done")
    else:
        return progress.label()
    return words.replace("%1", str(progress.done)).replace("%2", str(progress.total))


__all__ = [
    "QT_TRANSLATE_NOOP",
    "install",
    "locale_for",
    "progress_words",
    "translate",
    "translations_dir",
]
