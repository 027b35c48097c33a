"""The shipped translations, loaded once: switch the UI language, or look a sentence up in any.

The active language is installed on the application (so :func:`kiosk.views.texts.tr` follows it);
other languages are asked directly, for the screens that speak several at once (the welcome
taglines, each language button's own wait line).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk import languages
from kiosk.views.texts import CONTEXT

I18N = Path(__file__).resolve().parent.parent / "i18n"


class Catalog:
    def __init__(self, folder: Path = I18N) -> None:
        self._translators: dict[str, QTranslator] = {}
        for code in languages.SHIPPED:
            if code == languages.SOURCE_LANGUAGE:
                continue
            translator = QTranslator()
            if not translator.load(str(folder / f"kiosk_{code}.qm")):
                raise FileNotFoundError(f"missing translation {folder}/kiosk_{code}.qm")
            self._translators[code] = translator
        self._installed: QTranslator | None = None
        self.active = languages.SOURCE_LANGUAGE

    def install(self, code: str) -> None:
        """Make ``code`` the language of :func:`tr` for the whole application."""
        code = languages.ui_language_for(code)
        if code == self.active:
            return
        app = QCoreApplication.instance()
        if app is not None and self._installed is not None:
            app.removeTranslator(self._installed)
        self._installed = self._translators.get(code)
        if app is not None and self._installed is not None:
            app.installTranslator(self._installed)
        self.active = code

    def text(self, code: str, source: str) -> str:
        """``source`` in language ``code`` (English when that language is not shipped)."""
        translator = self._translators.get(languages.ui_language_for(code))
        if translator is None:
            return source
        return translator.translate(CONTEXT, source) or source
