"""Pull: an away adviser takes the next caller they qualify for (signaling.routing, rule "Pull")."""

from __future__ import annotations

import pytest

from signaling.errors import IllegalTransition
from signaling.routing import (
    AdviserId,
    AdviserState,
    AdviserStateChanged,
    CallerId,
    Language,
    OfferMade,
    Router,
    RoutingRules,
)

T = 1_000.0
SV, AR, SO = Language("sv"), Language("ar"), Language("so")
PULLER = AdviserId("puller")


def router() -> Router:
    return Router(RoutingRules(heartbeat_timeout_s=1e9, ring_timeout_s=20))


def away(r: Router) -> None:
    r.sign_in(PULLER, {AR: "native", SV: "fluent"}, now=T)  # signed in away: no offers


def state(r: Router) -> AdviserState | None:
    return r.adviser_state(PULLER)


def test_the_oldest_caller_they_qualify_for_is_offered() -> None:
    r = router()
    away(r)
    r.join(CallerId("so-1"), SO, now=T + 1)  # older, but not a language they speak
    r.join(CallerId("sv-1"), SV, now=T + 2)
    r.join(CallerId("ar-1"), AR, now=T + 3)
    assert r.adviser_state(PULLER) is AdviserState.AWAY  # nothing offered by itself
    effects = r.take_next(PULLER, now=T + 10)
    assert [(e.caller, e.adviser) for e in effects if isinstance(e, OfferMade)] == [
        ("sv-1", "puller")
    ]
    assert state(r) is AdviserState.OFFERED
    r.accept(PULLER, CallerId("sv-1"), now=T + 11)
    assert state(r) is AdviserState.IN_CALL


def test_nobody_waiting_changes_nothing() -> None:
    r = router()
    away(r)
    r.join(CallerId("so-1"), SO, now=T + 1)
    assert r.take_next(PULLER, now=T + 2) == []
    assert state(r) is AdviserState.AWAY


def test_declined_or_timed_out_the_adviser_is_away_again_not_available() -> None:
    r = router()
    away(r)
    r.join(CallerId("ar-1"), AR, now=T + 1)
    r.take_next(PULLER, now=T + 2)
    effects = r.decline(PULLER, CallerId("ar-1"), now=T + 3)
    assert state(r) is AdviserState.AWAY
    assert [e.reason for e in effects if isinstance(e, AdviserStateChanged)] == ["take_next"]

    r.take_next(PULLER, now=T + 4)  # offered again: they are the only one who can answer
    assert state(r) is AdviserState.OFFERED
    r.tick(now=T + 4 + 21)  # rang out
    assert state(r) is AdviserState.AWAY
    for _ in range(3):  # a pulled offer that rings out is not a missed one
        r.take_next(PULLER, now=T + 100)
        r.tick(now=T + 200)
    assert r.take_next(PULLER, now=T + 300) != []  # still allowed, still away between


def test_a_caller_who_leaves_while_ringing_leaves_the_adviser_away() -> None:
    r = router()
    away(r)
    r.join(CallerId("ar-1"), AR, now=T + 1)
    r.take_next(PULLER, now=T + 2)
    r.leave(CallerId("ar-1"), now=T + 3)
    assert state(r) is AdviserState.AWAY


def test_only_an_away_adviser_pulls() -> None:
    r = router()
    away(r)
    r.set_available(PULLER, now=T)
    with pytest.raises(IllegalTransition):
        r.take_next(PULLER, now=T + 1)


def test_after_a_pulled_call_the_adviser_goes_on_pulling() -> None:
    r = router()
    away(r)
    r.join(CallerId("ar-1"), AR, now=T + 1)
    r.take_next(PULLER, now=T + 2)
    r.accept(PULLER, CallerId("ar-1"), now=T + 3)
    r.end_call(CallerId("ar-1"), now=T + 60)
    assert state(r) is AdviserState.WRAP_UP
    r.join(CallerId("ar-2"), AR, now=T + 61)
    effects = r.ready(PULLER, now=T + 70)
    assert state(r) is AdviserState.AWAY  # not offered ar-2 by itself
    assert not any(isinstance(e, OfferMade) for e in effects)
    r.set_available(PULLER, now=T + 80)  # back to offers whenever they like
    assert state(r) is AdviserState.OFFERED
