"""The resident's path through the kiosk, as a pure state machine (issue #4, docs/protocol.md).

No Qt, no asyncio, no clock: every input carries ``now`` (seconds on a monotonic clock), every
output is the new :attr:`KioskFlow.state` plus a list of effects for the adapter to carry out.

Rules
-----
* Screens: WELCOME → LANGUAGE → CONFIRM → WAITING → CALL → RATING → THANKS → WELCOME.
* Camera and microphone open only when the resident taps "call" on CONFIRM (``OpenMedia``) and close
  when they leave the line or the call ends (``CloseMedia``). ``state.media_live`` mirrors exactly
  what the flow asked for, so the on-screen indicator can never lag behind the devices.
* Idle timeout on every screen but WELCOME and CALL: a warning ``idle_warning_s`` (>= 20 s) before
  the deadline, on screen and by sound (``PlaySound``); any tap extends it. When it runs out the
  kiosk forgets the resident: back to WELCOME, language, topic, transcript and place in line gone.
* The server decides routing; the flow only follows: ``Queued`` updates the place in line,
  ``CallStarted`` starts the call, ``Reconnecting`` / ``CallEnded(requeued)`` tell the resident
  their call dropped and they are being reconnected or put back in line (§Faults). The call
  session's own stall report (``CallLost``, 3 s without the adviser's video) shows the same alert
  at once; ``CallLive`` or the server's ``Reconnected`` (with media live) clears it.
* Losing the server never throws the resident out: the screen stays, a banner says the kiosk is
  retrying; on reconnect without a resumed place, a waiting resident is put back in line.
* Remote commands: ``show_message`` sets the welcome notice; ``restart`` waits until no resident is
  using the kiosk.
* Common questions (ANSWERS, docs/answers.md) open from WELCOME, LANGUAGE, CONFIRM and WAITING and
  return there. From WAITING the resident stays in line (``state.in_line``): the place keeps
  updating and ``call_started`` still takes them to the call. "Talk to an adviser" under an answer
  is a request for a call like Call on CONFIRM (camera and microphone open, ``join`` with the
  question's routing topic), or, when already in line, the way back to WAITING.
* ``answer_event`` goes out for viewed / helped / not_helped / to_adviser / no_result, never with
  the search words. Offline, the last :data:`MAX_UNSENT_EVENTS` wait in memory (figures only, no
  resident in them) and go out when the server is back; older ones are dropped.
* Booking a time, checking in with a code and taking a ticket (BOOKING, docs/booking.md) have
  their rules in kiosk/flow_booking.py; leaving BOOKING by any path forgets the code it showed.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace

from kiosk import languages
from kiosk.flow_answers import MAX_UNSENT_EVENTS, AnswersIntents
from kiosk.flow_booking import BOOKING_REQUESTS, BookingIntents
from kiosk.flow_interpreter import InterpreterEvents
from kiosk.flow_letter import LetterIntents
from kiosk.state import (
    MAX_TEXT_LINES,
    Alert,
    AnswersLoaded,
    CallInfo,
    CallLive,
    CallLost,
    CloseMedia,
    CodeSeen,
    Effect,
    Event,
    FetchLogs,
    ForgetPlace,
    KioskState,
    LanguageOption,
    LetterDelivered,
    LetterNotSent,
    LetterProgress,
    LetterRequested,
    MediaOpened,
    OpenMedia,
    PartyChanged,
    PartyText,
    PlaySound,
    ReadingDone,
    RelayCallMessage,
    ReloadConfig,
    RemoteText,
    Restart,
    Screen,
    Send,
    SendText,
    ServerDown,
    ServerRejected,
    ServerUp,
    SetMuted,
    SetVolume,
    StartCall,
    StillFailed,
    StillTaken,
    StopCall,
    TextLine,
)
from signaling import messages as m
from signaling.errors import IllegalTransition

_BROWSING = frozenset(
    {Screen.LANGUAGE, Screen.CONFIRM, Screen.RATING, Screen.ANSWERS, Screen.BOOKING}
)
MAX_FALLBACKS = 5
VOLUME_STEP = 10


@dataclass
class _Timers:
    last_touch: float = 0.0
    screen_since: float = 0.0
    warned: bool = False
    pending_restart: str | None = None


class KioskFlow(AnswersIntents, BookingIntents, LetterIntents, InterpreterEvents):
    """Feed it events and intents; read ``state``; carry out the returned effects in order."""

    def __init__(
        self,
        *,
        now: float,
        idle_timeout_s: float = 90.0,
        waiting_idle_timeout_s: float = 600.0,
        idle_warning_s: float = 30.0,
        thanks_s: float = 6.0,
        ui_language: str = languages.DEFAULT_UI_LANGUAGE,
        timezone: str = "Europe/Stockholm",
    ) -> None:
        if idle_warning_s < 20:
            raise ValueError("the idle warning must come at least 20 s ahead (WCAG 2.2.1)")
        if min(idle_timeout_s, waiting_idle_timeout_s) <= idle_warning_s:
            raise ValueError("idle timeouts must be longer than the idle warning")
        self._idle_timeout_s = idle_timeout_s
        self._waiting_idle_timeout_s = waiting_idle_timeout_s
        self._idle_warning_s = idle_warning_s
        self._thanks_s = thanks_s
        self._default_ui = ui_language
        self.timezone = timezone  # where the kiosk stands: for times that come without a zone
        self._t = _Timers(last_touch=now, screen_since=now)
        self.state = KioskState(ui_language=ui_language)
        self._unsent: deque[m.AnswerEvent] = deque(maxlen=MAX_UNSENT_EVENTS)

    # --- time -----------------------------------------------------------------------------------

    def _timeout_s(self) -> float | None:
        screen = self.state.screen
        if self.state.in_line:
            return self._waiting_idle_timeout_s
        if screen in _BROWSING:
            return self._idle_timeout_s
        return None

    def next_deadline(self) -> float | None:
        """When :meth:`tick` next has something to do; None when nothing is timed."""
        if self.state.screen is Screen.THANKS:
            return self._t.screen_since + self._thanks_s
        if self.state.screen is Screen.CALL:
            return self._notice_deadline()
        timeout = self._timeout_s()
        if timeout is None:
            return None
        deadline = self._t.last_touch + timeout
        return deadline if self._t.warned else deadline - self._idle_warning_s

    def tick(self, now: float) -> list[Effect]:
        """Advance timers: idle warning, idle reset, the thanks screen's return to WELCOME."""
        if self.state.screen is Screen.THANKS:
            if now >= self._t.screen_since + self._thanks_s:
                return self._reset(now)
            return []
        if self.state.screen is Screen.CALL:
            self._end_notice(now)
            return []
        timeout = self._timeout_s()
        if timeout is None:
            return []
        deadline = self._t.last_touch + timeout
        if now >= deadline:
            return self._leave_line() + self._reset(now)
        if now >= deadline - self._idle_warning_s and not self._t.warned:
            self._t.warned = True
            self.state = replace(self.state, idle_deadline=deadline)
            return [PlaySound("idle_warning")]
        return []

    def touch(self, now: float) -> list[Effect]:
        """Any tap anywhere: the resident is still here."""
        self._t.last_touch = now
        if self._t.warned:
            self._t.warned = False
            self.state = replace(self.state, idle_deadline=None)
        return []

    def _go(self, now: float, state: KioskState) -> None:
        """Enter a new screen: timers restart, warning and help close."""
        self._t.last_touch = now
        self._t.screen_since = now
        self._t.warned = False
        if state.screen is not Screen.ANSWERS:
            state = replace(state, browse=None, answers_from=None)
        if state.screen is not Screen.BOOKING:
            state = replace(state, booking=None)  # a code shown is forgotten once left
        self.state = replace(state, idle_deadline=None, help_open=False)

    def _reset(self, now: float) -> list[Effect]:
        """Forget the resident entirely; keep only what the server told the kiosk."""
        s = self.state
        self._go(now, replace(self.state, screen=Screen.WELCOME))
        self.state = KioskState(
            ui_language=self._default_ui,
            online=s.online,
            retry_in_s=s.retry_in_s,
            languages=s.languages,
            topics=s.topics,
            notice=s.notice,
            answers=s.answers,
            alerts=tuple(
                a for a in s.alerts if a in (Alert.SERVER_UNREACHABLE, Alert.OUT_OF_ORDER)
            ),
        )
        effects: list[Effect] = [ForgetPlace()]
        if self._t.pending_restart is not None:
            self._t.pending_restart = None
            effects.append(Restart())
        return effects

    def _leave_line(self) -> list[Effect]:
        """Effects to drop out of the queue or call, whichever the resident is in."""
        s = self.state
        effects: list[Effect] = []
        if s.in_line and s.online:
            effects.append(Send(m.Cancel()))
        if s.call is not None:
            if s.online:
                effects.append(Send(m.Hangup(call_id=s.call.call_id)))
            effects.append(StopCall())
        if s.media_live:
            effects.append(CloseMedia())
            self.state = replace(self.state, media_live=False)
        return effects

    # --- the resident's intents -----------------------------------------------------------------

    def start(self, now: float) -> list[Effect]:
        self._expect(Screen.WELCOME, "start")
        self._go(now, replace(self.state, screen=Screen.LANGUAGE, alerts=self._system_alerts()))
        return []

    def choose_language(self, code: str, now: float) -> list[Effect]:
        self._expect(Screen.LANGUAGE, "choose_language")
        option = self._option(code)
        if option is None:
            return []
        if not option.open:
            return self._book_closed(code, now)  # no call now: a time later (flow_booking)
        self._go(
            now,
            replace(
                self.state,
                screen=Screen.CONFIRM,
                language=code,
                ui_language=languages.ui_language_for(code),
                fallbacks=(),
                topic=None,
                alerts=self._system_alerts(),
            ),
        )
        return []

    def toggle_fallback(self, code: str, now: float) -> list[Effect]:
        self._expect(Screen.CONFIRM, "toggle_fallback")
        self.touch(now)
        current = self.state.fallbacks
        if code in current:
            self.state = replace(self.state, fallbacks=tuple(c for c in current if c != code))
        elif code != self.state.language and len(current) < MAX_FALLBACKS:
            self.state = replace(self.state, fallbacks=(*current, code))
        return []

    def choose_topic(self, topic: str | None, now: float) -> list[Effect]:
        self._expect(Screen.CONFIRM, "choose_topic")
        self.touch(now)
        self.state = replace(self.state, topic=None if topic == self.state.topic else topic)
        return []

    def request_call(self, now: float) -> list[Effect]:
        """The resident asks for a call: the only point where camera and microphone open."""
        self._expect(Screen.CONFIRM, "request_call")
        return self._enter_line(now)

    def _enter_line(self, now: float) -> list[Effect]:
        s = self.state
        assert s.language is not None
        self._go(
            now,
            replace(
                self.state,
                screen=Screen.WAITING,
                media_live=True,
                position=None,
                wait_low_s=None,
                wait_high_s=None,
                alerts=self._system_alerts(),
            ),
        )
        effects: list[Effect] = [OpenMedia()]
        if s.online:
            effects.append(Send(self._join_message()))
        return effects

    def back(self, now: float) -> list[Effect]:
        screen = self.state.screen
        if screen is Screen.LANGUAGE:
            return self._reset(now)
        if screen is Screen.CONFIRM:
            self._go(
                now,
                replace(
                    self.state, screen=Screen.LANGUAGE, ui_language=self._default_ui, language=None
                ),
            )
            return []
        raise IllegalTransition("kiosk", screen, "back")

    def cancel(self, now: float) -> list[Effect]:
        self._expect(Screen.WAITING, "cancel")
        return self._leave_line() + self._reset(now)

    def hang_up(self, now: float) -> list[Effect]:
        self._expect(Screen.CALL, "hang_up")
        call_id = self.state.call.call_id if self.state.call else None
        effects = self._leave_line()
        self._go(
            now,
            replace(
                self.state,
                screen=Screen.RATING,
                call=None,
                last_call_id=call_id,
                alerts=self._system_alerts(),
            ),
        )
        return effects

    def rate(self, score: int, now: float) -> list[Effect]:
        self._expect(Screen.RATING, "rate")
        if not 1 <= score <= 5:
            raise ValueError(f"score {score} is not 1 to 5")
        call_id = self.state.last_call_id
        self._go(now, replace(self.state, screen=Screen.THANKS, rating=score))
        if call_id is None or not self.state.online:
            return []
        return [Send(m.Rating(call_id=call_id, score=score))]

    def skip_rating(self, now: float) -> list[Effect]:
        self._expect(Screen.RATING, "skip_rating")
        return self._reset(now)

    def finish(self, now: float) -> list[Effect]:
        """ "Done" on the thanks screen: back to WELCOME without waiting."""
        self._expect(Screen.THANKS, "finish")
        return self._reset(now)

    def toggle_mute(self, now: float) -> list[Effect]:
        return self._set_call(now, audio_muted=not self._call().audio_muted)

    def toggle_camera(self, now: float) -> list[Effect]:
        return self._set_call(now, video_muted=not self._call().video_muted)

    def change_volume(self, steps: int, now: float) -> list[Effect]:
        volume = max(0, min(100, self._call().volume + steps * VOLUME_STEP))
        self._set_call(now, volume=volume)
        return [SetVolume(volume)]

    def send_text(self, text: str, now: float) -> list[Effect]:
        text = text.strip()[:500]
        if not text:
            return []
        call = self._call()
        lines = (*call.lines, TextLine(from_adviser=False, text=text))[-MAX_TEXT_LINES:]
        self.state = replace(self.state, call=replace(call, lines=lines))
        return [SendText(text)]

    def type_text(self, draft: str, now: float) -> list[Effect]:
        """The resident's line as it stands while typing: the adviser sees it as it is typed."""
        self._call()
        return [SendText(draft[:500], committed=False)]

    def toggle_help(self, now: float) -> list[Effect]:
        self.touch(now)
        self.state = replace(self.state, help_open=not self.state.help_open)
        return []

    def _call(self) -> CallInfo:
        if self.state.call is None:
            raise IllegalTransition("kiosk", self.state.screen, "call control")
        return self.state.call

    def _set_call(self, now: float, **changes: object) -> list[Effect]:
        call = replace(self._call(), **changes)  # type: ignore[arg-type]
        self.state = replace(self.state, call=call)
        if "volume" in changes:
            return []
        return [SetMuted(audio=call.audio_muted, video=call.video_muted)]

    # --- events from the server and the devices -------------------------------------------------

    def feed(self, event: Event, now: float) -> list[Effect]:
        """One input from the adapter (a server message, a link change, a device report)."""
        match event:
            case ServerUp():
                return self._server_up(event.welcome, now)
            case ServerDown():
                self.state = replace(
                    self.state,
                    online=False,
                    retry_in_s=event.retry_in_s,
                    alerts=self._with(Alert.SERVER_UNREACHABLE),
                )
                return []
            case ServerRejected():
                self.state = replace(
                    self.state, online=False, alerts=self._with(Alert.OUT_OF_ORDER)
                )
                return self._leave_line() + self._reset(now)
            case MediaOpened():
                return self._media_opened(event)
            case CallLive():
                if self.state.call is not None:
                    call = replace(self.state.call, connected=True)
                    self.state = replace(
                        self.state, call=call, alerts=self._without(Alert.CALL_DROPPED)
                    )
                return []
            case CallLost():
                # The adviser's media stopped (3 s without video, rtc.call): the resident is told
                # at once; the backend tells the server, which decides (§Faults).
                if self.state.screen is Screen.CALL and self.state.call is not None:
                    call = replace(self.state.call, connected=False)
                    self.state = replace(
                        self.state, call=call, alerts=self._with(Alert.CALL_DROPPED)
                    )
                    self._sending_interrupted()
                return []
            case RemoteText():
                return self._remote_text(event)
            case AnswersLoaded():
                return self._answers_loaded(event)
            case CodeSeen():
                return self._code_seen(event, now)
            case (
                LetterRequested()
                | StillTaken()
                | StillFailed()
                | LetterProgress()
                | LetterDelivered()
                | LetterNotSent()
            ):
                return self._letter_event(event)  # kiosk/flow_letter.py
            case PartyChanged() | PartyText():
                return self._party_event(event, now)  # kiosk/flow_interpreter.py
            case ReadingDone():
                b = self.state.browse
                if b is not None and b.reading == event.sha256:
                    self.state = replace(self.state, browse=replace(b, reading=None))
                return []
        return self._message(event, now)

    def _message(self, msg: m.ServerToKiosk, now: float) -> list[Effect]:
        match msg:
            case m.Queued():
                return self._queued(msg)
            case m.Closed():
                return self._closed(msg, now)
            case m.CallStarted():
                return self._call_started(msg, now)
            case m.SessionDescription() | m.IceCandidate():
                return [RelayCallMessage(msg)] if self.state.call is not None else []
            case m.CallEnded():
                return self._call_ended(msg, now)
            case m.Reconnecting():
                if self.state.screen is Screen.CALL:
                    self.state = replace(self.state, alerts=self._with(Alert.CALL_DROPPED))
                return []
            case m.Reconnected():
                # The interruption is over on the server's word; the alert goes once this
                # kiosk's own media is live again too (CallLive clears it then).
                call = self.state.call
                if call is not None and call.call_id == msg.call_id and call.connected:
                    self.state = replace(self.state, alerts=self._without(Alert.CALL_DROPPED))
                return []
            case m.Interpreter():
                return self._interpreter_message(msg, now)  # kiosk/flow_interpreter.py
            case m.Command():
                return self._command(msg)
            case m.Error(ref_type="media_state" | "negotiation_failed" | "ice"):
                # A late word on a call that is over (both sides may say a set-up failed), or a
                # candidate the server refused: never a reason to leave the line.
                return []
            case m.Error(ref_type="answer_event"):
                return []  # a figure the server would not count: nothing for the resident
            case m.Error() if msg.ref_type in BOOKING_REQUESTS:
                return self._booking_error(msg)
            case m.Error():
                return self._error(now)
            case m.KioskWelcome() | m.Pong() | m.AnswersPublished():
                return []  # the backend fetches a new version and feeds AnswersLoaded
            case (
                m.Slots()
                | m.Booked()
                | m.BookRefused()
                | m.Ticket()
                | m.CheckedIn()
                | m.CheckInRefused()
            ):
                return self._booking_message(msg, now)  # kiosk/flow_booking.py

    def _server_up(self, welcome: m.KioskWelcome, now: float) -> list[Effect]:
        options = tuple(
            LanguageOption(
                code=info.code,
                open=info.open,
                opens_at=info.opens_at,
                wait_low_s=info.wait.low_s if info.wait else None,
                wait_high_s=info.wait.high_s if info.wait else None,
            )
            for info in welcome.languages
        )
        self.state = replace(
            self.state,
            online=True,
            retry_in_s=None,
            languages=options,
            topics=tuple(welcome.topics),
            notice=welcome.notice or self.state.notice,
            alerts=self._without(Alert.SERVER_UNREACHABLE, Alert.OUT_OF_ORDER),
        )
        effects: list[Effect] = [Send(e) for e in self._unsent]
        self._unsent.clear()
        # The server lost our place (it restarted, or the resume window passed): join again, so a
        # resident who sat through an outage does not silently drop out of line.
        if self.state.in_line and not welcome.resumed:
            effects.append(Send(self._join_message()))
        return effects

    def _media_opened(self, event: MediaOpened) -> list[Effect]:
        if not self.state.media_live:
            return []
        alerts = self._without(Alert.CAMERA_MISSING, Alert.MICROPHONE_MISSING)
        if not event.camera_ok:
            alerts = (*alerts, Alert.CAMERA_MISSING)
        if not event.microphone_ok:
            alerts = (*alerts, Alert.MICROPHONE_MISSING)
        self.state = replace(self.state, alerts=alerts)
        return []

    def _remote_text(self, event: RemoteText) -> list[Effect]:
        call = self.state.call
        if call is None:
            return []
        text = event.text[:500]
        if not event.committed:
            self.state = replace(self.state, call=replace(call, remote_draft=text))
            return []
        lines = call.lines
        if text.strip():
            lines = (*lines, TextLine(from_adviser=True, text=text))[-MAX_TEXT_LINES:]
        self.state = replace(self.state, call=replace(call, lines=lines, remote_draft=""))
        return []

    def _queued(self, msg: m.Queued) -> list[Effect]:
        if not self.state.in_line:
            return []
        self.state = replace(
            self.state,
            position=msg.position,
            # No estimate: no adviser for the language is signed in (docs/protocol.md §Position).
            wait_low_s=msg.wait.low_s if msg.wait else None,
            wait_high_s=msg.wait.high_s if msg.wait else None,
            alerts=self._without(Alert.JOIN_FAILED),
        )
        return []

    def _closed(self, msg: m.Closed, now: float) -> list[Effect]:
        if not self.state.in_line:
            return []
        effects = self._leave_line()
        self._go(
            now,
            replace(
                self.state,
                screen=Screen.CONFIRM,
                opens_at=msg.opens_at,
                alerts=self._with(Alert.CLOSED),
            ),
        )
        return [e for e in effects if not isinstance(e, Send)]

    def _call_started(self, msg: m.CallStarted, now: float) -> list[Effect]:
        if not self.state.in_line and self.state.screen is not Screen.CALL:
            # The resident left while the server was connecting them: end it at once.
            return [Send(m.Hangup(call_id=msg.call_id))]
        effects: list[Effect] = [StopCall()] if self.state.call is not None else []
        call = CallInfo(call_id=msg.call_id, peer_name=msg.peer_name, language=msg.language)
        self._go(
            now,
            replace(
                self.state,
                screen=Screen.CALL,
                call=call,
                last_call_id=msg.call_id,
                alerts=self._without(
                    Alert.REQUEUED, Alert.TRANSFERRED, Alert.CALL_DROPPED, Alert.JOIN_FAILED
                ),
            ),
        )
        effects.append(StartCall(msg.call_id, msg.role, tuple(msg.ice_servers)))
        return effects

    def _call_ended(self, msg: m.CallEnded, now: float) -> list[Effect]:
        call = self.state.call
        if call is None or call.call_id != msg.call_id:
            return []
        if msg.reason in ("requeued", "transferred"):
            alert = Alert.REQUEUED if msg.reason == "requeued" else Alert.TRANSFERRED
            self._go(
                now,
                replace(
                    self.state,
                    screen=Screen.WAITING,
                    call=None,
                    position=None,
                    alerts=(*self._without(Alert.CALL_DROPPED), alert),
                ),
            )
            return [StopCall()]
        effects: list[Effect] = [StopCall()]
        if self.state.media_live:
            effects.append(CloseMedia())
        if msg.reason == "negotiation_failed":
            # No call could be set up, twice (docs/protocol.md §Negotiation failure): nothing to
            # rate; the resident is out of line and may try again from the confirm screen.
            alerts = (*self._system_alerts(), Alert.JOIN_FAILED)
            self._go(
                now,
                replace(
                    self.state,
                    screen=Screen.CONFIRM,
                    call=None,
                    position=None,
                    media_live=False,
                    alerts=alerts,
                ),
            )
            return effects
        self._go(
            now,
            replace(
                self.state,
                screen=Screen.RATING,
                call=None,
                media_live=False,
                last_call_id=call.call_id,
                alerts=self._system_alerts(),
            ),
        )
        return effects

    def _command(self, msg: m.Command) -> list[Effect]:
        ok = m.CommandResult(command_id=msg.command_id, ok=True)
        match msg.action:
            case "show_message":
                self.state = replace(self.state, notice=msg.text)
                return [Send(ok)]
            case "restart":
                if self.state.screen is Screen.WELCOME:
                    return [Send(ok), Restart()]
                # Never cut off a resident: restart when they are done.
                self._t.pending_restart = msg.command_id
                return [
                    Send(m.CommandResult(command_id=msg.command_id, ok=True, output="deferred"))
                ]
            case "reload_config":
                return [ReloadConfig(msg.command_id)]
            case "fetch_logs":
                return [FetchLogs(msg.command_id)]

    def _error(self, now: float) -> list[Effect]:
        if self.state.in_line and self.state.position is None:
            effects = self._leave_line()
            self._go(
                now,
                replace(self.state, screen=Screen.CONFIRM, alerts=self._with(Alert.JOIN_FAILED)),
            )
            return [e for e in effects if not isinstance(e, Send)]
        return []

    # --- helpers --------------------------------------------------------------------------------

    def _join_message(self) -> m.Join:
        s = self.state
        assert s.language is not None
        return m.Join(language=s.language, topic=s.topic, fallback_languages=list(s.fallbacks))

    def _option(self, code: str) -> LanguageOption | None:
        return next((o for o in self.state.languages if o.code == code), None)

    def _with(self, alert: Alert) -> tuple[Alert, ...]:
        return self.state.alerts if alert in self.state.alerts else (*self.state.alerts, alert)

    def _without(self, *alerts: Alert) -> tuple[Alert, ...]:
        return tuple(a for a in self.state.alerts if a not in alerts)

    def _system_alerts(self) -> tuple[Alert, ...]:
        keep = (
            Alert.SERVER_UNREACHABLE,
            Alert.OUT_OF_ORDER,
            Alert.CAMERA_MISSING,
            Alert.MICROPHONE_MISSING,
        )
        return tuple(a for a in self.state.alerts if a in keep)

    def _expect(self, screen: Screen, event: str) -> None:
        if self.state.screen is not screen:
            raise IllegalTransition("kiosk", self.state.screen, event)
