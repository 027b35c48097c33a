"""Example tests for signaling/routing (the Router): one or more per rule in the package docstring.

Synchronous, no event loop: time is a float passed in (``T`` plus seconds).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

import pytest

from signaling.errors import ConfigError, IllegalTransition
from signaling.routing import (
    AdviserId,
    AdviserState,
    AdviserStateChanged,
    CallConnected,
    CallEnded,
    CallerId,
    CallerRemoved,
    CallerRequeued,
    CallerState,
    CallHeld,
    CallResumed,
    Effect,
    EscalationStep,
    Language,
    Level,
    MediaInterrupted,
    MediaRestored,
    OfferMade,
    OfferRevoked,
    PositionChanged,
    Router,
    RoutingRules,
)

T = 1_750_000_000.0
SV, AR, TI = Language("sv"), Language("ar"), Language("ti")
E = TypeVar("E")
# Advisers ping every few seconds in real life; tests that jump minutes would need a ping loop, so
# they use a long heartbeat timeout unless heartbeats are what they test.
QUIET = 1e9


def rules(**overrides: float) -> RoutingRules:
    return RoutingRules(**{"heartbeat_timeout_s": QUIET, **overrides})  # type: ignore[arg-type]


def cid(name: str) -> CallerId:
    return CallerId(name)


def aid(name: str) -> AdviserId:
    return AdviserId(name)


def only(effects: list[Effect], kind: type[E]) -> list[E]:
    return [e for e in effects if isinstance(e, kind)]


def offers(effects: list[Effect]) -> list[tuple[str, str]]:
    return [(e.caller, e.adviser) for e in only(effects, OfferMade)]


def staff(
    router: Router,
    name: str,
    languages: Mapping[Language, Level],
    at: float = 0.0,
    topics: frozenset[str] | None = None,
) -> list[Effect]:
    """Sign an adviser in and make them available."""
    effects = router.sign_in(aid(name), languages, topics=topics, now=T + at)
    return effects + router.set_available(aid(name), now=T + at)


def connect(router: Router, caller: str, adviser: str, at: float) -> None:
    router.accept(aid(adviser), cid(caller), now=T + at)


# --- queues and fair order ------------------------------------------------------------------------


def test_join_with_nobody_staffed_queues_with_a_position() -> None:
    router = Router(rules())
    effects = router.join(cid("c1"), SV, now=T)
    assert only(effects, PositionChanged) == [
        PositionChanged(cid("c1"), SV, 1, None)
    ]  # nobody staffed: no estimate (never a made-up range)
    assert router.caller_state(cid("c1")) is CallerState.WAITING


def test_sign_in_starts_away_and_available_gets_the_waiting_caller() -> None:
    router = Router(rules())
    router.join(cid("c1"), SV, now=T)
    effects = router.sign_in(aid("a"), {SV: "native"}, now=T + 1)
    assert only(effects, AdviserStateChanged)[0].state is AdviserState.AWAY
    assert offers(effects) == []
    effects = router.set_available(aid("a"), now=T + 2)
    assert only(effects, OfferMade) == [OfferMade(cid("c1"), aid("a"), T + 22)]
    assert router.adviser_state(aid("a")) is AdviserState.OFFERED
    assert router.caller_of(aid("a")) == "c1"
    assert router.adviser_of(cid("c1")) == "a"


def test_fifo_within_a_language_with_priority_first() -> None:
    router = Router(rules())
    router.join(cid("first"), SV, now=T)
    router.join(cid("second"), SV, now=T + 1)
    router.join(cid("urgent"), SV, priority=1, now=T + 2)
    router.join(cid("same-time"), SV, now=T + 1)  # ties on joined_at go by arrival
    picked = []
    for n in range(4):
        picked += offers(staff(router, f"a{n}", {SV: "fluent"}, at=10 + n))
    assert [c for c, _ in picked] == ["urgent", "first", "second", "same-time"]


def test_the_adviser_idle_longest_gets_the_caller() -> None:
    router = Router(rules())
    staff(router, "late", {SV: "native"}, at=5)
    staff(router, "early", {SV: "native"}, at=1)
    staff(router, "middle", {SV: "native"}, at=3)
    assert offers(router.join(cid("c"), SV, now=T + 10)) == [("c", "early")]


def test_fair_across_queues_the_longest_waiting_caller_goes_first() -> None:
    router = Router(rules())
    router.join(cid("sv1"), SV, now=T + 5)
    router.join(cid("ar1"), AR, now=T)
    router.join(cid("ti1"), TI, now=T - 50)  # waited longest, but the adviser has no Tigrinya
    effects = staff(router, "a", {SV: "native", AR: "fluent"}, at=10)
    assert offers(effects) == [("ar1", "a")]


def test_topics_must_match_when_both_sides_have_them() -> None:
    router = Router(rules())
    router.join(cid("tax"), SV, topic="tax", now=T)
    router.join(cid("any"), SV, now=T + 1)
    assert offers(
        staff(router, "housing", {SV: "native"}, at=2, topics=frozenset({"housing"}))
    ) == [("any", "housing")]
    assert offers(staff(router, "generalist", {SV: "native"}, at=3)) == [("tax", "generalist")]


# --- offers, declines, timeouts -------------------------------------------------------------------


def test_accept_connects_and_end_call_wraps_up_then_frees() -> None:
    router = Router(rules())
    staff(router, "a", {SV: "native"})
    router.join(cid("c"), SV, now=T + 1)
    effects = router.accept(aid("a"), cid("c"), now=T + 3)
    assert only(effects, CallConnected) == [CallConnected(cid("c"), aid("a"))]
    assert router.caller_state(cid("c")) is CallerState.IN_CALL
    effects = router.end_call(cid("c"), now=T + 100)
    assert only(effects, CallEnded) == [CallEnded(cid("c"), aid("a"), "hangup")]
    assert only(effects, CallerRemoved) == [CallerRemoved(cid("c"), "ended")]
    assert only(effects, AdviserStateChanged)[-1] == AdviserStateChanged(
        aid("a"), AdviserState.WRAP_UP, "call_ended", T + 160
    )
    assert router.caller_state(cid("c")) is None
    assert router.next_deadline() is not None
    assert router.tick(now=T + 159) == []
    effects = router.tick(now=T + 160)
    assert only(effects, AdviserStateChanged)[-1].state is AdviserState.AVAILABLE


def test_ready_ends_wrap_up_early_and_takes_the_next_caller() -> None:
    router = Router(rules())
    staff(router, "a", {SV: "native"})
    router.join(cid("c1"), SV, now=T + 1)
    connect(router, "c1", "a", at=2)
    router.join(cid("c2"), SV, now=T + 3)
    router.end_call(cid("c1"), now=T + 50)
    assert offers(router.ready(aid("a"), now=T + 55)) == [("c2", "a")]


def test_decline_keeps_the_place_and_goes_to_the_next_adviser_first() -> None:
    router = Router(rules())
    staff(router, "x", {SV: "native"}, at=0)
    staff(router, "y", {SV: "native"}, at=1)
    router.join(cid("c"), SV, now=T + 2)
    router.join(cid("d"), SV, now=T + 3)  # offered to y
    effects = router.decline(aid("x"), cid("c"), now=T + 4)
    assert only(effects, OfferRevoked) == [OfferRevoked(cid("c"), aid("x"), "declined")]
    # y is busy with d; x is the only free adviser: x gets c again, nobody else can.
    assert offers(effects) == [("c", "x")]


def test_declined_caller_goes_to_another_free_adviser_not_the_decliner() -> None:
    router = Router(rules())
    staff(router, "x", {SV: "native"}, at=0)
    router.join(cid("c"), SV, now=T + 1)  # rings x
    staff(router, "y", {SV: "native"}, at=2)
    effects = router.decline(aid("x"), cid("c"), now=T + 3)
    assert offers(effects) == [("c", "y")]
    # y declines too: the round is over and x, idle longer, is asked again.
    assert offers(router.decline(aid("y"), cid("c"), now=T + 4)) == [("c", "x")]


def test_a_decliner_takes_a_younger_caller_before_the_one_they_declined() -> None:
    router = Router(rules())
    staff(router, "x", {SV: "native"})
    router.join(cid("old"), SV, now=T + 1)
    router.join(cid("young"), SV, now=T + 2)
    effects = router.decline(aid("x"), cid("old"), now=T + 3)
    assert offers(effects) == [("young", "x")]
    assert router.position_of(cid("old"), now=T + 3) is not None
    assert router.position_of(cid("old"), now=T + 3)[0] == 1  # type: ignore[index]


def test_offer_timeout_requeues_and_two_misses_in_a_row_set_away() -> None:
    router = Router(rules(ring_timeout_s=10))
    staff(router, "a", {SV: "native"})
    router.join(cid("c"), SV, now=T)
    assert router.next_deadline() == T + 10
    effects = router.tick(now=T + 10)
    assert only(effects, OfferRevoked) == [OfferRevoked(cid("c"), aid("a"), "timeout")]
    assert offers(effects) == [("c", "a")]  # the only adviser; a new round
    effects = router.tick(now=T + 20)
    assert only(effects, AdviserStateChanged)[-1] == AdviserStateChanged(
        aid("a"), AdviserState.AWAY, "missed_offers", None
    )
    assert router.caller_state(cid("c")) is CallerState.WAITING
    assert router.position_of(cid("c"), now=T + 20) is not None


def test_an_answer_resets_the_missed_offer_count() -> None:
    router = Router(rules(ring_timeout_s=10, max_missed_offers=2))
    staff(router, "a", {SV: "native"})
    router.join(cid("c1"), SV, now=T)
    router.tick(now=T + 10)  # missed once; re-offered
    connect(router, "c1", "a", at=12)
    router.end_call(cid("c1"), now=T + 20)
    router.ready(aid("a"), now=T + 21)
    router.join(cid("c2"), SV, now=T + 22)
    router.tick(now=T + 32)  # missed once again: not yet two in a row
    assert router.adviser_state(aid("a")) is AdviserState.OFFERED


# --- escalation -----------------------------------------------------------------------------------


def test_escalation_lowers_the_level_then_adds_fallbacks() -> None:
    router = Router(rules())
    staff(router, "basic-ti", {TI: "basic"})
    staff(router, "ar-native", {AR: "native"})
    router.join(cid("c"), TI, fallbacks=[AR], now=T)
    assert router.caller_state(cid("c")) is CallerState.WAITING
    assert router.next_deadline() == T + 120
    assert offers(router.tick(now=T + 120)) == [("c", "basic-ti")]
    router.decline(aid("basic-ti"), cid("c"), now=T + 130)  # re-offered: the only match
    router.set_away(aid("basic-ti"), "lunch", now=T + 131)
    assert router.caller_state(cid("c")) is CallerState.WAITING
    assert offers(router.tick(now=T + 240)) == [("c", "ar-native")]


def test_escalation_is_applied_by_any_event_not_only_tick() -> None:
    router = Router(rules())
    staff(router, "basic", {SV: "basic"})
    router.join(cid("c"), SV, now=T)
    # The adapter's timer is late; an unrelated join at 130 s still gives c to the basic adviser.
    effects = router.join(cid("other"), AR, now=T + 130)
    assert offers(effects) == [("c", "basic")]


def test_escalation_rules_must_only_loosen() -> None:
    with pytest.raises(ConfigError):
        RoutingRules(escalation=(EscalationStep(10, "native", False),))
    with pytest.raises(ConfigError):
        RoutingRules(
            escalation=(EscalationStep(0, "basic", False), EscalationStep(60, "native", False))
        )
    with pytest.raises(ConfigError):
        RoutingRules(
            escalation=(EscalationStep(0, "basic", True), EscalationStep(60, "basic", False))
        )
    with pytest.raises(ConfigError):
        RoutingRules(ring_timeout_s=0)


# --- faults ---------------------------------------------------------------------------------------


def test_adviser_lost_during_an_offer_revokes_it_at_once() -> None:
    router = Router(rules())
    staff(router, "x", {SV: "native"}, at=0)
    router.join(cid("c"), SV, now=T + 1)
    staff(router, "y", {SV: "native"}, at=2)
    effects = router.adviser_disconnected(aid("x"), now=T + 3)
    assert only(effects, OfferRevoked) == [OfferRevoked(cid("c"), aid("x"), "disconnected")]
    assert offers(effects) == [("c", "y")]


def test_adviser_lost_mid_call_holds_then_resumes() -> None:
    router = Router(rules())
    staff(router, "a", {SV: "native"})
    router.join(cid("c"), SV, now=T)
    connect(router, "c", "a", at=1)
    effects = router.adviser_disconnected(aid("a"), now=T + 10)
    assert only(effects, CallHeld) == [CallHeld(cid("c"), aid("a"), T + 25)]
    assert router.caller_state(cid("c")) is CallerState.HELD
    effects = router.adviser_reconnected(aid("a"), now=T + 20)
    assert only(effects, CallResumed) == [CallResumed(cid("c"), aid("a"))]
    assert router.caller_state(cid("c")) is CallerState.IN_CALL
    assert router.adviser_state(aid("a")) is AdviserState.IN_CALL
    assert router.tick(now=T + 25) == []  # the stale grace timer does nothing


def test_adviser_lost_mid_call_past_grace_requeues_at_the_head() -> None:
    router = Router(rules())
    staff(router, "a", {SV: "native"})
    router.join(cid("c"), SV, now=T)
    connect(router, "c", "a", at=1)
    router.join(cid("later"), SV, now=T + 5)
    router.adviser_disconnected(aid("a"), now=T + 10)
    effects = router.tick(now=T + 25)
    assert only(effects, CallEnded) == [CallEnded(cid("c"), aid("a"), "adviser_lost")]
    assert only(effects, CallerRequeued) == [CallerRequeued(cid("c"), "adviser_lost")]
    assert router.adviser_state(aid("a")) is None
    assert router.position_of(cid("c"), now=T + 25)[0] == 1  # type: ignore[index]
    assert [w.joined_at for w in router.waiting_callers()] == [T, T + 5]


def test_heartbeat_silence_counts_as_a_disconnect() -> None:
    router = Router(RoutingRules(heartbeat_timeout_s=30, adviser_grace_s=15))
    staff(router, "a", {SV: "native"})
    for t in range(10, 60, 10):
        router.heartbeat(aid("a"), now=T + t)
        router.tick(now=T + t)
    assert router.adviser_state(aid("a")) is AdviserState.AVAILABLE
    effects = router.tick(now=T + 80)
    assert only(effects, AdviserStateChanged)[-1].reason == "heartbeat_timeout"
    assert router.adviser_state(aid("a")) is AdviserState.DISCONNECTED
    assert offers(router.join(cid("c"), SV, now=T + 81)) == []
    router.tick(now=T + 95)
    assert router.adviser_state(aid("a")) is None


def test_reconnect_returns_to_the_previous_state() -> None:
    router = Router(rules())
    staff(router, "a", {SV: "native"})
    router.adviser_disconnected(aid("a"), now=T + 1)
    router.adviser_reconnected(aid("a"), now=T + 2)
    assert router.adviser_state(aid("a")) is AdviserState.AVAILABLE
    router.set_away(aid("a"), "break", now=T + 3)
    router.adviser_disconnected(aid("a"), now=T + 4)
    router.adviser_reconnected(aid("a"), now=T + 5)
    assert router.adviser_state(aid("a")) is AdviserState.AWAY


def test_caller_disconnected_keeps_its_place_but_is_not_offered() -> None:
    router = Router(rules())
    router.join(cid("c1"), SV, now=T)
    router.join(cid("c2"), SV, now=T + 1)
    router.caller_disconnected(cid("c1"), now=T + 2)
    assert offers(staff(router, "a", {SV: "native"}, at=3)) == [("c2", "a")]
    effects = router.caller_resumed(cid("c1"), now=T + 4)
    assert only(effects, PositionChanged)[0].position == 1
    assert offers(staff(router, "b", {SV: "native"}, at=5)) == [("c1", "b")]


def test_caller_disconnected_past_grace_is_abandoned() -> None:
    router = Router(rules(caller_grace_s=60))
    router.join(cid("c1"), SV, now=T)
    router.join(cid("c2"), SV, now=T + 1)
    router.caller_disconnected(cid("c1"), now=T + 2)
    effects = router.tick(now=T + 62)
    assert only(effects, CallerRemoved) == [CallerRemoved(cid("c1"), "abandoned")]
    assert only(effects, PositionChanged)[0] == PositionChanged(cid("c2"), SV, 1, None)


def test_caller_lost_while_ringing_revokes_and_the_adviser_keeps_their_turn() -> None:
    router = Router(rules())
    staff(router, "x", {SV: "native"}, at=0)
    router.join(cid("c"), SV, now=T + 1)
    staff(router, "y", {SV: "native"}, at=2)
    effects = router.caller_disconnected(cid("c"), now=T + 3)
    assert only(effects, OfferRevoked) == [OfferRevoked(cid("c"), aid("x"), "caller_left")]
    assert offers(router.join(cid("d"), SV, now=T + 4)) == [("d", "x")]


# --- silent media (a stopped process, a pulled cable: no FIN) ------------------------------------


def in_call(media_grace_s: float = 8.0, **overrides: float) -> Router:
    """``c`` (joined at T) in a call with ``a`` since T + 1; ``b`` signed in but away."""
    router = Router(rules(media_grace_s=media_grace_s, **overrides))
    staff(router, "a", {SV: "native"})
    router.sign_in(aid("b"), {SV: "native"}, now=T)
    router.join(cid("c"), SV, now=T)
    connect(router, "c", "a", at=1)
    return router


def test_a_stall_report_tells_both_at_once_and_starts_the_media_grace() -> None:
    router = in_call()
    effects = router.media_stalled(cid("c"), silent="adviser", now=T + 10)
    assert effects == [MediaInterrupted(cid("c"), aid("a"), T + 18)]
    assert router.media_grace_until(cid("c")) == T + 18
    assert router.next_deadline() == T + 18
    # A repeat, or the same from the other side, neither re-tells nor extends the grace.
    assert router.media_stalled(cid("c"), silent="adviser", now=T + 12) == []
    assert router.media_grace_until(cid("c")) == T + 18


def test_restored_within_the_grace_cancels_it() -> None:
    router = in_call()
    router.media_stalled(cid("c"), silent="adviser", now=T + 10)
    effects = router.media_restored(cid("c"), silent="adviser", now=T + 14)
    assert effects == [MediaRestored(cid("c"), aid("a"))]
    assert router.media_grace_until(cid("c")) is None
    assert router.tick(now=T + 18) == []  # the stale grace timer does nothing
    assert router.caller_state(cid("c")) is CallerState.IN_CALL
    assert router.media_restored(cid("c"), silent="adviser", now=T + 19) == []  # nothing pending


def test_a_silent_adviser_past_the_grace_requeues_the_caller_at_the_head() -> None:
    router = in_call()
    router.join(cid("later"), SV, now=T + 5)
    router.media_stalled(cid("c"), silent="adviser", now=T + 10)
    assert router.tick(now=T + 17.9) == []
    effects = router.tick(now=T + 18)
    assert only(effects, CallEnded) == [CallEnded(cid("c"), aid("a"), "adviser_silent")]
    assert only(effects, CallerRequeued) == [CallerRequeued(cid("c"), "adviser_silent")]
    assert only(effects, AdviserStateChanged)[0] == AdviserStateChanged(
        aid("a"), AdviserState.AWAY, "media_lost", None
    )
    assert [(w.caller, w.joined_at) for w in router.waiting_callers()] == [
        ("c", T),
        ("later", T + 5),
    ]
    assert router.position_of(cid("c"), now=T + 18)[0] == 1  # type: ignore[index]
    assert router.media_grace_until(cid("c")) is None


def test_a_requeued_caller_is_offered_to_the_next_free_adviser_at_once() -> None:
    router = in_call()
    router.set_available(aid("b"), now=T + 2)
    router.media_stalled(cid("c"), silent="adviser", now=T + 10)
    effects = router.tick(now=T + 18)
    assert offers(effects) == [("c", "b")]
    assert router.adviser_state(aid("a")) is AdviserState.AWAY  # never offered it again


def test_a_silent_kiosk_ends_the_call_and_keeps_its_place_until_heard_from() -> None:
    router = in_call(caller_grace_s=60)
    router.set_available(aid("b"), now=T + 2)
    router.media_stalled(cid("c"), silent="kiosk", now=T + 10)
    effects = router.tick(now=T + 18)
    assert only(effects, CallEnded) == [CallEnded(cid("c"), aid("a"), "kiosk_silent")]
    assert only(effects, CallerRequeued) == [CallerRequeued(cid("c"), "kiosk_silent")]
    assert offers(effects) == []  # not offered while silent
    assert router.adviser_state(aid("a")) is AdviserState.WRAP_UP
    assert router.caller_state(cid("c")) is CallerState.WAITING
    assert router.caller_connected(cid("c")) is False
    assert router.caller_heard(cid("other"), now=T + 19) == []
    assert offers(router.caller_heard(cid("c"), now=T + 20)) == [("c", "b")]
    assert router.caller_heard(cid("c"), now=T + 21) == []  # connected: nothing to do


def test_a_silent_kiosk_that_resumes_on_a_new_connection_is_offered() -> None:
    router = in_call()
    router.media_stalled(cid("c"), silent="kiosk", now=T + 10)
    router.tick(now=T + 18)
    router.caller_disconnected(cid("c"), now=T + 19)  # its socket closes at last: no change
    effects = router.caller_resumed(cid("c"), now=T + 30)
    assert [(e.caller, e.position) for e in only(effects, PositionChanged)] == [("c", 1)]


def test_a_silent_kiosk_never_heard_from_is_abandoned_after_the_caller_grace() -> None:
    router = in_call(caller_grace_s=60)
    router.media_stalled(cid("c"), silent="kiosk", now=T + 10)
    router.tick(now=T + 18)
    assert only(router.tick(now=T + 78), CallerRemoved) == [CallerRemoved(cid("c"), "abandoned")]


def test_both_silent_is_a_path_failure_the_adviser_goes_to_wrap_up() -> None:
    router = in_call()
    router.media_stalled(cid("c"), silent="adviser", now=T + 10)
    assert router.media_stalled(cid("c"), silent="kiosk", now=T + 11) == []
    effects = router.tick(now=T + 18)
    assert only(effects, CallerRequeued) == [CallerRequeued(cid("c"), "adviser_silent")]
    assert router.adviser_state(aid("a")) is AdviserState.WRAP_UP
    # One side restored is not enough to end an interruption both reported.
    router2 = in_call()
    router2.media_stalled(cid("c"), silent="adviser", now=T + 10)
    router2.media_stalled(cid("c"), silent="kiosk", now=T + 11)
    assert router2.media_restored(cid("c"), silent="kiosk", now=T + 12) == []
    assert router2.media_restored(cid("c"), silent="adviser", now=T + 13) == [
        MediaRestored(cid("c"), aid("a"))
    ]


def test_media_reports_outside_a_call_raise_and_change_nothing() -> None:
    router = Router(rules())
    router.join(cid("c"), SV, now=T)
    deadline = router.next_deadline()
    with pytest.raises(IllegalTransition):
        router.media_stalled(cid("c"), silent="adviser", now=T + 1)
    with pytest.raises(IllegalTransition):
        router.media_restored(cid("nobody"), silent="kiosk", now=T + 1)
    assert router.next_deadline() == deadline
    assert router.media_grace_until(cid("c")) is None


def test_a_held_call_ignores_media_reports_and_a_hold_cancels_the_media_grace() -> None:
    router = in_call()
    router.media_stalled(cid("c"), silent="adviser", now=T + 10)
    held = router.adviser_disconnected(aid("a"), now=T + 11)  # the socket closed after all
    assert only(held, CallHeld) == [CallHeld(cid("c"), aid("a"), T + 26)]
    assert router.media_grace_until(cid("c")) is None
    assert router.media_stalled(cid("c"), silent="adviser", now=T + 12) == []
    assert router.tick(now=T + 18) == []  # the media grace no longer applies
    router.adviser_reconnected(aid("a"), now=T + 20)
    assert router.caller_state(cid("c")) is CallerState.IN_CALL
    assert router.media_grace_until(cid("c")) is None


def test_a_hangup_during_the_media_grace_ends_it() -> None:
    router = in_call()
    router.media_stalled(cid("c"), silent="kiosk", now=T + 10)
    router.end_call(cid("c"), now=T + 12)
    assert router.tick(now=T + 18) == []
    assert router.adviser_state(aid("a")) is AdviserState.WRAP_UP


def test_restore_puts_callers_back_disconnected_with_original_joined_at() -> None:
    before = Router(rules())
    before.join(cid("c1"), SV, topic="tax", fallbacks=[AR], now=T)
    before.join(cid("c2"), SV, now=T + 1)
    saved = before.waiting_callers()
    after = Router(rules())
    for w in saved:
        after.restore(
            w.caller,
            w.language,
            topic=w.topic,
            fallbacks=w.fallbacks,
            priority=w.priority,
            joined_at=w.joined_at,
            now=T + 500,
        )
    assert after.waiting_callers() == saved
    assert after.caller_connected(cid("c1")) is False
    assert offers(staff(after, "a", {SV: "native"}, at=501)) == []
    assert offers(after.caller_resumed(cid("c2"), now=T + 502)) == [("c2", "a")]
    assert only(after.tick(now=T + 560), CallerRemoved) == [CallerRemoved(cid("c1"), "abandoned")]


# --- transfer, sign-out -----------------------------------------------------------------------


def test_transfer_to_a_language_keeps_joined_at() -> None:
    router = Router(rules())
    staff(router, "a", {SV: "native"})
    router.join(cid("early"), AR, now=T - 10)
    router.join(cid("c"), SV, now=T)
    connect(router, "c", "a", at=1)
    router.join(cid("late"), AR, now=T + 2)
    effects = router.transfer(aid("a"), cid("c"), language=AR, now=T + 30)
    assert only(effects, CallEnded) == [CallEnded(cid("c"), aid("a"), "transferred")]
    assert only(effects, CallerRequeued) == [CallerRequeued(cid("c"), "transferred")]
    assert router.adviser_state(aid("a")) is AdviserState.WRAP_UP
    assert [w.caller for w in router.waiting_callers()] == ["early", "c", "late"]
    assert router.position_of(cid("c"), now=T + 30)[0] == 2  # type: ignore[index]


def test_transfer_to_an_available_adviser_offers_directly() -> None:
    router = Router(rules())
    staff(router, "a", {SV: "native"})
    router.join(cid("c"), SV, now=T)
    connect(router, "c", "a", at=1)
    staff(router, "b", {AR: "basic"}, at=2)
    effects = router.transfer(aid("a"), cid("c"), to_adviser=aid("b"), now=T + 3)
    assert offers(effects) == [("c", "b")]


def test_transfer_to_a_busy_adviser_raises_and_changes_nothing() -> None:
    router = Router(rules())
    staff(router, "a", {SV: "native"})
    router.sign_in(aid("b"), {SV: "native"}, now=T)
    router.join(cid("c"), SV, now=T)
    connect(router, "c", "a", at=1)
    with pytest.raises(IllegalTransition):
        router.transfer(aid("a"), cid("c"), to_adviser=aid("b"), now=T + 2)
    assert router.caller_state(cid("c")) is CallerState.IN_CALL
    assert router.adviser_state(aid("a")) is AdviserState.IN_CALL


def test_sign_out_mid_call_requeues_the_caller() -> None:
    router = Router(rules())
    staff(router, "a", {SV: "native"})
    router.join(cid("c"), SV, now=T)
    connect(router, "c", "a", at=1)
    effects = router.sign_out(aid("a"), now=T + 2)
    assert only(effects, CallerRequeued) == [CallerRequeued(cid("c"), "adviser_lost")]
    assert only(effects, AdviserStateChanged)[-1].state is AdviserState.SIGNED_OUT
    assert router.adviser_state(aid("a")) is None
    assert router.caller_state(cid("c")) is CallerState.WAITING


def test_leave_while_ringing_frees_the_adviser() -> None:
    router = Router(rules())
    staff(router, "a", {SV: "native"})
    router.join(cid("c"), SV, now=T)
    effects = router.leave(cid("c"), now=T + 1)
    assert only(effects, OfferRevoked) == [OfferRevoked(cid("c"), aid("a"), "caller_left")]
    assert only(effects, CallerRemoved) == [CallerRemoved(cid("c"), "cancelled")]
    assert router.adviser_state(aid("a")) is AdviserState.AVAILABLE


# --- illegal events -------------------------------------------------------------------------------


def test_illegal_events_raise_and_change_nothing() -> None:
    router = Router(rules())
    staff(router, "a", {SV: "native"})
    router.sign_in(aid("b"), {SV: "native"}, now=T)
    router.join(cid("c"), SV, now=T)
    snapshot = (router.waiting_callers(), router.adviser_state(aid("a")))
    cases: list[Callable[[], object]] = [
        lambda: router.accept(aid("b"), cid("c"), now=T + 1),  # not b's offer
        lambda: router.join(cid("c"), SV, now=T + 1),  # already present
        lambda: router.set_available(aid("nobody"), now=T + 1),
        lambda: router.end_call(cid("c"), now=T + 1),  # not in a call
        lambda: router.ready(aid("b"), now=T + 1),  # away, not in wrap-up
        lambda: router.sign_in(aid("a"), {SV: "basic"}, now=T + 1),
        lambda: router.caller_resumed(cid("ghost"), now=T + 1),
    ]
    for bad in cases:
        with pytest.raises(IllegalTransition):
            bad()
    assert (router.waiting_callers(), router.adviser_state(aid("a"))) == snapshot
    assert router.adviser_disconnected(aid("nobody"), now=T + 1) == []
    router.heartbeat(aid("nobody"), now=T + 1)


# --- positions, estimates, stats ------------------------------------------------------------------


def test_positions_are_emitted_on_change_only() -> None:
    router = Router(rules())
    router.join(cid("c1"), SV, now=T)
    router.join(cid("c2"), SV, now=T + 1)
    effects = router.join(cid("c3"), SV, now=T + 2)
    assert [e.caller for e in only(effects, PositionChanged)] == ["c3"]
    assert only(router.join(cid("x"), AR, now=T + 3), PositionChanged) == [
        PositionChanged(cid("x"), AR, 1, None)
    ]
    effects = router.leave(cid("c1"), now=T + 4)
    assert [(e.caller, e.position) for e in only(effects, PositionChanged)] == [
        ("c2", 1),
        ("c3", 2),
    ]


def test_the_estimate_narrows_with_staff_and_learns_handle_times() -> None:
    router = Router(rules())
    for n in range(5):
        router.join(cid(f"c{n}"), SV, now=T + n)
    assert router.position_of(cid("c4"), now=T + 5) == (5, None)  # nobody staffed: no range
    router.sign_in(aid("a"), {SV: "native"}, now=T + 6)
    effects = router.sign_in(aid("b"), {SV: "native"}, now=T + 6)
    assert only(effects, PositionChanged) == []  # away advisers are not staff
    router.set_available(aid("a"), now=T + 6.5)  # takes c0; the rest move up, with a range now
    wide = router.position_of(cid("c4"), now=T + 6.5)
    assert wide is not None and wide[1] is not None
    effects = router.set_available(aid("b"), now=T + 7)
    assert only(effects, PositionChanged)  # one more answered, the rest moved up, staff doubled
    assert router.position_of(cid("c4"), now=T + 7) != wide
    pairs = (("a", "c0"), ("b", "c1"))
    for name, caller in pairs:
        connect(router, caller, name, at=8)
    for _, caller in pairs:
        router.end_call(cid(caller), now=T + 38)
    for name, _ in pairs:
        router.ready(aid(name), now=T + 68)
    assert router.estimator.samples() == 2
    assert router.estimator.mean_handle_time(SV) == 60.0


def test_estimate_for_new_and_queue_stats() -> None:
    router = Router(rules())
    router.join(cid("c1"), SV, now=T)
    router.join(cid("c2"), SV, now=T + 10)
    staff(router, "a", {AR: "native", SV: "basic"}, at=20)
    assert router.estimate_for_new(SV, now=T + 20) == (
        360,
        1680,
    )  # 3rd in line, 1 staffed: 900 s -520 +780
    stats = {s.language: s for s in router.queue_stats(now=T + 30)}
    assert stats[SV].waiting == 2
    assert stats[SV].longest_wait_s == 30
    assert stats[SV].advisers_available == 1
    assert stats[AR].waiting == 0
    assert router.languages_staffed() == [AR, SV]


def test_a_join_that_takes_over_a_held_place_keeps_its_join_time() -> None:
    """A kiosk rejoining without its resume token: the adapter has the old caller leave and the
    new one join with the old ``joined_at``, so it is where the old one was, not at the back."""
    router = Router(rules())
    router.join(cid("old"), SV, now=T)
    router.join(cid("other"), SV, now=T + 5)
    router.caller_disconnected(cid("old"), now=T + 6)
    router.leave(cid("old"), now=T + 7)
    effects = router.join(cid("new"), SV, joined_at=T, now=T + 7)
    assert [w.caller for w in router.waiting_callers()] == [cid("new"), cid("other")]
    assert router.waiting_callers()[0].joined_at == T
    moved = {e.caller: e.position for e in only(effects, PositionChanged)}
    assert moved == {cid("new"): 1, cid("other"): 2}  # the one it went ahead of is told too


def test_a_failed_negotiation_frees_the_adviser_and_the_retry_keeps_the_place() -> None:
    router = Router(rules())
    staff(router, "a", {SV: "native"})
    router.join(cid("c"), SV, now=T)
    connect(router, "c", "a", at=1)
    router.join(cid("later"), SV, now=T + 2)
    effects = router.negotiation_failed(cid("c"), now=T + 3, retry_as=cid("c-again"))
    assert effects[:3] == [
        CallEnded(cid("c"), aid("a"), "negotiation_failed"),
        AdviserStateChanged(aid("a"), AdviserState.AVAILABLE, "negotiation_failed", None),
        CallerRemoved(cid("c"), "failed"),
    ]
    # No wrap-up, and the retry (joined at T) goes before the caller who joined at T + 2.
    assert offers(effects) == [("c-again", "a")]
    assert router.caller_state(cid("c")) is None  # gone for good
    with pytest.raises(IllegalTransition):  # only in an active call
        router.negotiation_failed(cid("later"), now=T + 4)


def test_a_failed_negotiation_without_a_retry_leaves_the_line() -> None:
    router = Router(rules())
    staff(router, "a", {SV: "native"})
    router.join(cid("c"), SV, now=T)
    connect(router, "c", "a", at=1)
    effects = router.negotiation_failed(cid("c"), now=T + 3)
    assert only(effects, CallerRemoved) == [CallerRemoved(cid("c"), "failed")]
    assert (
        router.waiting_callers() == [] and router.adviser_state(aid("a")) is AdviserState.AVAILABLE
    )
