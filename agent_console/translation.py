"""Swedish and English through Qt's own translation mechanism.

English is the source language (the strings in the code); Swedish comes from
``agent_console/i18n/console_sv.qm``, compiled from ``console_sv.ts`` with ``pyside6-lrelease``
(``python -m agent_console.i18n_tool``). ``tests/agent_console/test_translation.py`` fails when a
string in the code has no Swedish translation or the .qm is older than the .ts.

Numbers, times and dates follow the same language: installing a translation also makes its locale
Qt's default, which :mod:`agent_console.views.numbers` formats with (sv: "4,6", 24-hour). English
is British English, which also writes a 24-hour clock, as Swedish offices do.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

I18N_DIR = Path(__file__).parent / "i18n"
SOURCE_LANGUAGE = "en"
LOCALES = {"sv": "sv_SE", "en": "en_GB"}


def qm_path(language: str) -> Path:
    return I18N_DIR / f"console_{language}.qm"


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Install the translator for ``language`` and make its locale the default for numbers, times
    and dates; None for English, which needs no translator."""
    QLocale.setDefault(QLocale(LOCALES.get(language, language)))
    if language == SOURCE_LANGUAGE:
        return None
    translator = QTranslator(app)
    if not translator.load(str(qm_path(language))):
        raise FileNotFoundError(f"no console translation for {language!r} at {qm_path(language)}")
    app.installTranslator(translator)
    return translator
