"""One media clock shared by a call's local tracks, so audio and video time start together.

Why shared: A/V sync is measured by matching the tone's beep at each whole second of *media time*
with the video frame of that second (:mod:`rtc.media.synthetic`); that only means something if both
tracks count from one origin. Pacing also lives here: a source that fell behind skips ahead to "now"
instead of bunching frames, so delay can never grow (../shared/AIORTC.md pitfall 1).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable


class MediaClock:
    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._monotonic = monotonic
        self._origin: float | None = None

    def now(self) -> float:
        return self._monotonic()

    def origin(self) -> float:
        """The instant media time 0 began; fixed by the first track that asks."""
        if self._origin is None:
            self._origin = self._monotonic()
        return self._origin

    def elapsed(self) -> float:
        return self._monotonic() - self.origin()


def next_index(index: int, period_s: float, elapsed_s: float) -> int:
    """The index to produce after ``index``: the next one, or the current one when late by more.

    Pure: ``elapsed_s`` is media time now. Skipping keeps a slow stage from queueing more delay.
    """
    due = index + 1
    current = math.floor(elapsed_s / period_s)
    return current if current > due else due
