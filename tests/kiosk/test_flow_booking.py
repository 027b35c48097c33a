"""Booking a time, checking in and taking a ticket in the kiosk's pure flow (kiosk/flow_booking.py,
docs/booking.md): no Qt, no event loop, a hand-driven clock."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.booking.steps import Outcome, Page
from kiosk.flow import KioskFlow
from kiosk.flow_booking import offer_booking_first
from kiosk.state import (
    CloseMedia,
    CodeSeen,
    ForgetPlace,
    LiveDevices,
    OpenMedia,
    Screen,
    Send,
    ServerUp,
)
from signaling import messages as m
from tests.kiosk.test_flow import queued, welcome

ZONE = "Europe/Stockholm"
DAY1 = 1_796_558_400.0  # 2026-12-06 13:00 in Stockholm
DAY2 = DAY1 + 86_400


def slots() -> m.Slots:
    return m.Slots(
        language="ar",
        topic="housing",
        timezone=ZONE,
        slots=[
            m.SlotInfo(slot_id="s_b", starts_at=DAY1 + 1800, duration_s=1800),
            m.SlotInfo(slot_id="s_a", starts_at=DAY1, duration_s=1800),
            m.SlotInfo(slot_id="s_c", starts_at=DAY2, duration_s=1800),
        ],
    )


def booked() -> m.Booked:
    return m.Booked(
        code="K7M4-QX2P",
        qr="kiosklink:K7M4QX2P",
        slot_id="s_b",
        language="ar",
        topic="housing",
        starts_at=DAY1 + 1800,
        duration_s=1800,
        opens_at=DAY1 + 900,
        closes_at=DAY1 + 2400,
        timezone=ZONE,
    )


@pytest.fixture
def flow() -> KioskFlow:
    f = KioskFlow(now=0.0)
    f.feed(ServerUp(welcome()), 0.0)
    return f


def screen(flow: KioskFlow) -> Screen:
    return flow.state.screen  # read afresh: each intent replaces the state


def page(flow: KioskFlow) -> Page | None:
    return flow.state.booking.page if flow.state.booking else None


def to_confirm(flow: KioskFlow) -> None:
    flow.start(1.0)
    flow.choose_language("ar", 1.0)
    flow.choose_topic("housing", 1.0)


def test_book_a_time_day_then_time_then_the_code(flow: KioskFlow) -> None:
    to_confirm(flow)
    assert flow.open_booking(2.0) == [Send(m.ListSlots(language="ar", topic="housing"))]
    assert flow.state.screen is Screen.BOOKING and flow.state.booking is not None
    assert flow.state.booking.slots is None  # asked, no answer yet
    flow.feed(slots(), 2.0)
    flow.booking_day("2026-12-06", 3.0)
    b = flow.state.booking
    assert b is not None and b.page is Page.TIMES
    flow.booking_time("s_b", 4.0)
    assert flow.booking_confirm(5.0) == [Send(m.Book(slot_id="s_b"))]
    assert flow.booking_confirm(5.5) == []  # one request while the answer is out
    flow.feed(booked(), 6.0)
    b = flow.state.booking
    assert b is not None and b.page is Page.CODE and b.kept is not None
    assert (b.kept.code, b.kept.qr, b.kept.starts_at) == (
        "K7M4-QX2P",
        "kiosklink:K7M4QX2P",
        DAY1 + 1800,
    )
    assert flow.booking_done(7.0) == [ForgetPlace()]
    assert screen(flow) is Screen.WELCOME and flow.state.booking is None


def test_a_day_or_time_not_offered_changes_nothing_and_back_walks_back(flow: KioskFlow) -> None:
    to_confirm(flow)
    flow.open_booking(2.0)
    flow.feed(slots(), 2.0)
    flow.booking_day("2027-01-01", 3.0)
    assert page(flow) is Page.DAYS
    flow.booking_day("2026-12-07", 3.0)
    flow.booking_time("s_a", 3.0)  # on the 6th, not the 7th
    assert page(flow) is Page.TIMES
    assert flow.booking_back(4.0) == [Send(m.ListSlots(language="ar", topic="housing"))]
    assert flow.booking_back(5.0) == []
    assert flow.state.screen is Screen.CONFIRM and flow.state.language == "ar"


def test_a_taken_slot_says_so_and_back_lists_again(flow: KioskFlow) -> None:
    to_confirm(flow)
    flow.open_booking(2.0)
    flow.feed(slots(), 2.0)
    flow.booking_day("2026-12-06", 3.0)
    flow.booking_time("s_a", 3.0)
    flow.booking_confirm(3.0)
    flow.feed(m.BookRefused(reason="slot_taken"), 4.0)
    b = flow.state.booking
    assert b is not None and (b.page, b.outcome) == (Page.RESULT, Outcome.SLOT_TAKEN)
    assert flow.booking_back(5.0) == [Send(m.ListSlots(language="ar", topic="housing"))]


def test_booking_comes_first_when_the_wait_is_long_or_nobody_answers(flow: KioskFlow) -> None:
    to_confirm(flow)
    assert not offer_booking_first(flow.state, 1200)  # ar: up to 2 minutes
    assert offer_booking_first(flow.state, 100)
    ti = replace(flow.state, language="ti")  # open, nobody signed in
    assert offer_booking_first(ti, 1200)


def test_check_in_by_camera_goes_straight_to_the_waiting_screen(flow: KioskFlow) -> None:
    flow.open_check_in("ti", 1.0)
    s = flow.state
    assert s.screen is Screen.BOOKING and s.ui_language == "ti" and s.scanning
    assert s.live_devices is LiveDevices.CAMERA  # the cue says the camera reads
    assert flow.feed(CodeSeen("https://example.org"), 2.0) == []
    sent = flow.feed(CodeSeen("kiosklink:K7M4QX2P"), 2.0)
    assert sent == [Send(m.CheckIn(code="K7M4QX2P"))]
    assert flow.feed(CodeSeen("kiosklink:K7M4QX2P"), 2.1) == []  # once per try
    effects = flow.feed(
        m.CheckedIn(kind="booking", language="ar", topic="housing", starts_at=DAY1), 3.0
    )
    assert effects == [OpenMedia()]  # no join: the server queued the resident
    s = flow.state
    assert (s.screen, s.language, s.topic, s.ui_language) == (Screen.WAITING, "ar", "housing", "ar")
    assert not s.scanning and s.booking is None
    flow.feed(queued(1), 3.0)
    assert flow.state.position == 1


@pytest.mark.parametrize(
    ("reason", "outcome"),
    [
        ("code_unknown", Outcome.CODE_UNKNOWN),
        ("code_used", Outcome.CODE_USED),
        ("code_expired", Outcome.CODE_EXPIRED),
        ("too_early", Outcome.TOO_EARLY),
        ("rate_limited", Outcome.RATE_LIMITED),
    ],
)
def test_a_refused_code_says_why_and_back_tries_again(
    flow: KioskFlow, reason: str, outcome: Outcome
) -> None:
    flow.open_check_in("ar", 1.0)
    flow.type_code("k7m4qx2", 2.0)
    assert flow.submit_code(2.0) == []  # seven characters are not a code
    flow.type_code("k7m4qx2p", 2.0)
    assert flow.submit_code(2.0) == [Send(m.CheckIn(code="K7M4QX2P"))]
    flow.feed(m.CheckInRefused(reason=reason, opens_at=DAY1, retry_at=DAY2), 3.0)
    b = flow.state.booking
    assert b is not None and (b.page, b.outcome) == (Page.RESULT, outcome)
    assert b.when == (DAY2 if reason == "rate_limited" else DAY1)
    assert not flow.state.scanning
    flow.booking_back(4.0)
    b = flow.state.booking
    assert b is not None and (b.page, b.entry) == (Page.CHECK_IN, "") and flow.state.scanning


def test_too_late_offers_the_ordinary_line_in_the_booked_language(flow: KioskFlow) -> None:
    flow.open_check_in("sv", 1.0)
    flow.type_code("K7M4QX2P", 1.0)
    flow.submit_code(1.0)
    flow.feed(m.CheckInRefused(reason="too_late", language="ar", topic="housing"), 2.0)
    assert flow.state.ui_language == "ar"  # the message in the booking's language
    effects = flow.join_instead(3.0)
    assert effects == [OpenMedia(), Send(m.Join(language="ar", topic="housing"))]
    assert flow.state.screen is Screen.WAITING


def test_a_ticket_leaves_the_line_and_the_idle_timeout_forgets_it(flow: KioskFlow) -> None:
    to_confirm(flow)
    flow.request_call(2.0)
    assert flow.take_ticket(2.5) == []  # not in line on the server's word yet
    flow.feed(queued(3), 3.0)
    assert flow.take_ticket(4.0) == [Send(m.TakeTicket())]
    ticket = m.Ticket(
        code="7RD2-M9KC",
        qr="kiosklink:7RD2M9KC",
        language="ar",
        topic="housing",
        valid_until=DAY2,
        timezone=ZONE,
    )
    assert flow.feed(ticket, 5.0) == [CloseMedia()]
    s = flow.state
    assert s.screen is Screen.BOOKING and not s.media_live and not s.in_line
    assert s.booking is not None and s.booking.kept is not None and s.booking.page is Page.TICKET
    assert s.booking.kept.until == DAY2
    deadline = flow.next_deadline()
    assert deadline is not None
    flow.tick(deadline)  # the warning
    flow.tick(deadline + 1000)
    assert flow.state.screen is Screen.WELCOME and flow.state.booking is None


def test_a_refused_ticket_leaves_the_resident_in_line(flow: KioskFlow) -> None:
    to_confirm(flow)
    flow.request_call(2.0)
    flow.feed(queued(1), 3.0)
    flow.take_ticket(4.0)
    err = m.Error(code="out_of_role", message="ringing", ref_type="take_ticket")
    assert flow.feed(err, 5.0) == []
    assert flow.state.screen is Screen.WAITING and flow.state.in_line
