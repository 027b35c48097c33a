"""What the I/O side reports to the controller besides server messages (pure data, no Qt).

The asyncio side (:mod:`agent_console.backend`) produces these; they cross to the Qt
thread through queued signals and the controller feeds them to the flow.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from agent_console.bookings import BookingRow, FreeSlot, ShownCode
from signaling.messages import Quality


@dataclass(frozen=True)
class LoginOk:
    adviser_id: str
    display_name: str


@dataclass(frozen=True)
class LoginError:
    reason: str
    unreachable: bool  # the server could not be reached, as opposed to refusing the password


LoginOutcome: TypeAlias = LoginOk | LoginError


@dataclass(frozen=True)
class MediaState:
    call_id: str
    state: str  # aiortc's connection state, or "stalled" (rtc.call)


@dataclass(frozen=True)
class RemoteText:
    call_id: str
    text: str  # the resident's whole text as shown: committed lines and the line being typed


@dataclass(frozen=True)
class PartyChanged:
    """The third party of a three-way call (docs/protocol.md §Interpreter): the interpreter on an
    adviser's console, the adviser on an interpreter's."""

    call_id: str
    party: str  # "kiosk" | "adviser" | "interpreter"
    state: str  # "joined" | "connected" | "left"


@dataclass(frozen=True)
class PartyText:
    call_id: str
    party: str
    text: str  # the party's whole text as shown, as RemoteText


@dataclass(frozen=True)
class Figures:
    call_id: str
    quality: Quality


@dataclass(frozen=True)
class TodayFigures:
    """From the proposed GET /api/adviser/today; absent until the server offers it."""

    calls_taken: int
    average_handle_s: float | None
    ratings_count: int
    ratings_average: float | None


MediaEvent: TypeAlias = MediaState | RemoteText | Figures | PartyChanged | PartyText


@dataclass(frozen=True)
class BookingsLoaded:
    """Today's list (GET /api/adviser/bookings) and the coming days' free slots (GET
    /api/booking/slots)."""

    day: str
    timezone: str
    rows: tuple[BookingRow, ...]
    slots: tuple[FreeSlot, ...]  # free ones only


@dataclass(frozen=True)
class SlotsPublished:
    count: int


@dataclass(frozen=True)
class SlotBooked:
    code: ShownCode


@dataclass(frozen=True)
class BookingRefused:
    message: str  # the server's own words ("overlaps ..."), shown as they are


@dataclass(frozen=True)
class CalendarSaved:
    path: str


BookingAnswer: TypeAlias = SlotsPublished | SlotBooked | BookingRefused | CalendarSaved
