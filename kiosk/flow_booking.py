"""The resident's intents on booking a time, checking in and taking a ticket (issue #14,
docs/booking.md), part of :class:`kiosk.flow.KioskFlow`; the pages themselves are
kiosk/booking/steps.py.

Pure, like the flow: no Qt, no asyncio, no clock. Rules:

* A closed language's tile on LANGUAGE opens booking in that language (Back: the languages).
* "Book a time" opens from CONFIRM (the language and topic chosen); the view makes it the first
  choice when the wait is long, the language is closed or nobody for it is signed in
  (:func:`offer_booking_first`, ``KioskSettings.book_offer_wait_s``). No name or number is asked.
* "I have a code" opens CHECK_IN from WELCOME in the language the welcome screen spoke when it was
  tapped. The camera reads QR codes only while CHECK_IN is on screen (``state.scanning``, which
  the controller follows); a code typed or read goes out as ``check_in`` once per try.
* ``checked_in``: straight into the waiting screen, camera and microphone open, in the code's
  language; the server has already queued the resident (no ``join``).
* A refusal shows its reason; ``too_late`` offers the ordinary line in the booking's language.
* "Take a ticket" on WAITING: the server takes the resident out of line and answers ``ticket``;
  the kiosk closes camera and microphone and shows the code until "Done" or the idle timeout.
* Leaving the booking screen by any path forgets what it showed (``KioskFlow._go``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from kiosk import languages
from kiosk.booking import entry, steps
from kiosk.booking.steps import Booking, Outcome, Page
from kiosk.state import (
    Alert,
    CloseMedia,
    CodeSeen,
    Effect,
    KioskState,
    LanguageOption,
    Screen,
    Send,
)
from signaling import messages as m
from signaling.errors import IllegalTransition

BookingMessage = m.Slots | m.Booked | m.BookRefused | m.Ticket | m.CheckedIn | m.CheckInRefused
BOOKING_REQUESTS = ("list_slots", "book", "check_in", "take_ticket")


def offer_booking_first(state: KioskState, long_wait_s: float) -> bool:
    """Whether "Book a time" is the first choice on CONFIRM: nobody answers the chosen language
    now, it is closed, or the upper estimate of the wait is at least ``long_wait_s``."""
    chosen: LanguageOption | None = state.option(state.language)
    if state.nobody_answers or Alert.CLOSED in state.alerts or chosen is None:
        return True
    return chosen.wait_high_s is not None and chosen.wait_high_s >= long_wait_s


class BookingIntents:
    """Booking's intents; :class:`kiosk.flow.KioskFlow` provides the rest."""

    state: KioskState
    _default_ui: str
    timezone: str

    def touch(self, now: float) -> list[Effect]:
        raise NotImplementedError

    def _go(self, now: float, state: KioskState) -> None:
        raise NotImplementedError

    def _reset(self, now: float) -> list[Effect]:
        raise NotImplementedError

    def _enter_line(self, now: float) -> list[Effect]:
        raise NotImplementedError

    def _system_alerts(self) -> tuple[Alert, ...]:
        raise NotImplementedError

    # --- the resident's intents -----------------------------------------------------------------

    def open_booking(self, now: float) -> list[Effect]:
        """ "Book a time" on CONFIRM: ask the server for the free times in the chosen language."""
        s = self.state
        if s.screen is not Screen.CONFIRM or s.language is None:
            raise IllegalTransition("kiosk", s.screen, "open_booking")
        booking = steps.begin(s.language, s.topic)
        self._go(now, replace(s, screen=Screen.BOOKING, booking=booking))
        return self._list_slots()

    def _book_closed(self, code: str, now: float) -> list[Effect]:
        """A closed language tapped on LANGUAGE: a time when it is open is what the kiosk can
        give. Back returns to the languages."""
        booking = replace(steps.begin(code, None), from_confirm=False)
        state = replace(
            self.state,
            screen=Screen.BOOKING,
            booking=booking,
            ui_language=languages.ui_language_for(code),
            alerts=self._system_alerts(),
        )
        self._go(now, state)
        return self._list_slots()

    def booking_day(self, day_iso: str, now: float) -> list[Effect]:
        booking = self._page(Page.DAYS, "booking_day")
        self._update(now, steps.choose_day(booking, _date(day_iso)))
        return []

    def booking_time(self, slot_id: str, now: float) -> list[Effect]:
        booking = self._page(Page.TIMES, "booking_time")
        self._update(now, steps.choose_slot(booking, slot_id))
        return []

    def booking_confirm(self, now: float) -> list[Effect]:
        """Book the chosen time: the code comes back in ``booked``."""
        booking = self._page(Page.CONFIRM, "booking_confirm")
        if booking.slot is None or booking.waiting or not self.state.online:
            return []
        self._update(now, replace(booking, waiting=True))
        return [Send(m.Book(slot_id=booking.slot.slot_id))]

    def booking_back(self, now: float) -> list[Effect]:
        booking = self._page(None, "booking_back")
        previous = steps.back(booking)
        if previous is None and booking.from_confirm:
            ui = languages.ui_language_for(booking.language or self._default_ui)
            self._go(now, replace(self.state, screen=Screen.CONFIRM, ui_language=ui))
            return []
        if previous is None and booking.page is Page.DAYS:
            # From a closed language's tile: back to the languages.
            self._go(now, replace(self.state, screen=Screen.LANGUAGE, ui_language=self._default_ui))
            return []
        if previous is None:
            return self._reset(now)
        self._update(now, previous)
        return self._list_slots() if previous.page is Page.DAYS else []

    def booking_done(self, now: float) -> list[Effect]:
        """ "Done" under a code or a ticket: the kiosk forgets it at once."""
        self._page(None, "booking_done")
        return self._reset(now)

    def open_check_in(self, ui_language: str, now: float) -> list[Effect]:
        """ "I have a code" on WELCOME, tapped while the screen spoke ``ui_language``."""
        if self.state.screen is not Screen.WELCOME:
            raise IllegalTransition("kiosk", self.state.screen, "open_check_in")
        ui = languages.ui_language_for(ui_language)
        state = replace(
            self.state, screen=Screen.BOOKING, booking=steps.check_in(self.timezone), ui_language=ui
        )
        self._go(now, replace(state, alerts=self._system_alerts()))
        return []

    def type_code(self, typed: str, now: float) -> list[Effect]:
        booking = self._page(Page.CHECK_IN, "type_code")
        self._update(now, replace(booking, entry=entry.entry_text(typed)))
        return []

    def submit_code(self, now: float) -> list[Effect]:
        booking = self._page(Page.CHECK_IN, "submit_code")
        return self._check_in(now, booking, entry.normalize(booking.entry))

    def join_instead(self, now: float) -> list[Effect]:
        """Too late for the booked time: the ordinary line in the booking's language."""
        booking = self._page(Page.RESULT, "join_instead")
        if booking.outcome is not Outcome.TOO_LATE or booking.language is None:
            return []
        self.state = replace(
            self.state,
            language=booking.language,
            ui_language=languages.ui_language_for(booking.language),
            topic=booking.topic if booking.topic in self.state.topics else None,
            fallbacks=(),
        )
        return self._enter_line(now)

    def take_ticket(self, now: float) -> list[Effect]:
        """ "Take a ticket" while waiting: the answer is ``ticket`` (or an error while ringing)."""
        s = self.state
        if s.screen is not Screen.WAITING or not s.in_line:
            raise IllegalTransition("kiosk", s.screen, "take_ticket")
        self.touch(now)
        return [Send(m.TakeTicket())] if s.online and s.position is not None else []

    # --- from the camera and the server ---------------------------------------------------------

    def _code_seen(self, event: CodeSeen, now: float) -> list[Effect]:
        booking = self.state.booking
        code = entry.scanned_code(event.payload)
        if not self.state.scanning or booking is None or code is None:
            return []
        booking = replace(booking, entry=entry.grouped(code))
        return self._check_in(now, booking, code)

    def _booking_message(self, msg: BookingMessage, now: float) -> list[Effect]:
        booking = self.state.booking
        match msg:
            case m.Ticket():
                return self._ticket(msg, now)
            case _ if booking is None or self.state.screen is not Screen.BOOKING:
                return []  # an answer for a resident who has left: nothing to show
            case m.Slots():
                self.state = replace(self.state, booking=steps.slots_arrived(booking, msg))
            case m.Booked() if booking.waiting:
                self.state = replace(self.state, booking=steps.booked(booking, msg))
            case m.BookRefused() if booking.waiting:
                refused = steps.refused(booking, Outcome(msg.reason), msg.retry_at)
                self.state = replace(self.state, booking=refused)
            case m.CheckedIn() if booking.waiting:
                return self._checked_in(msg, now)
            case m.CheckInRefused() if booking.waiting:
                refused = steps.check_in_refused(booking, msg)
                ui = self.state.ui_language
                if msg.language is not None:
                    ui = languages.ui_language_for(msg.language)
                self._go(now, replace(self.state, booking=refused, ui_language=ui))
        return []

    def _booking_error(self, msg: m.Error) -> list[Effect]:
        """The server would not take a booking request (out of role: a ticket asked for while
        the call was already ringing, say): the resident stays where they are, and can retry."""
        booking = self.state.booking
        if booking is not None and booking.waiting:
            self.state = replace(self.state, booking=replace(booking, waiting=False))
        return []

    def _checked_in(self, msg: m.CheckedIn, now: float) -> list[Effect]:
        # The server put the resident in line already: the waiting screen without a join.
        self.state = replace(
            self.state,
            language=msg.language,
            ui_language=languages.ui_language_for(msg.language),
            topic=msg.topic if msg.topic in self.state.topics else None,
            fallbacks=(),
        )
        return [e for e in self._enter_line(now) if not isinstance(e, Send)]

    def _ticket(self, msg: m.Ticket, now: float) -> list[Effect]:
        s = self.state
        if not s.in_line:
            return []
        # Out of line on the server's word (no cancel to send); the devices close now.
        effects: list[Effect] = [CloseMedia()] if s.media_live else []
        self._go(
            now,
            replace(
                s,
                screen=Screen.BOOKING,
                booking=steps.ticket(msg),
                media_live=False,
                position=None,
                alerts=self._system_alerts(),
            ),
        )
        return effects

    # --- helpers --------------------------------------------------------------------------------

    def _check_in(self, now: float, booking: Booking, code: str | None) -> list[Effect]:
        if code is None or booking.waiting or not self.state.online:
            self._update(now, booking)
            return []
        self._update(now, replace(booking, waiting=True))
        return [Send(m.CheckIn(code=code))]

    def _list_slots(self) -> list[Effect]:
        booking = self.state.booking
        if booking is None or booking.language is None or not self.state.online:
            return []
        return [Send(m.ListSlots(language=booking.language, topic=booking.topic))]

    def _page(self, page: Page | None, event: str) -> Booking:
        booking = self.state.booking
        if self.state.screen is not Screen.BOOKING or booking is None:
            raise IllegalTransition("kiosk", self.state.screen, event)
        if page is not None and booking.page is not page:
            raise IllegalTransition("kiosk", f"{self.state.screen}/{booking.page}", event)
        return booking

    def _update(self, now: float, booking: Booking) -> None:
        self.touch(now)
        self.state = replace(self.state, booking=booking)


def _date(iso: str) -> date:
    return date.fromisoformat(iso)
