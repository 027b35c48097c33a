"""Booking and tickets end to end over a real server on 127.0.0.1 (docs/booking.md): book at one
kiosk, check in with the QR payload at another at the slot time, the booked adviser first, then
anyone after the reservation; a ticket resumes a place; wrong, expired and used codes; the limit
on guesses; staff booking over HTTP; the console's list and the iCalendar export.

The server's clock is injected (a real clock plus an offset the test moves), so a booked time is
reached without waiting for it; the reservation's end is waited for in real time (1 s).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from icalendar import Calendar

from signaling import messages as m
from signaling.embedded import EmbeddedServer
from signaling.server import SWITCHBOARD
from signaling.today import service_timezone
from tests.conftest import make_settings
from tests.signaling.wire import adviser, kiosk, login

PASSWORD = "correct horse battery"


class Clock:
    """The server's clock: real time plus an offset the test sets."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset

    def move_to(self, when: float) -> None:
        self.offset = when - time.time()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def server(tmp_path: Path, clock: Clock) -> Iterator[EmbeddedServer]:
    settings = make_settings(
        tmp_path, booking={"reserved_wait_s": 1.0, "guesses_per_kiosk": 3, "booked_credit_s": 600}
    )
    with EmbeddedServer(settings, clock=clock) as started:
        yield started


async def http(
    server: EmbeddedServer, method: str, path: str, token: str | None, body: Any = None
) -> tuple[int, Any]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with (
        aiohttp.ClientSession() as session,
        session.request(method, server.http_url + path, json=body, headers=headers) as resp,
    ):
        if resp.content_type == "application/json":
            return resp.status, await resp.json()
        return resp.status, await resp.read()


def series_in(server: EmbeddedServer, clock: Clock, hours: float, **fields: Any) -> dict[str, Any]:
    """One 30-minute slot on a half hour at least ``hours`` ahead, in the service's zone."""
    zone = service_timezone(server.settings)
    local = datetime.fromtimestamp(clock() + hours * 3600, zone)
    start = local.replace(minute=0 if local.minute < 30 else 30, second=0, microsecond=0)
    start += timedelta(minutes=30)
    end = start + timedelta(minutes=30)
    return {
        "language": "ar",
        "topic": "housing",
        "date": start.date().isoformat(),
        "start": start.strftime("%H:%M"),
        "end": "24:00" if end.date() != start.date() else end.strftime("%H:%M"),
        "slot_minutes": 30,
        **fields,
    }


async def publish(server: EmbeddedServer, token: str, series: dict[str, Any]) -> dict[str, Any]:
    status, body = await http(server, "POST", "/api/booking/slots", token, series)
    assert status == 201, body
    (slot,) = body["slots"]
    return dict(slot)


async def book_at_kiosk(server: EmbeddedServer, slot_id: str) -> m.Booked:
    k = await kiosk(server, server.add_kiosk("Library kiosk", "Library"))
    await k.send(m.ListSlots(language="ar", topic="housing"))
    slots = await k.expect(m.Slots)
    assert slot_id in [s.slot_id for s in slots.slots] and slots.timezone == "Europe/Stockholm"
    await k.send(m.Book(slot_id=slot_id))
    booked = await k.expect(m.Booked)
    await k.close()
    return booked


async def test_book_at_one_kiosk_check_in_at_another_with_the_booked_adviser_first(
    server: EmbeddedServer, clock: Clock
) -> None:
    amal_id = server.add_adviser("amal", PASSWORD, {"ar": "native"})
    server.add_adviser("bo", PASSWORD, {"ar": "native"})
    amal_token = await login(server, "amal", PASSWORD)
    slot = await publish(server, amal_token, series_in(server, clock, 2, adviser_id=amal_id))
    booked = await book_at_kiosk(server, slot["slot_id"])
    assert booked.qr == "kiosklink:" + booked.code.replace("-", "")
    assert (
        booked.opens_at == slot["starts_at"] - 900 and booked.closes_at == slot["starts_at"] + 600
    )

    clock.move_to(slot["starts_at"] - 300)  # five minutes early, at another kiosk
    bo = await adviser(server, "bo")
    amal = await adviser(server, "amal", available=False)
    amal.ignore(m.AdviserStatus)
    other = await kiosk(server, server.add_kiosk("Town hall kiosk", "Town hall"))
    await other.send(m.CheckIn(code=booked.qr))  # the QR payload, as the camera reads it
    checked = await other.expect(m.CheckedIn)
    assert (checked.kind, checked.language, checked.starts_at) == (
        "booking",
        "ar",
        slot["starts_at"],
    )
    await other.expect(m.Queued, position=1)
    told = await amal.expect(m.BookingCheckedIn, language="ar", topic="housing")
    assert told.starts_at == slot["starts_at"]
    await bo.expect_quiet()  # free, but the booking is amal's: neither told nor offered
    await amal.send(m.SetStatus(status="available"))
    offer = await amal.expect(m.Offer)
    assert (offer.language, offer.topic, offer.site) == ("ar", "housing", "Town hall")
    assert offer.waited_s < 60  # since they came, not since the credited place in line
    await amal.send(m.Accept(call_id=offer.call_id))
    await amal.expect(m.CallStarted)
    await other.expect(m.CallStarted)
    await bo.expect_quiet()
    for client in (bo, amal, other):
        await client.close()


async def test_anyone_with_the_language_after_the_reservation(
    server: EmbeddedServer, clock: Clock
) -> None:
    amal_id = server.add_adviser("amal", PASSWORD, {"ar": "native"})
    server.add_adviser("bo", PASSWORD, {"ar": "basic"})
    amal_token = await login(server, "amal", PASSWORD)
    slot = await publish(server, amal_token, series_in(server, clock, 1, adviser_id=amal_id))
    booked = await book_at_kiosk(server, slot["slot_id"])
    clock.move_to(slot["starts_at"])
    bo = await adviser(server, "bo")
    k = await kiosk(server, server.add_kiosk())
    await k.send(m.CheckIn(code=booked.code.lower().replace("-", " ")))  # typed loosely
    await k.expect(m.CheckedIn)
    await k.expect(m.Queued, position=1)
    # amal never comes: after reserved_wait_s (1 s) bo is offered the call, whatever their level.
    offer = await bo.expect(m.Offer, timeout=10)
    assert offer.language == "ar"
    await bo.close()
    await k.close()


async def test_a_booked_caller_goes_ahead_of_later_walk_ins_only(
    server: EmbeddedServer, clock: Clock
) -> None:
    """No adviser named: a bounded credit (booked_credit_s = 600 s), no reservation; every
    adviser with the language hears of the check-in."""
    server.add_adviser("bo", PASSWORD, {"ar": "native"})
    server.add_adviser("sam", PASSWORD, {"sv": "native"})
    token = await login(server, "bo", PASSWORD)
    slot = await publish(server, token, series_in(server, clock, 1))
    booked = await book_at_kiosk(server, slot["slot_id"])
    clock.move_to(slot["starts_at"] - 1200)
    early = await kiosk(server, server.add_kiosk())
    await early.send(m.Join(language="ar"))
    await early.expect(m.Queued, position=1)
    clock.move_to(slot["starts_at"] - 300)  # the walk-in has waited 15 min, more than the credit
    later = await kiosk(server, server.add_kiosk())
    await later.send(m.Join(language="ar"))
    await later.expect(m.Queued, position=2)
    bo = await adviser(server, "bo", available=False)
    sam = await adviser(server, "sam", available=False)
    k = await kiosk(server, server.add_kiosk())
    await k.send(m.CheckIn(code=booked.code))
    await k.expect(m.CheckedIn)
    await k.expect(m.Queued, position=2)  # behind the 15-minute wait, ahead of the new one
    await later.expect(m.Queued, position=3)
    await bo.expect(m.BookingCheckedIn, language="ar")
    await sam.expect_quiet()  # no Arabic
    for client in (early, later, k, bo, sam):
        await client.close()


async def test_a_ticket_keeps_the_place_and_resumes_it_at_any_kiosk(
    server: EmbeddedServer,
) -> None:
    server.add_adviser("bo", PASSWORD, {"ar": "native"})
    first = await kiosk(server, server.add_kiosk())
    await first.send(m.Join(language="ar", topic="housing", fallback_languages=["sv"]))
    await first.expect(m.Queued, position=1)
    second = await kiosk(server, server.add_kiosk())
    await second.send(m.Join(language="ar"))
    await second.expect(m.Queued, position=2)
    await first.send(m.TakeTicket())
    ticket = await first.expect(m.Ticket)
    assert (ticket.language, ticket.topic) == ("ar", "housing")
    assert ticket.qr == "kiosklink:" + ticket.code.replace("-", "")
    await second.expect(m.Queued, position=1)  # the one who left is out of the line
    await first.send(m.TakeTicket())  # no longer waiting: nothing to keep
    refused = await first.expect(m.Error)
    assert (refused.code, refused.ref_type) == ("out_of_role", "take_ticket")
    await first.close()

    elsewhere = await kiosk(server, server.add_kiosk())
    await elsewhere.send(m.CheckIn(code=ticket.code))
    checked = await elsewhere.expect(m.CheckedIn)
    assert (checked.kind, checked.topic, checked.starts_at) == ("ticket", "housing", None)
    await elsewhere.expect(m.Queued, position=1)  # back where they would have been
    await second.expect(m.Queued, position=2)
    bo = await adviser(server, "bo")
    offer = await bo.expect(m.Offer)
    assert offer.topic == "housing"
    await elsewhere.expect_quiet(skip=(m.Queued,))
    again = await kiosk(server, server.add_kiosk())
    await again.send(m.CheckIn(code=ticket.code))
    await again.expect(m.CheckInRefused, reason="code_used")
    for client in (bo, second, elsewhere, again):
        await client.close()


async def test_wrong_early_late_expired_and_used_codes_change_nothing(
    server: EmbeddedServer, clock: Clock
) -> None:
    server.add_adviser("bo", PASSWORD, {"ar": "native"})
    token = await login(server, "bo", PASSWORD)
    slot = await publish(server, token, series_in(server, clock, 3))
    booked = await book_at_kiosk(server, slot["slot_id"])
    k = await kiosk(server, server.add_kiosk())
    await k.send(m.CheckIn(code="ZZZZ-ZZZZ"))
    await k.expect(m.CheckInRefused, reason="code_unknown")
    await k.send(m.CheckIn(code="not a code at all"))
    await k.expect(m.CheckInRefused, reason="code_unknown")
    await k.send(m.CheckIn(code=booked.code))
    early = await k.expect(m.CheckInRefused, reason="too_early")
    assert early.opens_at == slot["starts_at"] - 900
    clock.move_to(slot["starts_at"] + 900)
    await k.send(m.CheckIn(code=booked.code))
    late = await k.expect(m.CheckInRefused, reason="too_late")
    assert (late.language, late.topic) == ("ar", "housing")  # the queue to offer instead
    await k.send(m.Join(language="ar"))  # nothing changed: the kiosk may join as usual
    await k.expect(m.Queued, position=1)
    await k.send(m.Cancel())
    clock.move_to(slot["starts_at"] + 600 + 3600)
    await k.send(m.CheckIn(code=booked.code))
    await k.expect(m.CheckInRefused, reason="code_expired")
    await k.expect_quiet()
    await k.close()


async def test_a_code_works_once(server: EmbeddedServer, clock: Clock) -> None:
    server.add_adviser("bo", PASSWORD, {"ar": "native"})
    token = await login(server, "bo", PASSWORD)
    slot = await publish(server, token, series_in(server, clock, 1))
    booked = await book_at_kiosk(server, slot["slot_id"])
    clock.move_to(slot["starts_at"])
    one = await kiosk(server, server.add_kiosk())
    await one.send(m.CheckIn(code=booked.code))
    await one.expect(m.CheckedIn)
    await one.expect(m.Queued)
    two = await kiosk(server, server.add_kiosk())
    await two.send(m.CheckIn(code=booked.code))
    await two.expect(m.CheckInRefused, reason="code_used")
    await one.send(m.CheckIn(code=booked.code))  # already in line
    refused = await one.expect(m.Error)
    assert (refused.code, refused.ref_type) == ("out_of_role", "check_in")
    await one.close()
    await two.close()


async def test_guesses_are_rate_limited_per_kiosk(server: EmbeddedServer, clock: Clock) -> None:
    server.add_adviser("bo", PASSWORD, {"ar": "native"})
    token = await login(server, "bo", PASSWORD)
    slot = await publish(server, token, series_in(server, clock, 1))
    booked = await book_at_kiosk(server, slot["slot_id"])
    clock.move_to(slot["starts_at"])
    guesser = await kiosk(server, server.add_kiosk())
    for n in range(3):  # guesses_per_kiosk = 3
        await guesser.send(m.CheckIn(code=f"AAAA-AAA{n}"))
        await guesser.expect(m.CheckInRefused, reason="code_unknown")
    await guesser.send(m.CheckIn(code=booked.code))  # even the right code waits now
    limited = await guesser.expect(m.CheckInRefused, reason="rate_limited")
    assert limited.retry_at is not None and limited.retry_at > clock()
    honest = await kiosk(server, server.add_kiosk())
    await honest.send(m.CheckIn(code=booked.code))
    await honest.expect(m.CheckedIn)
    await guesser.close()
    await honest.close()


async def test_staff_book_for_a_resident_who_phoned_and_see_the_day(
    server: EmbeddedServer, clock: Clock
) -> None:
    amal_id = server.add_adviser("amal", PASSWORD, {"ar": "native"})
    token = await login(server, "amal", PASSWORD)
    status, published = await http(
        server,
        "POST",
        "/api/booking/slots",
        token,
        {**series_in(server, clock, 1, adviser_id=amal_id), "slot_minutes": 15},
    )
    assert status == 201 and len(published["slots"]) == 2
    first, second = published["slots"]
    status, made = await http(
        server, "POST", "/api/booking/bookings", token, {"slot_id": first["slot_id"]}
    )
    assert status == 201 and made["code"] and made["qr"].startswith("kiosklink:")
    status, taken = await http(
        server, "POST", "/api/booking/bookings", token, {"slot_id": first["slot_id"]}
    )
    assert (status, taken["code"]) == (409, "conflict")
    status, other = await http(
        server, "POST", "/api/booking/bookings", token, {"slot_id": second["slot_id"]}
    )
    assert status == 201
    status, cancelled = await http(
        server, "POST", "/api/booking/cancel", token, {"code": other["code"]}
    )
    assert (status, cancelled["state"]) == (200, "cancelled")

    clock.move_to(first["starts_at"])
    token = await login(server, "amal", PASSWORD)
    status, over = await http(server, "POST", "/api/booking/bookings", token, {"slot_id": "s_x"})
    assert (status, over["code"]) == (404, "not_found")
    clock.move_to(second["starts_at"] + 600)  # the second slot's window has closed: too late
    status, over = await http(
        server, "POST", "/api/booking/bookings", token, {"slot_id": second["slot_id"]}
    )
    assert (status, over["code"]) == (400, "bad_message")
    clock.move_to(first["starts_at"])
    k = await kiosk(server, server.add_kiosk())
    await k.send(m.CheckIn(code=made["code"]))
    await k.expect(m.CheckedIn)
    await k.send(m.CheckIn(code=other["code"]))  # cancelled: no code any more
    await k.expect_skipping(m.Error, (m.Queued,))
    token = await login(server, "amal", PASSWORD)
    status, day = await http(server, "GET", "/api/adviser/bookings", token)
    assert status == 200 and day["timezone"] == "Europe/Stockholm"
    states = {b["booking_id"]: b["state"] for b in day["bookings"]}
    assert states == {made["booking_id"]: "checked_in", other["booking_id"]: "cancelled"}
    assert all("code" not in b for b in day["bookings"])  # a code is shown once only
    await k.close()


async def test_no_shows_are_recorded_and_the_calendar_parses_back(
    server: EmbeddedServer, clock: Clock
) -> None:
    amal_id = server.add_adviser("amal", PASSWORD, {"ar": "native"})
    token = await login(server, "amal", PASSWORD)
    slot = await publish(server, token, series_in(server, clock, 1, adviser_id=amal_id))
    status, made = await http(
        server, "POST", "/api/booking/bookings", token, {"slot_id": slot["slot_id"]}
    )
    assert status == 201
    status, ics = await http(server, "GET", "/api/adviser/bookings.ics", None)
    assert status == 401
    status, ics = await http(server, "GET", "/api/adviser/bookings.ics", token)
    assert status == 200
    (event,) = Calendar.from_ical(ics).walk("VEVENT")
    assert str(event["UID"]).startswith(made["booking_id"] + "@")
    assert event.decoded("DTSTART").timestamp() == slot["starts_at"]
    assert str(event["SUMMARY"]) == "Video appointment (ar, housing)"

    clock.move_to(slot["starts_at"] + 601)  # the window has closed without a check-in
    token = await login(server, "amal", PASSWORD)
    status, day = await http(server, "GET", "/api/adviser/bookings", token)
    assert [b["state"] for b in day["bookings"]] == ["no_show"]
    status, ics = await http(server, "GET", "/api/adviser/bookings.ics", token)
    (event,) = Calendar.from_ical(ics).walk("VEVENT")
    assert str(event["DESCRIPTION"]) == "Did not come"


async def test_staff_input_is_checked(server: EmbeddedServer, clock: Clock) -> None:
    amal_id = server.add_adviser("amal", PASSWORD, {"ar": "native"})
    bo_id = server.add_adviser("bo", PASSWORD, {"ar": "native"})
    token = await login(server, "amal", PASSWORD)
    series = series_in(server, clock, 2, adviser_id=amal_id)
    await publish(server, token, series)
    status, clash = await http(server, "POST", "/api/booking/slots", token, series)
    assert (status, clash["code"]) == (409, "conflict")
    status, other = await http(
        server, "POST", "/api/booking/slots", token, {**series, "adviser_id": bo_id}
    )
    assert (status, other["code"]) == (403, "out_of_role")
    for bad in ({**series, "start": "25:00"}, {**series, "language": "xx"}, {**series, "x": 1}):
        status, refused = await http(server, "POST", "/api/booking/slots", token, bad)
        assert (status, refused["code"]) == (400, "bad_message")
    status, body = await http(server, "POST", "/api/booking/slots", token, "not an object")
    assert (status, body["code"]) == (400, "bad_message")
    status, _ = await http(server, "GET", "/api/booking/slots", None)
    assert status == 401
    status, body = await http(server, "GET", "/api/adviser/bookings?day=9999-12-31", token)
    assert (status, body["code"]) == (400, "bad_message")
    end_of_time = {**series, "date": "9999-12-31", "start": "23:00", "end": "24:00"}
    status, body = await http(server, "POST", "/api/booking/slots", token, end_of_time)
    assert (status, body["code"]) == (400, "bad_message")
    status, missing = await http(server, "DELETE", "/api/booking/bookings/b_000000000000", token)
    assert (status, missing["code"]) == (404, "not_found")


async def test_a_kiosk_cannot_book_out_a_day(server: EmbeddedServer, clock: Clock) -> None:
    server.add_adviser("bo", PASSWORD, {"ar": "native"})
    token = await login(server, "bo", PASSWORD)
    series = {**series_in(server, clock, 2), "slot_minutes": 5}
    status, published = await http(server, "POST", "/api/booking/slots", token, series)
    assert status == 201 and len(published["slots"]) == 6
    k = await kiosk(server, server.add_kiosk())
    for slot in published["slots"]:  # bookings_per_kiosk = 6 per hour
        await k.send(m.Book(slot_id=slot["slot_id"]))
        await k.expect(m.Booked)
    await k.send(m.Book(slot_id=published["slots"][0]["slot_id"]))
    refused = await k.expect(m.BookRefused, reason="too_many")
    assert refused.retry_at is not None
    other = await kiosk(server, server.add_kiosk())
    await other.send(m.Book(slot_id=published["slots"][0]["slot_id"]))
    await other.expect(m.BookRefused, reason="slot_taken")
    await other.send(m.ListSlots(language="zz"))
    await other.expect(m.Error, code="out_of_role")
    await k.close()
    await other.close()


async def test_tickets_expire_and_wait_for_their_language_to_open(tmp_path: Path) -> None:
    """Tickets made by the desk itself (the waiting part is in the test above): one for a
    language closed all week says when it opens (never: None), an old one has expired."""
    settings = make_settings(tmp_path, service={"hours": {"fi": {"timezone": "UTC", "weekly": {}}}})
    with EmbeddedServer(settings) as server:
        now = time.time()

        async def ticket(language: str, valid_until: float) -> str:
            desk = server.app[SWITCHBOARD].booking  # type: ignore[index]
            code, hashed = await desk.new_code()
            await desk.store.bookings.add_ticket(
                code_hash=hashed,
                language=language,
                topic=None,
                fallbacks=(),
                joined_at=now - 600,
                valid_until=valid_until,
                kiosk_id="k_elsewhere",
                now=now - 700,
            )
            return code

        closed = server.run(ticket("fi", now + 3600))
        old = server.run(ticket("ar", now - 1))
        k = await kiosk(server, server.add_kiosk())
        await k.send(m.CheckIn(code=closed))
        refused = await k.expect(m.CheckInRefused, reason="closed")
        assert refused.opens_at is None  # no hours at all this week
        await k.send(m.CheckIn(code=old))
        await k.expect(m.CheckInRefused, reason="code_expired")
        await k.expect_quiet()
        await k.close()
