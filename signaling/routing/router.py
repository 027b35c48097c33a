"""The router facade: the public API of :mod:`signaling.routing` (the rules are in its docstring).

Each method checks its event against the current state, raising
:class:`~signaling.errors.IllegalTransition` before anything changes; has
:class:`~signaling.routing.transitions.Transitions` carry it out; and settles: due timers, then
matching, then position updates.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from signaling.errors import ConfigError, IllegalTransition, LocalProtocolError
from signaling.messages import LEVEL_RANK, Level
from signaling.routing.match import MatchIndex
from signaling.routing.positions import Positions
from signaling.routing.records import Adviser, Caller
from signaling.routing.timers import Timers
from signaling.routing.transitions import Transitions
from signaling.routing.vocabulary import (
    AdviserId,
    AdviserState,
    CallerId,
    CallerState,
    Effect,
    Language,
    Party,
    QueueStats,
    RoutingRules,
    WaitingCaller,
)

DEFAULT_RULES = RoutingRules()
_AWAY, _AVAILABLE, _OFFERED = AdviserState.AWAY, AdviserState.AVAILABLE, AdviserState.OFFERED
_IN_CALL, _WRAP_UP = AdviserState.IN_CALL, AdviserState.WRAP_UP


class Router:
    """The routing engine. Every mutating method returns the effects to carry out, in order.

    It composes four parts, each the one owner of its state: the records and every change to
    them (:class:`~signaling.routing.transitions.Transitions`), the deadlines
    (:class:`~signaling.routing.timers.Timers`), who may be offered whom
    (:class:`~signaling.routing.match.MatchIndex`), and the queues and what waiting callers are
    told (:class:`~signaling.routing.positions.Positions`).
    """

    def __init__(self, rules: RoutingRules = DEFAULT_RULES) -> None:
        self.rules = rules
        callers: dict[CallerId, Caller] = {}
        advisers: dict[AdviserId, Adviser] = {}
        self._callers, self._advisers = callers, advisers
        self._timers = Timers()
        self._positions = Positions(rules, callers)
        self._index = MatchIndex(
            rules, callers=callers, advisers=advisers, queues=self._positions.queues
        )
        self._t = Transitions(
            rules,
            callers=callers,
            advisers=advisers,
            timers=self._timers,
            index=self._index,
            positions=self._positions,
        )
        self.estimator = self._positions.estimator

    def _settle(self, now: float) -> list[Effect]:
        for when, kind, ident in self._timers.due(now):
            self._t.fire(kind, ident, when, now)
        self._t.dispatch(now)
        out = self._t.take_effects()
        out.extend(self._positions.emit())
        return out

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
        self._t.sign_in(adviser, dict(languages), topics, now)
        return self._settle(now)

    def set_available(self, adviser: AdviserId, *, now: float) -> list[Effect]:
        """AWAY or WRAP_UP -> AVAILABLE. A no-op when already available."""
        a = self._heard(adviser, "set_available", now, _AWAY, _WRAP_UP, _AVAILABLE)
        self._t.set_available(a, now)
        return self._settle(now)

    def set_away(self, adviser: AdviserId, reason: str, *, now: float) -> list[Effect]:
        """Not taking calls. A pending offer is given back as declined. Not allowed mid-call."""
        a = self._heard(adviser, "set_away", now, _AVAILABLE, _OFFERED, _WRAP_UP, _AWAY)
        self._t.set_away(a, reason, now)
        return self._settle(now)

    def sign_out(self, adviser: AdviserId, *, now: float) -> list[Effect]:
        """Remove the adviser in any state: an offer is revoked, a call ends and its caller is
        requeued (``adviser_lost``)."""
        a = self._known_adviser(adviser, "sign_out")
        self._t.release_and_sign_out(a, "signed_out", now)
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
            self._t.disconnect(a, "disconnected", now)
        return self._settle(now)

    def adviser_reconnected(self, adviser: AdviserId, *, now: float) -> list[Effect]:
        """Back within grace: the held call resumes, or the adviser returns to their state before
        (available, away or wrap-up). A no-op for an adviser who never left; an adviser already
        signed out must :meth:`sign_in` again (IllegalTransition)."""
        a = self._known_adviser(adviser, "reconnected")
        a.last_heard = max(a.last_heard, now)
        if a.state is AdviserState.DISCONNECTED:
            self._t.reconnect(a, now)
        return self._settle(now)

    def accept(self, adviser: AdviserId, caller: CallerId, *, now: float) -> list[Effect]:
        a = self._offered(adviser, caller, "accept", now)
        self._t.accept(a, now)
        return self._settle(now)

    def decline(self, adviser: AdviserId, caller: CallerId, *, now: float) -> list[Effect]:
        a = self._offered(adviser, caller, "decline", now)
        self._t.decline(a, now)
        return self._settle(now)

    def take_next(self, adviser: AdviserId, *, now: float) -> list[Effect]:
        """Pull (see the rules): an AWAY adviser asks for the next caller. The oldest caller they
        qualify for now is offered to them like any offer (``OfferMade``); declined, timed out or
        given up, and after the call's wrap-up, the adviser is AWAY again, not available. No
        effects when nobody waits for them: they stay away."""
        a = self._heard(adviser, "take_next", now, _AWAY)
        self._t.pull(a, now)
        return self._settle(now)

    def ready(self, adviser: AdviserId, *, now: float) -> list[Effect]:
        """End wrap-up early. A no-op when already available (the wrap-up timer won the race)."""
        a = self._heard(adviser, "ready", now, _WRAP_UP, _AVAILABLE)
        if a.state is AdviserState.WRAP_UP:
            self._t.finish_wrap_up(a, AdviserState.AVAILABLE, "ready", now)
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
        self._t.transfer(a, language, target, now)
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
        joined_at: float | None = None,
        reserved_for: AdviserId | None = None,
        reserved_until: float | None = None,
        now: float,
    ) -> list[Effect]:
        """Put a caller in line. The effects hold an ``OfferMade`` if an adviser was free, else a
        ``PositionChanged`` for the caller (and for nobody else: joining goes to the back).

        ``joined_at`` (default ``now``) is earlier when the caller takes over a place it held
        (a kiosk rejoining without its resume token, a ticket) or checks in with a booking (its
        bounded credit): it then ranks, and is escalated, from then.

        ``reserved_for`` (a booking's adviser): until ``reserved_until`` only that adviser may be
        offered the caller, and they are offered their reserved callers before anyone else; after
        it, or once a call connects, the caller is an ordinary one (docs/booking.md §Routing).
        """
        if caller in self._callers:
            raise IllegalTransition("caller", self._callers[caller].state, "join")
        self._t.new_caller(
            caller,
            language,
            topic,
            tuple(fallbacks),
            priority,
            joined_at=now if joined_at is None else joined_at,
            connected=True,
            now=now,
            reserved_for=reserved_for,
            reserved_until=reserved_until,
        )
        return self._settle(now)

    def leave(self, caller: CallerId, *, now: float) -> list[Effect]:
        """The kiosk cancels before an answer (waiting, ringing, or held)."""
        c = self._known_caller(caller, "leave")
        if c.state is CallerState.IN_CALL:
            raise IllegalTransition("caller", c.state, "leave")
        self._t.remove(c, "cancelled", now)
        return self._settle(now)

    def end_call(self, caller: CallerId, *, now: float) -> list[Effect]:
        """Either side hung up: ``CallEnded``, ``CallerRemoved(ended)``, the adviser to wrap-up."""
        c = self._in_call(caller, "end_call")
        self._t.end_for_adviser(c, self._t.adviser_of(c), "hangup", now)
        self._t.drop(c, "ended")
        return self._settle(now)

    def negotiation_failed(
        self, caller: CallerId, *, now: float, retry_as: CallerId | None = None
    ) -> list[Effect]:
        """A side could not set up the call's media: ``CallEnded(negotiation_failed)``, the
        adviser available again, ``CallerRemoved(failed)``. With ``retry_as``, a new caller of
        that id takes the removed one's place in line (same language, topic, fallbacks,
        priority and ``joined_at``) before anyone is matched, so nobody overtakes it.
        IllegalTransition unless in an active call (not held: signaling flows only in one)."""
        c = self._known_caller(caller, "negotiation_failed")
        if c.state is not CallerState.IN_CALL:
            raise IllegalTransition("caller", c.state, "negotiation_failed")
        if retry_as is not None and retry_as in self._callers:
            raise IllegalTransition("caller", self._callers[retry_as].state, "join")
        self._t.end_unconnected(c, self._t.adviser_of(c), now)
        self._t.drop(c, "failed")
        if retry_as is not None:
            self._t.new_caller(
                retry_as,
                c.language,
                c.topic,
                c.fallbacks,
                c.priority,
                joined_at=c.joined_at,
                connected=True,
                now=now,
            )
        return self._settle(now)

    def caller_disconnected(self, caller: CallerId, *, now: float) -> list[Effect]:
        """The kiosk's connection is gone: it keeps its place for ``caller_grace_s`` but is not
        offered meanwhile (a ringing offer is revoked as ``caller_left``)."""
        c = self._callers.get(caller)
        if c is not None and c.connected:
            self._t.caller_disconnected(c, now)
        return self._settle(now)

    def caller_resumed(self, caller: CallerId, *, now: float) -> list[Effect]:
        """The kiosk is back (same resume token). If still waiting once this call has matched what
        it can, the effects include its ``PositionChanged``, changed or not."""
        c = self._known_caller(caller, "resume")
        self._t.caller_resumed(c, now)
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
        self._t.media_stalled(c, silent, now)
        return self._settle(now)

    def media_restored(self, caller: CallerId, *, silent: Party, now: float) -> list[Effect]:
        """Media from ``silent`` flows again. Once no party is silent: ``MediaRestored`` and the
        grace is off. A no-op if ``silent`` was not reported. IllegalTransition unless in a call."""
        c = self._in_call(caller, "media_restored")
        self._t.media_restored(c, silent)
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
        self._t.new_caller(
            caller,
            language,
            topic,
            tuple(fallbacks),
            priority,
            joined_at=joined_at,
            connected=False,
            now=now,
        )
        return self._settle(now)

    # --- time ----------------------------------------------------------------------------------

    def tick(self, *, now: float) -> list[Effect]:
        """Run every deadline due by ``now``. Safe to call at any time, any number of times."""
        return self._settle(now)

    def next_deadline(self) -> float | None:
        """When :meth:`tick` next has work. May be early (a stale timer), never late."""
        return self._timers.next_deadline()

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

    def position_of(
        self, caller: CallerId, *, now: float
    ) -> tuple[int, tuple[int, int] | None] | None:
        """(position, wait range or None if nobody is staffed) of a waiting caller, else None."""
        c = self._callers.get(caller)
        if c is None or c.state is not CallerState.WAITING:
            return None
        index = self._positions.queue(c.language).index(c.key)
        if index is None:
            raise LocalProtocolError(f"waiting caller {caller} is missing from its queue")
        return (index + 1, self._positions.estimate(c.language, index + 1))

    def estimate_for_new(self, language: Language, *, now: float) -> tuple[int, int] | None:
        """The wait range a caller joining ``language`` now would be told; None while nobody
        for it is staffed."""
        return self._positions.estimate(language, len(self._positions.queue(language)) + 1)

    def queue_stats(self, *, now: float) -> list[QueueStats]:
        """Per language with callers or staff: waiting (incl. ringing), longest wait, advisers."""
        waiting: dict[Language, list[float]] = {}
        for c in self._callers.values():
            if c.state in (CallerState.WAITING, CallerState.OFFERED):
                waiting.setdefault(c.language, []).append(c.joined_at)
        languages = set(waiting) | set(self._positions.languages_staffed())
        return [
            QueueStats(
                language=lang,
                waiting=len(waiting.get(lang, ())),
                longest_wait_s=max(0.0, now - min(waiting[lang])) if lang in waiting else 0.0,
                advisers_available=self._index.free_count(lang),
                advisers_staffed=self._positions.staffed(lang),
            )
            for lang in sorted(languages)
        ]

    def languages_staffed(self) -> list[Language]:
        return self._positions.languages_staffed()

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
