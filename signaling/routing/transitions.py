"""The state rules behind :class:`signaling.routing.Router` (the rules are in the package
docstring). Private to :mod:`signaling.routing`.

:class:`Transitions` owns the caller and adviser records and is the only part that changes their
states. Each transition appends its effects to ``out``, sets the deadlines it needs on the
:class:`~signaling.routing.timers.Timers`, keeps the match index and the queues in step, and marks
the parties that changed, so that :meth:`Transitions.dispatch` only looks at those: after each
settle no free adviser qualifies for any waiting caller, so a pair can only become possible when
one side changed or a caller's escalation step was reached (a timer, so marked too).

The router validates an event before calling in here; these methods assume it is allowed.
"""

from __future__ import annotations

from typing import Literal

from signaling.errors import LocalProtocolError
from signaling.messages import Level
from signaling.routing.match import MatchIndex
from signaling.routing.positions import Positions
from signaling.routing.records import Adviser, Caller
from signaling.routing.timers import TimerKind, Timers
from signaling.routing.vocabulary import (
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
    Language,
    MediaInterrupted,
    MediaRestored,
    OfferMade,
    OfferRevoked,
    Party,
    RoutingRules,
)

# Staffed advisers count towards the wait estimate of their languages.
STAFFED = frozenset(
    {AdviserState.AVAILABLE, AdviserState.OFFERED, AdviserState.IN_CALL, AdviserState.WRAP_UP}
)
# States that end a pull (take_next): the adviser is free or away again, or gone.
_PULL_ENDS = frozenset({AdviserState.AVAILABLE, AdviserState.AWAY, AdviserState.SIGNED_OUT})
RevokeReason = Literal["timeout", "caller_left", "declined", "disconnected"]


class Transitions:
    """The records, and every change to their states."""

    def __init__(
        self,
        rules: RoutingRules,
        *,
        callers: dict[CallerId, Caller],
        advisers: dict[AdviserId, Adviser],
        timers: Timers,
        index: MatchIndex,
        positions: Positions,
    ) -> None:
        self.rules = rules
        self.callers = callers  # written only here; the other parts read them
        self.advisers = advisers
        self.out: list[Effect] = []
        self._timers = timers
        self._index = index
        self._positions = positions
        self._seq = 0

    def _next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def take_effects(self) -> list[Effect]:
        out, self.out = self.out, []
        return out

    # --- lookups -------------------------------------------------------------------------------

    def caller_of(self, a: Adviser) -> Caller:
        c = self.callers.get(a.caller) if a.caller is not None else None
        if c is None:
            raise LocalProtocolError(f"adviser {a.id} in {a.state} has no caller")
        return c

    def adviser_of(self, c: Caller) -> Adviser:
        a = self.advisers.get(c.adviser) if c.adviser is not None else None
        if a is None:
            raise LocalProtocolError(f"caller {c.id} in {c.state} has no adviser")
        return a

    # --- timers --------------------------------------------------------------------------------

    def fire(self, kind: TimerKind, ident: str, when: float, now: float) -> None:
        """A timer is due: act if its record still waits for this deadline, else drop it."""
        c = self.callers.get(CallerId(ident))
        a = self.advisers.get(AdviserId(ident))
        if kind == "offer" and c and c.state is CallerState.OFFERED and c.offer_expires == when:
            self._offer_timed_out(c, now)
        elif kind == "wrap" and a and a.state is AdviserState.WRAP_UP and a.wrap_until == when:
            self.finish_wrap_up(a, AdviserState.AVAILABLE, "wrap_up_done", now)
        elif kind == "heartbeat" and a and a.heartbeat_due == when:
            a.heartbeat_due = None
            self._check_heartbeat(a, now)
        elif kind == "adviser_grace" and a and a.grace_until == when:
            if a.state is AdviserState.DISCONNECTED:
                self.release_and_sign_out(a, "grace_expired", now)
        elif kind == "caller_grace" and c and not c.connected and c.grace_until == when:
            self.remove(c, "abandoned", now)
        elif kind == "media_grace" and c and c.media_until == when:
            if c.state is CallerState.IN_CALL:
                self._media_lost(c, now)
        elif kind == "reservation" and c and c.reserved_until == when:
            self._end_reservation(c)
        elif kind == "escalate" and c and c.escalates_at == when:
            c.escalates_at = None
            if c.state is CallerState.WAITING and c.connected:
                self._index.mark_caller(c.id)
                self._schedule_escalation(c, now)

    def _end_reservation(self, c: Caller) -> None:
        """The booked adviser's exclusive time is over: anyone who qualifies may take them."""
        if c.state is CallerState.WAITING:
            self._index.remove_reserved(c)
            if c.connected:
                self._index.mark_caller(c.id)
        c.reserved_for = None
        c.reserved_until = None

    def _schedule_escalation(self, c: Caller, now: float) -> None:
        when = self.rules.next_step_time(c.joined_at, now)
        if when is not None and when != c.escalates_at:
            c.escalates_at = when
            self._timers.push(when, "escalate", c.id)

    def _watch_heartbeat(self, a: Adviser) -> None:
        if a.heartbeat_due is None:
            a.heartbeat_due = a.last_heard + self.rules.heartbeat_timeout_s
            self._timers.push(a.heartbeat_due, "heartbeat", a.id)

    def _check_heartbeat(self, a: Adviser, now: float) -> None:
        if a.state is AdviserState.DISCONNECTED:
            return  # watched again on reconnect
        due = a.last_heard + self.rules.heartbeat_timeout_s
        if due <= now:
            self.disconnect(a, "heartbeat_timeout", now)
        else:
            a.heartbeat_due = due
            self._timers.push(due, "heartbeat", a.id)

    def _start_caller_grace(self, c: Caller, now: float) -> None:
        c.connected = False
        c.grace_until = now + self.rules.caller_grace_s
        self._timers.push(c.grace_until, "caller_grace", c.id)

    # --- adviser transitions -------------------------------------------------------------------

    def set_state(
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
            self._index.remove_free(a, a.idle)
        if (a.state in STAFFED) != (state in STAFFED):
            self._positions.staff(a.languages, 1 if state in STAFFED else -1)
        a.state = state
        if state in _PULL_ENDS:
            a.pulled = False
        if state is AdviserState.AVAILABLE:
            # An offer the caller walked away from costs the adviser nothing: same turn as before.
            if not (keep_idle and a.idle is not None):
                a.idle = (now, self._next_seq(), a.id)
            self._index.add_free(a, a.idle)
        elif state is not AdviserState.OFFERED:
            a.idle = None
        self.out.append(AdviserStateChanged(a.id, state, reason, until))

    def sign_in(
        self,
        adviser: AdviserId,
        languages: dict[Language, Level],
        topics: frozenset[str] | None,
        now: float,
    ) -> None:
        a = Adviser(adviser, languages, topics, last_heard=now)
        self.advisers[adviser] = a
        self.set_state(a, AdviserState.AWAY, "signed_in", now)
        self._watch_heartbeat(a)

    def disconnect(self, a: Adviser, reason: str, now: float) -> None:
        resume = a.state
        if a.state is AdviserState.OFFERED:
            self.revoke(self.caller_of(a), a, "disconnected", now, then=None)
            resume = AdviserState.AVAILABLE
        elif a.state is AdviserState.IN_CALL:
            c = self.caller_of(a)
            _clear_media(c)  # the adviser grace takes over
            c.state = CallerState.HELD
            self.out.append(CallHeld(c.id, a.id, now + self.rules.adviser_grace_s))
        a.resume = resume
        a.grace_until = now + self.rules.adviser_grace_s
        self._timers.push(a.grace_until, "adviser_grace", a.id)
        self.set_state(a, AdviserState.DISCONNECTED, reason, now)

    def reconnect(self, a: Adviser, now: float) -> None:
        resume, a.resume, a.grace_until = a.resume, None, None
        if resume is AdviserState.IN_CALL and a.caller is not None:
            c = self.caller_of(a)
            c.state = CallerState.IN_CALL
            self.set_state(a, AdviserState.IN_CALL, "reconnected", now)
            self.out.append(CallResumed(c.id, a.id))
        elif resume in (AdviserState.WRAP_UP, AdviserState.IN_CALL):
            self._back_to_wrap_up(a, now)
        elif resume is AdviserState.AVAILABLE:
            self.set_state(a, AdviserState.AVAILABLE, "reconnected", now)
        else:
            self.set_state(a, AdviserState.AWAY, "reconnected", now)
        self._watch_heartbeat(a)

    def _back_to_wrap_up(self, a: Adviser, now: float) -> None:
        """In wrap-up when they left, or their call ended while they were gone."""
        if a.wrap_until is None:
            a.wrap_until = now + self.rules.wrap_up_s
            self._timers.push(a.wrap_until, "wrap", a.id)
        if a.wrap_until <= now:
            self.finish_wrap_up(a, AdviserState.AVAILABLE, "wrap_up_done", now)
        else:
            self.set_state(a, AdviserState.WRAP_UP, "reconnected", now, until=a.wrap_until)

    def release_and_sign_out(self, a: Adviser, reason: str, now: float) -> None:
        if a.state is AdviserState.OFFERED:
            self.revoke(self.caller_of(a), a, "disconnected", now, then=None)
        elif a.caller is not None:  # in a call, or gone with the call held
            self._requeue_lost(self.caller_of(a), a, now)
        elif a.state is AdviserState.WRAP_UP:
            self._record_handle_time(a, now)
        self.set_state(a, AdviserState.SIGNED_OUT, reason, now)
        del self.advisers[a.id]
        self._index.forget_adviser(a.id)

    def set_available(self, a: Adviser, now: float) -> None:
        """AWAY or WRAP_UP -> AVAILABLE (the missed-offer count starts over from away)."""
        if a.state is AdviserState.AWAY:
            a.missed = 0
            self.set_state(a, AdviserState.AVAILABLE, "available", now)
        elif a.state is AdviserState.WRAP_UP:
            self.finish_wrap_up(a, AdviserState.AVAILABLE, "available", now)

    def set_away(self, a: Adviser, reason: str, now: float) -> None:
        if a.state is AdviserState.OFFERED:
            self.revoke(self.caller_of(a), a, "declined", now, then=None)
        if a.state is AdviserState.WRAP_UP:
            self.finish_wrap_up(a, AdviserState.AWAY, reason, now)
        elif a.state is not AdviserState.AWAY:
            self.set_state(a, AdviserState.AWAY, reason, now)

    def _start_wrap_up(self, a: Adviser, now: float) -> None:
        a.wrap_until = now + self.rules.wrap_up_s
        self._timers.push(a.wrap_until, "wrap", a.id)
        self.set_state(a, AdviserState.WRAP_UP, "call_ended", now, until=a.wrap_until)

    def finish_wrap_up(self, a: Adviser, state: AdviserState, reason: str, now: float) -> None:
        if a.pulled and state is AdviserState.AVAILABLE:  # a puller goes on pulling
            state, reason = AdviserState.AWAY, "take_next"
        self._record_handle_time(a, now)
        a.wrap_until = None
        self.set_state(a, state, reason, now)

    def _record_handle_time(self, a: Adviser, now: float) -> None:
        """One call's hold on an adviser: from answer to free again, wrap-up included."""
        if a.call_started is not None:
            self._positions.record_handle_time(now - a.call_started, a.call_language)
        a.call_started = None
        a.call_language = None

    # --- offers and calls ----------------------------------------------------------------------

    def make_offer(self, c: Caller, a: Adviser, now: float) -> None:
        if c.state is CallerState.WAITING:
            self._dequeue(c)
        if a.id in c.tried:
            c.tried.clear()  # the tried adviser is the only match left: a new round begins
        c.state = CallerState.OFFERED
        c.adviser = a.id
        c.offer_expires = now + self.rules.ring_timeout_s
        self._timers.push(c.offer_expires, "offer", c.id)
        a.caller = c.id
        self.out.append(OfferMade(c.id, a.id, c.offer_expires))
        self.set_state(a, AdviserState.OFFERED, "offer", now)

    def pull(self, a: Adviser, now: float) -> None:
        """An away adviser takes the next caller they qualify for, if anyone waits."""
        c = self._index.caller_for(a, now)
        if c is not None:
            a.pulled = True
            self.make_offer(c, a, now)

    def accept(self, a: Adviser, now: float) -> None:
        c = self.caller_of(a)
        a.missed = 0
        a.call_started = now
        a.call_language = c.language
        c.state = CallerState.IN_CALL
        c.offer_expires = None
        c.tried.clear()
        c.reserved_for = c.reserved_until = None  # the booking is met; a requeue is ordinary
        self.out.append(CallConnected(c.id, a.id))
        self.set_state(a, AdviserState.IN_CALL, "accepted", now)

    def decline(self, a: Adviser, now: float) -> None:
        a.missed = 0
        self.revoke(self.caller_of(a), a, "declined", now, then=AdviserState.AVAILABLE)

    def revoke(
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
        self.out.append(OfferRevoked(c.id, a.id, reason))
        a.caller = None
        if reason in ("declined", "timeout"):
            c.tried.add(a.id)
        self._enqueue(c, now)
        if a.pulled:  # they asked for this one caller, not for offers: away again
            a.pulled = False
            if then is not None:
                self.set_state(a, AdviserState.AWAY, "take_next", now)
            return
        if then is not None:
            self.set_state(a, then, reason, now, keep_idle=reason == "caller_left")

    def _offer_timed_out(self, c: Caller, now: float) -> None:
        a = self.adviser_of(c)
        if a.pulled:
            self.revoke(c, a, "timeout", now, then=AdviserState.AWAY)
            return
        a.missed += 1
        self.revoke(c, a, "timeout", now, then=None)
        if a.missed >= self.rules.max_missed_offers:
            self.set_state(a, AdviserState.AWAY, "missed_offers", now)
        else:
            self.set_state(a, AdviserState.AVAILABLE, "offer_timeout", now)

    def transfer(
        self, a: Adviser, language: Language | None, target: Adviser | None, now: float
    ) -> None:
        """The call ends for ``a``; the caller is offered to ``target`` or back in line."""
        c = self.caller_of(a)
        self.end_for_adviser(c, a, "transferred", now)
        if language is not None:
            c.language = language
            c.fallbacks = tuple(f for f in c.fallbacks if f != language)
        if target is not None:
            self.make_offer(c, target, now)
        else:
            self.out.append(CallerRequeued(c.id, "transferred"))
            self._enqueue(c, now)

    def end_for_adviser(
        self, c: Caller, a: Adviser, reason: Literal["hangup", "transferred"], now: float
    ) -> None:
        """The call is over for the adviser, who goes to wrap-up (on return, if gone)."""
        _clear_media(c)
        self.out.append(CallEnded(c.id, a.id, reason))
        a.caller = None
        c.adviser = None
        if a.state is AdviserState.DISCONNECTED:
            a.resume = AdviserState.WRAP_UP
            a.wrap_until = None
        else:
            self._start_wrap_up(a, now)

    def end_unconnected(self, c: Caller, a: Adviser, now: float) -> None:
        """The call could not be set up (``negotiation_failed``): it ends for both, and the
        adviser is available again at once, behind those idle longer (nothing to wrap up, and no
        handle time: there was no conversation)."""
        _clear_media(c)
        self.out.append(CallEnded(c.id, a.id, "negotiation_failed"))
        a.caller = None
        c.adviser = None
        a.call_started = None
        a.call_language = None
        self.set_state(a, AdviserState.AVAILABLE, "negotiation_failed", now)

    def _requeue_lost(self, c: Caller, a: Adviser, now: float) -> None:
        self.out.append(CallEnded(c.id, a.id, "adviser_lost"))
        a.caller = None
        a.call_started = None
        c.tried.clear()
        self.out.append(CallerRequeued(c.id, "adviser_lost"))
        self._enqueue(c, now)

    # --- callers -------------------------------------------------------------------------------

    def new_caller(
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
        reserved_for: AdviserId | None = None,
        reserved_until: float | None = None,
    ) -> None:
        """In line at its place by ``joined_at``; a disconnected one (restored) gets a grace;
        a booked one may be reserved for their adviser until ``reserved_until``."""
        unique = tuple(dict.fromkeys(f for f in fallbacks if f != language))
        c = Caller(caller, language, topic, unique, priority, joined_at, self._next_seq())
        c.connected = connected
        if reserved_for is not None and reserved_until is not None and reserved_until > now:
            c.reserved_for, c.reserved_until = reserved_for, reserved_until
            self._timers.push(reserved_until, "reservation", c.id)
        self.callers[caller] = c
        self._enqueue(c, now)
        if not connected:
            self._start_caller_grace(c, now)

    def _enqueue(self, c: Caller, now: float) -> None:
        _clear_media(c)
        c.state = CallerState.WAITING
        c.adviser = None
        c.offer_expires = None
        self._positions.add(c)
        self._index.add_fallbacks(c)
        self._index.add_reserved(c)
        if c.connected:
            self._index.mark_caller(c.id)
            self._schedule_escalation(c, now)

    def _dequeue(self, c: Caller) -> None:
        self._positions.remove(c)
        self._index.remove_fallbacks(c)
        self._index.remove_reserved(c)

    def caller_disconnected(self, c: Caller, now: float) -> None:
        if c.state is CallerState.OFFERED:
            self.revoke(c, self.adviser_of(c), "caller_left", now, then=AdviserState.AVAILABLE)
        self._start_caller_grace(c, now)

    def caller_resumed(self, c: Caller, now: float) -> None:
        if c.state is CallerState.WAITING:
            self._positions.retell(c)  # a new connection: tell it where it stands
        if not c.connected:
            c.connected = True
            c.grace_until = None
            if c.state is CallerState.WAITING:
                self._index.mark_caller(c.id)
                self._schedule_escalation(c, now)

    def remove(self, c: Caller, reason: Literal["cancelled", "abandoned"], now: float) -> None:
        """The caller is gone for good, from whatever state."""
        if c.state is CallerState.WAITING:
            self._dequeue(c)
        elif c.state is CallerState.OFFERED:
            a = self.adviser_of(c)
            self.out.append(OfferRevoked(c.id, a.id, "caller_left"))
            a.caller = None
            if a.pulled:
                a.pulled = False
                self.set_state(a, AdviserState.AWAY, "take_next", now)
            else:
                self.set_state(a, AdviserState.AVAILABLE, "caller_left", now, keep_idle=True)
        else:
            self.end_for_adviser(c, self.adviser_of(c), "hangup", now)
        self.drop(c, reason)

    def drop(self, c: Caller, reason: Literal["cancelled", "abandoned", "ended", "failed"]) -> None:
        c.state = CallerState.ENDED
        del self.callers[c.id]
        self._index.forget_caller(c.id)
        self.out.append(CallerRemoved(c.id, reason))

    # --- media liveness (docs/protocol.md §Faults) ---------------------------------------------

    def media_stalled(self, c: Caller, silent: Party, now: float) -> None:
        if c.state is not CallerState.IN_CALL or silent in c.silent:
            return  # held: the adviser grace runs; a repeat changes nothing
        first = not c.silent
        c.silent = c.silent | {silent}
        if first:
            c.media_until = now + self.rules.media_grace_s
            self._timers.push(c.media_until, "media_grace", c.id)
            self.out.append(MediaInterrupted(c.id, self.adviser_of(c).id, c.media_until))

    def media_restored(self, c: Caller, silent: Party) -> None:
        if c.state is not CallerState.IN_CALL or silent not in c.silent:
            return
        c.silent = c.silent - {silent}
        if not c.silent:
            c.media_until = None
            self.out.append(MediaRestored(c.id, self.adviser_of(c).id))

    def _media_lost(self, c: Caller, now: float) -> None:
        """The media grace ran out. A silent adviser: the caller is back at the head of the line
        at once, and the adviser is set away (``media_lost``) unless the kiosk was silent too (the
        path between them failed, not one machine: wrap-up). A silent kiosk is treated as gone:
        the adviser's call ends (wrap-up) and the caller keeps its place, not offered, for
        ``caller_grace_s`` until the kiosk is heard from again."""
        a = self.adviser_of(c)
        silent = c.silent
        a.caller = None
        if "adviser" in silent:
            self.out.append(CallEnded(c.id, a.id, "adviser_silent"))
            if silent == {"adviser"}:
                a.call_started = None
                a.call_language = None
                self.set_state(a, AdviserState.AWAY, "media_lost", now)
            else:
                self._start_wrap_up(a, now)
            self.out.append(CallerRequeued(c.id, "adviser_silent"))
        else:
            self.out.append(CallEnded(c.id, a.id, "kiosk_silent"))
            self._start_wrap_up(a, now)
            self._start_caller_grace(c, now)
            self.out.append(CallerRequeued(c.id, "kiosk_silent"))
        c.tried.clear()
        self._enqueue(c, now)

    # --- matching ------------------------------------------------------------------------------

    def dispatch(self, now: float) -> None:
        """Offer callers to advisers until no changed party has a possible match."""
        for _ in range(len(self.advisers) + 1):  # booked advisers take their bookings first
            reserved = self._index.next_reserved_match(now)
            if reserved is None:
                break
            self.make_offer(*reserved, now)
        advisers, callers = self._index.take_dirty()
        for _ in range(len(self.advisers) + 1):  # each round makes one adviser busy
            match = self._index.next_match(advisers, callers, now)
            if match is None:
                return
            self.make_offer(*match, now)


def _clear_media(c: Caller) -> None:
    c.silent = frozenset()
    c.media_until = None
