"""The router's records and its two searches: the best caller for a free adviser, and the best free
adviser for a caller. Private to :mod:`signaling.routing`; split off to keep that module readable.

Both searches use one eligibility rule (see :func:`qualifies`), so they never disagree about a pair:

* the caller's active escalation step (by wait since ``joined_at``) sets ``min_level`` and whether
  fallback languages count;
* the adviser must reach ``min_level`` in the caller's language, or in a fallback when they count;
* topics must match (``None`` on either side matches anything);
* the caller must be connected (a disconnected kiosk keeps its place but is not offered).

Advisers who declined or missed this caller in the current round (``_Caller.tried``) are passed over
while an alternative exists; see :mod:`signaling.routing` for the round rule.
"""

from __future__ import annotations

import math
from bisect import bisect_left, insort
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from signaling.messages import Level, level_at_least
from signaling.routing_rules import (
    AdviserId,
    AdviserState,
    CallerId,
    CallerState,
    EscalationStep,
    Language,
    Party,
    RoutingRules,
)

# (-priority, joined_at, seq, caller id): higher priority first, then FIFO, then insertion order.
QueueKey = tuple[int, float, int, str]
# (idle_since, seq, adviser id): idle longest first.
IdleKey = tuple[float, int, str]

K = TypeVar("K", QueueKey, IdleKey)


class SortedKeys(Generic[K]):
    """A sorted list of unique keys: O(log n) search, O(n) memmove insert, fast in-order walk."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[K] = []

    def add(self, key: K) -> None:
        insort(self.items, key)

    def discard(self, key: K) -> None:
        i = bisect_left(self.items, key)
        if i < len(self.items) and self.items[i] == key:
            del self.items[i]

    def index(self, key: K) -> int | None:
        i = bisect_left(self.items, key)
        return i if i < len(self.items) and self.items[i] == key else None

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[K]:
        return iter(self.items)


@dataclass(eq=False)
class Caller:
    id: CallerId
    language: Language
    topic: str | None
    fallbacks: tuple[Language, ...]
    priority: int
    joined_at: float
    seq: int
    state: CallerState = CallerState.WAITING
    connected: bool = True
    grace_until: float | None = None  # end of the kiosk's grace while disconnected
    adviser: AdviserId | None = None  # offered to, in call with, or held for
    offer_expires: float | None = None
    escalates_at: float | None = None  # the pending escalation timer
    tried: set[AdviserId] = field(default_factory=set)  # declined or missed, this round
    shown: tuple[int, int, int] | None = None  # last (position, low_s, high_s) emitted
    silent: frozenset[Party] = frozenset()  # in a call: whose media the other side misses
    media_until: float | None = None  # end of the media grace while ``silent``

    @property
    def key(self) -> QueueKey:
        return (-self.priority, self.joined_at, self.seq, self.id)


@dataclass(eq=False)
class Adviser:
    id: AdviserId
    languages: dict[Language, Level]
    topics: frozenset[str] | None
    last_heard: float
    state: AdviserState = AdviserState.SIGNED_OUT
    idle: IdleKey | None = None  # while AVAILABLE, and kept during an offer
    caller: CallerId | None = None  # offered, in call, or held
    missed: int = 0  # offers timed out in a row
    resume: AdviserState | None = None  # state to return to on reconnect
    grace_until: float | None = None
    wrap_until: float | None = None
    call_started: float | None = None
    call_language: Language | None = None
    heartbeat_due: float | None = None  # the pending heartbeat check


def topic_ok(topics: frozenset[str] | None, topic: str | None) -> bool:
    return topics is None or topic is None or topic in topics


def level_ok(step: EscalationStep, level: Level, via_fallback: bool) -> bool:
    return (step.include_fallbacks or not via_fallback) and level_at_least(level, step.min_level)


def qualifies(rules: RoutingRules, adviser: Adviser, caller: Caller, now: float) -> bool:
    """Whether ``adviser`` may be offered ``caller`` at ``now`` (rounds and availability aside)."""
    if not caller.connected or not topic_ok(adviser.topics, caller.topic):
        return False
    step = rules.step_at(caller.joined_at, now)
    own = adviser.languages.get(caller.language)
    if own is not None and level_ok(step, own, False):
        return True
    return any(
        (level := adviser.languages.get(lang)) is not None and level_ok(step, level, True)
        for lang in caller.fallbacks
    )


@dataclass
class Found:
    """The best caller a search found for an adviser, and the best one passed over as tried."""

    untried: Caller | None = None
    tried: Caller | None = None

    def merge(self, other: Found) -> None:
        self.untried = older(self.untried, other.untried)
        self.tried = older(self.tried, other.tried)


def older(a: Caller | None, b: Caller | None) -> Caller | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if a.key < b.key else b


def scan_queue(
    queue: SortedKeys[QueueKey],
    callers: dict[CallerId, Caller],
    rules: RoutingRules,
    adviser: Adviser,
    level: Level,
    *,
    via_fallback: bool,
    now: float,
) -> Found:
    """Walk ``queue`` in order for the first caller ``adviser`` (at ``level``) may take.

    A caller too recent for this level means everyone after them in the same priority band is too:
    escalation only loosens with time (RoutingRules checks that), so the walk jumps past the band.
    """
    items = queue.items
    found = Found()
    i = 0
    while i < len(items):
        key = items[i]
        caller = callers[CallerId(key[3])]
        step = rules.step_at(caller.joined_at, now)
        if not level_ok(step, level, via_fallback):
            i = bisect_left(items, (key[0], math.inf, 0, ""))
            continue
        i += 1
        if not caller.connected or not topic_ok(adviser.topics, caller.topic):
            continue
        if adviser.id in caller.tried:
            found.tried = found.tried or caller
            continue
        found.untried = caller
        break
    return found


def scan_free(
    free: SortedKeys[IdleKey],
    advisers: dict[AdviserId, Adviser],
    caller: Caller,
    language: Language,
    step: EscalationStep,
) -> tuple[IdleKey | None, IdleKey | None]:
    """The longest-idle free adviser who may take ``caller`` in ``language``: (untried, tried)."""
    tried: IdleKey | None = None
    for key in free.items:
        adviser = advisers[AdviserId(key[2])]
        if not level_at_least(adviser.languages[language], step.min_level):
            continue
        if not topic_ok(adviser.topics, caller.topic):
            continue
        if adviser.id in caller.tried:
            tried = tried or key
            continue
        return key, tried
    return None, tried
