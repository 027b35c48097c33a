"""Connects the window's intents to the flow, the flow's state to the window, its effects onwards.

Qt, but no asyncio: effects go to an :class:`EffectSink` (app.py's bridge to the backend's loop,
or a list in tests). Inputs from the backend arrive as Qt-queued calls to :meth:`feed`, so the
flow is only ever touched on the GUI thread.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QTimer

from kiosk.config import check_pin
from kiosk.flow import KioskFlow
from kiosk.state import AimCamera, Effect, Event, ReadAloud, ScanCodes, StopReading
from kiosk.views.window_view import KioskWindow
from signaling.errors import IllegalTransition

log = logging.getLogger(__name__)
TICK_MS = 500


class EffectSink(Protocol):
    def perform(self, effect: Effect) -> None: ...


class KioskController(QObject):
    def __init__(
        self,
        window: KioskWindow,
        flow: KioskFlow,
        sink: EffectSink,
        *,
        clock: Callable[[], float],
        pin_hash: str = "",
        on_service_exit: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__()
        self.window = window
        self.flow = flow
        self.sink = sink
        self.clock = clock
        self._pin_hash = pin_hash
        self._on_service_exit = on_service_exit
        self._reading: str | None = None
        self._scanning = False
        self._aiming = False
        self._connect()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()
        self.render()

    def stop(self) -> None:
        """No more ticks: the app is shutting down."""
        self._timer.stop()

    def _connect(self) -> None:
        w, f = self.window, self.flow
        intents: list[tuple[object, Callable[..., list[Effect]]]] = [
            (w.welcome.start_requested, lambda: f.start(self.clock())),
            (w.welcome.answers_requested, lambda: f.open_answers(self.clock())),
            (w.language.answers_requested, lambda: f.open_answers(self.clock())),
            (w.confirm.answers_requested, lambda: f.open_answers(self.clock())),
            (w.waiting.answers_requested, lambda: f.open_answers(self.clock())),
            (w.answers.language_chosen, lambda code: f.answers_language(code, self.clock())),
            (w.answers.topic_chosen, lambda topic: f.answers_topic(topic, self.clock())),
            (w.answers.question_chosen, lambda q: f.answers_question(q, self.clock())),
            (w.answers.query_edited, lambda text: f.answers_query(text, self.clock())),
            (w.answers.search_done, lambda: f.answers_search_done(self.clock())),
            (w.answers.read_aloud, lambda: f.answers_read_aloud(self.clock())),
            (w.answers.feedback, lambda helped: f.answers_feedback(helped, self.clock())),
            (w.answers.to_adviser, lambda: f.answers_to_adviser(self.clock())),
            (w.answers.back_requested, lambda: f.answers_back(self.clock())),
            (w.answers.line_requested, lambda: f.answers_leave(self.clock())),
            (w.language.language_chosen, lambda code: f.choose_language(code, self.clock())),
            (w.language.back_requested, lambda: f.back(self.clock())),
            (w.confirm.topic_chosen, lambda topic: f.choose_topic(topic, self.clock())),
            (w.confirm.fallback_toggled, lambda code: f.toggle_fallback(code, self.clock())),
            (w.confirm.call_requested, lambda: f.request_call(self.clock())),
            (w.confirm.back_requested, lambda: f.back(self.clock())),
            (w.waiting.cancel_requested, lambda: f.cancel(self.clock())),
            (w.call.hangup_requested, lambda: f.hang_up(self.clock())),
            (w.call.mute_toggled, lambda: f.toggle_mute(self.clock())),
            (w.call.camera_toggled, lambda: f.toggle_camera(self.clock())),
            (w.call.volume_changed, lambda steps: f.change_volume(steps, self.clock())),
            (w.call.text_submitted, lambda text: f.send_text(text, self.clock())),
            (w.call.text_edited, lambda text: f.type_text(text, self.clock())),
            (w.call.letter_requested, lambda: f.show_letter(self.clock())),
            (w.call.letter.answered, lambda yes: f.answer_letter_request(yes, self.clock())),
            (w.call.letter.take_requested, lambda: f.take_picture(self.clock())),
            (w.call.letter.send_requested, lambda: f.send_picture(self.clock())),
            (w.call.letter.retake_requested, lambda: f.retake_picture(self.clock())),
            (w.call.letter.another_requested, lambda: f.show_letter(self.clock())),
            (w.call.letter.close_requested, lambda: f.close_letter(self.clock())),
            (w.rating.rated, lambda score: f.rate(score, self.clock())),
            (w.rating.skipped, lambda: f.skip_rating(self.clock())),
            (w.rating.done, lambda: f.finish(self.clock())),
            (w.welcome.code_requested, lambda lang: f.open_check_in(lang, self.clock())),
            (w.confirm.booking_requested, lambda: f.open_booking(self.clock())),
            (w.waiting.ticket_requested, lambda: f.take_ticket(self.clock())),
            (w.booking.day_chosen, lambda day: f.booking_day(day, self.clock())),
            (w.booking.time_chosen, lambda slot: f.booking_time(slot, self.clock())),
            (w.booking.confirm_requested, lambda: f.booking_confirm(self.clock())),
            (w.booking.back_requested, lambda: f.booking_back(self.clock())),
            (w.booking.done_requested, lambda: f.booking_done(self.clock())),
            (w.booking.code_edited, lambda text: f.type_code(text, self.clock())),
            (w.booking.code_submitted, lambda: f.submit_code(self.clock())),
            (w.booking.join_requested, lambda: f.join_instead(self.clock())),
            (w.help_toggled, lambda: f.toggle_help(self.clock())),
            (w.still_here, lambda: f.touch(self.clock())),
            (w.touched, lambda: f.touch(self.clock())),
        ]
        for signal, intent in intents:
            signal.connect(self._intent(intent))  # type: ignore[attr-defined]
        w.service_pin.connect(self._service_pin)

    def _intent(self, intent: Callable[..., list[Effect]]) -> Callable[..., None]:
        def run(*args: object) -> None:
            try:
                effects = intent(*args)
            except IllegalTransition as exc:
                # A second tap that raced a screen change: nothing to do, nothing to show.
                log.debug("ignored: %s", exc)
                return
            self._after(effects)

        return run

    def feed(self, event: Event) -> None:
        """One input from the backend (already on the GUI thread)."""
        self._after(self.flow.feed(event, self.clock()))

    def tick(self) -> None:
        before = self.flow.state
        effects = self.flow.tick(self.clock())
        if effects or self.flow.state is not before or self.flow.state.idle_deadline is not None:
            self._after(effects)

    def _after(self, effects: list[Effect]) -> None:
        self.render()
        for effect in effects:
            self.sink.perform(effect)
        self._follow_reading()
        self._follow_scanning()
        self._follow_aiming()

    def _follow_aiming(self) -> None:
        """A document camera is open while ``state.aiming`` says so: Cancel, the still taken,
        the call's end all close it without each remembering to."""
        wanted = self.flow.state.aiming
        if wanted != self._aiming:
            self.sink.perform(AimCamera(wanted))
            self._aiming = wanted

    def _follow_scanning(self) -> None:
        """The camera reads codes while ``state.scanning`` says so: every way off the check-in
        page (a code accepted, Back, the idle reset) closes it without each remembering to."""
        wanted = self.flow.state.scanning
        if wanted != self._scanning:
            self.sink.perform(ScanCodes(wanted))
            self._scanning = wanted

    def _follow_reading(self) -> None:
        """The speaker plays what ``state.reading`` says, so every way off the answer (Back, a
        call, the idle reset) stops it without each having to remember to."""
        wanted = self.flow.state.reading
        if wanted == self._reading:
            return
        if self._reading is not None:
            self.sink.perform(StopReading())
        if wanted is not None:
            self.sink.perform(ReadAloud(wanted))
        self._reading = wanted

    def render(self) -> None:
        state = self.flow.state
        seconds_left = None
        if state.idle_deadline is not None:
            seconds_left = math.ceil(state.idle_deadline - self.clock())
        self.window.show_state(state, seconds_left=seconds_left)

    def _service_pin(self, pin: str) -> None:
        if check_pin(pin, self._pin_hash):
            self.window.allow_close = True
            self._on_service_exit()
        else:
            self.window.service.refuse()
