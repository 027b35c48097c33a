"""A language's names for the dashboard: its endonym and its Swedish name, from CLDR via Babel.

Pure (Babel's data is read from the installed package, no network). IT in a Swedish municipality
reads "Arabiska", a visitor from the language's community reads "العربية"; the code stays
available for logs and Prometheus. CLDR lacks or garbles a few languages the service staffs (Dari,
Kurmanji as a plain name): :data:`OVERRIDES` holds those, in the form the kiosk's own
``kiosk/languages.py`` shows residents. An unknown code keeps its code as both names, never a
guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Final

from babel import Locale, UnknownLocaleError

SWEDISH: Final = Locale("sv")

# code -> (endonym, Swedish name) where CLDR has none, or only one with script and country.
OVERRIDES: Final[dict[str, tuple[str, str]]] = {
    "prs": ("دری", "dari"),
    "kmr": ("Kurmancî", "kurmanji (nordkurdiska)"),
}


@dataclass(frozen=True)
class LanguageName:
    code: str
    endonym: str  # in its own script: the language's own word for itself
    swedish: str

    @property
    def label(self) -> str:
        """ "Arabiska · العربية", or one name when both are the same ("Svenska")."""
        if self.endonym == self.swedish:
            return self.swedish
        return f"{self.swedish} · {self.endonym}"


@cache
def language_name(code: str) -> LanguageName:
    """Both names of ``code`` (a BCP 47 tag such as "ar", "ckb", "se"), capitalised as labels."""
    names = OVERRIDES.get(code) or _from_cldr(code)
    if names is None:
        return LanguageName(code, code, code)
    return LanguageName(code, *(_as_label(name) for name in names))


def _from_cldr(code: str) -> tuple[str, str] | None:
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None
    endonym, swedish = locale.get_display_name(locale), locale.get_display_name(SWEDISH)
    return (endonym, swedish) if endonym and swedish else None


def _as_label(name: str) -> str:
    # CLDR writes names as they appear mid-sentence ("svenska", "suomi"); a label starts with a
    # capital where the script has one (upper() leaves Arabic or Ethiopic letters as they are).
    return name[:1].upper() + name[1:]
