"""Connects the window's intents to the flow, the flow's effects to the backend, and renders.

Qt only, no asyncio: the backend (``agent_console.app.AsyncBackend``) hides the asyncio thread
behind plain method calls, and reports back through the ``on_*`` slots below, which Qt calls on
this (the GUI) thread through queued connections.

Every intent is checked with :meth:`ConsoleFlow.allows` first, so a shortcut pressed in the wrong
phase does nothing instead of raising.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from agent_console import flow as f
from agent_console import flow_bookings as fb
from agent_console import flow_interpreter as fi
from agent_console.bookings import SeriesRequest
from agent_console.events import (
    BookingAnswer,
    BookingsLoaded,
    Figures,
    LoginError,
    LoginOk,
    LoginOutcome,
    MediaEvent,
    MediaState,
    PartyChanged,
    PartyText,
    RemoteText,
    TodayFigures,
)
from agent_console.ring import Ring, SilentRing
from agent_console.state import Phase, Today
from agent_console.views.console_window import ConsoleWindow
from rtc.signaling_client import AuthFailed, ClientEvent, Connected, Disconnected
from signaling import messages as m

log = logging.getLogger(__name__)

TICK_MS = 250  # timers show seconds; the ring pulses at 2 Hz
_TO_ADVISER = (
    m.AdviserWelcome,
    m.Pong,
    m.Offer,
    m.OfferRevoked,
    m.CallStarted,
    m.SessionDescription,
    m.IceCandidate,
    m.CallEnded,
    m.Reconnecting,
    m.Reconnected,
    m.AdviserStatus,
    m.QueueOverview,
    m.WrapUpSaved,
    m.NoteRefused,
    m.BookingCheckedIn,
    m.Interpreter,
    m.Error,
)


class Backend(Protocol):
    """What the controller asks of the I/O side. Every method returns at once."""

    def login(self, url: str, username: str, password: str) -> None: ...

    def open_link(self, url: str) -> None: ...

    def close_link(self) -> None: ...

    def send(self, message: m.Message) -> None: ...

    def start_media(self, call: m.CallStarted) -> None: ...

    def to_media(self, message: m.SessionDescription | m.IceCandidate) -> None: ...

    def end_media(self, call_id: str) -> None: ...

    def interpreter_changed(self, message: m.Interpreter) -> None: ...

    def send_text(self, text: str, committed: bool) -> None: ...

    def set_muted(self, audio: bool, video: bool) -> None: ...

    def fetch_bookings(self) -> None: ...

    def publish_slots(self, series: SeriesRequest) -> None: ...

    def book_slot(self, slot_id: str) -> None: ...

    def save_calendar(self, path: str) -> None: ...

    def take_remote_frame(self) -> QImage | None: ...

    def take_local_frame(self) -> QImage | None: ...

    def take_party_frame(self) -> QImage | None: ...


class ConsoleController(QObject):
    def __init__(
        self,
        flow: f.ConsoleFlow,
        window: ConsoleWindow,
        backend: Backend,
        *,
        ring: Ring | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(window)
        self.flow, self.window, self.backend = flow, window, backend
        self.ring: Ring = ring or SilentRing()
        self._clock = clock
        self._ringing = False
        self._connect_intents()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self.render()

    def _connect_intents(self) -> None:
        w = self.window
        w.sign_in.sign_in_requested.connect(self.sign_in)
        w.status.go_available.connect(lambda: self._do("go_available", self.flow.go_available))
        w.status.go_away.connect(
            lambda reason: self._do("go_away", lambda now: self.flow.go_away(reason, now))
        )
        w.status.sign_out.connect(lambda: self._do("sign_out", self.flow.sign_out))
        w.queues.take_next_requested.connect(lambda: self._do("take_next", self.flow.take_next))
        w.offer.accept_requested.connect(lambda: self._do("accept", self.flow.accept))
        w.offer.decline_requested.connect(lambda: self._do("decline", self.flow.decline))
        w.call.hang_up_requested.connect(lambda: self._do("hang_up", self.flow.hang_up))
        w.call.mute_toggled.connect(lambda: self._do("toggle_mute", self.flow.toggle_mute))
        w.call.camera_toggled.connect(lambda: self._do("toggle_camera", self.flow.toggle_camera))
        w.call.transfer_requested.connect(self.transfer)
        w.call.text_changed.connect(
            lambda text: self._do("type_text", lambda now: self.flow.type_text(text, now))
        )
        w.call.text_committed.connect(
            lambda text: self._do("type_text", lambda now: self.flow.commit_text(text, now))
        )
        w.wrap_up.ready_requested.connect(self.ready)
        w.call.interpreter.invite_requested.connect(self.invite_interpreter)
        w.call.interpreter.dismiss_requested.connect(
            lambda: self._do("dismiss_interpreter", self.flow.dismiss_interpreter)
        )
        self._connect_bookings()

    def _connect_bookings(self) -> None:
        w, flow = self.window, self.flow
        w.today.bookings_requested.connect(
            lambda: self._do("toggle_bookings", flow.toggle_bookings)
        )
        w.bookings.close_requested.connect(
            lambda: self._do("toggle_bookings", flow.toggle_bookings)
        )
        w.bookings.publish_requested.connect(
            lambda series: self._do("publish_slots", lambda now: flow.publish_slots(series, now))
        )
        w.bookings.book_requested.connect(
            lambda slot_id: self._do("book_slot", lambda now: flow.book_slot(slot_id, now))
        )
        w.bookings.export_requested.connect(
            lambda path: self._do("export_calendar", lambda now: flow.export_calendar(path, now))
        )
        w.bookings.code_dismissed.connect(lambda: self.perform(flow.dismiss_code(self._clock())))

    # --- intents -------------------------------------------------------------------------------

    def _do(self, intent: str, step: Callable[[float], Sequence[f.Effect]]) -> None:
        if not self.flow.allows(intent):
            log.debug("ignored %s in %s", intent, self.flow.state.phase)
            self.render()  # undo a checkable button's own toggle
            return
        self.perform(step(self._clock()))

    @Slot(str, str, str)
    def sign_in(self, url: str, username: str, password: str) -> None:
        self._do("sign_in", lambda now: self.flow.sign_in(url, username, password, now))

    @Slot(str, str)
    def transfer(self, kind: str, target: str) -> None:
        language, adviser = (target, None) if kind == "language" else (None, target)
        self._do(
            "transfer",
            lambda now: self.flow.transfer(now, language=language, adviser=adviser),
        )

    @Slot(str)
    def invite_interpreter(self, language: str) -> None:
        self._do("invite_interpreter", lambda now: self.flow.invite_interpreter(language, now))

    @Slot(str, str)
    def ready(self, outcome: str, note: str) -> None:
        self._do("ready", lambda now: self.flow.ready(outcome or None, note, now))

    # --- reports from the backend --------------------------------------------------------------

    @Slot(object)
    def on_login_result(self, result: LoginOutcome) -> None:
        now = self._clock()
        match result:
            case LoginOk(adviser_id=adviser_id, display_name=name):
                self.perform(self.flow.login_succeeded(adviser_id, name, now))
            case LoginError(reason=reason, unreachable=unreachable):
                self.perform(self.flow.login_failed(reason, unreachable=unreachable, now=now))

    @Slot(object)
    def on_client_event(self, event: ClientEvent) -> None:
        now = self._clock()
        if isinstance(event, Connected):
            if isinstance(event.welcome, m.AdviserWelcome):
                self.perform(self.flow.connected(event.welcome, now))
        elif isinstance(event, Disconnected):
            self.perform(self.flow.disconnected(event.reason, event.retry_in_s, now))
        elif isinstance(event, AuthFailed):
            self.perform(self.flow.auth_failed(event.reason, now))
        elif isinstance(event, _TO_ADVISER):
            self.perform(self.flow.receive(event, now))
        else:
            log.warning("ignored a kiosk-only message: %s", type(event).__name__)

    @Slot(object)
    def on_media_event(self, event: MediaEvent) -> None:
        now = self._clock()
        match event:
            case MediaState(call_id=call_id, state=state):
                self.perform(self.flow.media_state(call_id, state, now))
            case RemoteText(call_id=call_id, text=text):
                self.perform(self.flow.remote_text(call_id, text, now))
            case Figures(call_id=call_id, quality=quality):
                self.perform(self.flow.quality(call_id, quality, now))
            case PartyChanged(call_id=call_id, state=state):
                self.perform(self.flow.party_changed(call_id, state, now))
            case PartyText(call_id=call_id, text=text):
                self.perform(self.flow.party_text(call_id, text, now))

    @Slot(object)
    def on_today(self, figures: TodayFigures) -> None:
        today = Today(
            calls_taken=figures.calls_taken,
            total_handle_s=(figures.average_handle_s or 0.0) * figures.calls_taken,
            ratings_count=figures.ratings_count,
            ratings_average=figures.ratings_average,
        )
        self.perform(self.flow.today_from_server(today, self._clock()))

    @Slot(object)
    def on_bookings(self, loaded: BookingsLoaded) -> None:
        self.perform(self.flow.bookings_loaded(loaded, self._clock()))

    @Slot(object)
    def on_booking_answer(self, answer: BookingAnswer) -> None:
        self.perform(self.flow.booking_answered(answer, self._clock()))

    @Slot()
    def on_remote_frame(self) -> None:
        image = self.backend.take_remote_frame()
        if image is not None and self.flow.state.phase is Phase.IN_CALL:
            self.window.call.show_remote_frame(image)

    @Slot()
    def on_party_frame(self) -> None:
        image = self.backend.take_party_frame()
        call = self.flow.state.call
        if image is not None and call is not None and call.third_party:
            self.window.call.show_party_frame(image)

    @Slot()
    def on_local_frame(self) -> None:
        image = self.backend.take_local_frame()
        if image is not None and self.flow.state.phase is Phase.IN_CALL:
            self.window.call.show_local_frame(image)

    # --- effects and rendering -----------------------------------------------------------------

    def perform(self, effects: Sequence[f.Effect]) -> None:
        """Carry out the flow's effects in order, then show the new state. The only sender."""
        for effect in effects:
            match effect:
                case f.Login(url=url, username=username, password=password):
                    self.backend.login(url, username, password)
                case f.Connect(url=url):
                    self.backend.open_link(url)
                case f.Disconnect():
                    self.backend.close_link()
                case f.Send(message=message):
                    self.backend.send(message)
                case f.StartMedia(call=call):
                    self.window.call.show_local_frame(QImage())
                    self.backend.start_media(call)
                case f.ToMedia(message=message):
                    self.backend.to_media(message)
                case f.EndMedia(call_id=call_id):
                    self.backend.end_media(call_id)
                case f.SendText(text=text, committed=committed):
                    self.backend.send_text(text, committed)
                case f.SetMuted(audio=audio, video=video):
                    self.backend.set_muted(audio, video)
                case fb.FetchBookings():
                    self.backend.fetch_bookings()
                case fb.PublishSlots(series=series):
                    self.backend.publish_slots(series)
                case fb.BookSlot(slot_id=slot_id):
                    self.backend.book_slot(slot_id)
                case fb.SaveCalendar(path=path):
                    self.backend.save_calendar(path)
                case fi.SendInterpreter(message=message):
                    self.backend.send(message)
                case fi.InterpreterChanged(message=message):
                    self.backend.interpreter_changed(message)
        self.render()

    def render(self) -> None:
        state = self.flow.state
        self.window.render(state)
        should_ring = (
            state.phase is Phase.OFFERED and state.offer is not None and not state.offer.accepting
        )
        if should_ring and not self._ringing:
            self.ring.start()
            QApplication.alert(self.window)
        elif not should_ring and self._ringing:
            self.ring.stop()
        self._ringing = should_ring

    @Slot()
    def _tick(self) -> None:
        self.perform(self.flow.tick(self._clock()))

    def shut_down(self) -> None:
        self._timer.stop()
        self.ring.stop()
