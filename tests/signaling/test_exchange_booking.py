"""The exchange's part of booking (docs/booking.md): admitting a checked-in caller and leaving
the line with a ticket. Synchronous, plain lists of actions, as tests/signaling/test_exchange.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from signaling import messages as m
from signaling.booking.entry import Admission
from signaling.errors import OutOfRole
from tests.signaling.test_exchange import (
    AMAL,
    AMAL_REC,
    KIOSK,
    OMAR,
    OMAR_REC,
    connect_adviser,
    connect_kiosk,
    kinds,
    make_exchange,
    posts,
)

TICKET = m.Ticket(
    code="7RD2-M9KC",
    qr="kiosklink:7RD2M9KC",
    language="ar",
    topic=None,
    valid_until=9e9,
    timezone="Europe/Stockholm",
)


def booking(**fields: object) -> Admission:
    values: dict[str, object] = {
        "kind": "booking",
        "language": "ar",
        "topic": "housing",
        "fallbacks": (),
        "joined_at": 100.0 - 600,
        "starts_at": 120.0,
        **fields,
    }
    return Admission(**values)  # type: ignore[arg-type]


def test_a_checked_in_caller_hears_checked_in_before_queued(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    connect_kiosk(ex, 1.0)
    actions = ex.admit(ex.kiosks["k1"], booking(), 100.0)
    assert kinds(actions, KIOSK) == ["checked_in", "queued"]
    checked = posts(actions, KIOSK)[0]
    assert checked == m.CheckedIn(kind="booking", language="ar", topic="housing", starts_at=120.0)
    assert ex.router.waiting_callers()[0].joined_at == -500.0  # the credit


def test_the_reservation_reaches_the_router(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    connect_adviser(ex, OMAR, OMAR_REC, 1.0)  # free, but not the booked adviser
    connect_adviser(ex, AMAL, AMAL_REC, 1.0, available=False)
    connect_kiosk(ex, 2.0)
    actions = ex.admit(ex.kiosks["k1"], booking(reserved_for="amal", reserved_until=400.0), 10.0)
    assert kinds(actions, OMAR) == []
    actions = ex.adviser_message(ex.advisers["amal"], m.SetStatus(status="available"), 11.0)
    assert kinds(actions, AMAL) == ["status", "offer", "status"]  # available, offer, offered
    assert kinds(actions, OMAR) == []


def test_a_kiosk_in_line_is_not_admitted_twice(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    connect_kiosk(ex, 1.0)
    ex.kiosk_message(ex.kiosks["k1"], m.Join(language="ar"), 2.0)
    with pytest.raises(OutOfRole):
        ex.admit(ex.kiosks["k1"], booking(), 3.0)


def test_a_waiting_kiosk_leaves_with_its_place_on_a_ticket(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    connect_kiosk(ex, 1.0)
    ex.kiosk_message(ex.kiosks["k1"], m.Join(language="ar", fallback_languages=["sv"]), 2.0)
    place = ex.ticket_place(ex.kiosks["k1"])
    assert (place.language, place.fallbacks, place.joined_at) == ("ar", ("sv",), 2.0)
    actions = ex.leave_with_ticket(ex.kiosks["k1"], place, TICKET, 5.0)
    assert posts(actions, KIOSK) == [TICKET]
    assert ex.router.waiting_callers() == [] and ex.kiosks["k1"].caller is None
    with pytest.raises(OutOfRole):
        ex.ticket_place(ex.kiosks["k1"])


def test_no_ticket_while_ringing(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    connect_kiosk(ex, 1.0)
    ex.kiosk_message(ex.kiosks["k1"], m.Join(language="ar"), 2.0)
    place = ex.ticket_place(ex.kiosks["k1"])
    connect_adviser(ex, AMAL, AMAL_REC, 3.0)  # the caller is offered meanwhile
    with pytest.raises(OutOfRole):
        ex.leave_with_ticket(ex.kiosks["k1"], place, TICKET, 4.0)
