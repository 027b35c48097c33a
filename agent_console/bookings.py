"""Today's bookings as the console shows them (docs/booking.md §Console): pure, no Qt, no clock.

The server is the authority: the list is ``GET /api/adviser/bookings`` (this adviser's bookings
and those without an adviser in their languages), fetched on every (re)connect and after every
change the console makes. Between fetches one thing changes live: ``booking_checked_in`` marks its
row at once. A code made by booking for a resident who phoned is kept here only until the adviser
dismisses it: the server shows a code once, and so does the console. Nothing here identifies a
resident: a booking is a language, a topic, a time and a state.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

# The states a booking passes through (signaling/store_bookings.py); "booked" until one of the
# others. Cancelled bookings are not in the list: they free their slot.
STATES = ("booked", "checked_in", "no_show", "cancelled")


@dataclass(frozen=True)
class BookingRow:
    booking_id: str
    language: str
    topic: str | None
    adviser_id: str | None  # None: a booking with the language, any adviser with it
    starts_at: float
    duration_s: int
    state: str
    checked_in_at: float | None = None


@dataclass(frozen=True)
class FreeSlot:
    """A free slot (today or in the coming days) that a resident on the phone can be booked into."""

    slot_id: str
    language: str
    topic: str | None
    adviser_id: str | None
    starts_at: float
    duration_s: int


@dataclass(frozen=True)
class SeriesRequest:
    """Slots to publish, as the server takes them (docs/booking.md §Slots): a local day, a span
    of wall-clock times and a slot length; for this adviser when ``mine``, else for the language."""

    language: str
    topic: str | None
    date: str  # YYYY-MM-DD, in the service's time zone
    start: str  # HH:MM
    end: str
    slot_minutes: int
    mine: bool = True


@dataclass(frozen=True)
class ShownCode:
    """The code of a booking just made for a resident who phoned: read it to them, once."""

    code: str
    language: str
    topic: str | None
    starts_at: float


@dataclass(frozen=True)
class Bookings:
    shown: bool = False  # the panel is open (F10)
    day: str = ""  # the server's local day, YYYY-MM-DD; "" until the first list arrives
    timezone: str = ""  # the service's zone: times are shown in it, as the resident was told
    rows: tuple[BookingRow, ...] = ()
    free: tuple[FreeSlot, ...] = ()
    busy: bool = False  # a change sent, its answer not yet in
    refusal: str = ""  # the server's own words for a refused change (an overlap, a past time)
    published: int | None = None  # how many slots the last publish made
    code: ShownCode | None = None
    saved_to: str = ""  # where the last calendar export was written

    def checked_in(self, booking_id: str, now: float) -> Bookings | None:
        """The list with ``booking_id`` marked checked in; None when it is not in the list (a
        booking made since the last fetch: fetch again)."""
        if not any(r.booking_id == booking_id for r in self.rows):
            return None
        rows = tuple(
            replace(r, state="checked_in", checked_in_at=now) if r.booking_id == booking_id else r
            for r in self.rows
        )
        return replace(self, rows=rows)

    def count(self, state: str) -> int:
        return sum(1 for r in self.rows if r.state == state)


def free_for(
    slots: tuple[FreeSlot, ...], *, adviser_id: str, languages: frozenset[str], now: float
) -> tuple[FreeSlot, ...]:
    """The slots this adviser may book a caller into: not begun, in their languages, theirs or
    nobody's, earliest first."""
    mine = [
        s
        for s in slots
        if s.starts_at > now and s.language in languages and s.adviser_id in (None, adviser_id)
    ]
    return tuple(sorted(mine, key=lambda s: (s.starts_at, s.language, s.slot_id)))
