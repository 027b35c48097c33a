"""Unit tests for signaling/routing/match.py: the eligibility rule and the match index."""

from __future__ import annotations

from signaling.routing.match import MatchIndex, qualifies
from signaling.routing.records import Adviser, Caller, QueueKey, SortedKeys
from signaling.routing.vocabulary import (
    AdviserId,
    AdviserState,
    CallerId,
    EscalationStep,
    Language,
    RoutingRules,
)

SV, AR = Language("sv"), Language("ar")
RULES = RoutingRules(
    escalation=(
        EscalationStep(0.0, "fluent", False),
        EscalationStep(100.0, "basic", False),
        EscalationStep(200.0, "basic", True),
    )
)


def caller(name: str, language: Language, *, joined_at: float = 0.0, seq: int = 1) -> Caller:
    return Caller(CallerId(name), language, None, (SV,), 0, joined_at, seq)


def adviser(name: str, **languages: str) -> Adviser:
    skills = {Language(k): v for k, v in languages.items()}
    return Adviser(AdviserId(name), skills, None, last_heard=0.0)  # type: ignore[arg-type]


def test_the_escalation_step_lowers_the_level_then_adds_fallbacks() -> None:
    c = caller("c1", AR)
    basic_ar, basic_sv = adviser("a1", ar="basic"), adviser("a2", sv="basic")
    assert not qualifies(RULES, basic_ar, c, now=99.0)
    assert qualifies(RULES, basic_ar, c, now=100.0)
    assert not qualifies(RULES, basic_sv, c, now=199.0)
    assert qualifies(RULES, basic_sv, c, now=200.0)


def test_topics_and_connection_must_hold() -> None:
    c = caller("c1", AR)
    a = adviser("a1", ar="native")
    assert qualifies(RULES, a, c, now=0.0)
    a.topics = frozenset({"tax"})
    c.topic = "housing"
    assert not qualifies(RULES, a, c, now=0.0)
    c.topic = None
    c.connected = False
    assert not qualifies(RULES, a, c, now=0.0)


def index_with(
    callers: list[Caller], advisers: list[Adviser]
) -> tuple[MatchIndex, dict[CallerId, Caller]]:
    by_id = {c.id: c for c in callers}
    queues: dict[Language, SortedKeys[QueueKey]] = {}
    for c in callers:
        queues.setdefault(c.language, SortedKeys()).add(c.key)
    index = MatchIndex(RULES, callers=by_id, advisers={a.id: a for a in advisers}, queues=queues)
    for idle, a in enumerate(advisers):
        a.state = AdviserState.AVAILABLE
        index.add_free(a, (float(idle), idle, a.id))
    return index, by_id


def test_the_oldest_caller_goes_to_the_adviser_idle_longest() -> None:
    old, young = caller("old", AR, seq=1), caller("young", AR, joined_at=5.0, seq=2)
    first, second = adviser("first", ar="native"), adviser("second", ar="native")
    index, _ = index_with([young, old], [first, second])
    advisers, callers = index.take_dirty()
    assert [a.id for a in advisers] == ["first", "second"]
    assert index.next_match(advisers, callers, now=10.0) == (old, first)
    assert index.free_count(AR) == 2 and index.free_count(SV) == 0


def test_a_tried_adviser_is_passed_over_while_another_qualifies() -> None:
    c = caller("c1", AR)
    first, second = adviser("first", ar="native"), adviser("second", ar="native")
    c.tried.add(first.id)
    index, _ = index_with([c], [first, second])
    assert index.next_match([first, second], [c], now=0.0) == (c, second)
    index.remove_free(second, (1.0, 1, second.id))
    assert index.next_match([first], [c], now=0.0) == (c, first)  # the only match left
