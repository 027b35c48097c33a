"""Today's bookings in the console's flow (agent_console/flow_bookings.py), without Qt."""

from __future__ import annotations

import pytest

from agent_console.bookings import BookingRow, FreeSlot, SeriesRequest, ShownCode
from agent_console.events import BookingRefused, BookingsLoaded, CalendarSaved, SlotBooked
from agent_console.flow import ConsoleFlow
from agent_console.flow_bookings import BookSlot, FetchBookings, PublishSlots, SaveCalendar
from signaling import messages as m
from signaling.errors import IllegalTransition
from tests.agent_console.test_flow import URL, welcome

T0 = 1_700_000_000.0


def signed_in() -> ConsoleFlow:
    flow = ConsoleFlow(server_url=URL, now=T0)
    flow.sign_in(URL, "amal", "pw", T0)
    flow.login_succeeded("a1", "Adviser One", T0)
    flow.connected(welcome(), T0)
    return flow


def loaded(*rows: BookingRow, slots: tuple[FreeSlot, ...] = ()) -> BookingsLoaded:
    return BookingsLoaded("2023-11-14", "Europe/Stockholm", rows, slots)


def row(booking_id: str, starts_at: float, state: str = "booked") -> BookingRow:
    return BookingRow(booking_id, "ar", "housing", "a1", starts_at, 1200, state)


def slot(
    slot_id: str, starts_at: float, language: str = "ar", adviser: str | None = None
) -> FreeSlot:
    return FreeSlot(slot_id, language, None, adviser, starts_at, 1200)


def test_opening_the_panel_fetches_and_closing_forgets_the_code() -> None:
    flow = signed_in()
    assert flow.toggle_bookings(T0) == [FetchBookings()]
    assert flow.state.bookings.shown
    flow.booking_answered(SlotBooked(ShownCode("K7M4-QX2P", "ar", None, T0 + 600)), T0)
    assert flow.state.bookings.code is not None
    assert flow.toggle_bookings(T0 + 1) == []
    assert not flow.state.bookings.shown and flow.state.bookings.code is None


def test_the_list_is_sorted_and_free_slots_are_this_advisers_and_ahead() -> None:
    flow = signed_in()
    slots = (
        slot("late", T0 + 900),
        slot("gone", T0 - 60),
        slot("other-language", T0 + 300, language="so"),
        slot("colleague", T0 + 300, adviser="a2"),
        slot("mine", T0 + 300, adviser="a1"),
    )
    flow.bookings_loaded(loaded(row("b2", T0 + 60), row("b1", T0), slots=slots), T0)
    assert [r.booking_id for r in flow.state.bookings.rows] == ["b1", "b2"]
    assert [s.slot_id for s in flow.state.bookings.free] == ["mine", "late"]


def test_a_check_in_marks_its_row_at_once_and_an_unknown_one_fetches_again() -> None:
    flow = signed_in()
    flow.bookings_loaded(loaded(row("b1", T0), row("b2", T0 + 1200)), T0)
    seen = m.BookingCheckedIn(booking_id="b2", language="ar", topic="housing", starts_at=T0)
    assert flow.receive(seen, T0 + 5) == []
    assert [r.state for r in flow.state.bookings.rows] == ["booked", "checked_in"]
    assert flow.state.bookings.rows[1].checked_in_at == T0 + 5
    unknown = m.BookingCheckedIn(booking_id="b9", language="ar", topic=None, starts_at=T0)
    assert flow.receive(unknown, T0 + 6) == [FetchBookings()]


def test_changes_go_to_the_server_and_its_refusal_is_shown_in_its_words() -> None:
    flow = signed_in()
    series = SeriesRequest("ar", None, "2023-11-14", "13:00", "16:00", 20)
    assert flow.publish_slots(series, T0) == [PublishSlots(series)]
    assert flow.state.bookings.busy
    assert flow.booking_answered(BookingRefused("overlaps a slot at 13:00"), T0) == []
    assert flow.state.bookings.refusal == "overlaps a slot at 13:00"
    assert not flow.state.bookings.busy
    assert flow.book_slot("s1", T0) == [BookSlot("s1")]
    assert flow.state.bookings.refusal == ""
    answer = SlotBooked(ShownCode("K7M4-QX2P", "ar", None, T0 + 600))
    assert flow.booking_answered(answer, T0) == [FetchBookings()]
    assert flow.export_calendar("/tmp/x.ics", T0) == [SaveCalendar("/tmp/x.ics")]
    flow.booking_answered(CalendarSaved("/tmp/x.ics"), T0)
    assert flow.state.bookings.saved_to == "/tmp/x.ics"


def test_signed_out_the_panel_is_refused_and_signing_out_forgets_everything() -> None:
    flow = ConsoleFlow(server_url=URL, now=T0)
    assert not flow.allows("toggle_bookings")
    with pytest.raises(IllegalTransition):
        flow.book_slot("s1", T0)
    flow = signed_in()
    flow.toggle_bookings(T0)
    flow.bookings_loaded(loaded(row("b1", T0)), T0)
    flow.sign_out(T0)
    assert flow.state.bookings.rows == () and not flow.state.bookings.shown
