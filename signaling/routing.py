"""The queue and routing engine: events in, effects out (docs/protocol.md §Routing).

Pure and deterministic: no clock (every method takes ``now``, a UNIX time), no randomness, no I/O.
The adapter (signaling/switchboard.py) feeds it events, carries out the returned effects in order,
and calls :meth:`Router.tick` at :meth:`Router.next_deadline`.

The rules:

* **Queues.** One per language, ordered by priority (higher first), then ``joined_at``, then arrival
  order. A caller keeps ``joined_at`` through declines, timeouts, a lost adviser and a transfer, so
  they never start over. Their position counts everyone ahead in their language's queue, connected
  or not.
* **Who gets whom.** A pair may be matched when the adviser qualifies for the caller under the
  caller's active escalation step (:func:`signaling.routing_match.qualifies`). Whenever matches are
  possible the oldest caller (by the queue order, across languages) who has a free qualifying
  adviser goes first, to the qualifying adviser idle longest (since sign-in, becoming available, or
  the end of wrap-up).
* **Work-conserving.** After every call into the router no available adviser qualifies for any
  waiting, connected caller. Every method ends by running due timers (escalation steps included)
  and matching, so this holds even if the adapter's timer fires late.
* **Offers and rounds.** An offer rings ``ring_timeout_s``. On decline or timeout the caller keeps
  its place and the adviser joins the caller's *round* (``tried``): tried advisers are passed over
  while the caller has another free qualifying adviser, and the adviser is given another caller
  first if one qualifies. Only when a tried adviser is the one possible match is the caller offered
  to them again, and the round starts over. So "decline" means "not me right now", never "never":
  an adviser who wants no calls sets away. ``max_missed_offers`` timeouts in a row set an adviser
  away with reason ``missed_offers``.
* **Wrap-up.** After a call the adviser is in wrap-up for ``wrap_up_s`` or until ``ready``.
* **Faults.** An adviser who disconnects (or whose heartbeat stops for ``heartbeat_timeout_s``)
  loses a pending offer at once; a call in progress is held for ``adviser_grace_s``. Back in time,
  the call resumes; otherwise the caller is requeued (original ``joined_at``) and the adviser is
  signed out. A kiosk that disconnects keeps its place for ``caller_grace_s`` but is not offered
  meanwhile; after that it is removed as abandoned. :meth:`Router.restore` puts persisted callers
  back the same way.
* **Silent media.** A process stopped or a cable pulled sends no FIN: the connection looks alive
  for the heartbeat timeout. So each side reports when the other's media stalls
  (:meth:`Router.media_stalled`): both are told at once (``MediaInterrupted``) and the call has
  ``media_grace_s`` to recover (:meth:`Router.media_restored`). Past it, a silent adviser's caller
  is requeued at once (original ``joined_at``) and the adviser set away; a silent kiosk is treated
  as gone (the adviser's call ends; the caller keeps its place, not offered, for
  ``caller_grace_s`` until :meth:`Router.caller_heard`). A held call ignores media reports.
* **Position.** Every connected waiting caller gets a ``PositionChanged`` whenever their position or
  wait range changes (:mod:`signaling.estimate`); never when both are unchanged.

An event the current state forbids raises :class:`~signaling.errors.IllegalTransition` before
anything changes. Heartbeat and disconnect of unknown ids are no-ops.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from signaling.errors import ConfigError, IllegalTransition, LocalProtocolError
from signaling.messages import LEVEL_RANK, Level
from signaling.routing_engine import RouterCore
from signaling.routing_match import Adviser, Caller
from signaling.routing_rules import (
    DEFAULT_ESCALATION,
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
    MediaInterrupted,
    MediaRestored,
    OfferMade,
    OfferRevoked,
    Party,
    PositionChanged,
    QueueStats,
    RoutingRules,
    WaitingCaller,
)

__all__ = [
    "DEFAULT_ESCALATION",
    "AdviserId",
    "AdviserState",
    "AdviserStateChanged",
    "CallConnected",
    "CallEnded",
    "CallHeld",
    "CallResumed",
    "CallerId",
    "CallerRemoved",
    "CallerRequeued",
    "CallerState",
    "Effect",
    "EscalationStep",
    "Language",
    "Level",
    "MediaInterrupted",
    "MediaRestored",
    "OfferMade",
    "OfferRevoked",
    "Party",
    "PositionChanged",
    "QueueStats",
    "Router",
    "RoutingRules",
    "WaitingCaller",
]

DEFAULT_RULES = RoutingRules()
_AWAY, _AVAILABLE, _OFFERED = AdviserState.AWAY, AdviserState.AVAILABLE, AdviserState.OFFERED
_IN_CALL, _WRAP_UP = AdviserState.IN_CALL, AdviserState.WRAP_UP


class Router(RouterCore):
    """The routing engine. Every mutating method returns the effects to carry out, in order.

    The state and the transitions behind these methods live in :class:`RouterCore`.
    """

    def __init__(self, rules: RoutingRules = DEFAULT_RULES) -> None:
        super().__init__(rules)

    # --- advisers ------------------------------------------------------------------------------

    def sign_in(
        self,
        adviser: AdviserId,
        languages: Mapping[Language, Level],
        *,
        topics: frozenset[str] | None = None,
        now: float,
    ) -> list[Effect]:
        """Add an adviser, AWAY until :meth:`set_available`."""
        known = self._advisers.get(adviser)
        if known is not None:
            raise IllegalTransition("adviser", known.state, "sign_in")
        for level in languages.values():
            if level not in LEVEL_RANK:
                raise ConfigError(f"unknown language level {level!r}")
        a = Adviser(adviser, dict(languages), topics, last_heard=now)
        self._advisers[adviser] = a
        self._set_state(a, AdviserState.AWAY, "signed_in", now)
        self._watch_heartbeat(a)
        return self._settle(now)

    def set_available(self, adviser: AdviserId, *, now: float) -> list[Effect]:
        """AWAY or WRAP_UP -> AVAILABLE. A no-op when already available."""
        a = self._heard(adviser, "set_available", now, _AWAY, _WRAP_UP, _AVAILABLE)
        if a.state is AdviserState.AWAY:
            a.missed = 0
            self._set_state(a, AdviserState.AVAILABLE, "available", now)
        elif a.state is AdviserState.WRAP_UP:
            self._finish_wrap_up(a, AdviserState.AVAILABLE, "available", now)
        return self._settle(now)

    def set_away(self, adviser: AdviserId, reason: str, *, now: float) -> list[Effect]:
        """Not taking calls. A pending offer is given back as declined. Not allowed mid-call."""
        a = self._heard(adviser, "set_away", now, _AVAILABLE, _OFFERED, _WRAP_UP, _AWAY)
        if a.state is AdviserState.OFFERED:
            self._revoke(self._caller_of(a), a, "declined", now, then=None)
        if a.state is AdviserState.WRAP_UP:
            self._finish_wrap_up(a, AdviserState.AWAY, reason, now)
        elif a.state is not AdviserState.AWAY:
            self._set_state(a, AdviserState.AWAY, reason, now)
        return self._settle(now)

    def sign_out(self, adviser: AdviserId, *, now: float) -> list[Effect]:
        """Remove the adviser in any state: an offer is revoked, a call ends and its caller is
        requeued (``adviser_lost``)."""
        a = self._known_adviser(adviser, "sign_out")
        self._release_and_sign_out(a, "signed_out", now)
        return self._settle(now)

    def heartbeat(self, adviser: AdviserId, *, now: float) -> None:
        """Called on every message from the adviser. Unknown ids are ignored."""
        a = self._advisers.get(adviser)
        if a is not None and a.state is not AdviserState.DISCONNECTED:
            a.last_heard = max(a.last_heard, now)

    def adviser_disconnected(self, adviser: AdviserId, *, now: float) -> list[Effect]:
        """The adviser's connection is gone: offer revoked, call held, sign-out after grace."""
        a = self._advisers.get(adviser)
        if a is not None and a.state is not AdviserState.DISCONNECTED:
            self._disconnect(a, "disconnected", now)
        return self._settle(now)

    def adviser_reconnected(self, adviser: AdviserId, *, now: float) -> list[Effect]:
        """Back within grace: the held call resumes, or the adviser returns to their state before
        (available, away or wrap-up). A no-op for an adviser who never left; an adviser already
        signed out must :meth:`sign_in` again (IllegalTransition)."""
        a = self._known_adviser(adviser, "reconnected")
        a.last_heard = max(a.last_heard, now)
        if a.state is AdviserState.DISCONNECTED:
            self._reconnect(a, now)
        return self._settle(now)

    def accept(self, adviser: AdviserId, caller: CallerId, *, now: float) -> list[Effect]:
        a = self._offered(adviser, caller, "accept", now)
        c = self._caller_of(a)
        a.missed = 0
        a.call_started = now
        a.call_language = c.language
        c.state = CallerState.IN_CALL
        c.offer_expires = None
        c.tried.clear()
        self._out.append(CallConnected(c.id, a.id))
        self._set_state(a, AdviserState.IN_CALL, "accepted", now)
        return self._settle(now)

    def decline(self, adviser: AdviserId, caller: CallerId, *, now: float) -> list[Effect]:
        a = self._offered(adviser, caller, "decline", now)
        a.missed = 0
        self._revoke(self._caller_of(a), a, "declined", now, then=AdviserState.AVAILABLE)
        return self._settle(now)

    def ready(self, adviser: AdviserId, *, now: float) -> list[Effect]:
        """End wrap-up early. A no-op when already available (the wrap-up timer won the race)."""
        a = self._heard(adviser, "ready", now, _WRAP_UP, _AVAILABLE)
        if a.state is AdviserState.WRAP_UP:
            self._finish_wrap_up(a, AdviserState.AVAILABLE, "ready", now)
        return self._settle(now)

    def transfer(
        self,
        adviser: AdviserId,
        caller: CallerId,
        *,
        now: float,
        language: Language | None = None,
        to_adviser: AdviserId | None = None,
    ) -> list[Effect]:
        """End the call for ``adviser`` (who goes to wrap-up) and pass the caller on: offered
        directly to ``to_adviser``, who must be available, or else back in line (in ``language`` if
        given) with the original ``joined_at``, so they do not wait from the start again. If the
        direct offer is declined or times out, the caller is in line like any other."""
        a = self._known_adviser(adviser, "transfer")
        if a.state is not AdviserState.IN_CALL or a.caller != caller:
            raise IllegalTransition("adviser", a.state, "transfer")
        target = self._advisers.get(to_adviser) if to_adviser is not None else None
        if to_adviser is not None and (
            target is None or target is a or target.state is not AdviserState.AVAILABLE
        ):
            raise IllegalTransition("adviser", target.state if target else "signed_out", "transfer")
        self._heard(adviser, "transfer", now, _IN_CALL)
        c = self._caller_of(a)
        self._end_for_adviser(c, a, "transferred", now)
        if language is not None:
            c.language = language
            c.fallbacks = tuple(f for f in c.fallbacks if f != language)
        if target is not None:
            self._make_offer(c, target, now)
        else:
            self._out.append(CallerRequeued(c.id, "transferred"))
            self._enqueue(c, now)
        return self._settle(now)

    # --- callers -------------------------------------------------------------------------------

    def join(
        self,
        caller: CallerId,
        language: Language,
        *,
        topic: str | None = None,
        fallbacks: Sequence[Language] = (),
        priority: int = 0,
        now: float,
    ) -> list[Effect]:
        """Put a caller in line. The effects hold an ``OfferMade`` if an adviser was free, else a
        ``PositionChanged`` for the caller (and for nobody else: joining goes to the back)."""
        if caller in self._callers:
            raise IllegalTransition("caller", self._callers[caller].state, "join")
        self._new_caller(
            caller,
            language,
            topic,
            tuple(fallbacks),
            priority,
            joined_at=now,
            connected=True,
            now=now,
        )
        return self._settle(now)

    def leave(self, caller: CallerId, *, now: float) -> list[Effect]:
        """The kiosk cancels before an answer (waiting, ringing, or held)."""
        c = self._known_caller(caller, "leave")
        if c.state is CallerState.IN_CALL:
            raise IllegalTransition("caller", c.state, "leave")
        self._remove(c, "cancelled", now)
        return self._settle(now)

    def end_call(self, caller: CallerId, *, now: float) -> list[Effect]:
        """Either side hung up: ``CallEnded``, ``CallerRemoved(ended)``, the adviser to wrap-up."""
        c = self._known_caller(caller, "end_call")
        if c.state not in (CallerState.IN_CALL, CallerState.HELD):
            raise IllegalTransition("caller", c.state, "end_call")
        self._end_for_adviser(c, self._adviser_of(c), "hangup", now)
        self._drop(c, "ended")
        return self._settle(now)

    def caller_disconnected(self, caller: CallerId, *, now: float) -> list[Effect]:
        """The kiosk's connection is gone: it keeps its place for ``caller_grace_s`` but is not
        offered meanwhile (a ringing offer is revoked as ``caller_left``)."""
        c = self._callers.get(caller)
        if c is None or not c.connected:
            return self._settle(now)
        if c.state is CallerState.OFFERED:
            self._revoke(c, self._adviser_of(c), "caller_left", now, then=AdviserState.AVAILABLE)
        c.connected = False
        c.grace_until = now + self.rules.caller_grace_s
        self._push(c.grace_until, "caller_grace", c.id)
        return self._settle(now)

    def caller_resumed(self, caller: CallerId, *, now: float) -> list[Effect]:
        """The kiosk is back (same resume token). If still waiting once this call has matched what
        it can, the effects include its ``PositionChanged``, changed or not."""
        c = self._known_caller(caller, "resume")
        if c.state is CallerState.WAITING:
            self._retell.add(c.id)  # a new connection: tell it where it stands
            self._touch(c.language, c.key)
        if not c.connected:
            c.connected = True
            c.grace_until = None
            if c.state is CallerState.WAITING:
                self._dirty_callers.add(c.id)
                self._schedule_escalation(c, now)
        return self._settle(now)

    def caller_heard(self, caller: CallerId, *, now: float) -> list[Effect]:
        """Any message from the kiosk that holds ``caller``. A caller set aside because its media
        went silent, while its connection stayed open, is connected again as on
        :meth:`caller_resumed`; anyone else is left as is."""
        c = self._callers.get(caller)
        if c is None or c.connected:
            return self._settle(now)
        return self.caller_resumed(caller, now=now)

    # --- media liveness ------------------------------------------------------------------------

    def media_stalled(self, caller: CallerId, *, silent: Party, now: float) -> list[Effect]:
        """The other party of ``caller``'s call receives no media from ``silent``. The first report
        on a call yields ``MediaInterrupted`` and starts ``media_grace_s``; a report about the
        other party while it runs only counts that party silent too. Ignored while the call is
        held (the adviser grace decides). IllegalTransition unless in a call."""
        c = self._in_call(caller, "media_stalled")
        self._media_stalled(c, silent, now)
        return self._settle(now)

    def media_restored(self, caller: CallerId, *, silent: Party, now: float) -> list[Effect]:
        """Media from ``silent`` flows again. Once no party is silent: ``MediaRestored`` and the
        grace is off. A no-op if ``silent`` was not reported. IllegalTransition unless in a call."""
        c = self._in_call(caller, "media_restored")
        self._media_restored(c, silent)
        return self._settle(now)

    def restore(
        self,
        caller: CallerId,
        language: Language,
        *,
        topic: str | None,
        fallbacks: Sequence[Language],
        priority: int,
        joined_at: float,
        now: float,
    ) -> list[Effect]:
        """After a restart: back in line with the original ``joined_at``, disconnected, with a
        fresh caller grace in which to :meth:`caller_resumed`."""
        if caller in self._callers:
            raise IllegalTransition("caller", self._callers[caller].state, "restore")
        c = self._new_caller(
            caller,
            language,
            topic,
            tuple(fallbacks),
            priority,
            joined_at=joined_at,
            connected=False,
            now=now,
        )
        c.grace_until = now + self.rules.caller_grace_s
        self._push(c.grace_until, "caller_grace", c.id)
        return self._settle(now)

    # --- time ----------------------------------------------------------------------------------

    def tick(self, *, now: float) -> list[Effect]:
        """Run every deadline due by ``now``. Safe to call at any time, any number of times."""
        return self._settle(now)

    def next_deadline(self) -> float | None:
        """When :meth:`tick` next has work. May be early (a stale timer), never late."""
        return self._timers[0][0] if self._timers else None

    # --- queries -------------------------------------------------------------------------------

    def waiting_callers(self) -> list[WaitingCaller]:
        """Everyone a restart must not lose: waiting, ringing, or held; in queue order."""
        kept = (c for c in self._callers.values() if c.state is not CallerState.IN_CALL)
        return [
            WaitingCaller(c.id, c.language, c.topic, c.fallbacks, c.priority, c.joined_at)
            for c in sorted(kept, key=lambda c: c.key)
        ]

    def caller_state(self, caller: CallerId) -> CallerState | None:
        c = self._callers.get(caller)
        return c.state if c else None

    def media_grace_until(self, caller: CallerId) -> float | None:
        """When an interrupted call ends unless its media comes back; None if not interrupted."""
        c = self._callers.get(caller)
        return c.media_until if c else None

    def caller_connected(self, caller: CallerId) -> bool | None:
        c = self._callers.get(caller)
        return c.connected if c else None

    def adviser_state(self, adviser: AdviserId) -> AdviserState | None:
        a = self._advisers.get(adviser)
        return a.state if a else None

    def adviser_of(self, caller: CallerId) -> AdviserId | None:
        c = self._callers.get(caller)
        return c.adviser if c else None

    def caller_of(self, adviser: AdviserId) -> CallerId | None:
        a = self._advisers.get(adviser)
        return a.caller if a else None

    def position_of(self, caller: CallerId, *, now: float) -> tuple[int, int, int] | None:
        """(position, low_s, high_s) of a waiting caller, else None."""
        c = self._callers.get(caller)
        if c is None or c.state is not CallerState.WAITING:
            return None
        index = self._queue(c.language).index(c.key)
        if index is None:
            raise LocalProtocolError(f"waiting caller {caller} is missing from its queue")
        return (index + 1, *self._estimate(c.language, index + 1))

    def estimate_for_new(self, language: Language, *, now: float) -> tuple[int, int]:
        """The wait range a caller joining ``language`` now would be told."""
        return self._estimate(language, len(self._queue(language)) + 1)

    def queue_stats(self, *, now: float) -> list[QueueStats]:
        """Per language with callers or staff: waiting (incl. ringing), longest wait, advisers."""
        waiting: dict[Language, list[float]] = {}
        for c in self._callers.values():
            if c.state in (CallerState.WAITING, CallerState.OFFERED):
                waiting.setdefault(c.language, []).append(c.joined_at)
        languages = set(waiting) | {lang for lang, n in self._staffed.items() if n > 0}
        return [
            QueueStats(
                language=lang,
                waiting=len(waiting.get(lang, ())),
                longest_wait_s=max(0.0, now - min(waiting[lang])) if lang in waiting else 0.0,
                advisers_available=len(self._free.get(lang, ())),
                advisers_staffed=self._staffed.get(lang, 0),
            )
            for lang in sorted(languages)
        ]

    def languages_staffed(self) -> list[Language]:
        return sorted(lang for lang, n in self._staffed.items() if n > 0)

    # --- lookups that raise ---------------------------------------------------------------------

    def _known_adviser(self, adviser: AdviserId, event: str) -> Adviser:
        a = self._advisers.get(adviser)
        if a is None:
            raise IllegalTransition("adviser", AdviserState.SIGNED_OUT, event)
        return a

    def _heard(self, adviser: AdviserId, event: str, now: float, *allowed: AdviserState) -> Adviser:
        """A message from the adviser, allowed in their state: they are alive as of ``now``."""
        a = self._known_adviser(adviser, event)
        if a.state not in allowed:
            raise IllegalTransition("adviser", a.state, event)
        a.last_heard = max(a.last_heard, now)
        return a

    def _offered(self, adviser: AdviserId, caller: CallerId, event: str, now: float) -> Adviser:
        a = self._known_adviser(adviser, event)
        if a.state is not AdviserState.OFFERED or a.caller != caller:
            raise IllegalTransition("adviser", a.state, event)
        return self._heard(adviser, event, now, _OFFERED)

    def _known_caller(self, caller: CallerId, event: str) -> Caller:
        c = self._callers.get(caller)
        if c is None:
            raise IllegalTransition("caller", CallerState.ENDED, event)
        return c

    def _in_call(self, caller: CallerId, event: str) -> Caller:
        c = self._known_caller(caller, event)
        if c.state not in (CallerState.IN_CALL, CallerState.HELD):
            raise IllegalTransition("caller", c.state, event)
        return c
