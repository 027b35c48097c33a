"""Property tests for signaling/routing (the Router): random event sequences, invariants after each.

The test keeps its own small model of what it told the router (who signed in speaking what, who
joined in which order, which adviser passed on which caller) and an independent eligibility oracle,
and checks the router's public answers against them:

* a caller is offered to, or in a call with, at most one adviser, and an adviser has at most one
  caller; adviser and caller states agree on every pairing;
* every joined caller is in exactly one of waiting / offered / in call / held, or was removed once;
* work-conserving: no available adviser qualifies for any waiting, connected caller;
* fair order: an adviser is never offered a caller while an older one (by priority, joined_at,
  arrival) they qualify for, and have not passed on, is waiting;
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


def qualifies(m: Model, adviser: AdviserId, w: WaitingCaller) -> bool:
    """The oracle, written from the rules in the brief, not from the router's code."""
    languages, wanted = m.skills[adviser]
    if not m.router.caller_connected(w.caller):
        return False
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
        given_key = key(m, waiting[offer.caller])
        for w in waiting.values():
            if (
                r.caller_state(w.caller) is CallerState.WAITING
                and key(m, w) < given_key
                and (offer.adviser, w.caller) not in m.passed
            ):
                assert not qualifies(m, offer.adviser, w), f"{w.caller} was ahead of {offer.caller}"
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


def record(m: Model, effects: list[Effect], *, resumed: CallerId | None = None) -> None:
    for e in effects:
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
