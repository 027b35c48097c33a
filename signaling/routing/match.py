"""Who may be offered whom: the match index and its two searches. Private to
:mod:`signaling.routing`.

Both searches, the best caller for a free adviser and the best free adviser for a caller, use one
eligibility rule (see :func:`qualifies`), so they never disagree about a pair:

* the caller's active escalation step (by wait since ``joined_at``) sets ``min_level`` and whether
  fallback languages count;
* the adviser must reach ``min_level`` in the caller's language, or in a fallback when they count;
* topics must match (``None`` on either side matches anything);
* the caller must be connected (a disconnected kiosk keeps its place but is not offered);
* a caller reserved for a booked adviser (``Caller.reserved_at``) may be offered to that adviser
  only, whatever their level in the caller's language, until the reservation ends; and that
  adviser is offered their reserved callers before anyone else (docs/booking.md §Routing).

Advisers who declined or missed this caller in the current round (``Caller.tried``) are passed over
while an alternative exists; see :mod:`signaling.routing` for the round rule.

:class:`MatchIndex` owns the free advisers per language (longest idle first), the callers per
fallback language, and the parties changed since the last match; it reads the queues per language,
which :class:`~signaling.routing.positions.Positions` owns.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass

from signaling.errors import LocalProtocolError
from signaling.messages import Level, level_at_least
from signaling.routing.records import Adviser, Caller, IdleKey, QueueKey, SortedKeys
from signaling.routing.vocabulary import (
    AdviserId,
    AdviserState,
    CallerId,
    CallerState,
    EscalationStep,
    Language,
    RoutingRules,
)


def topic_ok(topics: frozenset[str] | None, topic: str | None) -> bool:
    return topics is None or topic is None or topic in topics


def level_ok(step: EscalationStep, level: Level, via_fallback: bool) -> bool:
    return (step.include_fallbacks or not via_fallback) and level_at_least(level, step.min_level)


def reserved_ok(adviser: Adviser, caller: Caller) -> bool:
    """Whether the adviser a caller is reserved for may take them: connected, and the adviser
    has the caller's language at all (they published the slot, so their level is not asked)."""
    return caller.connected and caller.language in adviser.languages


def qualifies(rules: RoutingRules, adviser: Adviser, caller: Caller, now: float) -> bool:
    """Whether ``adviser`` may be offered ``caller`` at ``now`` (rounds and availability aside)."""
    reserved = caller.reserved_at(now)
    if reserved is not None:
        return reserved == adviser.id and reserved_ok(adviser, caller)
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


class MatchIndex:
    """Free advisers and fallback callers per language, the dirty parties, and the searches."""

    def __init__(
        self,
        rules: RoutingRules,
        *,
        callers: dict[CallerId, Caller],
        advisers: dict[AdviserId, Adviser],
        queues: dict[Language, SortedKeys[QueueKey]],
    ) -> None:
        self._rules = rules
        self._callers = callers  # read only: owned by Transitions
        self._advisers = advisers
        self._queues = queues  # read only: owned by Positions
        self._fallbacks: dict[Language, SortedKeys[QueueKey]] = {}
        self._free: dict[Language, SortedKeys[IdleKey]] = {}
        self._reserved: dict[AdviserId, SortedKeys[QueueKey]] = {}  # waiting, reserved callers
        self._dirty_callers: set[CallerId] = set()
        self._dirty_advisers: set[AdviserId] = set()

    # --- the index -----------------------------------------------------------------------------

    def add_free(self, a: Adviser, idle: IdleKey) -> None:
        for lang in a.languages:
            self._free.setdefault(lang, SortedKeys()).add(idle)
        self._dirty_advisers.add(a.id)

    def remove_free(self, a: Adviser, idle: IdleKey) -> None:
        for lang in a.languages:
            self._free[lang].discard(idle)

    def free_count(self, language: Language) -> int:
        return len(self._free.get(language, ()))

    def add_fallbacks(self, c: Caller) -> None:
        for lang in c.fallbacks:
            self._fallbacks.setdefault(lang, SortedKeys()).add(c.key)

    def remove_fallbacks(self, c: Caller) -> None:
        for lang in c.fallbacks:
            self._fallbacks[lang].discard(c.key)

    def add_reserved(self, c: Caller) -> None:
        if c.reserved_for is not None:
            self._reserved.setdefault(c.reserved_for, SortedKeys()).add(c.key)

    def remove_reserved(self, c: Caller) -> None:
        keys = self._reserved.get(c.reserved_for) if c.reserved_for is not None else None
        if keys is not None:
            keys.discard(c.key)
            if not keys and c.reserved_for is not None:
                del self._reserved[c.reserved_for]

    # --- what changed --------------------------------------------------------------------------

    def mark_caller(self, caller: CallerId) -> None:
        self._dirty_callers.add(caller)

    def forget_caller(self, caller: CallerId) -> None:
        self._dirty_callers.discard(caller)

    def forget_adviser(self, adviser: AdviserId) -> None:
        self._dirty_advisers.discard(adviser)

    def take_dirty(self) -> tuple[list[Adviser], list[Caller]]:
        """The parties to look at, callers in queue order; the marks are cleared."""
        callers = sorted(
            (self._callers[i] for i in self._dirty_callers if i in self._callers),
            key=lambda c: c.key,
        )
        # A caller whose only free matches already tried them: those advisers decide (they may
        # have someone else to take first), so they are looked at from their side too.
        adviser_ids = set(self._dirty_advisers).union(*(c.tried for c in callers))
        advisers = [self._advisers[i] for i in sorted(adviser_ids) if i in self._advisers]
        self._dirty_callers.clear()
        self._dirty_advisers.clear()
        return advisers, callers

    # --- searches ------------------------------------------------------------------------------

    def next_match(
        self, advisers: list[Adviser], callers: list[Caller], now: float
    ) -> tuple[Caller, Adviser] | None:
        """The oldest caller any of these parties can be matched with, and their adviser."""
        best: Caller | None = None
        for a in advisers:
            if a.state is AdviserState.AVAILABLE:
                c = self._best_caller_for(a, now)
                if c is not None and (best is None or c.key < best.key):
                    best = c
        for c in callers:  # sorted: the first one with an adviser is the oldest
            if best is not None and best.key < c.key:
                break
            waiting = c.state is CallerState.WAITING and c.connected
            if waiting and self._best_adviser_for(c, now, untried_only=True) is not None:
                best = c
                break
        if best is None:
            return None
        adviser = self._best_adviser_for(best, now, untried_only=False)
        if adviser is None:
            raise LocalProtocolError(f"caller {best.id} was matched but has no adviser")
        return best, adviser

    def next_reserved_match(self, now: float) -> tuple[Caller, Adviser] | None:
        """A free adviser with a reserved caller they have not tried, and the first such caller:
        matched before anyone else, so a booked adviser takes their booking first."""
        for adviser_id in sorted(self._reserved):
            a = self._advisers.get(adviser_id)
            if a is not None and a.state is AdviserState.AVAILABLE:
                c = self._reserved_caller_for(a, now).untried
                if c is not None:
                    return c, a
        return None

    def _reserved_caller_for(self, a: Adviser, now: float) -> Found:
        found = Found()
        for key in self._reserved.get(a.id, ()):
            c = self._callers[CallerId(key[3])]
            if c.reserved_at(now) != a.id or not reserved_ok(a, c):
                continue
            if a.id in c.tried:
                found.tried = found.tried or c
                continue
            found.untried = c
            break
        return found

    def caller_for(self, a: Adviser, now: float) -> Caller | None:
        """The caller ``a`` would be given if free now (untried ones first), or None."""
        return self._best_caller_for(a, now)

    def _best_caller_for(self, a: Adviser, now: float) -> Caller | None:
        reserved = self._reserved_caller_for(a, now)
        if reserved.untried is not None:
            return reserved.untried
        found = Found()
        for lang in sorted(a.languages):
            level = a.languages[lang]
            for queues, via_fallback in ((self._queues, False), (self._fallbacks, True)):
                queue = queues.get(lang)
                if queue:
                    found.merge(
                        scan_queue(
                            queue,
                            self._callers,
                            self._rules,
                            a,
                            level,
                            via_fallback=via_fallback,
                            now=now,
                        )
                    )
        return found.untried or reserved.tried or found.tried

    def _best_adviser_for(self, c: Caller, now: float, *, untried_only: bool) -> Adviser | None:
        reserved = c.reserved_at(now)
        if reserved is not None:
            booked = self._advisers.get(reserved)
            if booked is None or booked.state is not AdviserState.AVAILABLE:
                return None
            passed = untried_only and booked.id in c.tried
            return booked if reserved_ok(booked, c) and not passed else None
        step = self._rules.step_at(c.joined_at, now)
        languages = (c.language, *c.fallbacks) if step.include_fallbacks else (c.language,)
        best: IdleKey | None = None
        best_tried: IdleKey | None = None
        for lang in languages:
            free = self._free.get(lang)
            if free:
                untried, tried = scan_free(free, self._advisers, c, lang, step)
                best = _earliest(best, untried)
                best_tried = _earliest(best_tried, tried)
        pick = best if best is not None or untried_only else best_tried
        return self._advisers[AdviserId(pick[2])] if pick is not None else None


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


def _earliest(a: IdleKey | None, b: IdleKey | None) -> IdleKey | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


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
        if caller.reserved_at(now) is not None:
            continue  # only their booked adviser, who looks at them first (next_reserved_match)
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
