"""Code entry and days and times in the resident's conventions (kiosk/booking/entry.py,
kiosk/booking/calendar.py)."""

from __future__ import annotations

from datetime import date

import pytest
from babel import localedata

from kiosk import languages
from kiosk.booking import calendar, entry

NOON_UTC = 1_796_558_400.0  # 2026-12-06 12:00 UTC, 13:00 in Stockholm


def test_typing_is_forgiving_and_grouped_as_printed() -> None:
    assert entry.entry_text("k7m4") == "K7M4"
    assert entry.entry_text("k7m4q") == "K7M4-Q"
    assert entry.entry_text("k7 m4-qx2p") == "K7M4-QX2P"
    assert entry.entry_text("olil") == "0111"  # O reads as 0, I and L as 1
    assert entry.entry_text("K7M4-QX2PZZZ") == "K7M4-QX2P"  # never longer than a code
    assert entry.entry_text("u!é") == ""  # U is not in the alphabet
    assert entry.entry_text(entry.entry_text("k7m4qx")) == "K7M4-QX"
    assert entry.normalize(entry.entry_text("k7m4-qx2p")) == "K7M4QX2P"
    assert entry.normalize(entry.entry_text("k7m4-qx2")) is None


def test_only_our_qr_codes_count_as_a_code() -> None:
    assert entry.scanned_code("kiosklink:K7M4QX2P") == "K7M4QX2P"
    assert entry.scanned_code("KIOSKLINK:k7m4qx2p") == "K7M4QX2P"
    assert entry.scanned_code("K7M4QX2P") is None  # a code without our prefix: not ours
    assert entry.scanned_code("https://example.org/K7M4QX2P") is None
    assert entry.scanned_code("kiosklink:K7M4") is None


def test_a_code_is_spaced_for_reading_aloud() -> None:
    assert entry.spoken("K7M4QX2P") == "K 7 M 4 - Q X 2 P"


def test_every_shipped_language_has_a_calendar_locale_or_falls_back_to_english() -> None:
    for code in languages.SHIPPED:
        locale = calendar.locale_for(code)
        assert localedata.exists(str(locale)), code
    assert str(calendar.locale_for("prs")) == "fa_AF"
    assert str(calendar.locale_for("kmr")) == "ku"
    assert str(calendar.locale_for("zz")) == "en"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("sv", "13:00"),  # 24-hour clock
        ("fi", "13.00"),
        ("en", "1:00"),  # 12-hour, then the day period
        ("fa", "۱۳:۰۰"),  # Persian digits, 24 h
        ("prs", "۱۳:۰۰"),
        ("ckb", "١:٠٠"),  # Arabic-Indic digits
        ("ar", "1:00"),  # CLDR's Arabic default is Latin digits
    ],
)
def test_times_follow_the_locale_in_the_service_zone(lang: str, expected: str) -> None:
    assert calendar.time_text(NOON_UTC, "Europe/Stockholm", lang).startswith(expected)


def test_days_are_named_in_the_language_and_grouped_by_the_service_day() -> None:
    assert calendar.local_day(NOON_UTC, "Europe/Stockholm") == date(2026, 12, 6)
    assert calendar.local_day(NOON_UTC + 11 * 3600, "Europe/Stockholm") == date(2026, 12, 7)
    assert calendar.day_text(date(2026, 12, 6), "sv") == "sön 6 december"
    assert "ታሕሳስ" in calendar.day_text(date(2026, 12, 6), "ti")
    assert "۶" in calendar.day_text(date(2026, 12, 6), "fa")
    assert "·" in calendar.moment_text(NOON_UTC, "Europe/Stockholm", "am")
