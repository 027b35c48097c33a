"""The switchboard: the adapter between connections, the routing engine and the store.

It feeds client events and the passing of time into :class:`signaling.routing.Router` and carries
out the effects it returns (:meth:`Switchboard.perform` is the only place that turns routing
decisions into messages). It decides nothing about who gets which caller: that is the router's job.

What it adds around the router:

* identities: which kiosk connection holds which caller, which adviser connection is whose;
* call records and the persisted queue in the store (a restart loses no one's place);
* the SDP / ICE relay, only between the two parties of an active call (docs/protocol.md §Call);
* opening hours, checked before a join (§Closed);
* the one timer that wakes the router at its next deadline.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
from collections.abc import Callable, Coroutine
from typing import Any, Literal, Protocol

from signaling import messages as m
from signaling import routing as r
from signaling.config import Settings
from signaling.errors import CLOSE_REPLACED, CLOSE_SILENT, MalformedMessage, OutOfRole
from signaling.hours import OpeningHours
from signaling.ice import ice_servers
from signaling.links import AdviserLink, Caller, KioskLink, hash_resume_token
from signaling.overview import Overview
from signaling.peer import Peer
from signaling.privacy import personal_data_in
from signaling.store import AdviserRecord, KioskRecord, Store

log = logging.getLogger(__name__)

Clock = Callable[[], float]


class Switchboard:
    def __init__(
        self,
        settings: Settings,
        store: Store,
        *,
        clock: Clock = time.time,
        router: r.Router | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.clock = clock
        self.router = router or r.Router(rules_from_settings(settings))
        self.hours = hours_from_settings(settings)
        self.overview = Overview(settings, self.router, self.hours)
        self.kiosks: dict[str, KioskLink] = {}
        self.advisers: dict[str, AdviserLink] = {}
        self.callers: dict[r.CallerId, Caller] = {}
        self._by_resume_hash: dict[str, r.CallerId] = {}
        # Calls ended because the kiosk vanished: the adviser hears "peer_left", not "hangup".
        self._kiosk_left: set[r.CallerId] = set()
        self._wake = asyncio.Event()
        self._last_overview: m.QueueOverview | None = None
        self._persisted: set[r.CallerId] = set()
        # perform() runs from message handlers and the timer at once; two syncs interleaving
        # their awaits would both insert a newly waiting caller (UNIQUE constraint failed).
        self._sync_lock = asyncio.Lock()
        self._background: set[asyncio.Task[None]] = set()
        self._observers: list[KioskObserver] = []  # fleet health (signaling.admin)

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        """Fire and forget, but keep a reference so the task is not garbage-collected midway."""
        task = asyncio.create_task(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    # --- start-up ------------------------------------------------------------------------------

    async def restore_waiting(self) -> int:
        """Put callers persisted before a restart back in line, disconnected, awaiting resume."""
        now = self.clock()
        restored = 0
        for rec in await self.store.load_waiting():
            kiosk = await self.store.kiosk(rec.kiosk_id)
            caller = Caller(
                id=r.CallerId(rec.caller_id),
                kiosk_id=rec.kiosk_id,
                site=kiosk.site if kiosk else "",
                language=r.Language(rec.language),
                topic=rec.topic,
                fallbacks=tuple(r.Language(x) for x in rec.fallbacks),
                joined_at=rec.joined_at,
                resume_token=None,
                resume_hash=rec.resume_token_hash,
            )
            effects = self.router.restore(
                caller.id,
                caller.language,
                topic=caller.topic,
                fallbacks=caller.fallbacks,
                priority=rec.priority,
                joined_at=rec.joined_at,
                now=now,
            )
            self._remember(caller)
            self._persisted.add(caller.id)
            await self.perform(effects)
            restored += 1
        return restored

    # --- kiosks --------------------------------------------------------------------------------

    async def kiosk_connected(self, peer: Peer, kiosk: KioskRecord, hello: m.Hello) -> None:
        old = self.kiosks.get(kiosk.id)
        if old is not None:
            # One connection per kiosk: the newer one wins (the old one is a half-dead socket).
            await self._detach_kiosk(old, reason="replaced")
            self._spawn(old.peer.close(CLOSE_REPLACED, "replaced by a newer connection"))
        link = KioskLink(peer=peer, kiosk=kiosk)
        self.kiosks[kiosk.id] = link
        await self.store.touch_kiosk(kiosk.id, at=self.clock(), app_version=hello.app_version)
        self._tell_observers(lambda o: o.kiosk_connected(kiosk, hello.app_version, self.clock()))
        resumed = self._resume(link, hello.resume_token)
        peer.post(self.overview.kiosk_welcome(kiosk, resumed=resumed is not None, now=self.clock()))
        if resumed is not None:
            # The router answers with the caller's PositionChanged: a fresh ``queued``.
            await self.perform(self.router.caller_resumed(resumed.id, now=self.clock()))

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

    async def kiosk_message(self, link: KioskLink, msg: m.KioskMessage) -> None:
        now = self.clock()
        if link.caller is not None:
            # A kiosk set aside as silent (its media stopped) that speaks is back (§Faults).
            heard = self.router.caller_heard(link.caller, now=now)
            if heard:
                await self.perform(heard)
        match msg:
            case m.Ping(seq=seq):
                link.peer.post(m.Pong(seq=seq))
            case m.Join():
                await self._join(link, msg, now)
            case m.Cancel():
                if link.caller is None:
                    raise OutOfRole("not waiting in any queue")
                await self.perform(self.router.leave(link.caller, now=now))
            case m.Hangup(call_id=call_id):
                caller = self._own_call(link, call_id)
                await self._hang_up(caller, now)
            case m.SessionDescription() | m.IceCandidate():
                self._relay_from_kiosk(link, msg)
            case m.QualityReport(call_id=call_id, quality=quality):
                # The last sample may arrive just after the call ended: the last call counts too.
                if call_id != link.last_call:
                    self._own_call(link, call_id)
                await self.store.add_quality(call_id, side="kiosk", quality=quality, at=now)
            case m.MediaState(call_id=call_id, state=state):
                caller = self._own_call(link, call_id)
                await self._media_report(caller, silent="adviser", state=state, now=now)
            case m.Health(report=report):
                await self.store.add_health(link.kiosk.id, at=now, report=report)
                await self.store.touch_kiosk(link.kiosk.id, at=now, app_version=report.app_version)
            case m.Rating(call_id=call_id, score=score):
                if call_id != link.last_call:
                    raise OutOfRole("a rating is for this kiosk's last call only")
                await self.store.set_rating(call_id, score)
            case m.CommandResult():
                await self.store.audit(
                    f"kiosk:{link.kiosk.id}", "command_result", msg.command_id, now, msg.output
                )
            case m.Hello():
                raise OutOfRole("already said hello on this connection")
        # Only messages the switchboard accepted reach the observers (a rejected one raised above).
        self._tell_observers(lambda o: o.kiosk_message(link.kiosk.id, msg, now))

    async def _join(self, link: KioskLink, msg: m.Join, now: float) -> None:
        if link.caller is not None:
            raise OutOfRole("this kiosk is already in a queue or a call")
        service = self.settings.service
        if msg.language not in service.languages:
            raise OutOfRole(f"language {msg.language!r} is not offered here")
        if msg.topic is not None and msg.topic not in service.topics:
            raise OutOfRole(f"topic {msg.topic!r} is not offered here")
        hours = self.hours_for(msg.language)
        if not hours.is_open(now):
            link.peer.post(
                m.Closed(language=msg.language, opens_at=hours.next_opening(now)),
            )
            return
        token = secrets.token_urlsafe(24)
        caller = Caller(
            id=r.CallerId(secrets.token_hex(8)),
            kiosk_id=link.kiosk.id,
            site=link.kiosk.site,
            language=r.Language(msg.language),
            topic=msg.topic,
            fallbacks=tuple(r.Language(x) for x in msg.fallback_languages if x != msg.language),
            joined_at=now,
            resume_token=token,
            resume_hash=hash_resume_token(token),
        )
        await self.store.open_call(
            caller.id,
            kiosk_id=caller.kiosk_id,
            site=caller.site,
            language=caller.language,
            topic=caller.topic,
            joined_at=now,
        )
        self._remember(caller)
        link.caller = caller.id
        effects = self.router.join(
            caller.id, caller.language, topic=caller.topic, fallbacks=caller.fallbacks, now=now
        )
        await self.perform(effects)
        if not any(isinstance(e, r.PositionChanged) and e.caller == caller.id for e in effects):
            self._post_position(caller.id)  # offered at once: still tell the kiosk it is first

    async def kiosk_disconnected(self, link: KioskLink) -> None:
        if self.kiosks.get(link.kiosk.id) is link:
            del self.kiosks[link.kiosk.id]
            self._tell_observers(lambda o: o.kiosk_disconnected(link.kiosk.id, self.clock()))
            await self._detach_kiosk(link, reason="disconnected")

    async def _detach_kiosk(self, link: KioskLink, *, reason: str) -> None:
        caller_id = link.caller
        link.caller = None
        if caller_id is None:
            return
        now = self.clock()
        state = self.router.caller_state(caller_id)
        if state in (r.CallerState.WAITING, r.CallerState.OFFERED):
            # Keeps its place for the grace period; the kiosk resumes with its token.
            await self.perform(self.router.caller_disconnected(caller_id, now=now))
        elif state in (r.CallerState.IN_CALL, r.CallerState.HELD):
            self._kiosk_left.add(caller_id)
            await self.perform(self.router.end_call(caller_id, now=now))

    # --- advisers ------------------------------------------------------------------------------

    async def adviser_connected(self, peer: Peer, adviser: AdviserRecord) -> None:
        now = self.clock()
        old = self.advisers.get(adviser.id)
        self.advisers[adviser.id] = AdviserLink(peer=peer, adviser=adviser)
        if old is not None:
            self._spawn(old.peer.close(CLOSE_REPLACED, "replaced by a newer connection"))
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
        peer.post(self.overview.adviser_welcome(adviser, state, now=now))
        await self.perform([e for e in effects if not _restates(e, aid, state)])
        peer.post(self.overview.queue_overview(self.advisers, now))

    async def adviser_message(self, link: AdviserLink, msg: m.AdviserMessage) -> None:
        now = self.clock()
        me = r.AdviserId(link.adviser.id)
        self.router.heartbeat(me, now=now)
        match msg:
            case m.Ping(seq=seq):
                link.peer.post(m.Pong(seq=seq))
            case m.SetStatus(status="available"):
                await self.perform(self.router.set_available(me, now=now))
            case m.SetStatus(status="away", reason=reason):
                await self.perform(self.router.set_away(me, reason or "away", now=now))
            case m.Accept(call_id=call_id):
                await self.perform(self.router.accept(me, r.CallerId(call_id), now=now))
            case m.Decline(call_id=call_id):
                await self.perform(self.router.decline(me, r.CallerId(call_id), now=now))
            case m.Hangup(call_id=call_id):
                caller = self._adviser_call(link, call_id)
                await self._hang_up(caller, now)
            case m.SessionDescription() | m.IceCandidate():
                self._relay_from_adviser(link, msg)
            case m.QualityReport(call_id=call_id, quality=quality):
                await self.store.add_quality(call_id, side="adviser", quality=quality, at=now)
            case m.MediaState(call_id=call_id, state=state):
                caller = self._adviser_call(link, call_id)
                await self._media_report(caller, silent="kiosk", state=state, now=now)
            case m.WrapUp(call_id=call_id, outcome=outcome, note=note):
                await self._wrap_up(link, call_id, outcome, note)
            case m.Ready():
                await self.perform(self.router.ready(me, now=now))
            case m.Transfer():
                await self._transfer(link, msg, now)
            case m.Hello():
                raise OutOfRole("already said hello on this connection")

    async def _wrap_up(self, link: AdviserLink, call_id: str, outcome: str, note: str) -> None:
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
        await self.store.set_wrap_up(call_id, category=outcome, note=note)

    async def _transfer(self, link: AdviserLink, msg: m.Transfer, now: float) -> None:
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
        await self.perform(effects)
        if msg.adviser is not None:
            self._post_position(caller.id)  # ringing at the colleague: first in line

    async def adviser_disconnected(self, link: AdviserLink) -> None:
        if self.advisers.get(link.adviser.id) is link:
            del self.advisers[link.adviser.id]
            effects = self.router.adviser_disconnected(
                r.AdviserId(link.adviser.id), now=self.clock()
            )
            await self.perform(effects)

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

    async def _media_report(
        self, caller: Caller, *, silent: r.Party, state: Literal["stalled", "restored"], now: float
    ) -> None:
        """One side's word on the media it receives from ``silent``, the other side (§Faults)."""
        if state == "stalled":
            effects = self.router.media_stalled(caller.id, silent=silent, now=now)
        else:
            effects = self.router.media_restored(caller.id, silent=silent, now=now)
        await self.perform(effects)

    async def _hang_up(self, caller: Caller, now: float) -> None:
        state = self.router.caller_state(caller.id)
        if state in (r.CallerState.IN_CALL, r.CallerState.HELD):
            await self.perform(self.router.end_call(caller.id, now=now))
        else:
            await self.perform(self.router.leave(caller.id, now=now))

    def _relay_from_kiosk(
        self, link: KioskLink, msg: m.SessionDescription | m.IceCandidate
    ) -> None:
        caller = self._own_call(link, msg.call_id)
        adviser = self.router.adviser_of(caller.id)
        if self.router.caller_state(caller.id) is not r.CallerState.IN_CALL or adviser is None:
            raise OutOfRole("no active call to signal into")
        target = self.advisers.get(adviser)
        if target is not None:
            target.peer.post(msg)

    def _relay_from_adviser(
        self, link: AdviserLink, msg: m.SessionDescription | m.IceCandidate
    ) -> None:
        caller = self._adviser_call(link, msg.call_id)
        if self.router.caller_state(caller.id) is not r.CallerState.IN_CALL:
            raise OutOfRole("no active call to signal into")
        kiosk = self.kiosks.get(caller.kiosk_id)
        if kiosk is not None and kiosk.caller == caller.id:
            kiosk.peer.post(msg)

    # --- effects -------------------------------------------------------------------------------

    async def perform(self, effects: list[r.Effect]) -> None:
        """Carry out the router's decisions, in order. The only place that sends on its behalf."""
        now = self.clock()
        for effect in effects:
            await self._perform_one(effect, now)
        await self._sync_persisted_queue()
        self._broadcast_overview(now)
        self._wake.set()

    async def _perform_one(self, effect: r.Effect, now: float) -> None:
        match effect:
            case r.OfferMade(caller=cid, adviser=aid, expires_at=expires_at):
                caller = self.callers[cid]
                self._to_adviser(
                    aid,
                    m.Offer(
                        call_id=cid,
                        language=caller.language,
                        topic=caller.topic,
                        site=caller.site,
                        waited_s=round(now - caller.joined_at, 1),
                        expires_in_s=round(max(0.0, expires_at - now), 1),
                    ),
                )
            case r.OfferRevoked(caller=cid, adviser=aid, reason=reason):
                self._to_adviser(aid, m.OfferRevoked(call_id=cid, reason=reason))
            case r.CallConnected(caller=cid, adviser=aid):
                await self._start_call(cid, aid, now, first=True)
            case r.CallResumed(caller=cid, adviser=aid):
                await self._start_call(cid, aid, now, first=False)
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
                if reason != "transferred":  # a transferred caller heard so in _call_ended
                    self._to_kiosk(cid, m.CallEnded(call_id=cid, reason="requeued"))
                self._post_position(cid)
            case r.CallEnded(caller=cid, adviser=aid, reason=reason):
                await self._call_ended(cid, aid, reason)
            case r.CallerRemoved(caller=cid, reason=reason):
                await self._caller_removed(cid, reason, now)
            case r.PositionChanged(caller=cid):
                self._post_position(cid)
            case r.AdviserStateChanged(adviser=aid, state=state, reason=reason, until=until):
                self._adviser_status(aid, state, reason, until)

    async def _start_call(
        self, cid: r.CallerId, aid: r.AdviserId, now: float, *, first: bool
    ) -> None:
        caller = self.callers[cid]
        adviser = self.advisers.get(aid)
        if first and not caller.answered:
            caller.answered = True
            await self.store.answer_call(cid, adviser_id=aid, at=now)
        servers = ice_servers(self.settings.ice, now=now)
        name = adviser.adviser.display_name.split()[0] if adviser else ""
        self._to_kiosk(
            cid,
            m.CallStarted(
                call_id=cid,
                role="offerer",
                peer_name=name,
                language=caller.language,
                ice_servers=servers,
            ),
        )
        self._to_adviser(
            aid,
            m.CallStarted(
                call_id=cid,
                role="answerer",
                peer_name=caller.site,
                language=caller.language,
                ice_servers=servers,
            ),
        )

    async def _call_ended(self, cid: r.CallerId, aid: r.AdviserId, reason: str) -> None:
        kiosk_left = cid in self._kiosk_left
        self._kiosk_left.discard(cid)
        if reason == "transferred":
            # The kiosk is told too: it says "connecting you to another adviser" and waits, camera
            # still open, for the next call_started (docs/protocol.md §Transfer).
            wire = m.CallEnded(call_id=cid, reason="transferred")
            self._to_kiosk(cid, wire)
            self._to_adviser(aid, wire)
        elif reason == "adviser_lost":
            pass  # the kiosk hears of it through CallerRequeued, which always follows
        elif reason in ("adviser_silent", "kiosk_silent"):
            # The kiosk hears through CallerRequeued; the adviser, perhaps still there, is told
            # the caller went back in line, or that the caller's side went silent (§Faults).
            said = "requeued" if reason == "adviser_silent" else "peer_left"
            self._to_adviser(aid, m.CallEnded(call_id=cid, reason=said))
        else:
            wire = m.CallEnded(call_id=cid, reason="peer_left" if kiosk_left else "hangup")
            self._to_kiosk(cid, wire)
            self._to_adviser(aid, wire)
        link = self.advisers.get(aid)
        if link is not None:
            link.pending_wrap_up.add(cid)

    async def _caller_removed(self, cid: r.CallerId, reason: str, now: float) -> None:
        caller = self.callers.pop(cid, None)
        if caller is None:
            return
        self._by_resume_hash.pop(caller.resume_hash, None)
        outcome = {"ended": "completed", "cancelled": "cancelled", "abandoned": "abandoned"}.get(
            reason, reason
        )
        kiosk = self.kiosks.get(caller.kiosk_id)
        if kiosk is not None and kiosk.caller == cid:
            # Before any await: the kiosk may send its rating the moment it hears the call ended.
            kiosk.caller = None
            kiosk.last_call = cid if caller.answered else None
        await self.store.close_call(cid, at=now, outcome=outcome)

    def _adviser_status(
        self, aid: r.AdviserId, state: r.AdviserState, reason: str, until: float | None
    ) -> None:
        if state is r.AdviserState.DISCONNECTED:
            link = self.advisers.get(aid)
            if link is not None and reason == "heartbeat_timeout":
                # Silent but connected: a frozen console. The router has taken it out of routing;
                # close the socket so the console notices, reconnects and is routed again.
                self._spawn(link.peer.close(CLOSE_SILENT, "no heartbeat"))
            return
        status = state.value
        self._to_adviser(
            aid,
            m.AdviserStatus(status=status, reason=reason, wrap_up_ends_at=until),
        )

    def _post_position(self, cid: r.CallerId) -> None:
        caller = self.callers.get(cid)
        kiosk = self.kiosks.get(caller.kiosk_id) if caller else None
        if caller is None or kiosk is None or kiosk.caller != cid or caller.resume_token is None:
            return
        state = self.router.caller_state(cid)
        if state is r.CallerState.OFFERED:
            # Ringing at an adviser: first in line, and about to be answered.
            index, low, high = 1, 0, 0
        elif state is r.CallerState.WAITING:
            position = self.router.position_of(cid, now=self.clock())
            if position is None:
                return
            index, low, high = position
        else:
            return
        kiosk.peer.post(
            m.Queued(
                language=caller.language,
                position=index,
                wait=m.WaitEstimate(low_s=low, high_s=high),
                resume_token=caller.resume_token,
            )
        )

    def _to_kiosk(self, cid: r.CallerId, message: m.Message) -> None:
        caller = self.callers.get(cid)
        kiosk = self.kiosks.get(caller.kiosk_id) if caller else None
        if kiosk is not None and kiosk.caller == cid:
            kiosk.peer.post(message)

    def _to_adviser(self, aid: r.AdviserId, message: m.Message) -> None:
        link = self.advisers.get(aid)
        if link is not None:
            link.peer.post(message)

    def _remember(self, caller: Caller) -> None:
        self.callers[caller.id] = caller
        self._by_resume_hash[caller.resume_hash] = caller.id

    async def _sync_persisted_queue(self) -> None:
        """Keep the store's copy of the queue equal to the router's, so a restart loses no one."""
        async with self._sync_lock:
            await self._sync_persisted_queue_now()

    async def _sync_persisted_queue_now(self) -> None:
        waiting = {w.caller: w for w in self.router.waiting_callers()}
        for cid in sorted(self._persisted - waiting.keys()):
            await self.store.delete_waiting(cid)
            self._persisted.discard(cid)
        for cid, w in waiting.items():
            if cid in self._persisted or cid not in self.callers:
                continue
            caller = self.callers[cid]
            await self.store.save_waiting(
                cid,
                kiosk_id=caller.kiosk_id,
                language=w.language,
                topic=w.topic,
                fallbacks=list(w.fallbacks),
                priority=w.priority,
                joined_at=w.joined_at,
                resume_token_hash=caller.resume_hash,
            )
            self._persisted.add(cid)

    # --- overview, welcome ---------------------------------------------------------------------

    def hours_for(self, language: str) -> OpeningHours:
        return self.overview.hours_for(language)

    def queue_stats(self, now: float) -> list[m.QueueStat]:
        """Per offered language: waiting, longest wait, advisers available, open now."""
        return self.overview.queue_stats(now)

    def _broadcast_overview(self, now: float) -> None:
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
            link.peer.post(overview)

    # --- time ----------------------------------------------------------------------------------

    async def run_timer(self) -> None:
        """Wake the router at its next deadline (offer expiry, grace ends, escalation steps)."""
        while True:
            deadline = self.router.next_deadline()
            self._wake.clear()
            timeout = None if deadline is None else max(0.0, deadline - self.clock())
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout)
            now = self.clock()
            if deadline is not None and now >= deadline:
                try:
                    await self.perform(self.router.tick(now=now))
                except Exception:  # never let one bad tick stop time for everyone
                    log.exception("router tick failed")
                    await asyncio.sleep(0.5)

    # --- fleet health hooks (signaling.admin) --------------------------------------------------
    # The admin package watches kiosks through these; the switchboard decides nothing for it.

    def add_observer(self, observer: KioskObserver) -> None:
        """Tell ``observer`` of every kiosk connect, message and disconnect, as they happen."""
        self._observers.append(observer)

    def remove_observer(self, observer: KioskObserver) -> None:
        with contextlib.suppress(ValueError):
            self._observers.remove(observer)

    def send_command(self, kiosk_id: str, command: m.Command) -> bool:
        """Send a remote action to a connected kiosk. False when it is not connected."""
        link = self.kiosks.get(kiosk_id)
        if link is None:
            return False
        link.peer.post(command)
        return True

    def _tell_observers(self, call: Callable[[KioskObserver], None]) -> None:
        for observer in list(self._observers):
            try:
                call(observer)
            except Exception:  # a dashboard bug must never break a kiosk's session
                log.exception("kiosk observer failed")


class KioskObserver(Protocol):
    """Fleet health watches kiosks through this (signaling.admin.monitor). Calls are synchronous
    and must not block: they run inside the kiosk's message handling."""

    def kiosk_connected(self, kiosk: KioskRecord, app_version: str, at: float) -> None: ...

    def kiosk_message(self, kiosk_id: str, message: m.KioskMessage, at: float) -> None: ...

    def kiosk_disconnected(self, kiosk_id: str, at: float) -> None: ...


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
