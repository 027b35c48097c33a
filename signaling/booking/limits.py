"""Sliding-window limits (docs/booking.md §Codes): wrong codes per kiosk and in the whole
service, bookings per kiosk. Pure: the time is an argument. Memory is bounded by ``max_keys``
(the least recently used key is forgotten first)."""

from __future__ import annotations

from collections import OrderedDict, deque

EVERYONE = "*"  # the key of the service-wide count


class SlidingLimit:
    """At most ``limit`` events per key within any ``window_s`` seconds."""

    def __init__(self, *, limit: int, window_s: float, max_keys: int = 10_000) -> None:
        self.limit = limit
        self.window_s = window_s
        self.max_keys = max_keys
        self._events: OrderedDict[str, deque[float]] = OrderedDict()

    def retry_at(self, key: str, now: float) -> float | None:
        """When ``key`` may act again, or None if it may now."""
        events = self._recent(key, now)
        if len(events) < self.limit:
            return None
        return events[-self.limit] + self.window_s

    def add(self, key: str, now: float) -> None:
        self._recent(key, now).append(now)
        self._events.move_to_end(key)
        while len(self._events) > self.max_keys:
            self._events.popitem(last=False)

    def _recent(self, key: str, now: float) -> deque[float]:
        events = self._events.setdefault(key, deque())
        while events and events[0] <= now - self.window_s:
            events.popleft()
        return events


class GuessLimit:
    """Wrong codes: per kiosk, and all kiosks together (an attacker walking between kiosks)."""

    def __init__(self, *, per_kiosk: int, overall: int, window_s: float) -> None:
        self._kiosk = SlidingLimit(limit=per_kiosk, window_s=window_s)
        self._overall = SlidingLimit(limit=overall, window_s=window_s)

    def retry_at(self, kiosk_id: str, now: float) -> float | None:
        """When the kiosk may try a code again, or None if it may now."""
        times = [
            t
            for t in (self._kiosk.retry_at(kiosk_id, now), self._overall.retry_at(EVERYONE, now))
            if t is not None
        ]
        return max(times) if times else None

    def wrong(self, kiosk_id: str, now: float) -> None:
        self._kiosk.add(kiosk_id, now)
        self._overall.add(EVERYONE, now)
