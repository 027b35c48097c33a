"""The check-in decision (docs/booking.md §Check-in): a booking's or a ticket's code at ``now``.

A refusal changes nothing; only ``code_unknown`` counts as a wrong guess (the adapter's
business). The order of the checks is the order of the design's list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from signaling.messages import CheckInRefusal, CheckInRefused

BookingState = Literal["booked", "checked_in", "cancelled", "no_show"]


@dataclass(frozen=True)
class Window:
    """Check-in opens ``before_s`` before a slot's start and closes ``after_s`` after it; within
    ``late_grace_s`` after that a code is ``too_late`` (offer the queue), later ``code_expired``."""

    before_s: float
    after_s: float
    late_grace_s: float

    def opens_at(self, starts_at: float) -> float:
        return starts_at - self.before_s

    def closes_at(self, starts_at: float) -> float:
        return starts_at + self.after_s


@dataclass(frozen=True)
class BookingFacts:
    """What the check-in decision needs to know of a booking."""

    state: BookingState
    starts_at: float
    language: str
    topic: str | None


def refuse(reason: CheckInRefusal, **details: float | str | None) -> CheckInRefused:
    return CheckInRefused(reason=reason, **details)


def booking_refusal(booking: BookingFacts, window: Window, now: float) -> CheckInRefused | None:
    """Why ``booking`` cannot check in at ``now``, or None: it may."""
    if booking.state == "cancelled":
        return refuse("code_unknown")  # a cancelled booking's code is no code any more
    if booking.state == "checked_in":
        return refuse("code_used")
    if now < window.opens_at(booking.starts_at):
        return refuse("too_early", opens_at=window.opens_at(booking.starts_at))
    closes = window.closes_at(booking.starts_at)
    if booking.state == "no_show" or now >= closes:
        if now < closes + window.late_grace_s:
            return refuse("too_late", language=booking.language, topic=booking.topic)
        return refuse("code_expired")
    return None


def ticket_refusal(
    *, used: bool, valid_until: float, open_now: bool, opens_at: float | None, now: float
) -> CheckInRefused | None:
    """Why a ticket cannot check in at ``now`` (used, expired, its language closed), or None."""
    if used:
        return refuse("code_used")
    if now >= valid_until:
        return refuse("code_expired")
    if not open_now:
        return refuse("closed", opens_at=opens_at)
    return None


def reserved_until(starts_at: float, now: float, wait_s: float) -> float:
    """The booked adviser's exclusive time ends ``wait_s`` after the later of check-in and the
    start: an early arrival is not handed to someone else before their time."""
    return max(now, starts_at) + wait_s


def ticket_valid_until(now: float, zone: ZoneInfo, valid_s: float | None) -> float:
    """``valid_s`` from now, or (None) the end of the local day."""
    if valid_s is not None:
        return now + valid_s
    local = datetime.fromtimestamp(now, zone)
    midnight = datetime(local.year, local.month, local.day) + timedelta(days=1)
    return midnight.replace(tzinfo=zone).timestamp()
