"""When a call had poor quality, for reports (pure).

A quality sample is *poor* when any of its figures reaches the level the adviser's console calls
"Poor" (agent_console/quality.py; a test keeps the two tables equal): round trip 600 ms or more,
8 % packets lost or more, jitter 80 ms or more, or under 10 video frames a second. Samples come
every 5 seconds from each side (rtc/call_media.py), so one bad sample is a 5-second hiccup; a
call counts as poor when at least a fifth of its samples were poor, and as of unknown quality
when no side reported any.
"""

from __future__ import annotations

from signaling.messages import Quality
from signaling.reports.facts import QualityMark

POOR_RTT_MS = 600.0
POOR_LOSS_RATIO = 0.08
POOR_JITTER_MS = 80.0
POOR_BELOW_FPS = 10.0
POOR_SHARE = 0.2


def poor_sample(quality: Quality) -> bool:
    """Whether one sample is poor (see the module's thresholds); missing figures never are."""
    return (
        _at_least(quality.rtt_ms, POOR_RTT_MS)
        or _at_least(quality.packet_loss_ratio, POOR_LOSS_RATIO)
        or _at_least(quality.jitter_ms, POOR_JITTER_MS)
        or (quality.fps is not None and quality.fps < POOR_BELOW_FPS)
    )


def _at_least(value: float | None, limit: float) -> bool:
    return value is not None and value >= limit


def call_quality(samples: int, poor_samples: int) -> QualityMark:
    """A call's mark from how many of its samples were poor."""
    if samples <= 0:
        return "unknown"
    return "poor" if poor_samples >= POOR_SHARE * samples else "good"
