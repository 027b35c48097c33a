"""Slow down password guessing (pure): failed sign-ins per account and per address.

Rules:

1. Every failed sign-in is counted under each of its keys (the username, and the client address).
2. A key with ``max_failures`` failures within ``window_s`` is locked for ``lockout_s``; while
   locked, sign-ins under it are refused without checking the password (``retry_after``).
3. A successful sign-in clears the username's count, not the address's: one adviser signing in
   must not wipe the record of someone guessing at other accounts from the same place.
4. Memory is bounded: at most ``max_keys`` keys are remembered; the stalest go first.

argon2 makes each guess slow; this makes many guesses impossible. The clock is an argument.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from dataclasses import dataclass, field


@dataclass
class LoginThrottle:
    max_failures: int = 5
    window_s: float = 300.0
    lockout_s: float = 300.0
    max_keys: int = 10_000
    _failures: OrderedDict[str, deque[float]] = field(default_factory=OrderedDict)
    _locked_until: dict[str, float] = field(default_factory=dict)

    def retry_after(self, keys: tuple[str, ...], now: float) -> float | None:
        """Seconds until a sign-in under ``keys`` may be tried, or None if it may be now."""
        waits = [until - now for key in keys if (until := self._locked_until.get(key, 0)) > now]
        return max(waits) if waits else None

    def failed(self, keys: tuple[str, ...], now: float) -> None:
        for key in keys:
            times = self._failures.pop(key, None) or deque()
            times.append(now)
            while times and now - times[0] > self.window_s:
                times.popleft()
            self._failures[key] = times  # most recent last
            if len(times) >= self.max_failures:
                self._locked_until[key] = now + self.lockout_s
                times.clear()
        self._forget_stale(now)

    def succeeded(self, username_key: str) -> None:
        self._failures.pop(username_key, None)
        self._locked_until.pop(username_key, None)

    def _forget_stale(self, now: float) -> None:
        while len(self._failures) > self.max_keys:
            key, _ = self._failures.popitem(last=False)
            self._locked_until.pop(key, None)
        if len(self._locked_until) > self.max_keys:
            for key in [k for k, until in self._locked_until.items() if until <= now]:
                del self._locked_until[key]


def login_keys(username: str, address: str | None) -> tuple[str, ...]:
    user = f"user:{username.strip().casefold()}"
    return (user, f"addr:{address}") if address else (user,)
