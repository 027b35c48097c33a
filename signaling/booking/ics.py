"""An adviser's bookings as iCalendar (RFC 5545), with the ``icalendar`` package.

Nothing about the resident: each event is a time, a language, a topic and the booking's state.
Times are written in UTC (``Z``), which every calendar reads without a VTIMEZONE.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

from signaling.booking.window import BookingState

PRODID = "-//Kiosklink//Bookings//EN"
_STATUS = {
    "booked": "CONFIRMED",
    "checked_in": "CONFIRMED",
    "no_show": "CONFIRMED",
    "cancelled": "CANCELLED",
}
_STATE_WORDS = {
    "booked": "Booked",
    "checked_in": "Checked in",
    "no_show": "Did not come",
    "cancelled": "Cancelled",
}


@dataclass(frozen=True)
class CalendarEntry:
    booking_id: str
    starts_at: float
    duration_s: int
    language: str
    topic: str | None
    state: BookingState


def summary(entry: CalendarEntry) -> str:
    what = f"{entry.language}, {entry.topic}" if entry.topic else entry.language
    return f"Video appointment ({what})"


def bookings_calendar(entries: Iterable[CalendarEntry], *, now: float, host: str) -> bytes:
    """The calendar: one VEVENT per booking, ``UID`` the booking id at ``host``."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Kiosklink bookings")
    stamp = datetime.fromtimestamp(now, UTC)
    for entry in sorted(entries, key=lambda e: (e.starts_at, e.booking_id)):
        start = datetime.fromtimestamp(entry.starts_at, UTC)
        event = Event()
        event.add("uid", f"{entry.booking_id}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(seconds=entry.duration_s))
        event.add("summary", summary(entry))
        event.add("description", _STATE_WORDS[entry.state])
        event.add("status", _STATUS[entry.state])
        calendar.add_component(event)
    return bytes(calendar.to_ical())
