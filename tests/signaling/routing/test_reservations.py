"""Booked and ticketed callers in the router (docs/booking.md §Routing): the reservation for a
booked adviser, their bookings first, the end of the reservation, and the bounded credit.

Synchronous, no event loop: time is a float passed in (``T`` plus seconds).
"""

from __future__ import annotations

from typing import TypeVar

from signaling.routing import (
    AdviserId,
    CallerId,
    CallerRequeued,
    CallerState,
    Effect,
    Language,
    OfferMade,
    Router,
    RoutingRules,
)

T = 1_750_000_000.0
SV, AR = Language("sv"), Language("ar")
E = TypeVar("E")
A, B = AdviserId("amal"), AdviserId("bo")


def offers(effects: list[Effect]) -> list[tuple[str, str]]:
    return [(e.caller, e.adviser) for e in effects if isinstance(e, OfferMade)]


def router_with(*advisers: AdviserId, languages: dict[Language, str] | None = None) -> Router:
    router = Router(RoutingRules(heartbeat_timeout_s=1e9, wrap_up_s=30))
    for adviser in advisers:
        router.sign_in(adviser, languages or {AR: "native", SV: "fluent"}, now=T)  # type: ignore[arg-type]
    return router


def test_a_reserved_caller_waits_for_their_adviser_while_another_is_free() -> None:
    router = router_with(A, B)
    router.set_available(B, now=T)
    effects = router.join(CallerId("booked"), AR, reserved_for=A, reserved_until=T + 300, now=T + 1)
    assert offers(effects) == []  # bo is free, but the booking is with amal
    assert offers(router.set_available(A, now=T + 10)) == [("booked", "amal")]


def test_after_the_reservation_anyone_who_qualifies_is_offered() -> None:
    router = router_with(A, B)
    router.set_available(B, now=T)
    router.join(CallerId("booked"), AR, reserved_for=A, reserved_until=T + 300, now=T + 1)
    assert router.next_deadline() is not None
    assert offers(router.tick(now=T + 299)) == []
    assert offers(router.tick(now=T + 300)) == [("booked", "bo")]


def test_the_booked_adviser_takes_their_booking_before_an_older_caller() -> None:
    router = router_with(A)
    router.join(CallerId("early"), AR, now=T)
    router.join(CallerId("booked"), AR, reserved_for=A, reserved_until=T + 900, now=T + 60)
    assert offers(router.set_available(A, now=T + 61)) == [("booked", "amal")]


def test_another_adviser_takes_the_older_caller_meanwhile() -> None:
    router = router_with(A, B)
    router.join(CallerId("early"), AR, now=T)
    router.join(CallerId("booked"), AR, reserved_for=A, reserved_until=T + 900, now=T + 60)
    assert offers(router.set_available(B, now=T + 61)) == [("early", "bo")]


def test_a_booked_adviser_who_declines_gets_another_caller_first_then_the_booking_again() -> None:
    router = router_with(A)
    router.join(CallerId("booked"), AR, reserved_for=A, reserved_until=T + 900, now=T)
    router.join(CallerId("walk_in"), AR, now=T + 1)
    router.set_available(A, now=T + 2)  # offered "booked"
    assert offers(router.decline(A, CallerId("booked"), now=T + 3)) == [("walk_in", "amal")]
    router.accept(A, CallerId("walk_in"), now=T + 4)
    router.end_call(CallerId("walk_in"), now=T + 100)
    # The booking is the only caller amal may take: offered again (a new round).
    assert offers(router.ready(A, now=T + 101)) == [("booked", "amal")]


def test_a_booked_adviser_without_the_language_waits_out_the_reservation() -> None:
    router = router_with(A, languages={SV: "native"})
    router.sign_in(B, {AR: "native"}, now=T)
    router.set_available(A, now=T)
    router.set_available(B, now=T)
    effects = router.join(CallerId("booked"), AR, reserved_for=A, reserved_until=T + 60, now=T)
    assert offers(effects) == []
    assert offers(router.tick(now=T + 60)) == [("booked", "bo")]


def test_the_reservation_is_spent_once_the_call_connects() -> None:
    router = router_with(A, B)
    router.join(CallerId("booked"), AR, reserved_for=A, reserved_until=T + 900, now=T)
    router.set_available(A, now=T + 1)
    router.accept(A, CallerId("booked"), now=T + 2)
    router.set_available(B, now=T + 3)
    effects = router.sign_out(A, now=T + 10)  # amal's machine died: the caller is requeued
    assert [e for e in effects if isinstance(e, CallerRequeued)]
    assert ("booked", "bo") in offers(effects)


def test_credit_ranks_a_booked_caller_ahead_of_later_callers_only() -> None:
    """A booked caller joins with joined_at = now - credit: bounded priority."""
    router = router_with(A)
    router.join(CallerId("long_wait"), AR, now=T)  # waited 15 min by T + 900
    router.join(CallerId("short_wait"), AR, now=T + 600)  # waited 5 min
    router.join(CallerId("booked"), AR, joined_at=T + 900 - 600, now=T + 900)
    assert [w.caller for w in router.waiting_callers()] == ["long_wait", "booked", "short_wait"]
    assert router.position_of(CallerId("booked"), now=T + 900) is not None
    assert offers(router.set_available(A, now=T + 901)) == [("long_wait", "amal")]


def test_a_reserved_caller_who_leaves_is_forgotten_by_the_adviser() -> None:
    router = router_with(A)
    router.join(CallerId("booked"), AR, reserved_for=A, reserved_until=T + 900, now=T)
    router.leave(CallerId("booked"), now=T + 5)
    router.join(CallerId("walk_in"), AR, now=T + 6)
    assert offers(router.set_available(A, now=T + 7)) == [("walk_in", "amal")]
    assert router.caller_state(CallerId("booked")) is None
    assert router.caller_state(CallerId("walk_in")) is CallerState.OFFERED


def test_take_next_gives_a_pulling_adviser_their_booking_first() -> None:
    router = router_with(A)
    router.join(CallerId("early"), AR, now=T)
    router.join(CallerId("booked"), AR, reserved_for=A, reserved_until=T + 900, now=T + 1)
    assert offers(router.take_next(A, now=T + 2)) == [("booked", "amal")]
