"""The booking screen's pages as data: what the resident sees and what they have chosen so far.

Pure. kiosk/flow_booking.py moves between the pages and says what goes to the server; the view
(kiosk/views/booking_view.py) draws :class:`Booking` and nothing else.

Pages::

    DAYS ─day→ TIMES ─time→ CONFIRM ─book→ (booked) CODE        "Book a time" (from CONFIRM)
                                    └────→ (refused) RESULT
    CHECK_IN ─code typed or read from the camera→ (refused) RESULT, or the waiting screen
    TICKET                                                        "Take a ticket" (from WAITING)

Back goes one page back; from DAYS to where the resident came from. CODE and TICKET end with
"Done": the kiosk forgets the code (as the idle timeout does).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from kiosk.booking.calendar import local_day
from signaling import messages as m


class Page(StrEnum):
    DAYS = "days"
    TIMES = "times"
    CONFIRM = "confirm"
    CODE = "code"
    TICKET = "ticket"
    CHECK_IN = "check_in"
    RESULT = "result"


class Outcome(StrEnum):
    """Why a booking or a check-in did not go through (the server's reasons, docs/booking.md)."""

    SLOT_TAKEN = "slot_taken"
    TOO_SOON = "too_soon"
    TOO_MANY = "too_many"
    CODE_UNKNOWN = "code_unknown"
    CODE_USED = "code_used"
    CODE_EXPIRED = "code_expired"
    TOO_EARLY = "too_early"
    TOO_LATE = "too_late"
    CLOSED = "closed"
    RATE_LIMITED = "rate_limited"

    @property
    def of_check_in(self) -> bool:
        return self not in (Outcome.SLOT_TAKEN, Outcome.TOO_SOON, Outcome.TOO_MANY)


@dataclass(frozen=True)
class Slot:
    slot_id: str
    starts_at: float
    duration_s: int


@dataclass(frozen=True)
class Pass:
    """A code to keep, as shown once: a booked time or a ticket (docs/booking.md §Codes)."""

    kind: str  # "booking" or "ticket"
    code: str  # grouped, K7M4-QX2P
    qr: str  # kiosklink:K7M4QX2P
    language: str
    topic: str | None
    until: float  # the check-in window's end, or the ticket's valid_until
    timezone: str
    starts_at: float | None = None  # the booked time
    opens_at: float | None = None  # check in from


@dataclass(frozen=True)
class Booking:
    page: Page
    language: str | None = None
    topic: str | None = None
    from_confirm: bool = False  # Back from DAYS returns to the confirm screen
    slots: tuple[Slot, ...] | None = None  # None: asked, no answer yet
    timezone: str = "UTC"
    day: date | None = None
    slot: Slot | None = None
    kept: Pass | None = None
    entry: str = ""  # the code typed so far, as shown
    waiting: bool = False  # a book or check_in is out: buttons wait for the answer
    outcome: Outcome | None = None
    when: float | None = None  # opens_at (too_early, closed) or retry_at (too_many, limited)


def begin(language: str, topic: str | None) -> Booking:
    return Booking(page=Page.DAYS, language=language, topic=topic, from_confirm=True)


def check_in(timezone: str) -> Booking:
    """The check-in page; a refusal's times (``opens_at``, ``retry_at``) carry no zone, so they
    are shown in the kiosk's configured one (the service's, where the kiosk stands)."""
    return Booking(page=Page.CHECK_IN, timezone=timezone)


def slots_arrived(booking: Booking, msg: m.Slots) -> Booking:
    """The free times for the language asked about; an answer for another one is stale."""
    if booking.page is not Page.DAYS or msg.language != booking.language:
        return booking
    slots = tuple(Slot(s.slot_id, s.starts_at, s.duration_s) for s in msg.slots)
    return replace(booking, slots=slots, timezone=msg.timezone)


def days(booking: Booking) -> tuple[date, ...]:
    """The service's calendar days that have a free time, earliest first."""
    found = (local_day(s.starts_at, booking.timezone) for s in booking.slots or ())
    return tuple(sorted(set(found)))


def times(booking: Booking) -> tuple[Slot, ...]:
    """The free times on the chosen day, earliest first."""
    zone = booking.timezone
    chosen = [s for s in booking.slots or () if local_day(s.starts_at, zone) == booking.day]
    return tuple(sorted(chosen, key=lambda s: (s.starts_at, s.slot_id)))


def choose_day(booking: Booking, day: date) -> Booking:
    if day not in days(booking):
        return booking
    return replace(booking, page=Page.TIMES, day=day)


def choose_slot(booking: Booking, slot_id: str) -> Booking:
    slot = next((s for s in times(booking) if s.slot_id == slot_id), None)
    if slot is None:
        return booking
    return replace(booking, page=Page.CONFIRM, slot=slot)


def booked(booking: Booking, msg: m.Booked) -> Booking:
    kept = Pass(
        kind="booking",
        code=msg.code,
        qr=msg.qr,
        language=msg.language,
        topic=msg.topic,
        until=msg.closes_at,
        timezone=msg.timezone,
        starts_at=msg.starts_at,
        opens_at=msg.opens_at,
    )
    return replace(booking, page=Page.CODE, kept=kept, waiting=False)


def ticket(msg: m.Ticket) -> Booking:
    kept = Pass(
        kind="ticket",
        code=msg.code,
        qr=msg.qr,
        language=msg.language,
        topic=msg.topic,
        until=msg.valid_until,
        timezone=msg.timezone,
    )
    return Booking(page=Page.TICKET, language=msg.language, topic=msg.topic, kept=kept)


def refused(booking: Booking, outcome: Outcome, when: float | None) -> Booking:
    return replace(booking, page=Page.RESULT, outcome=outcome, when=when, waiting=False)


def check_in_refused(booking: Booking, msg: m.CheckInRefused) -> Booking:
    """A refused code: the reason, and for ``too_late`` the line the resident may join instead."""
    when = msg.retry_at if msg.reason == "rate_limited" else msg.opens_at
    language = msg.language or booking.language
    topic = msg.topic if msg.language else booking.topic
    return refused(replace(booking, language=language, topic=topic), Outcome(msg.reason), when)


def back(booking: Booking) -> Booking | None:
    """One page back; None when Back leaves the booking screen (from DAYS or CHECK_IN)."""
    match booking.page:
        case Page.TIMES:
            return replace(booking, page=Page.DAYS, day=None)
        case Page.CONFIRM:
            return replace(booking, page=Page.TIMES, slot=None)
        case Page.RESULT if booking.outcome is not None and booking.outcome.of_check_in:
            return replace(booking, page=Page.CHECK_IN, entry="", outcome=None, when=None)
        case Page.RESULT:
            # Someone took the time, or it is too soon: the list is stale, ask again.
            return replace(booking, page=Page.DAYS, slots=None, day=None, slot=None, outcome=None)
    return None
