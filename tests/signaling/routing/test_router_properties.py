"""Property tests for signaling/routing (the Router): random event sequences, invariants after each.

The test keeps its own small model of what it told the router (who signed in speaking what, who
joined in which order, which adviser passed on which caller) and an independent eligibility oracle,
and checks the router's public answers against them:

* a caller is offered to, or in a call with, at most one adviser, and an adviser has at most one
  caller; adviser and caller states agree on every pairing;
* every joined caller is in exactly one of waiting / offered / in call / held, or was removed once;
* work-conserving: no available adviser qualifies for any waiting, connected caller;
* fair order: an adviser is never offered a caller while an older one (by priority, joined_at,
  arrival) they qualify for, and have not passed on, is waiting; and a booked adviser is offered
  no one else while a caller reserved for them, not passed on, waits (docs/booking.md §Routing);
* booked priority is bounded: a booked caller (who joins with ``joined_at = now - credit``)
  offered to an adviser other than their booked one never overtakes anyone that adviser could
  take who had waited longer than the credit plus the booked caller's own wait;
* no caller starves: with advisers answering, every caller, booked or not, is served in bounded
  time (a test of its own);
* no stale adviser: nobody heard from for the heartbeat timeout is left in a live state;
* no interrupted call outlives its media grace, and only a call in progress is interrupted;
* positions shown to connected waiting callers are the router's current ones, and no
  PositionChanged repeats what the caller was last told;
* an event the state forbids raises IllegalTransition and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from signaling.errors import IllegalTransition
from signaling.messages import LEVEL_RANK
from signaling.routing import (
    AdviserId,
    AdviserState,
    AdviserStateChanged,
    CallConnected,
    CallerId,
    CallerRemoved,
    CallerState,
    Effect,
    Language,
    Level,
    OfferMade,
    OfferRevoked,
    PositionChanged,
    Router,
    RoutingRules,
    WaitingCaller,
)

LANGS = [Language("sv"), Language("ar"), Language("ti")]
ADVISERS = [AdviserId(f"a{n}") for n in range(4)]
RULES = RoutingRules(
    ring_timeout_s=20,
    max_missed_offers=2,
    wrap_up_s=30,
    adviser_grace_s=15,
    caller_grace_s=60,
    heartbeat_timeout_s=100,
    media_grace_s=8,
)
T0 = 1_000_000.0

levels = st.sampled_from(["native", "fluent", "basic"])
skills = st.dictionaries(st.sampled_from(LANGS), levels, min_size=1, max_size=3)
topics = st.none() | st.just(frozenset({"tax"}))


@dataclass
class Model:
    router: Router
    now: float = T0
    skills: dict[AdviserId, tuple[dict[Language, Level], frozenset[str] | None]] = field(
        default_factory=dict
    )
    order: dict[CallerId, int] = field(default_factory=dict)  # arrival order
    arrivals: int = 0
    removed: dict[CallerId, int] = field(default_factory=dict)  # CallerRemoved count
    passed: set[tuple[AdviserId, CallerId]] = field(default_factory=set)  # declined or missed
    heard: dict[AdviserId, float] = field(default_factory=dict)
    shown: dict[CallerId, tuple[int, tuple[int, int] | None]] = field(default_factory=dict)
    reserved: dict[CallerId, tuple[AdviserId, float]] = field(default_factory=dict)
    checked_in: dict[CallerId, tuple[float, float]] = field(default_factory=dict)  # (at, credit)


def reserved_for(m: Model, caller: CallerId) -> AdviserId | None:
    """The booked adviser a caller is reserved for now, from what the model told the router."""
    reservation = m.reserved.get(caller)
    if reservation is None or m.now >= reservation[1]:
        return None
    return reservation[0]


def qualifies(m: Model, adviser: AdviserId, w: WaitingCaller) -> bool:
    """The oracle, written from the rules in the brief, not from the router's code."""
    languages, wanted = m.skills[adviser]
    if not m.router.caller_connected(w.caller):
        return False
    booked_with = reserved_for(m, w.caller)
    if booked_with is not None:  # only the booked adviser, at any level of the language
        return booked_with == adviser and w.language in languages
    if wanted is not None and w.topic is not None and w.topic not in wanted:
        return False
    step = RULES.escalation[0]
    for s in RULES.escalation:
        if w.joined_at + s.after_s <= m.now:
            step = s
    candidates = [w.language, *(w.fallbacks if step.include_fallbacks else ())]
    return any(
        lang in languages and LEVEL_RANK[languages[lang]] >= LEVEL_RANK[step.min_level]
        for lang in candidates
    )


def key(m: Model, w: WaitingCaller) -> tuple[int, float, int]:
    return (-w.priority, w.joined_at, m.order[w.caller])


def snapshot(m: Model) -> object:
    r = m.router
    return (
        r.waiting_callers(),
        [(a, r.adviser_state(a), r.caller_of(a)) for a in ADVISERS],
        [(c, r.caller_state(c), r.adviser_of(c), r.caller_connected(c)) for c in m.order],
        r.next_deadline(),
    )


def check(m: Model, effects: list[Effect], *, direct_offer_to: AdviserId | None) -> None:
    r = m.router
    waiting = {w.caller: w for w in r.waiting_callers()}
    # Pairings agree on both sides; nobody has two.
    paired: dict[CallerId, AdviserId] = {}
    for a in ADVISERS:
        state, c = r.adviser_state(a), r.caller_of(a)
        if state in (AdviserState.OFFERED, AdviserState.IN_CALL):
            assert c is not None
        if c is None:
            continue
        assert c not in paired, f"{c} paired with {paired.get(c)} and {a}"
        paired[c] = a
        assert r.adviser_of(c) == a
        expected = {
            AdviserState.OFFERED: {CallerState.OFFERED},
            AdviserState.IN_CALL: {CallerState.IN_CALL},
            AdviserState.DISCONNECTED: {CallerState.HELD},
        }[state]  # type: ignore[index]
        assert r.caller_state(c) in expected
    # Every caller is in exactly one place, or was removed exactly once.
    for c in m.order:
        where = r.caller_state(c)
        assert m.removed.get(c, 0) == (1 if where is None else 0)
        if where is None:
            continue
        assert (where is CallerState.IN_CALL) != (c in waiting)
        assert (where is CallerState.WAITING) == (r.adviser_of(c) is None)
        if where is not CallerState.WAITING:
            assert paired.get(c) == r.adviser_of(c)
    # Work-conserving.
    free = [a for a in ADVISERS if r.adviser_state(a) is AdviserState.AVAILABLE]
    for w in waiting.values():
        if r.caller_state(w.caller) is CallerState.WAITING:
            for a in free:
                assert not qualifies(m, a, w), f"{a} is free and could take {w.caller}"
    # Fair order of the offers made by this event.
    for offer in (e for e in effects if isinstance(e, OfferMade)):
        if offer.adviser == direct_offer_to:
            continue
        given = waiting[offer.caller]
        given_key = key(m, given)
        booked = reserved_for(m, offer.caller) == offer.adviser
        for w in waiting.values():
            if (
                r.caller_state(w.caller) is not CallerState.WAITING
                or (offer.adviser, w.caller) in m.passed
                or not qualifies(m, offer.adviser, w)
            ):
                continue
            theirs = reserved_for(m, w.caller) == offer.adviser
            if theirs and not booked:
                raise AssertionError(f"{offer.adviser}'s booking {w.caller} was passed over")
            if theirs == booked:
                assert key(m, w) >= given_key, f"{w.caller} was ahead of {offer.caller}"
        check_bounded_credit(m, offer, given, waiting)
    # No stale adviser.
    for a in ADVISERS:
        state = r.adviser_state(a)
        if state not in (None, AdviserState.DISCONNECTED):
            assert m.heard[a] + RULES.heartbeat_timeout_s > m.now
    # Media: an interruption belongs to a call in progress and never outlives its grace.
    for c in m.order:
        until = r.media_grace_until(c)
        if until is not None:
            assert r.caller_state(c) is CallerState.IN_CALL
            assert until > m.now, f"{c}'s media grace ended at {until} but it is still in a call"
    # Positions: told when changed, and what was told is current.
    for c in waiting:
        if r.caller_state(c) is CallerState.WAITING and r.caller_connected(c):
            assert m.shown.get(c) == r.position_of(c, now=m.now)


def check_bounded_credit(
    m: Model, offer: OfferMade, given: WaitingCaller, waiting: dict[CallerId, WaitingCaller]
) -> None:
    """A booked caller offered to someone other than their adviser overtakes nobody that adviser
    could take who has waited longer than the credit plus the booked caller's own wait."""
    if offer.caller not in m.checked_in or reserved_for(m, offer.caller) == offer.adviser:
        return
    at, credit = m.checked_in[offer.caller]
    for w in waiting.values():
        longer = m.now - w.joined_at > credit + (m.now - at)
        if (
            longer
            and w.priority >= given.priority
            and r_waiting(m, w.caller)
            and (offer.adviser, w.caller) not in m.passed
        ):
            assert not qualifies(m, offer.adviser, w), f"booked {offer.caller} overtook {w.caller}"


def r_waiting(m: Model, caller: CallerId) -> bool:
    return m.router.caller_state(caller) is CallerState.WAITING


def record(m: Model, effects: list[Effect], *, resumed: CallerId | None = None) -> None:
    for e in effects:
        if isinstance(e, CallConnected):
            m.reserved.pop(e.caller, None)  # the booking is met
        if isinstance(e, CallerRemoved):
            m.removed[e.caller] = m.removed.get(e.caller, 0) + 1
        elif isinstance(e, OfferRevoked) and e.reason in ("declined", "timeout"):
            m.passed.add((e.adviser, e.caller))
        elif isinstance(e, PositionChanged):
            figures = (e.position, e.wait)
            assert e.caller == resumed or m.shown.get(e.caller) != figures, "repeated position"
            m.shown[e.caller] = figures


@dataclass
class Event:
    kind: str
    adviser: AdviserId
    caller: CallerId
    args: dict[str, object] = field(default_factory=dict)


def draw_event(m: Model, data: st.DataObject, kinds: list[str]) -> Event:
    r = m.router
    kind = data.draw(st.sampled_from(kinds), label="event")
    adviser = data.draw(st.sampled_from(ADVISERS), label="adviser")
    # Callers are new on join (now and then an id already used, which must be refused).
    known = sorted(m.order)
    reuse = known and (kind != "join" or data.draw(st.integers(0, 9), label="reuse") == 0)
    caller = data.draw(st.sampled_from(known), label="caller") if reuse else f"c{len(m.order)}"
    event = Event(kind, adviser, CallerId(caller))
    if kind == "sign_in":
        event.args = {"languages": data.draw(skills), "topics": data.draw(topics)}
    elif kind == "join":
        event.args = {
            "language": data.draw(st.sampled_from(LANGS), label="language"),
            "fallbacks": data.draw(st.lists(st.sampled_from(LANGS), max_size=2), label="fallbacks"),
            "topic": data.draw(st.none() | st.just("tax"), label="topic"),
            "priority": data.draw(st.sampled_from([0, 0, 1]), label="priority"),
        }
        booking = data.draw(st.sampled_from(["none", "none", "credit", "reserved"]), label="booked")
        if booking != "none":  # checked in with a booking: a bounded credit, maybe an adviser
            credit = data.draw(st.sampled_from([60.0, 600.0]), label="credit")
            event.args |= {"priority": 0, "joined_at": m.now - credit}
        if booking == "reserved":
            event.args["reserved_for"] = data.draw(st.sampled_from(ADVISERS), label="booked_with")
            event.args["reserved_until"] = m.now + data.draw(
                st.sampled_from([0.0, 30.0, 300.0]), label="reserved_s"
            )
    elif kind in ("accept", "decline", "transfer"):
        # Mostly legal: pick an adviser in the right state and their own caller.
        state = AdviserState.IN_CALL if kind == "transfer" else AdviserState.OFFERED
        busy = [a for a in ADVISERS if r.adviser_state(a) is state]
        if busy and data.draw(st.integers(0, 4), label="legal") > 0:
            event.adviser = data.draw(st.sampled_from(busy), label="busy")
            event.caller = r.caller_of(event.adviser) or event.caller
        if kind == "transfer":
            event.args = {
                "to_adviser": data.draw(st.none() | st.sampled_from(ADVISERS), label="to"),
                "language": data.draw(st.none() | st.sampled_from(LANGS), label="to_language"),
            }
    elif kind in ("media_stalled", "media_restored"):
        # Mostly on a call in progress, from either side.
        talking = [a for a in ADVISERS if r.adviser_state(a) is AdviserState.IN_CALL]
        if talking and data.draw(st.integers(0, 4), label="legal") > 0:
            talker = data.draw(st.sampled_from(talking), label="talker")
            event.caller = r.caller_of(talker) or event.caller
        event.args = {"silent": data.draw(st.sampled_from(["kiosk", "adviser"]), label="silent")}
    return event


def perform(r: Router, e: Event, now: float) -> list[Effect]:
    if e.kind == "sign_in":
        return r.sign_in(e.adviser, e.args["languages"], topics=e.args["topics"], now=now)  # type: ignore[arg-type]
    if e.kind == "join":
        return r.join(e.caller, now=now, **e.args)  # type: ignore[arg-type]
    if e.kind == "transfer":
        return r.transfer(e.adviser, e.caller, now=now, **e.args)  # type: ignore[arg-type]
    if e.kind in ("accept", "decline"):
        result: list[Effect] = getattr(r, e.kind)(e.adviser, e.caller, now=now)
        return result
    if e.kind == "set_away":
        return r.set_away(e.adviser, "break", now=now)
    if e.kind == "heartbeat":
        r.heartbeat(e.adviser, now=now)
        return r.tick(now=now)
    if e.kind == "tick":
        return r.tick(now=now)
    if e.kind in ("media_stalled", "media_restored"):
        result = getattr(r, e.kind)(e.caller, now=now, **e.args)
        return result
    target = e.caller if e.kind in CALLER_EVENTS else e.adviser
    result = getattr(r, e.kind)(target, now=now)
    return result


def step(m: Model, data: st.DataObject, kinds: list[str] | None = None) -> None:
    m.now += data.draw(st.sampled_from([0.0, 1.0, 5.0, 19.0, 40.0, 130.0]), label="wait")
    apply(m, draw_event(m, data, kinds or EVENTS))


def apply(m: Model, e: Event) -> None:
    """Feed ``e`` to the router at ``m.now``, keep the model in step, check every invariant."""
    r = m.router
    before = snapshot(m)
    was_alive = r.adviser_state(e.adviser) not in (None, AdviserState.DISCONNECTED)
    try:
        effects = perform(r, e, m.now)
        accepted = True
    except IllegalTransition:
        assert snapshot(m) == before, f"{e.kind} raised but changed the router"
        effects = r.tick(now=m.now)
        accepted = False
    if e.kind == "join" and accepted:  # a new caller, perhaps under a finished one's id
        m.order[e.caller] = m.arrivals = m.arrivals + 1
        m.removed.pop(e.caller, None)
        m.shown.pop(e.caller, None)
        m.passed = {(a, c) for a, c in m.passed if c != e.caller}
        m.reserved.pop(e.caller, None)
        m.checked_in.pop(e.caller, None)
        joined_at = e.args.get("joined_at")
        if isinstance(joined_at, float):
            m.checked_in[e.caller] = (m.now, m.now - joined_at)
        booked_with, until = e.args.get("reserved_for"), e.args.get("reserved_until")
        if isinstance(booked_with, str) and isinstance(until, float):
            m.reserved[e.caller] = (AdviserId(booked_with), until)
    if e.kind == "sign_in" and accepted:
        m.skills[e.adviser] = (e.args["languages"], e.args["topics"])  # type: ignore[assignment]
    heard = e.kind in ("sign_in", "adviser_reconnected", "heartbeat") or (
        e.kind in ADVISER_MESSAGES and accepted and was_alive
    )
    if heard and r.adviser_state(e.adviser) not in (None, AdviserState.DISCONNECTED):
        m.heard[e.adviser] = m.now
    resumed = e.caller if e.kind in ("caller_resumed", "caller_heard") else None
    record(m, effects, resumed=resumed)
    direct = e.args.get("to_adviser") if e.kind == "transfer" else None
    check(m, effects, direct_offer_to=direct)  # type: ignore[arg-type]


CALLER_EVENTS = {"leave", "end_call", "caller_disconnected", "caller_resumed", "caller_heard"}
ADVISER_MESSAGES = {"set_available", "set_away", "accept", "decline", "ready", "transfer"}
EVENTS = [
    "sign_in",
    "set_available",
    "set_available",
    "set_away",
    "sign_out",
    "heartbeat",
    "heartbeat",
    "adviser_disconnected",
    "adviser_reconnected",
    "accept",
    "accept",
    "decline",
    "ready",
    "transfer",
    "join",
    "join",
    "join",
    "leave",
    "end_call",
    "caller_disconnected",
    "caller_resumed",
    "caller_heard",
    "media_stalled",
    "media_stalled",
    "media_restored",
    "tick",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_invariants_hold_after_every_event(data: st.DataObject) -> None:
    m = Model(Router(RULES))
    for _ in range(data.draw(st.integers(5, 60), label="steps")):
        step(m, data)


# Random sequences rarely get as far as a call in progress, so interrupted calls get their own
# test: two calls to start from, then events weighted towards what can happen during a call.
DURING_CALLS = [
    "media_stalled",
    "media_stalled",
    "media_stalled",
    "media_restored",
    "media_restored",
    "tick",
    "tick",
    "heartbeat",
    "heartbeat",
    "caller_heard",
    "end_call",
    "transfer",
    "adviser_disconnected",
    "adviser_reconnected",
    "caller_disconnected",
    "caller_resumed",
    "set_available",
    "ready",
    "join",
    "accept",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_invariants_hold_around_interrupted_calls(data: st.DataObject) -> None:
    m = Model(Router(RULES))
    sv: dict[str, object] = {"languages": {LANGS[0]: "native"}, "topics": None}
    for n, adviser in enumerate(ADVISERS[:3]):
        apply(m, Event("sign_in", adviser, CallerId("-"), sv))
        apply(m, Event("set_available", adviser, CallerId("-")))
        if n < 2:
            join: dict[str, object] = {"language": LANGS[0], "fallbacks": [], "priority": 0}
            apply(m, Event("join", adviser, CallerId(f"c{n}"), join))
            apply(m, Event("accept", adviser, CallerId(f"c{n}")))
    assert [m.router.adviser_state(a) for a in ADVISERS[:2]] == [AdviserState.IN_CALL] * 2
    for _ in range(data.draw(st.integers(3, 40), label="steps")):
        step(m, data, DURING_CALLS)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_no_caller_starves_booked_or_not(data: st.DataObject) -> None:
    """Two advisers answer every offer and talk 30 s. Walk-ins, booked callers with a credit,
    callers reserved for one of them and callers reserved for an adviser who never comes all
    reach an adviser, each within the reservation plus everyone's calls ahead of them."""
    router, now = Router(RULES), T0
    everyone = {lang: "native" for lang in LANGS}
    for adviser in ADVISERS[:2]:
        router.sign_in(adviser, everyone, now=now)  # type: ignore[arg-type]
        router.set_available(adviser, now=now)
    joined: dict[CallerId, float] = {}
    served: dict[CallerId, float] = {}
    talking_since: dict[AdviserId, float] = {}
    kinds = st.sampled_from(["walk_in", "credit", "reserved", "reserved_absent"])
    for n in range(data.draw(st.integers(1, 12), label="callers")):
        now += data.draw(st.sampled_from([0.0, 5.0, 60.0]), label="gap")
        kind, caller = data.draw(kinds, label="kind"), CallerId(f"c{n}")
        for adviser in ADVISERS[:2]:
            router.heartbeat(adviser, now=now)
        args: dict[str, object] = {}
        if kind != "walk_in":
            args["joined_at"] = now - 600.0
        if kind.startswith("reserved"):
            args["reserved_for"] = ADVISERS[0] if kind == "reserved" else ADVISERS[3]
            args["reserved_until"] = now + 300.0
        joined[caller] = now
        effects = router.join(caller, data.draw(st.sampled_from(LANGS)), now=now, **args)  # type: ignore[arg-type]
        answer(router, effects, now, served, talking_since)
    bound = 300.0 + 60.0 * len(joined)  # the reservation, then at most everyone's call ahead
    for _ in range(int(bound // 10) + 10):  # bounded: every caller is served well before the end
        now += 10.0
        for adviser in ADVISERS[:2]:
            router.heartbeat(adviser, now=now)
            if router.adviser_state(adviser) is AdviserState.IN_CALL and (
                now - talking_since[adviser] >= 30.0
            ):
                talker = router.caller_of(adviser)
                assert talker is not None
                answer(router, router.end_call(talker, now=now), now, served, talking_since)
        answer(router, router.tick(now=now), now, served, talking_since)
    assert set(served) == set(joined), f"starved: {sorted(set(joined) - set(served))}"
    for caller, at in served.items():
        assert at - joined[caller] <= bound, f"{caller} waited {at - joined[caller]} s"


def answer(
    router: Router,
    effects: list[Effect],
    now: float,
    served: dict[CallerId, float],
    talking_since: dict[AdviserId, float],
) -> None:
    """Every offer accepted at once; every wrap-up ended at once."""
    pending = list(effects)
    while pending:
        e = pending.pop(0)
        if isinstance(e, OfferMade):
            pending.extend(router.accept(e.adviser, e.caller, now=now))
        elif isinstance(e, CallConnected):
            served.setdefault(e.caller, now)
            talking_since[e.adviser] = now
        elif isinstance(e, AdviserStateChanged) and e.state is AdviserState.WRAP_UP:
            pending.extend(router.ready(e.adviser, now=now))
