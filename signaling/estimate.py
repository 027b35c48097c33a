"""Estimated wait for a caller in line, as a range (docs/protocol.md §Position).

The model: a caller at position ``p`` is answered after ``p`` advisers of their language have come
free. With ``s`` staffed advisers each busy for a handle time of mean ``m`` (call plus wrap-up), one
comes free every ``m / s`` on average, so the wait is near ``p * m / s``. Treating completions as a
Poisson stream, that wait is a sum of ``p`` exponential gaps: its spread is ``sqrt(p) * m / s``. The
range is the mean minus and plus about one spread, then widened to whole minutes so nobody reads
false precision into it.

Handle times come from a rolling window per language, falling back to all languages while a language
has few samples, and to a prior while there are none at all.

Pure: no clock, no I/O. The router owns one :class:`WaitEstimator` and records a handle time each
time an adviser comes free after a call.

No adviser staffed for a language means no estimate at all (``None``): nobody can answer, so any
range would be made up; the kiosk says no one is available instead (docs/protocol.md §Position).
"""

from __future__ import annotations

import math
from collections import deque

# A language needs this many samples of its own before its mean replaces the all-language mean.
MIN_LANGUAGE_SAMPLES = 5
STEP_S = 60
# How many spreads below and above the mean the range reaches. Asymmetric because waits are skewed:
# one long call ahead stretches a wait more than a short one shrinks it.
LOW_SPREADS = 1.0
HIGH_SPREADS = 1.5


class WaitEstimator:
    """Rolling handle-time statistics and the wait range they imply."""

    def __init__(self, *, window: int = 50, prior_handle_time_s: float = 300.0) -> None:
        if window < 1:
            raise ValueError("window must be at least 1")
        if prior_handle_time_s <= 0:
            raise ValueError("prior_handle_time_s must be positive")
        self._window = window
        self._prior = prior_handle_time_s
        self._all: deque[float] = deque(maxlen=window)
        self._by_language: dict[str, deque[float]] = {}
        self._means: dict[str, float] = {}

    def record(self, handle_time_s: float, language: str | None = None) -> None:
        """Add one finished handle time (seconds an adviser was taken by one call)."""
        value = max(0.0, handle_time_s)
        self._all.append(value)
        if language is not None:
            samples = self._by_language.setdefault(language, deque(maxlen=self._window))
            samples.append(value)
        self._means.clear()

    def samples(self, language: str | None = None) -> int:
        if language is None:
            return len(self._all)
        return len(self._by_language.get(language, ()))

    def mean_handle_time(self, language: str | None = None) -> float:
        """The mean the estimate uses for ``language``: its own, all languages', or the prior."""
        key = language or ""
        cached = self._means.get(key)
        if cached is None:
            cached = self._compute_mean(language)
            self._means[key] = cached
        return cached

    def _compute_mean(self, language: str | None) -> float:
        own = self._by_language.get(language or "", ())
        if len(own) >= MIN_LANGUAGE_SAMPLES:
            return sum(own) / len(own)
        if self._all:
            return sum(self._all) / len(self._all)
        return self._prior

    def estimate(
        self, position: int, staffed: int, language: str | None = None
    ) -> tuple[int, int] | None:
        """The wait range ``(low_s, high_s)`` in whole minutes for the caller at ``position``.

        ``position`` is 1-based; ``staffed`` counts advisers signed in and not away. With nobody
        staffed there is no estimate: ``None`` ("no one available", never a made-up range).
        """
        return wait_range(position, staffed, self.mean_handle_time(language))


def wait_range(position: int, staffed: int, mean_handle_s: float) -> tuple[int, int] | None:
    """The range for ``position`` given ``staffed`` advisers and a mean handle time; ``None``
    when nobody is staffed."""
    if staffed < 1:
        return None
    p = max(1, position)
    per_completion = mean_handle_s / staffed
    mean = p * per_completion
    spread = math.sqrt(p) * per_completion
    low = max(0.0, mean - LOW_SPREADS * spread)
    high = mean + HIGH_SPREADS * spread
    low_s = math.floor(low / STEP_S) * STEP_S
    high_s = math.ceil(high / STEP_S) * STEP_S
    return low_s, max(high_s, low_s + STEP_S)
