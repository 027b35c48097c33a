"""Today's bookings (docs/booking.md §Console), part of :class:`agent_console.flow.ConsoleFlow`:
open the panel, publish bookable times, book a resident who phoned, export the calendar.

Pure, like the flow: no Qt, no asyncio, no clock. The panel works in every signed-in phase, beside
whatever the phase shows; a ringing call, a call and a wrap-up still take the main area (the
window decides that). Every change is the server's to make: the console sends it, shows the
server's refusal in the server's words, and fetches the list again after a success.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypeAlias

from agent_console.bookings import SeriesRequest, free_for
from agent_console.events import (
    BookingAnswer,
    BookingRefused,
    BookingsLoaded,
    CalendarSaved,
    SlotBooked,
    SlotsPublished,
)
from agent_console.state import ConsoleState
from signaling import messages as m


@dataclass(frozen=True)
class FetchBookings:
    pass


@dataclass(frozen=True)
class PublishSlots:
    series: SeriesRequest


@dataclass(frozen=True)
class BookSlot:
    slot_id: str


@dataclass(frozen=True)
class SaveCalendar:
    path: str


BookingEffect: TypeAlias = FetchBookings | PublishSlots | BookSlot | SaveCalendar


class BookingIntents:
    """The bookings panel's intents; :class:`agent_console.flow.ConsoleFlow` provides the rest."""

    state: ConsoleState

    def _check(self, intent: str) -> None:
        raise NotImplementedError

    def _bookings(self, now: float, **changes: object) -> None:
        self.state = replace(
            self.state,
            now=now,
            bookings=replace(self.state.bookings, **changes),  # type: ignore[arg-type]
        )

    def toggle_bookings(self, now: float) -> list[BookingEffect]:
        """Open the panel (and fetch the list afresh) or close it; closing forgets a shown code."""
        self._check("toggle_bookings")
        if self.state.bookings.shown:
            self._bookings(now, shown=False, code=None, refusal="", published=None)
            return []
        self._bookings(now, shown=True)
        return [FetchBookings()]

    def publish_slots(self, series: SeriesRequest, now: float) -> list[BookingEffect]:
        self._check("publish_slots")
        self._bookings(now, busy=True, refusal="", published=None, code=None)
        return [PublishSlots(series)]

    def book_slot(self, slot_id: str, now: float) -> list[BookingEffect]:
        """Book a resident who phoned into ``slot_id``; the code comes back once (SlotBooked)."""
        self._check("book_slot")
        self._bookings(now, busy=True, refusal="", published=None, code=None)
        return [BookSlot(slot_id)]

    def export_calendar(self, path: str, now: float) -> list[BookingEffect]:
        self._check("export_calendar")
        self._bookings(now, busy=True, refusal="", saved_to="")
        return [SaveCalendar(path)]

    def dismiss_code(self, now: float) -> list[BookingEffect]:
        """The code has been read out: it leaves the screen for good."""
        self._bookings(now, code=None)
        return []

    def bookings_loaded(self, loaded: BookingsLoaded, now: float) -> list[BookingEffect]:
        free = free_for(
            loaded.slots,
            adviser_id=self.state.adviser_id,
            languages=self.state.own_languages,
            now=now,
        )
        rows = tuple(sorted(loaded.rows, key=lambda r: (r.starts_at, r.booking_id)))
        self._bookings(now, day=loaded.day, timezone=loaded.timezone, rows=rows, free=free)
        return []

    def booking_answered(self, answer: BookingAnswer, now: float) -> list[BookingEffect]:
        """The server's answer to the panel's last change."""
        self._bookings(now, busy=False)
        match answer:
            case SlotsPublished(count=count):
                self._bookings(now, published=count)
                return [FetchBookings()]
            case SlotBooked(code=code):
                self._bookings(now, code=code)
                return [FetchBookings()]
            case BookingRefused(message=message):
                self._bookings(now, refusal=message or "refused")
                return []
            case CalendarSaved(path=path):
                self._bookings(now, saved_to=path)
                return []

    def _booking_checked_in(self, msg: m.BookingCheckedIn) -> list[BookingEffect]:
        """Live: a booked resident is at a kiosk (the call itself comes as an offer)."""
        marked = self.state.bookings.checked_in(msg.booking_id, self.state.now)
        if marked is None:
            return [FetchBookings()]
        self.state = replace(self.state, bookings=marked)
        return []
