"""The router's effects turned into actions: who is told what, and what the store records.

The policy the adapter used to hide: which side hears which ``call_ended`` reason, the outcome of a
call record, when a kiosk is told its place (at most once per input), the status an adviser sees,
closing a frozen console.
"""

from __future__ import annotations

from collections.abc import Sequence

from signaling import messages as m
from signaling import routing as r
from signaling.config import Settings
from signaling.devices import device_state
from signaling.errors import CLOSE_SILENT
from signaling.exchange.actions import AnswerCall, Close, CloseCall, Post
from signaling.exchange.lines import Lines
from signaling.ice import ice_servers

# How a call record ends, by the router's reason for removing the caller.
_OUTCOMES = {
    "ended": "completed",
    "cancelled": "cancelled",
    "abandoned": "abandoned",
    "failed": "failed",
}
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


class Effects:
    """Appends to ``lines.out`` the actions that carry out the router's effects, in order."""

    def __init__(self, settings: Settings, router: r.Router, lines: Lines) -> None:
        self._settings = settings
        self._router = router
        self._lines = lines

    def perform(self, effects: Sequence[r.Effect], now: float) -> None:
        for effect in effects:
            self._perform_one(effect, now)

    def _perform_one(self, effect: r.Effect, now: float) -> None:
        match effect:
            case r.OfferMade(caller=cid, adviser=aid, expires_at=expires_at):
                caller = self._lines.callers[cid]
                offer = m.Offer(
                    call_id=cid,
                    language=caller.language,
                    topic=caller.topic,
                    site=caller.site,
                    waited_s=round(now - (caller.arrived_at or caller.joined_at), 1),
                    expires_in_s=round(max(0.0, expires_at - now), 1),
                    kiosk_lacks=self._kiosk_lacks(caller.kiosk_id),
                )
                self.to_adviser(aid, offer)
            case r.OfferRevoked(caller=cid, adviser=aid, reason=reason):
                self.to_adviser(aid, m.OfferRevoked(call_id=cid, reason=reason))
            case r.CallConnected(caller=cid, adviser=aid):
                self._start_call(cid, aid, now, first=True)
            case r.CallResumed(caller=cid, adviser=aid):
                self._start_call(cid, aid, now, first=False)
            case r.CallHeld(caller=cid, until=until):
                self.to_kiosk(cid, m.Reconnecting(call_id=cid, grace_s=round(until - now, 1)))
            case r.MediaInterrupted(caller=cid, adviser=aid, until=until):
                wire: m.Message = m.Reconnecting(call_id=cid, grace_s=round(until - now, 1))
                self.to_kiosk(cid, wire)
                self.to_adviser(aid, wire)
            case r.MediaRestored(caller=cid, adviser=aid):
                self.to_kiosk(cid, m.Reconnected(call_id=cid))
                self.to_adviser(aid, m.Reconnected(call_id=cid))
            case r.CallerRequeued(caller=cid, reason=reason):
                if reason != "transferred":  # a transferred caller heard so with its call_ended
                    self.to_kiosk(cid, m.CallEnded(call_id=cid, reason="requeued"))
                self.post_position(cid, now)
            case r.CallEnded(caller=cid, adviser=aid, reason=reason):
                self._call_ended(cid, aid, reason)
            case r.CallerRemoved(caller=cid, reason=reason):
                self._caller_removed(cid, reason, now)
            case r.PositionChanged(caller=cid):
                self.post_position(cid, now)
            case r.AdviserStateChanged(adviser=aid, state=state, reason=reason, until=until):
                self._adviser_status(aid, state, reason, until)

    def _start_call(self, cid: r.CallerId, aid: r.AdviserId, now: float, *, first: bool) -> None:
        caller = self._lines.callers[cid]
        adviser = self._lines.advisers.get(aid)
        if first and not caller.answered:
            caller.answered = True
            self._lines.out.append(AnswerCall(cid, aid, now))
        servers = ice_servers(self._settings.ice, now=now)
        name = adviser.adviser.display_name.split()[0] if adviser else ""
        lang = caller.language
        self.to_kiosk(
            cid,
            m.CallStarted(
                call_id=cid, role="offerer", peer_name=name, language=lang, ice_servers=servers
            ),
        )
        self.to_adviser(
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
        if reason == "negotiation_failed":
            self._setup_failed(cid, aid)
            return
        kiosk_left = cid in self._lines.kiosk_left
        self._lines.kiosk_left.discard(cid)
        plain = "peer_left" if kiosk_left else "hangup"
        to_kiosk = _ENDED_TO_KIOSK.get(reason, plain)
        to_adviser = _ENDED_TO_ADVISER.get(reason, plain)
        if to_kiosk is not None:
            self.to_kiosk(cid, m.CallEnded(call_id=cid, reason=to_kiosk))
        if to_adviser is not None:
            self.to_adviser(aid, m.CallEnded(call_id=cid, reason=to_adviser))
        link = self._lines.advisers.get(aid)
        if link is not None:
            link.pending_wrap_up.add(cid)
            link.last_call = cid

    def _setup_failed(self, cid: r.CallerId, aid: r.AdviserId) -> None:
        """Both told why; the kiosk hears ``requeued`` when it goes back in line. No wrap-up."""
        failed = self._lines.failed_setups.pop(cid)  # put there by the exchange, just before
        if failed.kiosk is not None:  # by its connection: a requeued kiosk holds its new visit
            to_kiosk = "requeued" if failed.requeue else "negotiation_failed"
            ended = m.CallEnded(call_id=cid, reason=to_kiosk, detail=failed.reason)
            self._lines.out.append(Post(failed.kiosk, ended))
        self.to_adviser(
            aid, m.CallEnded(call_id=cid, reason="negotiation_failed", detail=failed.reason)
        )
        link = self._lines.advisers.get(aid)
        if link is not None:
            link.last_call = cid

    def _caller_removed(self, cid: r.CallerId, reason: str, now: float) -> None:
        caller = self._lines.callers.pop(cid, None)
        if caller is None:
            return
        self._lines.by_resume_hash.pop(caller.resume_hash, None)
        outcome = _OUTCOMES.get(reason, reason)
        if cid in self._lines.rejoined:
            self._lines.rejoined.discard(cid)
            outcome = "rejoined"
        kiosk = self._lines.kiosks.get(caller.kiosk_id)
        if kiosk is not None and kiosk.caller == cid:
            kiosk.caller = None
            kiosk.last_call = cid if caller.answered else None
        self._lines.out.append(CloseCall(cid, now, outcome))

    def _adviser_status(
        self, aid: r.AdviserId, state: r.AdviserState, reason: str, until: float | None
    ) -> None:
        if state is r.AdviserState.DISCONNECTED:
            link = self._lines.advisers.get(aid)
            if link is not None and reason == "heartbeat_timeout":
                # Silent but connected: a frozen console. The router has taken it out of routing;
                # close the socket so the console notices, reconnects and is routed again.
                self._lines.out.append(Close(link.conn, CLOSE_SILENT, "no heartbeat"))
            return
        status = m.AdviserStatus(status=state.value, reason=reason, wrap_up_ends_at=until)
        self.to_adviser(aid, status)

    def post_position(self, cid: r.CallerId, now: float) -> None:
        caller = self._lines.callers.get(cid)
        kiosk = self._lines.kiosks.get(caller.kiosk_id) if caller else None
        if caller is None or kiosk is None or kiosk.caller != cid or caller.resume_token is None:
            return
        state = self._router.caller_state(cid)
        wait: tuple[int, int] | None  # None: nobody for the language is staffed
        if state is r.CallerState.OFFERED:
            # Ringing at an adviser: first in line, and about to be answered.
            index, wait = 1, (0, 0)
        elif state is r.CallerState.WAITING:
            position = self._router.position_of(cid, now=now)
            if position is None:
                return
            index, wait = position[0], position[1]
        else:
            return
        queued = m.Queued(
            language=caller.language,
            position=index,
            wait=m.WaitEstimate(low_s=wait[0], high_s=wait[1]) if wait else None,
            resume_token=caller.resume_token,
        )
        # A requeue and the router's PositionChanged name the same caller in one batch: say it once.
        if Post(kiosk.conn, queued) not in self._lines.out:
            self._lines.out.append(Post(kiosk.conn, queued))

    def to_kiosk(self, cid: r.CallerId, message: m.Message) -> None:
        caller = self._lines.callers.get(cid)
        kiosk = self._lines.kiosks.get(caller.kiosk_id) if caller else None
        if kiosk is not None and kiosk.caller == cid:
            self._lines.out.append(Post(kiosk.conn, message))

    def to_adviser(self, aid: r.AdviserId, message: m.Message) -> None:
        link = self._lines.advisers.get(aid)
        if link is not None:
            self._lines.out.append(Post(link.conn, message))

    def _kiosk_lacks(self, kiosk_id: str) -> list[m.KioskDevice] | None:
        """What the kiosk's devices lack by its latest report; None before any (§Offer)."""
        kiosk = self._lines.kiosks.get(kiosk_id)
        if kiosk is None or kiosk.health is None:
            return None
        return list(device_state(kiosk.health).lacking)


def restates(effect: r.Effect, adviser: r.AdviserId, state: r.AdviserState | None) -> bool:
    """Whether ``effect`` only repeats the adviser's state that their welcome already told."""
    return (
        isinstance(effect, r.AdviserStateChanged)
        and effect.adviser == adviser
        and effect.state is state
        and effect.until is None
    )
