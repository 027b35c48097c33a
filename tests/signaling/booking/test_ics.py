"""Bookings as iCalendar (signaling/booking/ics.py), read back with the icalendar parser."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar

from signaling.booking.ics import CalendarEntry, bookings_calendar

START = 1_800_000_000.0


def test_the_calendar_parses_back_with_every_booking() -> None:
    entries = [
        CalendarEntry("b_2", START + 3600, 1800, "ar", "housing", "booked"),
        CalendarEntry("b_1", START, 900, "so", None, "cancelled"),
    ]
    text = bookings_calendar(entries, now=START - 60, host="kiosklink.example.org")
    assert text.startswith(b"BEGIN:VCALENDAR\r\n") and text.endswith(b"END:VCALENDAR\r\n")
    parsed = Calendar.from_ical(text)
    assert parsed["VERSION"] == "2.0" and "Kiosklink" in str(parsed["PRODID"])
    events = parsed.walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [
        "b_1@kiosklink.example.org",
        "b_2@kiosklink.example.org",
    ]
    second = events[1]
    assert second.decoded("DTSTART") == datetime.fromtimestamp(START + 3600, UTC)
    assert second.decoded("DTEND") - second.decoded("DTSTART") == timedelta(minutes=30)
    assert str(second["SUMMARY"]) == "Video appointment (ar, housing)"
    assert str(second["STATUS"]) == "CONFIRMED"
    assert str(events[0]["SUMMARY"]) == "Video appointment (so)"
    assert str(events[0]["STATUS"]) == "CANCELLED"
    assert all(e.decoded("DTSTAMP") == datetime.fromtimestamp(START - 60, UTC) for e in events)


def test_lines_are_folded_and_end_with_crlf_as_rfc_5545_wants() -> None:
    text = bookings_calendar([], now=START, host="h")
    assert all(len(line) <= 75 for line in text.split(b"\r\n"))
    assert b"\n" not in text.replace(b"\r\n", b"")
