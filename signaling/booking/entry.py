"""What a check-in lets into the line, and what a ticket keeps (docs/booking.md): the contract
between the booking desk (signaling/booking_desk.py), which decides, and the exchange, which
puts the caller in line. Pure data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class TicketPlace:
    """A waiting caller's place, as a ticket keeps it."""

    caller_id: str
    language: str
    topic: str | None
    fallbacks: tuple[str, ...]
    joined_at: float


@dataclass(frozen=True)
class Admission:
    """Who joins the line, and how: a walk-in (``join``), or a code accepted: ``joined_at`` is a
    booking's credit or a ticket's original time, and a booking with an adviser is reserved for
    ``reserved_for`` until ``reserved_until``."""

    kind: Literal["walk_in", "booking", "ticket"]
    language: str
    topic: str | None
    fallbacks: tuple[str, ...]
    joined_at: float
    starts_at: float | None = None
    reserved_for: str | None = None
    reserved_until: float | None = None
