"""Days and times of bookings in the resident's language and calendar conventions (Babel, CLDR).

Pure: times are UNIX seconds and a zone name from the server (``timezone`` in ``slots``,
``booked`` and ``ticket``), never the kiosk's clock or zone, so a kiosk set to the wrong zone still
shows the service's wall-clock times.

* The locale is the UI language's; Dari is ``fa_AF`` and Kurmanji ``ku`` (as for Qt,
  kiosk/languages.py). A language CLDR lacks falls back to English, which more residents read
  than Swedish (the same rule as the UI's, :data:`kiosk.languages.FALLBACK_UI_LANGUAGE`).
* 12 or 24 hours as the locale's short time pattern says (sv, fi, uk, fa: 24 h; en, ar, ti,
  am, so: 12 h with the locale's own day-period word).
* Digits: Babel writes Latin digits in every pattern; we write the digits of the locale's default
  numbering system instead (CLDR: ``arabext`` for fa and fa_AF, ``arab`` for ckb; ``latn`` for
  ar, whose CLDR default is Latin digits), so a Persian reader sees ۱۳:۳۰ as on their phone.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_skeleton, format_time

from kiosk import languages

_DIGITS: Final = {"arab": "٠١٢٣٤٥٦٧٨٩", "arabext": "۰۱۲۳۴۵۶۷۸۹"}
FALLBACK_LOCALE: Final = "en"


def locale_for(ui_language: str) -> Locale:
    """The CLDR locale for a UI language, English when CLDR has none."""
    try:
        return Locale.parse(languages.locale_name(ui_language).replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(FALLBACK_LOCALE)


def local(unix_s: float, zone: str) -> datetime:
    return datetime.fromtimestamp(unix_s, ZoneInfo(zone))


def local_day(unix_s: float, zone: str) -> date:
    """The service's calendar day of a moment (what the day buttons group slots by)."""
    return local(unix_s, zone).date()


def day_text(day: date, ui_language: str) -> str:
    """A day button's words: weekday, day and month (``tis 1 dec.``, ``الثلاثاء، ١ ديسمبر``)."""
    locale = locale_for(ui_language)
    return _native_digits(format_skeleton("MMMMEEEEd", day, locale=locale), locale)


def time_text(unix_s: float, zone: str, ui_language: str) -> str:
    """A wall-clock time, hours and minutes, 12 or 24 h as the locale writes it."""
    locale = locale_for(ui_language)
    return _native_digits(format_time(local(unix_s, zone), "short", locale=locale), locale)


def moment_text(unix_s: float, zone: str, ui_language: str) -> str:
    """A day and a time together, for a booked time or a ticket's last moment."""
    day = day_text(local_day(unix_s, zone), ui_language)
    return f"{day} · {time_text(unix_s, zone, ui_language)}"


def _native_digits(text: str, locale: Locale) -> str:
    digits = _DIGITS.get(locale.default_numbering_system)
    if digits is None:
        return text
    return text.translate(str.maketrans("0123456789", digits))
