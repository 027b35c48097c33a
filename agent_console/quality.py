"""Live call quality as one word for the adviser: good, fair or poor (pure).

The figures come from the call session's stats (AIORTC.md pitfall 10: RTT from remote-inbound-rtp,
fps computed by the app). Each figure is judged on its own against two thresholds and the call is as
good as its worst figure, so one bad number is never averaged away. A figure that is missing does
not count; with no figures at all the level is ``unknown``.

Thresholds follow the usual VoIP rules of thumb (ITU-T G.114 for delay: under 150 ms one-way feels
natural, so we allow 300 ms round trip for "good").
"""

from __future__ import annotations

from enum import IntEnum

from signaling.messages import Quality


class QualityLevel(IntEnum):
    """Ordered: a larger value is a worse call. ``UNKNOWN`` sorts first so it never wins ``max``."""

    UNKNOWN = 0
    GOOD = 1
    FAIR = 2
    POOR = 3


# (fair_from, poor_from) for figures where larger is worse.
RTT_MS = (300.0, 600.0)
LOSS_RATIO = (0.02, 0.08)
JITTER_MS = (30.0, 80.0)
# (fair_below, poor_below) for figures where smaller is worse.
FPS = (20.0, 10.0)


def _higher_is_worse(value: float | None, limits: tuple[float, float]) -> QualityLevel:
    if value is None:
        return QualityLevel.UNKNOWN
    fair_from, poor_from = limits
    if value >= poor_from:
        return QualityLevel.POOR
    return QualityLevel.FAIR if value >= fair_from else QualityLevel.GOOD


def _lower_is_worse(value: float | None, limits: tuple[float, float]) -> QualityLevel:
    if value is None:
        return QualityLevel.UNKNOWN
    fair_below, poor_below = limits
    if value < poor_below:
        return QualityLevel.POOR
    return QualityLevel.FAIR if value < fair_below else QualityLevel.GOOD


def no_picture(quality: Quality | None) -> bool:
    """Figures have come but no video frames arrive (fps is measured from frames received, and
    is None or 0 without them): the network may be good, the call is without picture."""
    return quality is not None and not quality.fps


def rate(quality: Quality | None) -> QualityLevel:
    """The level of a call from its latest figures; the worst single figure decides."""
    if quality is None:
        return QualityLevel.UNKNOWN
    return max(
        _higher_is_worse(quality.rtt_ms, RTT_MS),
        _higher_is_worse(quality.packet_loss_ratio, LOSS_RATIO),
        _higher_is_worse(quality.jitter_ms, JITTER_MS),
        _lower_is_worse(quality.fps, FPS),
    )
