"""Interpreters in a running call (docs/protocol.md §Interpreter), without I/O.

The interpreters' queue is a second :class:`signaling.routing.Router`: its "callers" are
invitations, one per call and keyed by the call's id, and its "advisers" are the signed-in
interpreters. So offers, accept, decline, ring timeout, rounds, missed offers and wrap-up follow
the rules residents have; only the translation of its effects differs. Every interpreter of a
language qualifies at once (one escalation step at ``basic``): an invitation is for anyone who
interprets the language.

Rules kept here:

* an invitation asks the adviser's own active call; one interpretation (waiting or joined) per
  call; no account interpreting the language, or none of them signed in: ``unavailable`` at once;
  not accepted within ``routing.interpreter_invitation_s``: ``unavailable`` ``timeout``;
* ``peer`` names the party a client's ``sdp`` / ``ice`` is for and, delivered, the party it came
  from; the interpreter must name one; a party the call does not have is ``out_of_role``;
* an interpreter's part ends alone (hangup, dismissal, lost connection, failed negotiation): the
  two-party call is never touched; the call's end ends the interpretation;
* every interpretation is recorded once, when it ends, without anyone's name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from signaling import messages as m
from signaling import routing as r
from signaling.config import Settings
from signaling.errors import CLOSE_SILENT, OutOfRole
from signaling.exchange.actions import Close, Post, RecordInterpretation
from signaling.exchange.effects import Effects, restates
from signaling.exchange.lines import Lines
from signaling.exchange.rules import rules_from_settings
from signaling.ice import ice_servers
from signaling.links import AdviserLink, Caller

# Anyone who interprets a language may be offered its invitations, at once.
_ANY_LEVEL = (r.EscalationStep(0.0, "basic", False),)
_ACTIVE = (r.CallerState.IN_CALL, r.CallerState.HELD)
Outcome = m.InterpreterReason | Literal["call_ended"]  # the call itself ended


@dataclass
class Invitation:
    """One interpretation asked for in call ``call_id``, from the invitation until it ends."""

    call_id: r.CallerId
    language: str
    adviser: str  # the inviting adviser's id
    asked_at: float
    expires_at: float
    interpreter: r.AdviserId | None = None  # once joined
    joined_at: float | None = None


class InterpreterDesk:
    """The interpreters' queue and the interpretations of running calls.

    Inputs append their actions to ``lines.out`` (the exchange hands them out with its own);
    those that refuse raise :class:`OutOfRole` before anything changes. ``main`` is the
    residents' router, only read here: which calls are active.
    """

    def __init__(self, settings: Settings, main: r.Router, lines: Lines, effects: Effects) -> None:
        rules = rules_from_settings(settings)
        self.router = r.Router(
            r.RoutingRules(
                ring_timeout_s=rules.ring_timeout_s,
                max_missed_offers=rules.max_missed_offers,
                wrap_up_s=rules.wrap_up_s,
                adviser_grace_s=rules.adviser_grace_s,
                heartbeat_timeout_s=rules.heartbeat_timeout_s,
                escalation=_ANY_LEVEL,
            )
        )
        self._invitation_s = settings.routing.interpreter_invitation_s
        self._settings = settings
        self._main = main
        self._lines = lines
        self._effects = effects
        self.invitations: dict[r.CallerId, Invitation] = {}

    # --- interpreters' connections --------------------------------------------------------------

    def sign_in(self, link: AdviserLink, now: float) -> r.AdviserState | None:
        """An interpreter's connection said hello: signed in (away) or back within grace."""
        aid = r.AdviserId(link.adviser.id)
        state = self.router.adviser_state(aid)
        if state is None or state is r.AdviserState.SIGNED_OUT:
            langs = {r.Language(k): v for k, v in link.adviser.languages.items()}
            effects = self.router.sign_in(aid, langs, now=now)
        else:
            effects = self.router.adviser_reconnected(aid, now=now)
        state = self.router.adviser_state(aid)
        # The welcome tells the state; a status saying the same is left out.
        self.perform([e for e in effects if not restates(e, aid, state)], now)
        return state

    def disconnected(self, link: AdviserLink, now: float) -> None:
        """Three-way media cannot wait for an interpreter: their part ends at once."""
        aid = r.AdviserId(link.adviser.id)
        joined = self._joined_by(aid)
        if joined is not None:
            self._end(joined, "disconnected", now)
        self.perform(self.router.adviser_disconnected(aid, now=now), now)

    def interpreter_says(self, link: AdviserLink, msg: m.AdviserMessage, now: float) -> None:
        """A message from an interpreter's console (what an adviser may send, less the call's
        management: an interpreter never transfers, pulls, wraps up or invites)."""
        me = r.AdviserId(link.adviser.id)
        self.router.heartbeat(me, now=now)
        match msg:
            case m.Ping(seq=seq):
                self._lines.out.append(Post(link.conn, m.Pong(seq=seq)))
            case m.SetStatus(status="available"):
                self.perform(self.router.set_available(me, now=now), now)
            case m.SetStatus(status="away", reason=reason):
                self.perform(self.router.set_away(me, reason or "away", now=now), now)
            case m.Accept(call_id=call_id):
                self.perform(self.router.accept(me, r.CallerId(call_id), now=now), now)
            case m.Decline(call_id=call_id):
                self.perform(self.router.decline(me, r.CallerId(call_id), now=now), now)
            case m.Ready():
                self.perform(self.router.ready(me, now=now), now)
            case m.Hangup(call_id=call_id):
                self._end(self._interpreting(me, call_id), "hangup", now)
            case m.SessionDescription() | m.IceCandidate():
                self._relay_from_interpreter(self._interpreting(me, msg.call_id), msg)
            case m.NegotiationFailed(call_id=call_id, reason=reason):
                self._end(self._interpreting(me, call_id), "negotiation_failed", now, reason)
            case m.QualityReport() | m.MediaState():
                # Figures of the call record are the two main parties'; the interpreter's own
                # are not kept (docs/privacy.md). Still only about their own interpretation.
                if link.last_call != msg.call_id:
                    self._interpreting(me, msg.call_id)
            case m.Hello():
                raise OutOfRole("already said hello on this connection")
            case _:
                raise OutOfRole(f"an interpreter does not send {msg.type}")

    # --- the adviser's invitation ---------------------------------------------------------------

    def invite(
        self,
        link: AdviserLink,
        caller: Caller,
        language: str,
        *,
        interpreted: frozenset[str],
        now: float,
    ) -> None:
        """The adviser of ``caller``'s active call asks for an interpreter of ``language``;
        ``interpreted`` holds every language an interpreter account has (read by the adapter)."""
        if caller.id in self.invitations:
            raise OutOfRole("this call already has an interpreter or an invitation")
        unavailable: m.InterpreterReason | None = None
        if language not in interpreted:
            unavailable = "nobody_interprets"
        elif not self._signed_in_for(language):
            unavailable = "none_signed_in"
        if unavailable is not None:
            told = m.Interpreter(
                call_id=caller.id, state="unavailable", language=language, reason=unavailable
            )
            self._lines.out.append(Post(link.conn, told))
            self._record(caller.id, language, now, None, now, unavailable)
            return
        invitation = Invitation(caller.id, language, link.adviser.id, now, now + self._invitation_s)
        self.invitations[caller.id] = invitation
        inviting = m.Interpreter(call_id=caller.id, state="inviting", language=language)
        self._tell_parties(invitation, inviting)
        self.perform(self.router.join(caller.id, r.Language(language), now=now), now)

    def dismiss(self, caller: Caller, now: float) -> None:
        invitation = self.invitations.get(caller.id)
        if invitation is None:
            raise OutOfRole("this call has no interpreter nor an invitation")
        self._end(invitation, "dismissed", now)

    # --- the main parties' messages about the interpreter -----------------------------------------

    def relay_to_interpreter(
        self, caller: Caller, sender: r.Party, msg: m.SessionDescription | m.IceCandidate
    ) -> None:
        """``sdp`` / ``ice`` from a main party for the interpreter: delivered naming the sender."""
        interpreter = self._joined_interpreter(caller.id)
        link = self._lines.advisers.get(interpreter)
        if link is not None:
            self._lines.out.append(Post(link.conn, msg.model_copy(update={"peer": sender})))

    def leg_failed(self, caller: Caller, reason: str, now: float) -> None:
        """A main party could not set up its connection with the interpreter."""
        self._joined_interpreter(caller.id)
        self._end(self.invitations[caller.id], "negotiation_failed", now, reason)

    def call_resumed(self, call_id: r.CallerId, now: float) -> None:
        """The adviser came back within grace and both main parties got ``call_started`` again
        (§Reconnecting): the interpreter's connections are set up anew too. The interpreter gets
        ``call_started`` again and offers both; kiosk and adviser hear ``joined`` again."""
        invitation = self.invitations.get(call_id)
        if invitation is not None and invitation.interpreter is not None:
            self._announce(invitation, invitation.interpreter, now)

    # --- time and the calls' ends ---------------------------------------------------------------

    def tick(self, now: float) -> None:
        self.perform(self.router.tick(now=now), now)
        for invitation in sorted(self.invitations.values(), key=lambda i: i.expires_at):
            if invitation.joined_at is None and invitation.expires_at <= now:
                self._end(invitation, "timeout", now)

    def next_deadline(self) -> float | None:
        waiting = [i.expires_at for i in self.invitations.values() if i.joined_at is None]
        times = [t for t in (self.router.next_deadline(), min(waiting, default=None)) if t]
        return min(times, default=None)

    def end_with_calls(self, now: float) -> None:
        """Whatever ended a call (hangup, transfer, the kiosk gone, a failed negotiation) ends
        its interpretation: run after every input, so no path can leave one behind."""
        for call_id in sorted(self.invitations):
            if self._main.caller_state(call_id) not in _ACTIVE:
                self._end(self.invitations[call_id], "call_ended", now)

    # --- ending ---------------------------------------------------------------------------------

    def _end(self, invitation: Invitation, outcome: Outcome, now: float, detail: str = "") -> None:
        """End ``invitation`` for ``outcome``: the router first (an interpreter who hung up or
        was dismissed goes to wrap-up; one whose media failed is available again), then who is
        told what, then the record."""
        cid = invitation.call_id
        del self.invitations[cid]
        if invitation.joined_at is None:
            effects = self.router.leave(cid, now=now)  # a ringing offer is revoked
        elif outcome == "negotiation_failed":
            effects = self.router.negotiation_failed(cid, now=now)
        else:
            effects = self.router.end_call(cid, now=now)
        self._tell_interpreter_ended(invitation, outcome, detail)
        self._tell_parties_ended(invitation, outcome)
        self.perform(effects, now)
        joined = invitation.joined_at
        self._record(cid, invitation.language, invitation.asked_at, joined, now, outcome)

    def _tell_interpreter_ended(
        self, invitation: Invitation, outcome: Outcome, detail: str
    ) -> None:
        if invitation.interpreter is None or outcome == "disconnected":
            return
        link = self._lines.advisers.get(invitation.interpreter)
        if link is None:
            return
        failed = outcome == "negotiation_failed"
        ended = m.CallEnded(
            call_id=invitation.call_id,
            reason="negotiation_failed" if failed else "hangup",
            detail=detail if failed else "",
        )
        self._lines.out.append(Post(link.conn, ended))
        link.last_call = invitation.call_id

    def _tell_parties_ended(self, invitation: Invitation, outcome: Outcome) -> None:
        """The kiosk and the adviser hear how it ended; not when the call itself ended (they
        heard ``call_ended``). An invitation that ran out is ``unavailable`` to the adviser and
        ``left`` to the kiosk, which is never told ``unavailable``."""
        if outcome == "call_ended":
            return
        cid, language = invitation.call_id, invitation.language
        if outcome == "timeout":
            self._to_adviser(
                invitation,
                m.Interpreter(
                    call_id=cid, state="unavailable", language=language, reason="timeout"
                ),
            )
            self._effects.to_kiosk(
                cid, m.Interpreter(call_id=cid, state="left", language=language, reason="timeout")
            )
            return
        reason: m.InterpreterReason = outcome
        left = m.Interpreter(call_id=cid, state="left", language=language, reason=reason)
        self._tell_parties(invitation, left)

    def _record(
        self,
        call_id: str,
        language: str,
        asked_at: float,
        joined_at: float | None,
        left_at: float,
        outcome: Outcome,
    ) -> None:
        self._lines.out.append(
            RecordInterpretation(call_id, language, asked_at, joined_at, left_at, outcome)
        )

    # --- the router's effects -------------------------------------------------------------------

    def perform(self, effects: Sequence[r.Effect], now: float) -> None:
        """The interpreters' router's effects as actions. Ends are not among them: every end is
        this desk's own input (``_end``), which tells who must know."""
        for effect in effects:
            match effect:
                case r.OfferMade(caller=cid, adviser=aid, expires_at=expires_at):
                    self._offer(cid, aid, expires_at, now)
                case r.OfferRevoked(caller=cid, adviser=aid, reason=reason):
                    self._to_interpreter(aid, m.OfferRevoked(call_id=cid, reason=reason))
                case r.CallConnected(caller=cid, adviser=aid):
                    self._joined(self.invitations[cid], aid, now)
                case r.AdviserStateChanged(adviser=aid, state=state, reason=reason, until=until):
                    self._status(aid, state, reason, until)
                case _:
                    pass  # positions are not told for invitations; holds end at the disconnect

    def _offer(self, cid: r.CallerId, aid: r.AdviserId, expires_at: float, now: float) -> None:
        invitation = self.invitations[cid]
        caller = self._lines.callers.get(cid)
        offer = m.Offer(
            call_id=cid,
            language=invitation.language,
            topic=None,
            site=caller.site if caller else "",
            waited_s=round(now - invitation.asked_at, 1),
            expires_in_s=round(max(0.0, expires_at - now), 1),
            kiosk_lacks=None,
            kind="interpreting",
        )
        self._to_interpreter(aid, offer)

    def _joined(self, invitation: Invitation, aid: r.AdviserId, now: float) -> None:
        invitation.interpreter, invitation.joined_at = aid, now
        self._announce(invitation, aid, now)

    def _announce(self, invitation: Invitation, aid: r.AdviserId, now: float) -> None:
        adviser = self._lines.advisers.get(invitation.adviser)
        interpreter = self._lines.advisers.get(aid)
        started = m.CallStarted(
            call_id=invitation.call_id,
            role="offerer",
            peer_name=adviser.adviser.display_name if adviser else "",
            language=invitation.language,
            ice_servers=ice_servers(self._settings.ice, now=now),
            interpreting=True,
        )
        self._to_interpreter(aid, started)
        joined = m.Interpreter(
            call_id=invitation.call_id,
            state="joined",
            language=invitation.language,
            name=interpreter.adviser.display_name if interpreter else "",
        )
        self._tell_parties(invitation, joined)

    def _status(
        self, aid: r.AdviserId, state: r.AdviserState, reason: str, until: float | None
    ) -> None:
        link = self._lines.advisers.get(aid)
        if state is r.AdviserState.DISCONNECTED:
            if link is not None and reason == "heartbeat_timeout":
                # A frozen console: close it, and its disconnect ends the interpretation.
                self._lines.out.append(Close(link.conn, CLOSE_SILENT, "no heartbeat"))
            return
        status = m.AdviserStatus(status=state.value, reason=reason, wrap_up_ends_at=until)
        self._to_interpreter(aid, status)

    # --- relay and look-ups ----------------------------------------------------------------------

    def _relay_from_interpreter(
        self, invitation: Invitation, msg: m.SessionDescription | m.IceCandidate
    ) -> None:
        delivered = msg.model_copy(update={"peer": "interpreter"})
        if msg.peer == "kiosk":
            self._effects.to_kiosk(invitation.call_id, delivered)
        elif msg.peer == "adviser":
            self._to_adviser(invitation, delivered)
        else:
            raise OutOfRole("an interpreter names the party with peer: kiosk or adviser")

    def _interpreting(self, me: r.AdviserId, call_id: str) -> Invitation:
        invitation = self.invitations.get(r.CallerId(call_id))
        if invitation is None or invitation.interpreter != me:
            raise OutOfRole(f"you are not interpreting in call {call_id!r}")
        return invitation

    def _joined_interpreter(self, call_id: r.CallerId) -> r.AdviserId:
        invitation = self.invitations.get(call_id)
        if invitation is None or invitation.interpreter is None:
            raise OutOfRole("this call has no interpreter")
        return invitation.interpreter

    def _joined_by(self, aid: r.AdviserId) -> Invitation | None:
        return next((i for i in self.invitations.values() if i.interpreter == aid), None)

    def _signed_in_for(self, language: str) -> bool:
        return any(
            link.interpreter and language in link.adviser.languages
            for link in self._lines.advisers.values()
        )

    def _tell_parties(self, invitation: Invitation, message: m.Message) -> None:
        self._effects.to_kiosk(invitation.call_id, message)
        self._to_adviser(invitation, message)

    def _to_adviser(self, invitation: Invitation, message: m.Message) -> None:
        self._effects.to_adviser(r.AdviserId(invitation.adviser), message)

    def _to_interpreter(self, aid: r.AdviserId, message: m.Message) -> None:
        self._effects.to_adviser(aid, message)
