"""The booking screens for ``kiosklink screenshots kiosk`` and tests/kiosk/test_layout.py, driven
through the real flow (kiosk/flow_booking.py) with sample server answers."""

from __future__ import annotations

from collections.abc import Iterator

from kiosk.flow import KioskFlow
from kiosk.state import CodeSeen, KioskState, ServerUp
from signaling import messages as m

SCREENS = (
    "booking_days",
    "booking_times",
    "booking_confirm",
    "booking_code",
    "booking_ticket",
    "check_in",
    "check_in_too_early",
    "check_in_too_late",
    "check_in_unknown",
)
ZONE = "Europe/Stockholm"
FRIDAY = 1_796_972_400.0  # Friday 2026-12-11, 08:00 in Stockholm: sample bookable times


def sample_slots(language: str) -> m.Slots:
    """Three days with free half hours, the middle one full in the afternoon."""
    starts = [FRIDAY + day * 86_400 + half * 1800 for day in (0, 1, 3) for half in range(0, 12, 2)]
    return m.Slots(
        language=language,
        topic="housing",
        timezone=ZONE,
        slots=[
            m.SlotInfo(slot_id=f"s_{i:03d}", starts_at=at, duration_s=1800)
            for i, at in enumerate(starts)
        ],
    )


def booking_states(language: str, welcome: m.KioskWelcome) -> Iterator[tuple[str, KioskState]]:
    """(name, state) for the booking screens, the resident speaking ``language``."""
    flow = KioskFlow(now=0.0)
    flow.feed(ServerUp(welcome), 0.0)
    flow.start(1.0)
    flow.choose_language(language, 1.0)
    flow.choose_topic("housing", 1.0)
    flow.open_booking(2.0)
    flow.feed(sample_slots(language), 2.0)
    yield "booking_days", flow.state
    flow.booking_day("2026-12-11", 3.0)
    yield "booking_times", flow.state
    flow.booking_time("s_002", 4.0)
    yield "booking_confirm", flow.state
    flow.booking_confirm(5.0)
    at = FRIDAY + 2 * 1800
    flow.feed(
        m.Booked(
            code="K7M4-QX2P",
            qr="kiosklink:K7M4QX2P",
            slot_id="s_002",
            language=language,
            topic="housing",
            starts_at=at,
            duration_s=1800,
            opens_at=at - 900,
            closes_at=at + 600,
            timezone=ZONE,
        ),
        5.0,
    )
    yield "booking_code", flow.state
    flow.booking_done(6.0)
    yield from _ticket(flow, language)
    yield from _check_in(flow, language)


def _ticket(flow: KioskFlow, language: str) -> Iterator[tuple[str, KioskState]]:
    flow.start(7.0)
    flow.choose_language(language, 7.0)
    flow.request_call(8.0)
    flow.feed(m.Queued(language=language, position=6, wait=None, resume_token="x"), 8.0)
    flow.take_ticket(9.0)
    ticket = m.Ticket(
        code="7RD2-M9KC",
        qr="kiosklink:7RD2M9KC",
        language=language,
        topic=None,
        valid_until=FRIDAY + 8 * 3600,
        timezone=ZONE,
    )
    flow.feed(ticket, 9.0)
    yield "booking_ticket", flow.state
    flow.booking_done(10.0)


def _check_in(flow: KioskFlow, language: str) -> Iterator[tuple[str, KioskState]]:
    flow.open_check_in(language, 11.0)
    flow.type_code("k7m4q", 11.0)
    yield "check_in", flow.state
    for name, refusal in (
        ("check_in_too_early", m.CheckInRefused(reason="too_early", opens_at=FRIDAY)),
        (
            "check_in_too_late",
            m.CheckInRefused(reason="too_late", language=language, topic="housing"),
        ),
        ("check_in_unknown", m.CheckInRefused(reason="code_unknown")),
    ):
        flow.feed(CodeSeen("kiosklink:K7M4QX2P"), 12.0)
        flow.feed(refusal, 12.0)
        yield name, flow.state
        flow.booking_back(13.0)
