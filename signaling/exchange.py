"""The exchange: the switchboard's decisions, without I/O (sans-I/O, like websockets' ``Protocol``).

Connection events and ``now`` go in; a list of actions comes out, in the order they must be
carried out. The adapter (signaling/switchboard.py) posts messages synchronously and hands store
commands to one ordered writer, so one call here, with the router call inside it and its
translation into messages, is atomic: no other connection's actions interleave.

Inputs (each returns ``list[Action]``; an ``OutOfRole`` / ``MalformedMessage`` /
``IllegalTransition`` raised instead means nothing happened that the client must be told of):

* ``restore(waiting, now)`` at start-up, ``tick(now)`` at ``next_deadline()``;
* ``kiosk_connected`` / ``kiosk_message`` / ``kiosk_disconnected``, and the adviser's three;
* ``send_command(kiosk_id, command)`` for fleet health.

Actions: ``Post`` a message to a connection, ``Close`` one with a close code, a store command
(``OpenCall`` ... ``DeleteWaiting``; ids are decided here, the store never answers back), and
observer events for fleet health (``KioskSeen``, ``KioskSaid``, ``KioskGone``).

Rules kept here (docs/protocol.md): SDP / ICE relayed only between the parties of an active call
(§Call); opening hours checked before a join (§Closed); a kiosk that joins again while its earlier
place is held takes over that place and its join time (§Reconnecting); the persisted queue equals
the router's after every call; queue overviews go to advisers when counts or availability change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from signaling import messages as m
from signaling import routing as r
from signaling.config import Settings
from signaling.errors import CLOSE_REPLACED, CLOSE_SILENT, MalformedMessage, OutOfRole
from signaling.hours import OpeningHours
from signaling.ice import ice_servers
from signaling.links import AdviserLink, Caller, ConnId, KioskLink, hash_resume_token
from signaling.overview import Overview
from signaling.privacy import personal_data_in
from signaling.store_records import AdviserRecord, KioskRecord, Side, WaitingRecord

# --- actions --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Post:
    conn: ConnId
    message: m.Message


@dataclass(frozen=True)
class Close:
    conn: ConnId
    code: int
    reason: str


@dataclass(frozen=True)
class OpenCall:
    call_id: str
    kiosk_id: str
    site: str
    language: str
    topic: str | None
    joined_at: float


@dataclass(frozen=True)
class AnswerCall:
    call_id: str
    adviser_id: str
    at: float


@dataclass(frozen=True)
class CloseCall:
    call_id: str
    at: float
    outcome: str


@dataclass(frozen=True)
class SetWrapUp:
    call_id: str
    category: str
    note: str


@dataclass(frozen=True)
class SetRating:
    call_id: str
    score: int


@dataclass(frozen=True)
class AddQuality:
    call_id: str
    side: Side
    quality: m.Quality
    at: float


@dataclass(frozen=True)
class AddHealth:
    kiosk_id: str
    at: float
    report: m.HealthReport


@dataclass(frozen=True)
class TouchKiosk:
    kiosk_id: str
    at: float
    app_version: str | None


@dataclass(frozen=True)
class Audit:
    actor: str
    action: str
    target: str
    at: float
    detail: str


@dataclass(frozen=True)
class SaveWaiting:
    caller_id: str
    kiosk_id: str
    language: str
    topic: str | None
    fallbacks: tuple[str, ...]
    priority: int
    joined_at: float
    resume_token_hash: str


@dataclass(frozen=True)
class DeleteWaiting:
    caller_id: str


StoreCommand = (
    OpenCall
    | AnswerCall
    | CloseCall
    | SetWrapUp
    | SetRating
    | AddQuality
    | AddHealth
    | TouchKiosk
    | Audit
    | SaveWaiting
    | DeleteWaiting
)


@dataclass(frozen=True)
class KioskSeen:
    kiosk: KioskRecord
    app_version: str
    at: float


@dataclass(frozen=True)
class KioskSaid:
    kiosk_id: str
    message: m.KioskMessage
    at: float


@dataclass(frozen=True)
class KioskGone:
    kiosk_id: str
    at: float


Observed = KioskSeen | KioskSaid | KioskGone
Action = Post | Close | StoreCommand | Observed

# How a call record ends, by the router's reason for removing the caller.
_OUTCOMES = {"ended": "completed", "cancelled": "cancelled", "abandoned": "abandoned"}
# What each side hears when a call ends, by the router's reason; None: told otherwise (see
# CallerRequeued), or nothing. ``hangup`` becomes ``peer_left`` when the kiosk vanished.
_ENDED_TO_KIOSK: dict[str, str | None] = {
    "transferred": "transferred",  # the kiosk waits, camera open, for the next call (§Transfer)
    "adviser_lost": None,
    "adviser_silent": None,
    "kiosk_silent": None,
}
_ENDED_TO_ADVISER: dict[str, str | None] = {
    "transferred": "transferred",
    "adviser_lost": None,
    "adviser_silent": "requeued",  # the adviser, perhaps still there, hears the caller went back
    "kiosk_silent": "peer_left",
}

NewIds = Callable[[], tuple[str, str]]  # a fresh (caller id, resume token), drawn by the adapter


class Exchange:
    """Connections, callers and the router, as one deterministic state machine.

    ``new_ids`` supplies each new caller's id and resume token (the adapter draws them from
    ``secrets``; tests count). Every public method returns the actions to carry out, in order;
    call them one at a time (the adapter runs on one event loop, so it does).
    """

    def __init__(
        self, settings: Settings, *, new_ids: NewIds, router: r.Router | None = None
    ) -> None:
        self.settings = settings
        self.router = router or r.Router(rules_from_settings(settings))
        self.hours = hours_from_settings(settings)
        self.overview = Overview(settings, self.router, self.hours)
        self.kiosks: dict[str, KioskLink] = {}
        self.advisers: dict[str, AdviserLink] = {}
        self.callers: dict[r.CallerId, Caller] = {}
        self._new_ids = new_ids
        self._by_resume_hash: dict[str, r.CallerId] = {}
        self._kiosk_left: set[r.CallerId] = set()  # the adviser hears "peer_left", not "hangup"
        self._rejoined: set[r.CallerId] = set()  # places taken over by the same kiosk's new join
        self._persisted: set[r.CallerId] = set()
        self._last_overview: m.QueueOverview | None = None
        self._out: list[Action] = []

    # --- start-up and time ---------------------------------------------------------------------

    def restore(self, waiting: Sequence[tuple[WaitingRecord, str]], now: float) -> list[Action]:
        """Callers persisted before a restart, each with its kiosk's site: back in line,
        disconnected, awaiting resume (their rows are in the store already)."""
        self._out = []
        for rec, site in waiting:
            caller = Caller(
                id=r.CallerId(rec.caller_id),
                kiosk_id=rec.kiosk_id,
                site=site,
                language=r.Language(rec.language),
                topic=rec.topic,
                fallbacks=tuple(r.Language(x) for x in rec.fallbacks),
                joined_at=rec.joined_at,
                resume_token=None,
                resume_hash=rec.resume_token_hash,
            )
            self._remember(caller)
            self._persisted.add(caller.id)
            effects = self.router.restore(
                caller.id,
                caller.language,
                topic=caller.topic,
                fallbacks=caller.fallbacks,
                priority=rec.priority,
                joined_at=rec.joined_at,
                now=now,
            )
            self._perform(effects, now)
        return self._finish(now)

    def tick(self, now: float) -> list[Action]:
        """Run the router's due deadlines. Call at :meth:`next_deadline` (early is harmless)."""
        self._out = []
        self._perform(self.router.tick(now=now), now)
        return self._finish(now)

    def next_deadline(self) -> float | None:
        return self.router.next_deadline()

    # --- kiosks --------------------------------------------------------------------------------

    def kiosk_connected(
        self, conn: ConnId, kiosk: KioskRecord, hello: m.Hello, now: float
    ) -> list[Action]:
        """A kiosk said hello. Its link is then ``kiosks[kiosk.id]``; an older one is closed."""
        self._out = []
        old = self.kiosks.get(kiosk.id)
        if old is not None:
            # One connection per kiosk: the newer one wins (the old one is a half-dead socket).
            self._detach_kiosk(old, now)
            self._out.append(Close(old.conn, CLOSE_REPLACED, "replaced by a newer connection"))
        link = KioskLink(conn=conn, kiosk=kiosk)
        self.kiosks[kiosk.id] = link
        self._out.append(TouchKiosk(kiosk.id, now, hello.app_version))
        self._out.append(KioskSeen(kiosk, hello.app_version, now))
        resumed = self._resume(link, hello.resume_token)
        welcome = self.overview.kiosk_welcome(kiosk, resumed=resumed is not None, now=now)
        self._out.append(Post(conn, welcome))
        if resumed is not None:
            # The router answers with the caller's PositionChanged: a fresh ``queued``.
            self._perform(self.router.caller_resumed(resumed.id, now=now), now)
        return self._finish(now)

    def _resume(self, link: KioskLink, token: str | None) -> Caller | None:
        if not token:
            return None
        caller_id = self._by_resume_hash.get(hash_resume_token(token))
        caller = self.callers.get(caller_id) if caller_id else None
        if caller is None or caller.kiosk_id != link.kiosk.id:
            return None
        if self.router.caller_state(caller.id) is not r.CallerState.WAITING:
            return None
        caller.resume_token = token
        link.caller = caller.id
        return caller

    def kiosk_message(self, link: KioskLink, msg: m.KioskMessage, now: float) -> list[Action]:
        self._out = []
        if link.caller is not None:
            # A kiosk set aside as silent (its media stopped) that speaks is back (§Faults).
            self._perform(self.router.caller_heard(link.caller, now=now), now)
        self._kiosk_says(link, msg, now)
        # Only messages accepted reach the observers (a rejected one raised above).
        self._out.append(KioskSaid(link.kiosk.id, msg, now))
        return self._finish(now)

    def _kiosk_says(self, link: KioskLink, msg: m.KioskMessage, now: float) -> None:
        match msg:
            case m.Ping(seq=seq):
                self._out.append(Post(link.conn, m.Pong(seq=seq)))
            case m.Join():
                self._join(link, msg, now)
            case m.Cancel():
                if link.caller is None:
                    raise OutOfRole("not waiting in any queue")
                self._perform(self.router.leave(link.caller, now=now), now)
            case m.Hangup(call_id=call_id):
                self._hang_up(self._own_call(link, call_id), now)
            case m.SessionDescription() | m.IceCandidate():
                caller = self._own_call(link, msg.call_id)
                adviser = self._active_adviser(caller)
                self._to_adviser(adviser, msg)
            case m.QualityReport(call_id=call_id, quality=quality):
                # The last sample may arrive just after the call ended: the last call counts too.
                if call_id != link.last_call:
                    self._own_call(link, call_id)
                self._out.append(AddQuality(call_id, "kiosk", quality, now))
            case m.MediaState(call_id=call_id, state=state):
                caller = self._own_call(link, call_id)
                self._media_report(caller, silent="adviser", state=state, now=now)
            case m.Health(report=report):
                self._out.append(AddHealth(link.kiosk.id, now, report))
                self._out.append(TouchKiosk(link.kiosk.id, now, report.app_version))
            case m.Rating(call_id=call_id, score=score):
                if call_id != link.last_call:
                    raise OutOfRole("a rating is for this kiosk's last call only")
                self._out.append(SetRating(call_id, score))
            case m.CommandResult():
                actor = f"kiosk:{link.kiosk.id}"
                self._out.append(Audit(actor, "command_result", msg.command_id, now, msg.output))
            case m.Hello():
                raise OutOfRole("already said hello on this connection")

    def _join(self, link: KioskLink, msg: m.Join, now: float) -> None:
        if link.caller is not None:
            raise OutOfRole("this kiosk is already in a queue or a call")
        service = self.settings.service
        if msg.language not in service.languages:
            raise OutOfRole(f"language {msg.language!r} is not offered here")
        if msg.topic is not None and msg.topic not in service.topics:
            raise OutOfRole(f"topic {msg.topic!r} is not offered here")
        hours = self.overview.hours_for(msg.language)
        if not hours.is_open(now):
            closed = m.Closed(language=msg.language, opens_at=hours.next_opening(now))
            self._out.append(Post(link.conn, closed))
            return
        joined_at, left = now, list[r.Effect]()
        held = self._held_place(link.kiosk.id)
        if held is not None:
            # Rejoining without its resume token: this join takes over the held place and its
            # join time instead of holding two (§Reconnecting). Both router calls first, so those
            # behind hear their final position, not a step forward and back.
            joined_at = held.joined_at
            self._rejoined.add(held.id)
            left = self.router.leave(held.id, now=now)
        caller_id, token = self._new_ids()
        caller = Caller(
            id=r.CallerId(caller_id),
            kiosk_id=link.kiosk.id,
            site=link.kiosk.site,
            language=r.Language(msg.language),
            topic=msg.topic,
            fallbacks=tuple(r.Language(x) for x in msg.fallback_languages if x != msg.language),
            joined_at=joined_at,
            resume_token=token,
            resume_hash=hash_resume_token(token),
        )
        self._out.append(
            OpenCall(caller.id, caller.kiosk_id, caller.site, caller.language, caller.topic, now)
        )
        self._remember(caller)
        link.caller = caller.id
        effects = self.router.join(
            caller.id,
            caller.language,
            topic=caller.topic,
            fallbacks=caller.fallbacks,
            joined_at=joined_at,
            now=now,
        )
        self._perform([*left, *effects], now)
        if not any(isinstance(e, r.PositionChanged) and e.caller == caller.id for e in effects):
            self._post_position(caller.id, now)  # offered at once: still tell the kiosk it is first

    def _held_place(self, kiosk_id: str) -> Caller | None:
        """This kiosk's caller still in line but attached to no connection (within its grace)."""
        attached = {k.caller for k in self.kiosks.values()}
        for caller in self.callers.values():
            if caller.kiosk_id != kiosk_id or caller.id in attached:
                continue
            if self.router.caller_state(caller.id) in (
                r.CallerState.WAITING,
                r.CallerState.OFFERED,
            ):
                return caller
        return None

    def kiosk_disconnected(self, link: KioskLink, now: float) -> list[Action]:
        self._out = []
        if self.kiosks.get(link.kiosk.id) is link:
            del self.kiosks[link.kiosk.id]
            self._out.append(KioskGone(link.kiosk.id, now))
            self._detach_kiosk(link, now)
        return self._finish(now)

    def _detach_kiosk(self, link: KioskLink, now: float) -> None:
        caller_id, link.caller = link.caller, None
        if caller_id is None:
            return
        state = self.router.caller_state(caller_id)
        if state in (r.CallerState.WAITING, r.CallerState.OFFERED):
            # Keeps its place for the grace period; the kiosk resumes with its token.
            self._perform(self.router.caller_disconnected(caller_id, now=now), now)
        elif state in (r.CallerState.IN_CALL, r.CallerState.HELD):
            self._kiosk_left.add(caller_id)
            self._perform(self.router.end_call(caller_id, now=now), now)

    def send_command(self, kiosk_id: str, command: m.Command) -> list[Action] | None:
        """A remote action for a connected kiosk; None when it is not connected."""
        link = self.kiosks.get(kiosk_id)
        return None if link is None else [Post(link.conn, command)]

    # --- advisers ------------------------------------------------------------------------------

    def adviser_connected(self, conn: ConnId, adviser: AdviserRecord, now: float) -> list[Action]:
        """An adviser signed in. Its link is then ``advisers[adviser.id]``; an older one closes."""
        self._out = []
        old = self.advisers.get(adviser.id)
        self.advisers[adviser.id] = AdviserLink(conn=conn, adviser=adviser)
        if old is not None:
            self._out.append(Close(old.conn, CLOSE_REPLACED, "replaced by a newer connection"))
        aid = r.AdviserId(adviser.id)
        state = self.router.adviser_state(aid)
        if state is None or state is r.AdviserState.SIGNED_OUT:
            langs = {r.Language(k): v for k, v in adviser.languages.items()}
            topics = frozenset(adviser.topics) if adviser.topics is not None else None
            effects = self.router.sign_in(aid, langs, topics=topics, now=now)
        else:
            effects = self.router.adviser_reconnected(aid, now=now)
        # The welcome carries the status after sign-in; a separate ``status`` saying the same
        # could arrive after the adviser's first click and undo it on their screen.
        state = self.router.adviser_state(aid)
        self._out.append(Post(conn, self.overview.adviser_welcome(adviser, state, now=now)))
        self._perform([e for e in effects if not _restates(e, aid, state)], now)
        overview = self.overview.queue_overview(self.advisers, now)
        self._out.append(Post(conn, overview))
        return self._finish(now, overview_told=conn)

    def adviser_message(self, link: AdviserLink, msg: m.AdviserMessage, now: float) -> list[Action]:
        self._out = []
        me = r.AdviserId(link.adviser.id)
        self.router.heartbeat(me, now=now)
        self._adviser_says(link, me, msg, now)
        return self._finish(now)

    def _adviser_says(
        self, link: AdviserLink, me: r.AdviserId, msg: m.AdviserMessage, now: float
    ) -> None:
        match msg:
            case m.Ping(seq=seq):
                self._out.append(Post(link.conn, m.Pong(seq=seq)))
            case m.SetStatus(status="available"):
                self._perform(self.router.set_available(me, now=now), now)
            case m.SetStatus(status="away", reason=reason):
                self._perform(self.router.set_away(me, reason or "away", now=now), now)
            case m.Accept(call_id=call_id):
                self._perform(self.router.accept(me, r.CallerId(call_id), now=now), now)
            case m.Decline(call_id=call_id):
                self._perform(self.router.decline(me, r.CallerId(call_id), now=now), now)
            case m.Hangup(call_id=call_id):
                self._hang_up(self._adviser_call(link, call_id), now)
            case m.SessionDescription() | m.IceCandidate():
                caller = self._adviser_call(link, msg.call_id)
                self._active_adviser(caller)
                self._to_kiosk(caller.id, msg)
            case m.QualityReport(call_id=call_id, quality=quality):
                # Their call, or the last one (the last sample may come just after it ended).
                if call_id != link.last_call:
                    self._adviser_call(link, call_id)
                self._out.append(AddQuality(call_id, "adviser", quality, now))
            case m.MediaState(call_id=call_id, state=state):
                caller = self._adviser_call(link, call_id)
                self._media_report(caller, silent="kiosk", state=state, now=now)
            case m.WrapUp(call_id=call_id, outcome=outcome, note=note):
                self._wrap_up(link, call_id, outcome, note)
            case m.Ready():
                self._perform(self.router.ready(me, now=now), now)
            case m.Transfer():
                self._transfer(link, msg, now)
            case m.Hello():
                raise OutOfRole("already said hello on this connection")

    def _wrap_up(self, link: AdviserLink, call_id: str, outcome: str, note: str) -> None:
        if call_id not in link.pending_wrap_up:
            raise OutOfRole("wrap-up is for a call you have just ended")
        if outcome not in self.settings.service.outcomes:
            raise OutOfRole(f"unknown outcome {outcome!r}")
        found = personal_data_in(note)
        if found:
            # Call records hold no personal data (docs/architecture.md §Settings, storage, privacy).
            kinds = ", ".join(kind.value.replace("_", " ") for kind in found)
            raise MalformedMessage(f"wrap_up: note seems to hold personal data ({kinds})")
        link.pending_wrap_up.discard(call_id)
        self._out.append(SetWrapUp(call_id, outcome, note))

    def _transfer(self, link: AdviserLink, msg: m.Transfer, now: float) -> None:
        caller = self._adviser_call(link, msg.call_id)
        if (msg.language is None) == (msg.adviser is None):
            raise OutOfRole("transfer to a language or to an adviser, exactly one")
        if msg.language is not None and msg.language not in self.settings.service.languages:
            raise OutOfRole(f"language {msg.language!r} is not offered here")
        effects = self.router.transfer(
            r.AdviserId(link.adviser.id),
            caller.id,
            now=now,
            language=r.Language(msg.language) if msg.language else None,
            to_adviser=r.AdviserId(msg.adviser) if msg.adviser else None,
        )
        if msg.language is not None:
            caller.language = r.Language(msg.language)
        self._perform(effects, now)
        if msg.adviser is not None:
            self._post_position(caller.id, now)  # ringing at the colleague: first in line

    def adviser_disconnected(self, link: AdviserLink, now: float) -> list[Action]:
        self._out = []
        if self.advisers.get(link.adviser.id) is link:
            del self.advisers[link.adviser.id]
            aid = r.AdviserId(link.adviser.id)
            self._perform(self.router.adviser_disconnected(aid, now=now), now)
        return self._finish(now)

    # --- calls ---------------------------------------------------------------------------------

    def _own_call(self, link: KioskLink, call_id: str) -> Caller:
        if call_id == link.caller and call_id in self.callers:
            return self.callers[r.CallerId(call_id)]
        raise OutOfRole(f"call {call_id!r} is not this kiosk's")

    def _adviser_call(self, link: AdviserLink, call_id: str) -> Caller:
        caller = self.callers.get(r.CallerId(call_id))
        if caller is None or self.router.adviser_of(caller.id) != link.adviser.id:
            raise OutOfRole(f"call {call_id!r} is not yours")
        return caller

    def _active_adviser(self, caller: Caller) -> r.AdviserId:
        """The adviser of ``caller``'s active call: SDP / ICE flow only within one (§Call)."""
        adviser = self.router.adviser_of(caller.id)
        if self.router.caller_state(caller.id) is not r.CallerState.IN_CALL or adviser is None:
            raise OutOfRole("no active call to signal into")
        return adviser

    def _media_report(
        self, caller: Caller, *, silent: r.Party, state: Literal["stalled", "restored"], now: float
    ) -> None:
        """One side's word on the media it receives from ``silent``, the other side (§Faults)."""
        if state == "stalled":
            effects = self.router.media_stalled(caller.id, silent=silent, now=now)
        else:
            effects = self.router.media_restored(caller.id, silent=silent, now=now)
        self._perform(effects, now)

    def _hang_up(self, caller: Caller, now: float) -> None:
        state = self.router.caller_state(caller.id)
        if state in (r.CallerState.IN_CALL, r.CallerState.HELD):
            self._perform(self.router.end_call(caller.id, now=now), now)
        else:
            self._perform(self.router.leave(caller.id, now=now), now)

    # --- effects into actions ------------------------------------------------------------------

    def _perform(self, effects: Sequence[r.Effect], now: float) -> None:
        for effect in effects:
            self._perform_one(effect, now)

    def _perform_one(self, effect: r.Effect, now: float) -> None:
        match effect:
            case r.OfferMade(caller=cid, adviser=aid, expires_at=expires_at):
                caller = self.callers[cid]
                offer = m.Offer(
                    call_id=cid,
                    language=caller.language,
                    topic=caller.topic,
                    site=caller.site,
                    waited_s=round(now - caller.joined_at, 1),
                    expires_in_s=round(max(0.0, expires_at - now), 1),
                )
                self._to_adviser(aid, offer)
            case r.OfferRevoked(caller=cid, adviser=aid, reason=reason):
                self._to_adviser(aid, m.OfferRevoked(call_id=cid, reason=reason))
            case r.CallConnected(caller=cid, adviser=aid):
                self._start_call(cid, aid, now, first=True)
            case r.CallResumed(caller=cid, adviser=aid):
                self._start_call(cid, aid, now, first=False)
            case r.CallHeld(caller=cid, until=until):
                self._to_kiosk(cid, m.Reconnecting(call_id=cid, grace_s=round(until - now, 1)))
            case r.MediaInterrupted(caller=cid, adviser=aid, until=until):
                wire: m.Message = m.Reconnecting(call_id=cid, grace_s=round(until - now, 1))
                self._to_kiosk(cid, wire)
                self._to_adviser(aid, wire)
            case r.MediaRestored(caller=cid, adviser=aid):
                self._to_kiosk(cid, m.Reconnected(call_id=cid))
                self._to_adviser(aid, m.Reconnected(call_id=cid))
            case r.CallerRequeued(caller=cid, reason=reason):
                if reason != "transferred":  # a transferred caller heard so with its call_ended
                    self._to_kiosk(cid, m.CallEnded(call_id=cid, reason="requeued"))
                self._post_position(cid, now)
            case r.CallEnded(caller=cid, adviser=aid, reason=reason):
                self._call_ended(cid, aid, reason)
            case r.CallerRemoved(caller=cid, reason=reason):
                self._caller_removed(cid, reason, now)
            case r.PositionChanged(caller=cid):
                self._post_position(cid, now)
            case r.AdviserStateChanged(adviser=aid, state=state, reason=reason, until=until):
                self._adviser_status(aid, state, reason, until)

    def _start_call(self, cid: r.CallerId, aid: r.AdviserId, now: float, *, first: bool) -> None:
        caller = self.callers[cid]
        adviser = self.advisers.get(aid)
        if first and not caller.answered:
            caller.answered = True
            self._out.append(AnswerCall(cid, aid, now))
        servers = ice_servers(self.settings.ice, now=now)
        name = adviser.adviser.display_name.split()[0] if adviser else ""
        lang = caller.language
        self._to_kiosk(
            cid,
            m.CallStarted(
                call_id=cid, role="offerer", peer_name=name, language=lang, ice_servers=servers
            ),
        )
        self._to_adviser(
            aid,
            m.CallStarted(
                call_id=cid,
                role="answerer",
                peer_name=caller.site,
                language=lang,
                ice_servers=servers,
            ),
        )

    def _call_ended(self, cid: r.CallerId, aid: r.AdviserId, reason: str) -> None:
        kiosk_left = cid in self._kiosk_left
        self._kiosk_left.discard(cid)
        plain = "peer_left" if kiosk_left else "hangup"
        to_kiosk = _ENDED_TO_KIOSK.get(reason, plain)
        to_adviser = _ENDED_TO_ADVISER.get(reason, plain)
        if to_kiosk is not None:
            self._to_kiosk(cid, m.CallEnded(call_id=cid, reason=to_kiosk))
        if to_adviser is not None:
            self._to_adviser(aid, m.CallEnded(call_id=cid, reason=to_adviser))
        link = self.advisers.get(aid)
        if link is not None:
            link.pending_wrap_up.add(cid)
            link.last_call = cid

    def _caller_removed(self, cid: r.CallerId, reason: str, now: float) -> None:
        caller = self.callers.pop(cid, None)
        if caller is None:
            return
        self._by_resume_hash.pop(caller.resume_hash, None)
        outcome = _OUTCOMES.get(reason, reason)
        if cid in self._rejoined:
            self._rejoined.discard(cid)
            outcome = "rejoined"
        kiosk = self.kiosks.get(caller.kiosk_id)
        if kiosk is not None and kiosk.caller == cid:
            kiosk.caller = None
            kiosk.last_call = cid if caller.answered else None
        self._out.append(CloseCall(cid, now, outcome))

    def _adviser_status(
        self, aid: r.AdviserId, state: r.AdviserState, reason: str, until: float | None
    ) -> None:
        if state is r.AdviserState.DISCONNECTED:
            link = self.advisers.get(aid)
            if link is not None and reason == "heartbeat_timeout":
                # Silent but connected: a frozen console. The router has taken it out of routing;
                # close the socket so the console notices, reconnects and is routed again.
                self._out.append(Close(link.conn, CLOSE_SILENT, "no heartbeat"))
            return
        status = m.AdviserStatus(status=state.value, reason=reason, wrap_up_ends_at=until)
        self._to_adviser(aid, status)

    def _post_position(self, cid: r.CallerId, now: float) -> None:
        caller = self.callers.get(cid)
        kiosk = self.kiosks.get(caller.kiosk_id) if caller else None
        if caller is None or kiosk is None or kiosk.caller != cid or caller.resume_token is None:
            return
        state = self.router.caller_state(cid)
        if state is r.CallerState.OFFERED:
            # Ringing at an adviser: first in line, and about to be answered.
            index, low, high = 1, 0, 0
        elif state is r.CallerState.WAITING:
            position = self.router.position_of(cid, now=now)
            if position is None:
                return
            index, low, high = position
        else:
            return
        queued = m.Queued(
            language=caller.language,
            position=index,
            wait=m.WaitEstimate(low_s=low, high_s=high),
            resume_token=caller.resume_token,
        )
        # A requeue and the router's PositionChanged name the same caller in one batch: say it once.
        if Post(kiosk.conn, queued) not in self._out:
            self._out.append(Post(kiosk.conn, queued))

    def _to_kiosk(self, cid: r.CallerId, message: m.Message) -> None:
        caller = self.callers.get(cid)
        kiosk = self.kiosks.get(caller.kiosk_id) if caller else None
        if kiosk is not None and kiosk.caller == cid:
            self._out.append(Post(kiosk.conn, message))

    def _to_adviser(self, aid: r.AdviserId, message: m.Message) -> None:
        link = self.advisers.get(aid)
        if link is not None:
            self._out.append(Post(link.conn, message))

    def _remember(self, caller: Caller) -> None:
        self.callers[caller.id] = caller
        self._by_resume_hash[caller.resume_hash] = caller.id

    # --- after every input ---------------------------------------------------------------------

    def _finish(self, now: float, *, overview_told: ConnId | None = None) -> list[Action]:
        self._sync_persisted_queue()
        self._broadcast_overview(now, already_told=overview_told)
        return self._take()

    def _take(self) -> list[Action]:
        out, self._out = self._out, []
        return out

    def _sync_persisted_queue(self) -> None:
        """Store commands that keep the persisted queue equal to the router's (a restart loses
        no one): removals first, then newcomers in queue order."""
        waiting = {w.caller: w for w in self.router.waiting_callers()}
        for cid in sorted(self._persisted - waiting.keys()):
            self._out.append(DeleteWaiting(cid))
            self._persisted.discard(cid)
        for cid, w in waiting.items():
            caller = self.callers.get(cid)
            if cid in self._persisted or caller is None:
                continue
            self._out.append(
                SaveWaiting(
                    cid,
                    caller.kiosk_id,
                    w.language,
                    w.topic,
                    tuple(w.fallbacks),
                    w.priority,
                    w.joined_at,
                    caller.resume_hash,
                )
            )
            self._persisted.add(cid)

    def persisted_queue(self) -> list[str]:
        """The caller ids the store commands so far have left in the persisted queue, sorted."""
        return sorted(self._persisted)

    def _broadcast_overview(self, now: float, *, already_told: ConnId | None) -> None:
        if not self.advisers:
            return
        overview = self.overview.queue_overview(self.advisers, now)
        # Waits grow every second; re-send on changes in counts or in who is available, not on
        # every tick.
        key = overview.model_copy(
            update={
                "queues": [s.model_copy(update={"longest_wait_s": 0.0}) for s in overview.queues]
            }
        )
        if key == self._last_overview:
            return
        self._last_overview = key
        for link in self.advisers.values():
            if link.conn != already_told:
                self._out.append(Post(link.conn, overview))

    # --- queries -------------------------------------------------------------------------------

    def hours_for(self, language: str) -> OpeningHours:
        return self.overview.hours_for(language)

    def queue_stats(self, now: float) -> list[m.QueueStat]:
        """Per offered language: waiting, longest wait, advisers available, open now."""
        return self.overview.queue_stats(now)


def _restates(effect: r.Effect, adviser: r.AdviserId, state: r.AdviserState | None) -> bool:
    """Whether ``effect`` only repeats the adviser's state that their welcome already told."""
    return (
        isinstance(effect, r.AdviserStateChanged)
        and effect.adviser == adviser
        and effect.state is state
        and effect.until is None
    )


def rules_from_settings(settings: Settings) -> r.RoutingRules:
    s = settings.routing
    return r.RoutingRules(
        ring_timeout_s=s.ring_timeout_s,
        max_missed_offers=s.max_missed_offers,
        wrap_up_s=s.wrap_up_s,
        adviser_grace_s=s.adviser_grace_s,
        caller_grace_s=s.caller_grace_s,
        heartbeat_timeout_s=s.heartbeat_timeout_s,
        media_grace_s=s.media_grace_s,
        escalation=tuple(
            r.EscalationStep(
                after_s=step.after_s,
                min_level=step.min_level,
                include_fallbacks=step.include_fallbacks,
            )
            for step in s.escalation
        ),
        handle_time_window=s.handle_time_window,
        prior_handle_time_s=s.prior_handle_time_s,
    )


def hours_from_settings(settings: Settings) -> dict[str, OpeningHours]:
    return {lang: OpeningHours.from_config(spec) for lang, spec in settings.service.hours.items()}
