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
  caller's active escalation step (:func:`signaling.routing.match.qualifies`). Whenever matches are
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
* **Bookings** (docs/booking.md §Routing). A booked caller joins with an earlier ``joined_at``
  (a bounded credit the exchange computes), so it never overtakes anyone who waited longer. One
  booked with an adviser is *reserved* for them until ``reserved_until``: only that adviser may
  be offered the caller meanwhile, at any level of the language, and that adviser is offered
  their reserved callers (in queue order) before anyone else. The reservation ends at its time
  (a timer, like an escalation step) or when a call connects; after it the caller is ordinary.
* **Wrap-up.** After a call the adviser is in wrap-up for ``wrap_up_s`` or until ``ready``.
* **Pull.** An adviser who prefers to choose when to answer stays away and asks for the next
  caller (:meth:`Router.take_next`): the caller they would be given if free (the oldest they
  qualify for now) is offered to them. Declined, timed out or given up, they are away again, and
  a timeout does not count as missed; after the call's wrap-up they are away again too (they go
  on pulling until they set available). With nobody waiting for them nothing changes.
* **Failed set-up.** A call whose media could not be set up (:meth:`Router.negotiation_failed`)
  ends for both; the adviser is available again at once (no wrap-up, no handle time), and the
  caller is removed as ``failed``: whether the kiosk gets another try is the exchange's rule.
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

The parts, each the one owner of what it holds (import only from this package's top):

* ``vocabulary`` — ids, rules (:class:`RoutingRules`, :class:`EscalationStep`), states, effects and
  query results; ``Level`` and its rank come from :mod:`signaling.messages`;
* ``records`` — the mutable caller and adviser records and the sorted keys indexes are built of;
* ``transitions`` — the state rules: every change to a record's state, and matching;
* ``timers`` — the deadline heap;
* ``match`` — who may be offered whom: free advisers per language by idle time, the fallback
  index, and the two searches;
* ``positions`` — queue order per language, the wait estimate, and ``PositionChanged``;
* ``router`` — :class:`Router`, the facade that composes them.
"""

from signaling.messages import Level
from signaling.routing.router import Router
from signaling.routing.vocabulary import (
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
    escalation_problem,
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
    "escalation_problem",
]
