"""The adviser console's state machine (pure: no Qt, no asyncio, no clock).

Rules:

1. Phases: signed out -> signing in -> connecting -> away | available -> offered (ringing) ->
   in call -> wrap-up -> available ... The server is the authority on the adviser's status
   (``status`` messages and the ``welcome``); the flow moves ahead of it only where the outcome of
   the adviser's own action is certain (going away or available, declining, hanging up, ready), so
   the console answers a click at once instead of after a round trip.
2. User intents are allowed only in the phases listed in ``_INTENTS``; any other raises
   :class:`~signaling.errors.IllegalTransition`. The controller asks :meth:`ConsoleFlow.allows`
   first, so a stray shortcut is ignored rather than fatal.
3. Server messages are never illegal: a late message for a call that is already over is ignored.
   ``reconnecting`` during a call means the resident's connection is interrupted (their media
   stopped, or ours did; §Faults): a notice says so until ``reconnected`` or the call ends.
4. A lost link does not sign the adviser out (issue #5: the session survives a short network loss):
   the flow marks the console offline, keeps the phase and the call media, and takes the server's
   ``welcome`` after reconnecting as the truth.
5. Every method takes ``now`` (UNIX seconds) and returns the effects for the adapter to carry out,
   in order. The password only passes through in a :class:`Login` effect; it is never in the state.
6. Today's bookings (:mod:`agent_console.flow_bookings`) work in every signed-in phase, beside the
   calls; ``booking_checked_in`` marks its row whether the panel is open or not.
7. The interpreter of a call (:mod:`agent_console.flow_interpreter`, §Interpreter): an adviser
   invites and dismisses one; an interpreter's console takes ``interpreting`` offers, joins with
   ``call_started`` ``interpreting``, leaves with a hang-up and readies without an outcome.

Mute, camera, the adviser's real-time text and the call media's reports are
:mod:`agent_console.flow_call`, part of this flow as the other two are.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TypeAlias, assert_never

from agent_console.flow_bookings import BookingEffect, BookingIntents
from agent_console.flow_call import CallEffect, CallIntents
from agent_console.flow_call import SendText as SendText
from agent_console.flow_call import SetMuted as SetMuted
from agent_console.flow_interpreter import InterpreterEffect, InterpreterIntents
from agent_console.quality import rate
from agent_console.state import (
    ActiveCall,
    ConsoleState,
    Notice,
    Phase,
    Ringing,
    Today,
    WrapUpState,
)
from signaling import messages as m
from signaling.errors import IllegalTransition

# Grace after an offer's ring time before the console gives up on it by itself; normally the
# server's ``offer_revoked`` comes first.
OFFER_GRACE_S = 2.0


@dataclass(frozen=True)
class Login:
    url: str
    username: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class Connect:
    url: str


@dataclass(frozen=True)
class Disconnect:
    pass


@dataclass(frozen=True)
class Send:
    message: m.Message


@dataclass(frozen=True)
class StartMedia:
    call: m.CallStarted


@dataclass(frozen=True)
class ToMedia:
    message: m.SessionDescription | m.IceCandidate


@dataclass(frozen=True)
class EndMedia:
    call_id: str


Effect: TypeAlias = (
    Login
    | Connect
    | Disconnect
    | Send
    | StartMedia
    | ToMedia
    | EndMedia
    | CallEffect
    | BookingEffect
    | InterpreterEffect
)

# Refusals of the adviser's own actions, which the console shows.
_SHOWN_ERRORS = frozenset(
    {
        "accept",
        "decline",
        "transfer",
        "wrap_up",
        "ready",
        "set_status",
        "take_next",
        "invite_interpreter",
        "dismiss_interpreter",
    }
)
_ONLINE = frozenset({Phase.AWAY, Phase.AVAILABLE, Phase.OFFERED, Phase.IN_CALL, Phase.WRAP_UP})
_INTENTS: dict[str, frozenset[Phase]] = {
    "sign_in": frozenset({Phase.SIGNED_OUT}),
    "sign_out": _ONLINE | {Phase.CONNECTING},
    "go_available": frozenset({Phase.AWAY}),
    "go_away": frozenset({Phase.AVAILABLE, Phase.AWAY}),
    "take_next": frozenset({Phase.AWAY}),  # pull: offers are off, the adviser asks (§Take next)
    "accept": frozenset({Phase.OFFERED}),
    "decline": frozenset({Phase.OFFERED}),
    "hang_up": frozenset({Phase.IN_CALL}),
    "transfer": frozenset({Phase.IN_CALL}),
    "toggle_mute": frozenset({Phase.IN_CALL}),
    "toggle_camera": frozenset({Phase.IN_CALL}),
    "type_text": frozenset({Phase.IN_CALL}),
    "ready": frozenset({Phase.WRAP_UP}),
    "invite_interpreter": frozenset({Phase.IN_CALL}),
    "dismiss_interpreter": frozenset({Phase.IN_CALL}),
    # Today's bookings (agent_console/flow_bookings.py): beside any signed-in phase.
    "toggle_bookings": _ONLINE,
    "publish_slots": _ONLINE,
    "book_slot": _ONLINE,
    "export_calendar": _ONLINE,
}


class ConsoleFlow(CallIntents, BookingIntents, InterpreterIntents):
    """Feed it intents, server events and ticks; render :attr:`state`; perform the effects."""

    def __init__(self, *, server_url: str = "", now: float = 0.0) -> None:
        self.state = ConsoleState(server_url=server_url, now=now)

    # --- queries -------------------------------------------------------------------------------

    def allows(self, intent: str) -> bool:
        if intent == "accept" and self.state.offer is not None and self.state.offer.accepting:
            return False
        if intent == "transfer" and self.state.call is not None and self.state.call.transferring:
            return False
        if intent == "ready" and self.state.wrap_up is not None and self.state.wrap_up.saving:
            return False
        return self.state.phase in _INTENTS[intent] and self._interpreter_allows(intent)

    def _check(self, intent: str) -> None:
        if self.state.phase not in _INTENTS[intent]:
            raise IllegalTransition("ConsoleFlow", self.state.phase.value, intent)

    def _set(self, **changes: object) -> None:
        self.state = replace(self.state, **changes)  # type: ignore[arg-type]

    # --- signing in and out --------------------------------------------------------------------

    def sign_in(self, url: str, username: str, password: str, now: float) -> list[Effect]:
        self._check("sign_in")
        self._set(phase=Phase.SIGNING_IN, now=now, server_url=url, username=username, notice=None)
        return [Login(url, username, password)]

    def login_failed(self, reason: str, *, unreachable: bool, now: float) -> list[Effect]:
        if self.state.phase is not Phase.SIGNING_IN:
            return []
        notice = Notice.SERVER_UNREACHABLE if unreachable else Notice.WRONG_PASSWORD
        self._set(phase=Phase.SIGNED_OUT, now=now, notice=notice, notice_detail=reason)
        return []

    def login_succeeded(self, adviser_id: str, display_name: str, now: float) -> list[Effect]:
        if self.state.phase is not Phase.SIGNING_IN:
            return []
        self._set(phase=Phase.CONNECTING, now=now, adviser_id=adviser_id, display_name=display_name)
        return [Connect(self.state.server_url)]

    def sign_out(self, now: float) -> list[Effect]:
        self._check("sign_out")
        effects = self._drop_call()
        self.state = ConsoleState(
            server_url=self.state.server_url, username=self.state.username, now=now
        )
        return [*effects, Disconnect()]

    def _drop_call(self) -> list[Effect]:
        call = self.state.call
        return [] if call is None else [EndMedia(call.call_id)]

    # --- the link ------------------------------------------------------------------------------

    def connected(self, welcome: m.AdviserWelcome, now: float) -> list[Effect]:
        """The welcome after sign-in or after a reconnect: the server's view wins (rule 4)."""
        self._set(
            now=now,
            online=True,
            retry_in_s=None,
            adviser_id=welcome.adviser_id,
            display_name=welcome.display_name,
            languages=tuple(sorted(welcome.languages.items())),
            outcomes=tuple(welcome.outcomes),
            note_retention_days=welcome.note_retention_days,
            roles=tuple(welcome.roles),
        )
        if self.state.phase is Phase.CONNECTING:
            self._set(notice=None)
        return self._apply_status(welcome.status, "", None, now)

    def disconnected(self, reason: str, retry_in_s: float, now: float) -> list[Effect]:
        if self.state.phase in (Phase.SIGNED_OUT, Phase.SIGNING_IN):
            return []
        self._set(now=now, online=False, retry_in_s=retry_in_s)
        return []

    def auth_failed(self, reason: str, now: float) -> list[Effect]:
        """The session token was refused (expired, revoked): sign in again."""
        effects = self._drop_call()
        self.state = ConsoleState(
            server_url=self.state.server_url,
            username=self.state.username,
            now=now,
            notice=Notice.SESSION_ENDED,
            notice_detail=reason,
        )
        return [*effects, Disconnect()]

    # --- status --------------------------------------------------------------------------------

    def go_available(self, now: float) -> list[Effect]:
        self._check("go_available")
        self._set(phase=Phase.AVAILABLE, now=now, away_reason="", notice=None)
        return [Send(m.SetStatus(status="available"))]

    def go_away(self, reason: str, now: float) -> list[Effect]:
        self._check("go_away")
        self._set(phase=Phase.AWAY, now=now, away_reason=reason, notice=None)
        return [Send(m.SetStatus(status="away", reason=reason))]

    def take_next(self, now: float) -> list[Effect]:
        """Ask for the next caller while away (§Take next): it comes as an ordinary offer, and
        the server keeps the adviser away after it; nobody waiting is a notice."""
        self._check("take_next")
        self._set(now=now, notice=None)
        return [Send(m.TakeNext())]

    def _apply_status(
        self, status: str, reason: str, wrap_up_ends_at: float | None, now: float
    ) -> list[Effect]:
        phase = self.state.phase
        if status == "available" and phase is not Phase.AVAILABLE:
            return self._leave_for(Phase.AVAILABLE, now)
        if status == "away":
            effects = self._leave_for(Phase.AWAY, now) if phase is not Phase.AWAY else []
            self._set(away_reason=reason)
            return effects
        if status == "wrap_up":
            return self._enter_wrap_up(now, ends_at=wrap_up_ends_at)
        if status == "signed_out":
            return self.auth_failed("signed out by the server", now)
        # "offered" and "in_call" come with their own messages (offer, call_started).
        return []

    def _leave_for(self, phase: Phase, now: float) -> list[Effect]:
        """Go to available or away, finishing whatever the console was doing first."""
        effects = self._drop_call()
        wrap = self.state.wrap_up
        if wrap is not None and wrap.connected:  # as the server counts (signaling.today)
            self._set(today=self.state.today.with_call(self._handle_s(now)))
        self._set(phase=phase, offer=None, call=None, wrap_up=None)
        return effects

    def _handle_s(self, now: float) -> float:
        wrap = self.state.wrap_up
        return 0.0 if wrap is None else wrap.handle_s + wrap.elapsed_s(now)

    # --- ringing -------------------------------------------------------------------------------

    def accept(self, now: float) -> list[Effect]:
        self._check("accept")
        offer = self.state.offer
        assert offer is not None
        self._set(now=now, offer=replace(offer, accepting=True), notice=None)
        return [Send(m.Accept(call_id=offer.call_id))]

    def decline(self, now: float) -> list[Effect]:
        self._check("decline")
        offer = self.state.offer
        assert offer is not None
        self._set(phase=Phase.AVAILABLE, now=now, offer=None)
        return [Send(m.Decline(call_id=offer.call_id))]

    def _offered(self, msg: m.Offer, now: float) -> list[Effect]:
        ringing = Ringing(
            call_id=msg.call_id,
            language=msg.language,
            topic=msg.topic,
            site=msg.site,
            waited_s=msg.waited_s,
            received_at=now,
            expires_at=now + msg.expires_in_s,
            kiosk_lacks=None if msg.kiosk_lacks is None else tuple(msg.kiosk_lacks),
            kind=msg.kind,
        )
        self._set(phase=Phase.OFFERED, offer=ringing, notice=None)
        return []

    def _revoked(self, msg: m.OfferRevoked) -> list[Effect]:
        offer = self.state.offer
        if offer is None or offer.call_id != msg.call_id:
            return []
        notice = {"timeout": Notice.MISSED_CALL, "caller_left": Notice.CALLER_LEFT}.get(msg.reason)
        if offer.kind == "interpreting" and msg.reason == "caller_left":
            notice = Notice.INTERPRETING_WITHDRAWN  # dismissed, or the call ended (§Interpreter)
        self._set(phase=Phase.AVAILABLE, offer=None, notice=notice)
        return []

    # --- the call ------------------------------------------------------------------------------

    def _call_started(self, msg: m.CallStarted, now: float) -> list[Effect]:
        offer, current = self.state.offer, self.state.call
        topic, site = (offer.topic, offer.site) if offer is not None else (None, msg.peer_name)
        lacks, started_at = offer.kiosk_lacks if offer is not None else None, now
        if current is not None and current.call_id == msg.call_id:
            # The same call set up anew (an adviser back within their grace, §Interpreter):
            # what its offer said still holds, and its clock runs on.
            topic, site, lacks = current.topic, current.site, current.kiosk_lacks
            started_at = current.started_at
        call = ActiveCall(
            call_id=msg.call_id,
            language=msg.language,
            topic=topic,
            site=site,
            started_at=started_at,
            role=msg.role,
            kiosk_lacks=lacks,
            interpreting=msg.interpreting,
            # An interpreter's peer_name is the adviser's; the resident is the main peer.
            adviser_name=msg.peer_name if msg.interpreting else "",
        )
        effects = self._drop_call()
        self._set(phase=Phase.IN_CALL, offer=None, call=call, wrap_up=None, notice=None)
        return [*effects, StartMedia(msg)]

    def hang_up(self, now: float) -> list[Effect]:
        self._check("hang_up")
        call = self.state.call
        assert call is not None
        return [Send(m.Hangup(call_id=call.call_id)), *self._enter_wrap_up(now, ends_at=None)]

    def transfer(self, now: float, *, language: str | None, adviser: str | None) -> list[Effect]:
        """Hand the caller on; the call ends when the server says ``transferred`` (§Transfer)."""
        self._check("transfer")
        call = self.state.call
        assert call is not None
        if (language is None) == (adviser is None):
            raise ValueError("transfer to exactly one of a language or an adviser")
        self._set(now=now, call=replace(call, transferring=True))
        return [Send(m.Transfer(call_id=call.call_id, language=language, adviser=adviser))]

    def _call_ended(self, msg: m.CallEnded, now: float) -> list[Effect]:
        call = self.state.call
        if call is None or call.call_id != msg.call_id:
            return []
        if msg.reason == "negotiation_failed":
            # No conversation, nothing to wrap up: the server has made this adviser available
            # again (docs/protocol.md §Negotiation failure); why is in the notice's detail.
            effects = self._drop_call()
            self._set(phase=Phase.AVAILABLE, now=now, offer=None, call=None, wrap_up=None)
            self._set(notice=Notice.CALL_FAILED, notice_detail=msg.detail)
            return effects
        notice = {"peer_left": Notice.CALLER_HUNG_UP, "transferred": Notice.TRANSFERRED}.get(
            msg.reason, Notice.CALL_FAILED if msg.reason == "error" else None
        )
        if call.interpreting and msg.reason == "hangup":
            notice = Notice.INTERPRETING_ENDED  # thanked by the adviser, or the call is over
        effects = self._enter_wrap_up(now, ends_at=None)
        self._set(notice=notice)
        return effects

    def _enter_wrap_up(self, now: float, *, ends_at: float | None) -> list[Effect]:
        wrap = self.state.wrap_up
        if wrap is not None:
            self._set(now=now, wrap_up=replace(wrap, ends_at=ends_at or wrap.ends_at))
            return []
        call = self.state.call
        if call is None:
            # The server put us in wrap-up without a call this console saw (e.g. after a restart).
            wrap = WrapUpState(call_id="", started_at=now, handle_s=0.0, ends_at=ends_at)
            self._set(phase=Phase.WRAP_UP, now=now, offer=None, wrap_up=wrap)
            return []
        wrap = WrapUpState(
            call.call_id,
            now,
            call.elapsed_s(now),
            ends_at,
            connected=call.connected,
            interpreting=call.interpreting,
        )
        self._set(phase=Phase.WRAP_UP, now=now, call=None, offer=None, wrap_up=wrap)
        return [EndMedia(call.call_id)]

    # --- media events (from the call session, through the adapter) -----------------------------

    def quality(self, call_id: str, figures: m.Quality, now: float) -> list[Effect]:
        """New figures from the call: judge them, and pass them on to the server (§Quality)."""
        call = self.state.call
        if call is None or call.call_id != call_id:
            return []
        self._set(now=now, call=replace(call, figures=figures, quality=rate(figures)))
        if call.interpreting:
            return []  # the call's figures are the adviser's and the resident's to report
        return [Send(m.QualityReport(call_id=call_id, quality=figures))]

    # --- wrap-up -------------------------------------------------------------------------------

    def ready(self, outcome: str | None, note: str, now: float) -> list[Effect]:
        """Finish wrap-up: send the outcome and note, and take the next caller once saved.

        With an outcome the console waits for the server's answer (§Wrap-up): ``wrap_up_saved``
        sends ``ready``; ``note_refused`` keeps the adviser in wrap-up with the reasons, the note
        to rewrite or drop (ready again with an empty note). The server, not the console, judges
        the note: it alone knows the configured health terms. Without an outcome (none offered,
        or a wrap-up the console saw no call for) ``ready`` goes at once.
        """
        self._check("ready")
        wrap = self.state.wrap_up
        assert wrap is not None
        if outcome and wrap.call_id and not wrap.interpreting:
            msg = m.WrapUp(call_id=wrap.call_id, outcome=outcome, note=note.strip())
            self._set(now=now, wrap_up=replace(wrap, saving=True))
            return [Send(msg)]
        return self._take_next_caller(now)

    def _take_next_caller(self, now: float) -> list[Effect]:
        self._set(now=now, notice=None)
        return [Send(m.Ready()), *self._leave_for(Phase.AVAILABLE, now)]

    def _wrap_up_answered(self, msg: m.WrapUpSaved | m.NoteRefused, now: float) -> list[Effect]:
        wrap = self.state.wrap_up
        if wrap is None or wrap.call_id != msg.call_id or not wrap.saving:
            return []  # an answer for a wrap-up the server already ended
        if isinstance(msg, m.WrapUpSaved):
            return self._take_next_caller(now)
        refused = replace(wrap, saving=False, refused=tuple(msg.reasons))
        self._set(wrap_up=refused, notice=Notice.NOTE_REFUSED)
        return []

    def today_from_server(self, today: Today, now: float) -> list[Effect]:
        self._set(now=now, today=today)
        return []

    # --- server messages and time --------------------------------------------------------------

    def receive(self, msg: m.ServerToAdviser, now: float) -> list[Effect]:
        """One parsed server message (rule 3: never illegal)."""
        self._set(now=now)
        match msg:
            case m.AdviserWelcome():
                return self.connected(msg, now)
            case m.Offer():
                return self._offered(msg, now)
            case m.OfferRevoked():
                return self._revoked(msg)
            case m.CallStarted():
                return self._call_started(msg, now)
            case m.SessionDescription() | m.IceCandidate():
                call = self.state.call
                return [ToMedia(msg)] if call is not None and call.call_id == msg.call_id else []
            case m.CallEnded():
                return self._call_ended(msg, now)
            case m.Reconnecting():
                return [*self._interrupted(msg.call_id, True)]
            case m.Reconnected():
                return [*self._interrupted(msg.call_id, False)]
            case m.AdviserStatus():
                return self._apply_status(msg.status, msg.reason, msg.wrap_up_ends_at, now)
            case m.QueueOverview():
                self._set(queues=tuple(msg.queues), colleagues=tuple(msg.advisers))
                return []
            case m.WrapUpSaved() | m.NoteRefused():
                return self._wrap_up_answered(msg, now)
            case m.BookingCheckedIn():
                return [*self._booking_checked_in(msg)]
            case m.Interpreter():
                return [*self._interpreter_told(msg, now)]
            case m.Error():
                return self._error(msg)
            case m.Pong():
                return []
            case _:
                assert_never(msg)

    def _error(self, msg: m.Error) -> list[Effect]:
        if msg.ref_type not in _SHOWN_ERRORS:
            # Refusals of media chatter (sdp, ice, quality) or of a hang-up for a call that has
            # already ended elsewhere: the adviser did nothing wrong and can do nothing about it.
            return []
        if msg.ref_type == "take_next" and msg.code == "not_found":
            self._set(notice=Notice.NOBODY_WAITING, notice_detail="")
            return []
        offer = self.state.offer
        if msg.ref_type == "accept" and offer is not None and offer.accepting:
            # The offer was gone by the time our accept arrived.
            self._set(phase=Phase.AVAILABLE, offer=None)
        call = self.state.call
        if msg.ref_type == "transfer" and call is not None:
            self._set(call=replace(call, transferring=False))
        if msg.ref_type in ("invite_interpreter", "dismiss_interpreter"):
            self._interpreter_refused(msg.ref_type)
        wrap = self.state.wrap_up
        if msg.ref_type == "wrap_up" and wrap is not None:
            self._set(wrap_up=replace(wrap, saving=False))  # the adviser may try again or go on
        self._set(notice=Notice.SERVER_ERROR, notice_detail=msg.message)
        return []

    def tick(self, now: float) -> list[Effect]:
        """Advance the clock; give up on an offer the server never revoked."""
        self._set(now=now)
        offer = self.state.offer
        if (
            self.state.phase is Phase.OFFERED
            and offer is not None
            and not offer.accepting
            and now >= offer.expires_at + OFFER_GRACE_S
        ):
            self._set(phase=Phase.AVAILABLE, offer=None, notice=Notice.MISSED_CALL)
        return []
