"""Bookable slots, series of them, and the overlap rule (docs/booking.md §Slots).

Staff publish a *series*: a day, a span of wall-clock time in the service's zone (13:00-16:00),
a slot length, optionally repeated weekly until a date. Wall-clock times stay put across daylight
saving; a local time that does not exist (spring forward) is skipped, a repeated one (autumn) is
taken once, the first. Pure apart from reading the time zone database (zoneinfo).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from signaling.errors import InvalidBooking

MAX_SLOTS_PER_SERIES = 2000
MAX_SERIES_DAYS = 366
MIN_SLOT_MINUTES, MAX_SLOT_MINUTES = 5, 240
KIOSK_LIST_LIMIT = 200
_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$|^24:00$")


@dataclass(frozen=True)
class Slot:
    id: str
    language: str
    topic: str | None  # None: any topic
    adviser_id: str | None  # None: any adviser with the language
    starts_at: float
    duration_s: int

    @property
    def ends_at(self) -> float:
        return self.starts_at + self.duration_s


@dataclass(frozen=True)
class Series:
    language: str
    topic: str | None
    adviser_id: str | None
    day: date
    start: str  # "HH:MM", local
    end: str  # "HH:MM" or "24:00", local
    slot_minutes: int
    weekly_until: date | None = None


def _minutes(clock: str, what: str) -> int:
    if not _CLOCK.match(clock):
        raise InvalidBooking(f"{what}: {clock!r} is not HH:MM")
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def series_times(series: Series, zone: ZoneInfo, *, now: float) -> list[tuple[float, int]]:
    """The (start, duration in seconds) of every slot in ``series``, earliest first.

    Raises InvalidBooking for a series that cannot be: times not HH:MM, an end not after the
    start, a slot length outside 5-240 minutes, a span that holds no whole slot, a repeat before
    the first day or longer than a year, more than 2,000 slots, or a slot that starts before
    ``now``."""
    first, last = _minutes(series.start, "start"), _minutes(series.end, "end")
    if not MIN_SLOT_MINUTES <= series.slot_minutes <= MAX_SLOT_MINUTES:
        raise InvalidBooking(f"slot_minutes must be {MIN_SLOT_MINUTES}-{MAX_SLOT_MINUTES}")
    if last - first < series.slot_minutes:
        raise InvalidBooking(f"{series.start}-{series.end} holds no {series.slot_minutes}-min slot")
    until = series.weekly_until or series.day
    if until < series.day or (until - series.day).days > MAX_SERIES_DAYS:
        raise InvalidBooking(f"weekly_until must be from the day to {MAX_SERIES_DAYS} days after")
    try:
        times = [
            (starts_at, series.slot_minutes * 60)
            for day in _weekly(series.day, until)
            for minute in range(first, last - series.slot_minutes + 1, series.slot_minutes)
            if (starts_at := _local_time(day, minute, zone)) is not None
        ]
    except OverflowError:  # the last days of year 9999
        raise InvalidBooking("the series runs past the calendar's end") from None
    if len(times) > MAX_SLOTS_PER_SERIES:
        raise InvalidBooking(f"{len(times)} slots: a series may hold {MAX_SLOTS_PER_SERIES}")
    if not times:
        raise InvalidBooking("the series holds no slot (every time is skipped by a clock change)")
    if times[0][0] < now:
        raise InvalidBooking("the series starts in the past")
    return times


def _weekly(first: date, until: date) -> Iterable[date]:
    day = first
    while day <= until:
        yield day
        day += timedelta(days=7)


def _local_time(day: date, minute: int, zone: ZoneInfo) -> float | None:
    """UNIX time of ``minute`` after local midnight on ``day``; None if the clock skips it."""
    naive = datetime(day.year, day.month, day.day) + timedelta(minutes=minute)
    stamp = naive.replace(tzinfo=zone).timestamp()  # fold=0: the first of a repeated hour
    if datetime.fromtimestamp(stamp, zone).replace(tzinfo=None) != naive:
        return None  # a time the spring-forward change skips
    return stamp


def first_clash(
    adviser_id: str | None, new: Sequence[tuple[float, int]], existing: Iterable[Slot]
) -> float | None:
    """The start of the first slot that would overlap another of the same adviser, or None.

    Slots without an adviser never clash: they are capacity of a language, not of a person."""
    if adviser_id is None:
        return None
    spans = sorted(
        [(s.starts_at, s.ends_at) for s in existing if s.adviser_id == adviser_id]
        + [(start, start + duration) for start, duration in new]
    )
    latest_end = float("-inf")
    for start, end in spans:
        if start < latest_end:
            return start
        latest_end = max(latest_end, end)
    return None


def bookable(
    slots: Iterable[Slot],
    *,
    language: str,
    topic: str | None,
    taken: frozenset[str],
    now: float,
    lead_s: float,
    horizon_s: float,
) -> list[Slot]:
    """What a kiosk may offer: free slots in the language, of the topic (a slot of no topic fits
    any; no topic asked takes every slot), from ``lead_s`` to ``horizon_s`` ahead, earliest
    first, at most 200."""
    fitting = [
        s
        for s in slots
        if s.language == language
        and (topic is None or s.topic is None or s.topic == topic)
        and s.id not in taken
        and now + lead_s <= s.starts_at <= now + horizon_s
    ]
    fitting.sort(key=lambda s: (s.starts_at, s.id))
    return fitting[:KIOSK_LIST_LIMIT]
