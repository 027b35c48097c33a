"""The state and transitions behind :class:`signaling.routing.Router` (read that module's docstring
for the rules). Private: import :mod:`signaling.routing`.

Every public Router method checks its event, changes state through the helpers here (which append
effects to ``_out`` and mark callers, advisers and languages dirty), and ends with :meth:`_settle`:
due timers, then matching, then position updates. Matching only needs to look at dirty parties,
because after each settle no free adviser qualifies for any waiting caller; a pair can only become
possible when one side changed or a caller's escalation step was reached (a timer, so dirty too).
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from typing import Literal

from signaling.errors import LocalProtocolError
from signaling.estimate import WaitEstimator, wait_range
from signaling.routing_match import (
    Adviser,
    Caller,
    Found,
    IdleKey,
    QueueKey,
    SortedKeys,
    scan_free,
    scan_queue,
)
from signaling.routing_rules import (
    AdviserId,
    AdviserState,
    AdviserStateChanged,
    CallEnded,
    CallerId,
    CallerRemoved,
    CallerRequeued,
    CallerState,
    CallHeld,
    CallResumed,
    Effect,
    Language,
    MediaInterrupted,
    MediaRestored,
    OfferMade,
    OfferRevoked,
    Party,
    PositionChanged,
    RoutingRules,
)

# Staffed advisers count towards the wait estimate of their languages.
STAFFED = frozenset(
    {AdviserState.AVAILABLE, AdviserState.OFFERED, AdviserState.IN_CALL, AdviserState.WRAP_UP}
)

TimerKind = Literal[
    "offer", "wrap", "heartbeat", "adviser_grace", "caller_grace", "escalate", "media_grace"
]
Timer = tuple[float, int, TimerKind, str]
FIRST_KEY: QueueKey = (-(2**62), float("-inf"), 0, "")  # sorts before every caller
RevokeReason = Literal["timeout", "caller_left", "declined", "disconnected"]


class RouterCore:
    """State, timers, transitions and matching. No public API of its own."""

    def __init__(self, rules: RoutingRules) -> None:
        self.rules = rules
        self.estimator = WaitEstimator(
            window=rules.handle_time_window, prior_handle_time_s=rules.prior_handle_time_s
        )
        self._callers: dict[CallerId, Caller] = {}
        self._advisers: dict[AdviserId, Adviser] = {}
        self._queues: dict[Language, SortedKeys[QueueKey]] = {}
        self._fallback_queues: dict[Language, SortedKeys[QueueKey]] = {}
        self._free: dict[Language, SortedKeys[IdleKey]] = {}
        self._staffed: dict[Language, int] = {}
        self._timers: list[Timer] = []
        self._seq = 0
        self._out: list[Effect] = []
        self._dirty_callers: set[CallerId] = set()
        self._dirty_advisers: set[AdviserId] = set()
        # Per language, the first queue key whose position or estimate may have moved.
        self._dirty_languages: dict[Language, QueueKey] = {}
        self._ranges: dict[Language, tuple[int, float, list[tuple[int, int]]]] = {}
        self._retell: set[CallerId] = set()  # resumed: emit their position even if unchanged

    def _next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def _settle(self, now: float) -> list[Effect]:
        self._run_timers(now)
        self._dispatch(now)
        self._emit_positions()
        out, self._out = self._out, []
        return out

    # --- lookups -------------------------------------------------------------------------------

    def _caller_of(self, a: Adviser) -> Caller:
        c = self._callers.get(a.caller) if a.caller is not None else None
        if c is None:
            raise LocalProtocolError(f"adviser {a.id} in {a.state} has no caller")
        return c

    def _adviser_of(self, c: Caller) -> Adviser:
        a = self._advisers.get(c.adviser) if c.adviser is not None else None
        if a is None:
            raise LocalProtocolError(f"caller {c.id} in {c.state} has no adviser")
        return a

    def _queue(self, language: Language) -> SortedKeys[QueueKey]:
        return self._queues.get(language) or SortedKeys()

    # --- timers --------------------------------------------------------------------------------

    def _push(self, when: float, kind: TimerKind, ident: str) -> None:
        # Timers are never cancelled: each records the deadline it was set for, and firing checks
        # it is still the one the record holds (a stale timer is dropped).
        heapq.heappush(self._timers, (when, self._next_seq(), kind, ident))

    def _run_timers(self, now: float) -> None:
        budget = 4 * len(self._timers) + 16  # only zero-length graces push due timers; finitely
        while self._timers and self._timers[0][0] <= now:
            budget -= 1
            if budget < 0:
                raise LocalProtocolError("router timers did not settle")
            when, _, kind, ident = heapq.heappop(self._timers)
            self._fire(kind, ident, when, now)

    def _fire(self, kind: TimerKind, ident: str, when: float, now: float) -> None:
        c = self._callers.get(CallerId(ident))
        a = self._advisers.get(AdviserId(ident))
        if kind == "offer" and c and c.state is CallerState.OFFERED and c.offer_expires == when:
            self._offer_timed_out(c, now)
        elif kind == "wrap" and a and a.state is AdviserState.WRAP_UP and a.wrap_until == when:
            self._finish_wrap_up(a, AdviserState.AVAILABLE, "wrap_up_done", now)
        elif kind == "heartbeat" and a and a.heartbeat_due == when:
            a.heartbeat_due = None
            self._check_heartbeat(a, now)
        elif kind == "adviser_grace" and a and a.grace_until == when:
            if a.state is AdviserState.DISCONNECTED:
                self._release_and_sign_out(a, "grace_expired", now)
        elif kind == "caller_grace" and c and not c.connected and c.grace_until == when:
            self._remove(c, "abandoned", now)
        elif kind == "media_grace" and c and c.media_until == when:
            if c.state is CallerState.IN_CALL:
                self._media_lost(c, now)
        elif kind == "escalate" and c and c.escalates_at == when:
            c.escalates_at = None
            if c.state is CallerState.WAITING and c.connected:
                self._dirty_callers.add(c.id)
                self._schedule_escalation(c, now)

    def _schedule_escalation(self, c: Caller, now: float) -> None:
        when = self.rules.next_step_time(c.joined_at, now)
        if when is not None and when != c.escalates_at:
            c.escalates_at = when
            self._push(when, "escalate", c.id)

    def _watch_heartbeat(self, a: Adviser) -> None:
        if a.heartbeat_due is None:
            a.heartbeat_due = a.last_heard + self.rules.heartbeat_timeout_s
            self._push(a.heartbeat_due, "heartbeat", a.id)

    def _check_heartbeat(self, a: Adviser, now: float) -> None:
        if a.state is AdviserState.DISCONNECTED:
            return  # watched again on reconnect
        due = a.last_heard + self.rules.heartbeat_timeout_s
        if due <= now:
            self._disconnect(a, "heartbeat_timeout", now)
        else:
            a.heartbeat_due = due
            self._push(due, "heartbeat", a.id)

    # --- adviser transitions -------------------------------------------------------------------

    def _set_state(
        self,
        a: Adviser,
        state: AdviserState,
        reason: str,
        now: float,
        *,
        until: float | None = None,
        keep_idle: bool = False,
    ) -> None:
        """The one place an adviser's state changes; keeps free lists and staffing in step."""
        if a.state is AdviserState.AVAILABLE and a.idle is not None:
            for lang in a.languages:
                self._free[lang].discard(a.idle)
        if (a.state in STAFFED) != (state in STAFFED):
            for lang in a.languages:
                self._staffed[lang] = self._staffed.get(lang, 0) + (1 if state in STAFFED else -1)
                self._touch(lang, FIRST_KEY)
        a.state = state
        if state is AdviserState.AVAILABLE:
            # An offer the caller walked away from costs the adviser nothing: same turn as before.
            if not (keep_idle and a.idle is not None):
                a.idle = (now, self._next_seq(), a.id)
            for lang in a.languages:
                self._free.setdefault(lang, SortedKeys()).add(a.idle)
            self._dirty_advisers.add(a.id)
        elif state is not AdviserState.OFFERED:
            a.idle = None
        self._out.append(AdviserStateChanged(a.id, state, reason, until))

    def _disconnect(self, a: Adviser, reason: str, now: float) -> None:
        resume = a.state
        if a.state is AdviserState.OFFERED:
            self._revoke(self._caller_of(a), a, "disconnected", now, then=None)
            resume = AdviserState.AVAILABLE
        elif a.state is AdviserState.IN_CALL:
            c = self._caller_of(a)
            self._clear_media(c)  # the adviser grace takes over
            c.state = CallerState.HELD
            self._out.append(CallHeld(c.id, a.id, now + self.rules.adviser_grace_s))
        a.resume = resume
        a.grace_until = now + self.rules.adviser_grace_s
        self._push(a.grace_until, "adviser_grace", a.id)
        self._set_state(a, AdviserState.DISCONNECTED, reason, now)

    def _reconnect(self, a: Adviser, now: float) -> None:
        resume, a.resume, a.grace_until = a.resume, None, None
        if resume is AdviserState.IN_CALL and a.caller is not None:
            c = self._caller_of(a)
            c.state = CallerState.IN_CALL
            self._set_state(a, AdviserState.IN_CALL, "reconnected", now)
            self._out.append(CallResumed(c.id, a.id))
        elif resume in (AdviserState.WRAP_UP, AdviserState.IN_CALL):
            # In wrap-up when they left, or their call ended while they were gone.
            if a.wrap_until is None:
                a.wrap_until = now + self.rules.wrap_up_s
                self._push(a.wrap_until, "wrap", a.id)
            if a.wrap_until <= now:
                self._finish_wrap_up(a, AdviserState.AVAILABLE, "wrap_up_done", now)
            else:
                self._set_state(a, AdviserState.WRAP_UP, "reconnected", now, until=a.wrap_until)
        elif resume is AdviserState.AVAILABLE:
            self._set_state(a, AdviserState.AVAILABLE, "reconnected", now)
        else:
            self._set_state(a, AdviserState.AWAY, "reconnected", now)
        self._watch_heartbeat(a)

    def _release_and_sign_out(self, a: Adviser, reason: str, now: float) -> None:
        if a.state is AdviserState.OFFERED:
            self._revoke(self._caller_of(a), a, "disconnected", now, then=None)
        elif a.caller is not None:  # in a call, or gone with the call held
            self._requeue_lost(self._caller_of(a), a, now)
        elif a.state is AdviserState.WRAP_UP:
            self._record_handle_time(a, now)
        self._set_state(a, AdviserState.SIGNED_OUT, reason, now)
        del self._advisers[a.id]
        self._dirty_advisers.discard(a.id)

    def _start_wrap_up(self, a: Adviser, now: float) -> None:
        a.wrap_until = now + self.rules.wrap_up_s
        self._push(a.wrap_until, "wrap", a.id)
        self._set_state(a, AdviserState.WRAP_UP, "call_ended", now, until=a.wrap_until)

    def _finish_wrap_up(self, a: Adviser, state: AdviserState, reason: str, now: float) -> None:
        self._record_handle_time(a, now)
        a.wrap_until = None
        self._set_state(a, state, reason, now)

    def _record_handle_time(self, a: Adviser, now: float) -> None:
        """One call's hold on an adviser: from answer to free again, wrap-up included."""
        if a.call_started is not None:
            # Languages short of samples use the all-language mean, so any estimate may move.
            before = {lang: self.estimator.mean_handle_time(lang) for lang in self._queues}
            self.estimator.record(now - a.call_started, a.call_language)
            for lang, mean in before.items():
                if self.estimator.mean_handle_time(lang) != mean:
                    self._touch(lang, FIRST_KEY)
        a.call_started = None
        a.call_language = None

    # --- caller transitions --------------------------------------------------------------------

    def _new_caller(
        self,
        caller: CallerId,
        language: Language,
        topic: str | None,
        fallbacks: tuple[Language, ...],
        priority: int,
        *,
        joined_at: float,
        connected: bool,
        now: float,
    ) -> Caller:
        unique = tuple(dict.fromkeys(f for f in fallbacks if f != language))
        c = Caller(caller, language, topic, unique, priority, joined_at, self._next_seq())
        c.connected = connected
        self._callers[caller] = c
        self._enqueue(c, now)
        return c

    def _enqueue(self, c: Caller, now: float) -> None:
        self._clear_media(c)
        c.state = CallerState.WAITING
        c.adviser = None
        c.offer_expires = None
        self._queues.setdefault(c.language, SortedKeys()).add(c.key)
        for lang in c.fallbacks:
            self._fallback_queues.setdefault(lang, SortedKeys()).add(c.key)
        self._touch(c.language, c.key)
        if c.connected:
            self._dirty_callers.add(c.id)
            self._schedule_escalation(c, now)

    def _dequeue(self, c: Caller) -> None:
        self._queue(c.language).discard(c.key)
        for lang in c.fallbacks:
            self._fallback_queues[lang].discard(c.key)
        self._touch(c.language, c.key)

    def _make_offer(self, c: Caller, a: Adviser, now: float) -> None:
        if c.state is CallerState.WAITING:
            self._dequeue(c)
        if a.id in c.tried:
            c.tried.clear()  # the tried adviser is the only match left: a new round begins
        c.state = CallerState.OFFERED
        c.adviser = a.id
        c.offer_expires = now + self.rules.ring_timeout_s
        self._push(c.offer_expires, "offer", c.id)
        a.caller = c.id
        self._out.append(OfferMade(c.id, a.id, c.offer_expires))
        self._set_state(a, AdviserState.OFFERED, "offer", now)

    def _revoke(
        self,
        c: Caller,
        a: Adviser,
        reason: RevokeReason,
        now: float,
        *,
        then: AdviserState | None,
    ) -> None:
        """Take back a ringing offer: the caller returns to its place; the adviser goes to
        ``then`` (None: the caller of this method sets the adviser's state)."""
        self._out.append(OfferRevoked(c.id, a.id, reason))
        a.caller = None
        if reason in ("declined", "timeout"):
            c.tried.add(a.id)
        self._enqueue(c, now)
        if then is not None:
            self._set_state(a, then, reason, now, keep_idle=reason == "caller_left")

    def _offer_timed_out(self, c: Caller, now: float) -> None:
        a = self._adviser_of(c)
        a.missed += 1
        self._revoke(c, a, "timeout", now, then=None)
        if a.missed >= self.rules.max_missed_offers:
            self._set_state(a, AdviserState.AWAY, "missed_offers", now)
        else:
            self._set_state(a, AdviserState.AVAILABLE, "offer_timeout", now)

    def _end_for_adviser(
        self, c: Caller, a: Adviser, reason: Literal["hangup", "transferred"], now: float
    ) -> None:
        """The call is over for the adviser, who goes to wrap-up (on return, if gone)."""
        self._clear_media(c)
        self._out.append(CallEnded(c.id, a.id, reason))
        a.caller = None
        c.adviser = None
        if a.state is AdviserState.DISCONNECTED:
            a.resume = AdviserState.WRAP_UP
            a.wrap_until = None
        else:
            self._start_wrap_up(a, now)

    def _requeue_lost(self, c: Caller, a: Adviser, now: float) -> None:
        self._out.append(CallEnded(c.id, a.id, "adviser_lost"))
        a.caller = None
        a.call_started = None
        c.tried.clear()
        self._out.append(CallerRequeued(c.id, "adviser_lost"))
        self._enqueue(c, now)

    # --- media liveness (docs/protocol.md §Faults) ---------------------------------------------

    def _media_stalled(self, c: Caller, silent: Party, now: float) -> None:
        if c.state is not CallerState.IN_CALL or silent in c.silent:
            return  # held: the adviser grace runs; a repeat changes nothing
        first = not c.silent
        c.silent = c.silent | {silent}
        if first:
            c.media_until = now + self.rules.media_grace_s
            self._push(c.media_until, "media_grace", c.id)
            self._out.append(MediaInterrupted(c.id, self._adviser_of(c).id, c.media_until))

    def _media_restored(self, c: Caller, silent: Party) -> None:
        if c.state is not CallerState.IN_CALL or silent not in c.silent:
            return
        c.silent = c.silent - {silent}
        if not c.silent:
            c.media_until = None
            self._out.append(MediaRestored(c.id, self._adviser_of(c).id))

    def _clear_media(self, c: Caller) -> None:
        c.silent = frozenset()
        c.media_until = None

    def _media_lost(self, c: Caller, now: float) -> None:
        """The media grace ran out. A silent adviser: the caller is back at the head of the line
        at once, and the adviser is set away (``media_lost``) unless the kiosk was silent too (the
        path between them failed, not one machine: wrap-up). A silent kiosk is treated as gone:
        the adviser's call ends (wrap-up) and the caller keeps its place, not offered, for
        ``caller_grace_s`` until the kiosk is heard from again."""
        a = self._adviser_of(c)
        silent = c.silent
        if "adviser" in silent:
            self._out.append(CallEnded(c.id, a.id, "adviser_silent"))
            a.caller = None
            if silent == {"adviser"}:
                a.call_started = None
                a.call_language = None
                self._set_state(a, AdviserState.AWAY, "media_lost", now)
            else:
                self._start_wrap_up(a, now)
            self._out.append(CallerRequeued(c.id, "adviser_silent"))
        else:
            self._out.append(CallEnded(c.id, a.id, "kiosk_silent"))
            a.caller = None
            self._start_wrap_up(a, now)
            c.connected = False
            c.grace_until = now + self.rules.caller_grace_s
            self._push(c.grace_until, "caller_grace", c.id)
            self._out.append(CallerRequeued(c.id, "kiosk_silent"))
        c.tried.clear()
        self._enqueue(c, now)

    def _remove(self, c: Caller, reason: Literal["cancelled", "abandoned"], now: float) -> None:
        """The caller is gone for good, from whatever state."""
        if c.state is CallerState.WAITING:
            self._dequeue(c)
        elif c.state is CallerState.OFFERED:
            a = self._adviser_of(c)
            self._out.append(OfferRevoked(c.id, a.id, "caller_left"))
            a.caller = None
            self._set_state(a, AdviserState.AVAILABLE, "caller_left", now, keep_idle=True)
        else:
            self._end_for_adviser(c, self._adviser_of(c), "hangup", now)
        self._drop(c, reason)

    def _drop(self, c: Caller, reason: Literal["cancelled", "abandoned", "ended"]) -> None:
        c.state = CallerState.ENDED
        del self._callers[c.id]
        self._dirty_callers.discard(c.id)
        self._out.append(CallerRemoved(c.id, reason))

    # --- matching ------------------------------------------------------------------------------

    def _dispatch(self, now: float) -> None:
        """Offer callers to advisers until no dirty party has a possible match."""
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
        for _ in range(len(self._advisers) + 1):  # each round makes one adviser busy
            match = self._next_match(advisers, callers, now)
            if match is None:
                return
            self._make_offer(*match, now)

    def _next_match(
        self, advisers: list[Adviser], callers: list[Caller], now: float
    ) -> tuple[Caller, Adviser] | None:
        """The oldest caller any dirty party can be matched with, and their adviser."""
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

    def _best_caller_for(self, a: Adviser, now: float) -> Caller | None:
        found = Found()
        for lang in sorted(a.languages):
            level = a.languages[lang]
            for queues, via_fallback in ((self._queues, False), (self._fallback_queues, True)):
                queue = queues.get(lang)
                if queue:
                    found.merge(
                        scan_queue(
                            queue,
                            self._callers,
                            self.rules,
                            a,
                            level,
                            via_fallback=via_fallback,
                            now=now,
                        )
                    )
        return found.untried or found.tried

    def _best_adviser_for(self, c: Caller, now: float, *, untried_only: bool) -> Adviser | None:
        step = self.rules.step_at(c.joined_at, now)
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

    # --- positions -----------------------------------------------------------------------------

    def _touch(self, language: Language, key: QueueKey) -> None:
        """Positions from ``key`` on may have moved (FIRST_KEY: estimates of all may have)."""
        known = self._dirty_languages.get(language)
        if known is None or key < known:
            self._dirty_languages[language] = key

    def _estimate(self, language: Language, position: int) -> tuple[int, int]:
        return self._range_table(language, position)[position - 1]

    def _range_table(self, language: Language, upto: int) -> list[tuple[int, int]]:
        """Wait ranges for positions 1..upto, kept while staffing and mean handle time hold:
        a queue of hundreds then costs a comparison per caller, not a computation."""
        staffed = self._staffed.get(language, 0)
        mean = self.estimator.mean_handle_time(language)
        cached = self._ranges.get(language)
        if cached is None or cached[0] != staffed or cached[1] != mean:
            cached = (staffed, mean, [])
            self._ranges[language] = cached
        table = cached[2]
        table.extend(wait_range(p, staffed, mean) for p in range(len(table) + 1, upto + 1))
        return table

    def _emit_positions(self) -> None:
        """A ``PositionChanged`` to each connected waiting caller whose figures moved."""
        for lang, first in sorted(self._dirty_languages.items()):
            queue = self._queues.get(lang)
            if not queue:
                continue
            items = queue.items
            table = self._range_table(lang, len(items))
            for index in range(bisect_left(items, first), len(items)):
                c = self._callers[CallerId(items[index][3])]
                if not c.connected:
                    continue  # told afresh on resume
                low, high = table[index]
                shown = (index + 1, low, high)
                if c.shown != shown or c.id in self._retell:
                    c.shown = shown
                    self._out.append(PositionChanged(c.id, lang, index + 1, low, high))
        self._dirty_languages.clear()
        self._retell.clear()


def _earliest(a: IdleKey | None, b: IdleKey | None) -> IdleKey | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)
