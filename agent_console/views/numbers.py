"""Numbers, times of day and dates as the console's language writes them (Qt's default locale).

:func:`agent_console.translation.install_translator` sets that locale with the translation, so a
Swedish console reads "4,6 av 5" and "14:05", never "4.6" or "2:05 PM". Durations are timer
readings (:mod:`agent_console.timefmt`), the same in every language.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QDate, QDateTime, QLocale, QTimeZone


def decimal_text(value: float, places: int = 1) -> str:
    return QLocale().toString(value, "f", places)


def count_text(value: int) -> str:
    return QLocale().toString(value)


def _moment(timestamp: float, zone: str) -> QDateTime:
    """``timestamp`` in ``zone`` (an IANA name: the service's, as a booking was told), else in
    this computer's zone."""
    if zone:
        tz = QTimeZone(QByteArray(zone.encode()))
        if tz.isValid():
            return QDateTime.fromSecsSinceEpoch(int(timestamp), tz)
    return QDateTime.fromSecsSinceEpoch(int(timestamp))


def time_text(timestamp: float, zone: str = "") -> str:
    """The local time of day, in the locale's short form (24-hour for sv and en_GB)."""
    return QLocale().toString(_moment(timestamp, zone).time(), QLocale.FormatType.ShortFormat)


def short_date_text(timestamp: float, zone: str = "") -> str:
    """A day in a few letters, in the locale's words ("tis 1 dec", "Tue 1 Dec")."""
    return QLocale().toString(_moment(timestamp, zone).date(), "ddd d MMM")


def day_text(iso_day: str) -> str:
    """A calendar day (YYYY-MM-DD) with its weekday, in the locale's words ("tisdag 1 december")."""
    return QLocale().toString(QDate.fromString(iso_day, "yyyy-MM-dd"), "dddd d MMMM")


def date_text(timestamp: float) -> str:
    """The local date with its weekday, in the locale's long form ("söndag 29 november 2026")."""
    moment = QDateTime.fromSecsSinceEpoch(int(timestamp))
    return QLocale().toString(moment.date(), QLocale.FormatType.LongFormat)
