"""Durations as the console writes them (pure): ``0:42``, ``12:05``, ``1:02:03``."""

from __future__ import annotations

import math


def clock_text(seconds: float | None) -> str:
    """A timer reading; ``–`` when there is nothing to time. Rounds down, as clocks do."""
    if seconds is None or math.isnan(seconds):
        return "–"
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
