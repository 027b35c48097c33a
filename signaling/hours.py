"""Opening hours of a queue (docs/protocol.md §Closed).

Configured as local wall-clock times in a named time zone, so "09:00" stays 09:00 across daylight
saving changes::

    {"timezone": "Europe/Stockholm",
     "weekly": {"mon": [["09:00", "16:00"]], "tue": [["09:00", "12:00"], ["13:00", "16:00"]]},
     "closed_dates": ["2026-12-24"]}

Days missing from ``weekly`` are closed. An interval ends before its end time; "24:00" means
midnight at the end of that day. The router does not know hours: the adapter checks them before a
join. Pure apart from reading the time zone database (zoneinfo).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from signaling.errors import ConfigError

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
HORIZON_DAYS = 14
_END_OF_DAY = 24 * 60


@dataclass(frozen=True)
class Interval:
    """Open from ``start`` up to (not including) ``end``, in minutes after local midnight."""

    start: int
    end: int


@dataclass(frozen=True)
class OpeningHours:
    timezone: ZoneInfo | None  # None: always open
    weekly: tuple[tuple[Interval, ...], ...]  # index 0 = Monday
    closed_dates: frozenset[date]

    @classmethod
    def always_open(cls) -> OpeningHours:
        return cls(None, (), frozenset())

    @classmethod
    def from_config(cls, spec: Mapping[str, object]) -> OpeningHours:
        """Parse the config shape in the module docstring. Raises ConfigError on any mistake."""
        unknown = set(spec) - {"timezone", "weekly", "closed_dates"}
        if unknown:
            raise ConfigError(f"hours: unknown keys {sorted(unknown)}")
        weekly = spec.get("weekly", {})
        if not isinstance(weekly, Mapping) or set(weekly) - set(DAYS):
            raise ConfigError(f"hours.weekly must map some of {list(DAYS)} to intervals")
        closed = spec.get("closed_dates", [])
        if not isinstance(closed, Sequence) or isinstance(closed, str):
            raise ConfigError("hours.closed_dates must be a list of YYYY-MM-DD dates")
        return cls(
            _zone(spec.get("timezone")),
            tuple(_intervals(day, weekly.get(day, [])) for day in DAYS),
            frozenset(_date(d) for d in closed),
        )

    def is_open(self, now: float) -> bool:
        if self.timezone is None:
            return True
        local = datetime.fromtimestamp(now, self.timezone)
        if local.date() in self.closed_dates:
            return False
        minute = local.hour * 60 + local.minute
        return any(i.start <= minute < i.end for i in self.weekly[local.weekday()])

    def next_opening(self, now: float) -> float | None:
        """``now`` if open, else the next opening within HORIZON_DAYS, else None."""
        if self.timezone is None or self.is_open(now):
            return now
        today = datetime.fromtimestamp(now, self.timezone).date()
        for offset in range(HORIZON_DAYS + 1):
            day = today + timedelta(days=offset)
            if day in self.closed_dates:
                continue
            for interval in self.weekly[day.weekday()]:
                start = self._instant(day, interval.start)
                if start > now and self.is_open(start):
                    return start
        return None

    def _instant(self, day: date, minute: int) -> float:
        # A start inside a spring-forward gap resolves (fold=0) to the matching time after it.
        local = datetime.combine(day, time(minute // 60, minute % 60), self.timezone)
        return local.timestamp()


def _zone(name: object) -> ZoneInfo:
    if not isinstance(name, str) or not name:
        raise ConfigError("hours.timezone must be an IANA zone name such as Europe/Stockholm")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"hours.timezone: unknown zone {name!r}") from None


def _intervals(day: str, spec: object) -> tuple[Interval, ...]:
    if not isinstance(spec, Sequence) or isinstance(spec, str):
        raise ConfigError(f"hours.weekly.{day} must be a list of [start, end] pairs")
    result = []
    for pair in spec:
        if not isinstance(pair, Sequence) or isinstance(pair, str) or len(pair) != 2:
            raise ConfigError(f"hours.weekly.{day}: {pair!r} is not a [start, end] pair")
        start, end = _minute(day, pair[0]), _minute(day, pair[1])
        if not start < end:
            raise ConfigError(f"hours.weekly.{day}: {pair[0]} is not before {pair[1]}")
        result.append(Interval(start, end))
    return tuple(sorted(result, key=lambda i: i.start))


def _minute(day: str, text: object) -> int:
    parts = text.split(":") if isinstance(text, str) else []
    digits = len(parts) == 2 and all(p.isdigit() and len(p) == 2 for p in parts)
    value = int(parts[0]) * 60 + int(parts[1]) if digits else -1
    if not digits or int(parts[1]) >= 60 or not 0 <= value <= _END_OF_DAY:
        raise ConfigError(f"hours.weekly.{day}: {text!r} is not a HH:MM time")
    return value


def _date(text: object) -> date:
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        raise ConfigError(f"hours.closed_dates: {text!r} is not a YYYY-MM-DD date") from None
