"""Languages the kiosk can name and draw: endonyms, script direction, shipped UI translations.

Pure data. A language is named in its own script on the language screen (never translated), so the
resident finds "ትግርኛ" whatever the screen's current language is.
"""

from __future__ import annotations

from typing import Final

# Each name written in its own language and script. Staffed languages missing here fall back to
# their code in upper case: the kiosk must never hide a language the service staffs.
ENDONYMS: Final[dict[str, str]] = {
    "sv": "Svenska",
    "en": "English",
    "ar": "العربية",
    "fa": "فارسی",
    "so": "Soomaali",
    "ti": "ትግርኛ",
    "uk": "Українська",
    "fi": "Suomi",
    "am": "አማርኛ",
    "ckb": "کوردی",
    "kmr": "Kurmancî",
    "ps": "پښتو",
    "prs": "دری",
    "ru": "Русский",
    "pl": "Polski",
    "bs": "Bosanski",
    "tr": "Türkçe",
    "es": "Español",
    "fr": "Français",
    "de": "Deutsch",
    "ro": "Română",
    "sq": "Shqip",
    "se": "Davvisámegiella",
}

RIGHT_TO_LEFT: Final[frozenset[str]] = frozenset({"ar", "fa", "ckb", "ps", "prs", "ur", "he"})

# UI translations the kiosk ships (kiosk/i18n/kiosk_<code>.ts). English is the source language.
SHIPPED: Final[tuple[str, ...]] = (
    "sv",
    "en",
    "ar",
    "fa",
    "so",
    "ti",
    "uk",
    "fi",
    "prs",  # Dari
    "ckb",  # Sorani Kurdish, Arabic script
    "kmr",  # Kurmanji Kurdish, Latin script
    "am",  # Amharic, Ethiopic script
    "se",  # North Sami, a national minority language in Sweden
)

# The language the sentences are written in, in kiosk/views/texts.py; it needs no .qm.
SOURCE_LANGUAGE: Final[str] = "en"
DEFAULT_UI_LANGUAGE: Final[str] = "sv"
# A staffed language without a shipped UI translation gets English screens, which more residents
# read than Swedish.
FALLBACK_UI_LANGUAGE: Final[str] = "en"


# Languages whose code alone Qt's locale data does not know: Dari is Persian as written in
# Afghanistan, Kurmanji is CLDR's "ku".
LOCALE_NAMES: Final[dict[str, str]] = {"prs": "fa_AF", "kmr": "ku"}


def locale_name(code: str) -> str:
    """The name QLocale knows the language by, for dates and times in it."""
    return LOCALE_NAMES.get(code, code)


def endonym(code: str) -> str:
    return ENDONYMS.get(code, code.upper())


def is_rtl(code: str) -> bool:
    return code in RIGHT_TO_LEFT


def ui_language_for(code: str) -> str:
    """The UI translation to show a resident who chose ``code`` as the language to talk in."""
    return code if code in SHIPPED else FALLBACK_UI_LANGUAGE
