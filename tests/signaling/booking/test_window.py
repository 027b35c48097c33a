"""The check-in decision (signaling/booking/window.py)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from signaling.booking.window import (
    BookingFacts,
    Window,
    booking_refusal,
    reserved_until,
    ticket_refusal,
    ticket_valid_until,
)
from signaling.messages import CheckInRefused

START = 1_800_000_000.0
WINDOW = Window(before_s=900, after_s=600, late_grace_s=3600)


def booked(state: str = "booked") -> BookingFacts:
    return BookingFacts(state=state, starts_at=START, language="ar", topic="housing")  # type: ignore[arg-type]


@pytest.mark.parametrize("offset", [-900.0, -1.0, 0.0, 599.9])
def test_inside_the_window_a_booking_checks_in(offset: float) -> None:
    assert booking_refusal(booked(), WINDOW, START + offset) is None


def test_early_says_when_the_window_opens() -> None:
    assert booking_refusal(booked(), WINDOW, START - 901) == CheckInRefused(
        reason="too_early", opens_at=START - 900
    )


def test_late_offers_the_queue_of_the_booking_then_expires() -> None:
    late = CheckInRefused(reason="too_late", language="ar", topic="housing")
    assert booking_refusal(booked(), WINDOW, START + 600) == late
    assert booking_refusal(booked("no_show"), WINDOW, START + 4199) == late
    assert booking_refusal(booked(), WINDOW, START + 4200) == CheckInRefused(reason="code_expired")


def test_used_and_cancelled_codes() -> None:
    assert booking_refusal(booked("checked_in"), WINDOW, START) == CheckInRefused(
        reason="code_used"
    )
    assert booking_refusal(booked("cancelled"), WINDOW, START) == CheckInRefused(
        reason="code_unknown"
    )


def test_the_reservation_runs_from_the_later_of_check_in_and_start() -> None:
    assert reserved_until(START, START - 600, 300) == START + 300  # early: from the start
    assert reserved_until(START, START + 120, 300) == START + 420  # late: from check-in


def test_tickets() -> None:
    kwargs = {"valid_until": START, "open_now": True, "opens_at": None}
    assert ticket_refusal(used=False, now=START - 1, **kwargs) is None  # type: ignore[arg-type]
    assert ticket_refusal(used=True, now=START - 1, **kwargs).reason == "code_used"  # type: ignore[arg-type,union-attr]
    assert ticket_refusal(used=False, now=START, **kwargs).reason == "code_expired"  # type: ignore[arg-type,union-attr]
    closed = ticket_refusal(
        used=False, valid_until=START, open_now=False, opens_at=START - 100, now=START - 200
    )
    assert closed == CheckInRefused(reason="closed", opens_at=START - 100)


def test_a_ticket_holds_until_local_midnight_or_for_its_time() -> None:
    zone = ZoneInfo("Europe/Stockholm")
    now = datetime(2026, 10, 24, 15, 30, tzinfo=zone).timestamp()
    assert ticket_valid_until(now, zone, None) == datetime(2026, 10, 25, tzinfo=zone).timestamp()
    assert ticket_valid_until(now, zone, 3600) == now + 3600
