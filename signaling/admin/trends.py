"""Fleet figures from call records (pure): call quality per site and the fleet's trend per day.

No I/O, no clock: the adapter (:mod:`signaling.admin.views`) reads the calls of the window from the
store and passes ``now`` and the service's time zone. Figures only: counts and means per site and
per day, never a caller, a call id or an adviser.

Rules:

* A call is a resident who asked for one (a join). A place taken over by the same kiosk's new join
  (outcome ``rejoined``) is the same resident: not counted, as in ``/metrics``.
* *Answered*: an adviser took it. *Failed*: it ended any way other than ``completed``,
  ``abandoned`` (the resident left the queue) or ``cancelled``, e.g. ``adviser_lost``. A call
  still open is neither.
* A call's quality is its kiosk's last reported figures (the store keeps the latest sample per
  side); the means are over the calls that reported that figure. Loss is in per cent here, as
  everywhere on the dashboard.
* Days are calendar days in the service's time zone, oldest first, every day of the window listed
  (a day without calls shows 0, not a gap).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import fmean
from zoneinfo import ZoneInfo

from signaling.store_records import CallRecord

NOT_FAILED = frozenset({"completed", "abandoned", "cancelled"})
NOT_A_CALL = "rejoined"
WINDOWS_DAYS = (7, 30)


@dataclass(frozen=True)
class CallFigures:
    """Counts and mean quality over a set of calls (a site's, or a day's)."""

    calls: int
    answered: int
    completed: int
    failed: int
    rtt_ms: float | None
    packet_loss_percent: float | None
    fps: float | None


@dataclass(frozen=True)
class SiteFigures:
    site: str
    figures: CallFigures


@dataclass(frozen=True)
class DayFigures:
    day: date
    figures: CallFigures


def window_start(now: float, days: int, zone: ZoneInfo) -> float:
    """Local midnight ``days - 1`` days before today: the window holds ``days`` whole days."""
    first = _local_day(now, zone) - timedelta(days=days - 1)
    return datetime.combine(first, datetime.min.time(), zone).timestamp()


def per_site(calls: Iterable[CallRecord]) -> list[SiteFigures]:
    """Each site that had calls, by name."""
    groups: dict[str, list[CallRecord]] = {}
    for call in _counted(calls):
        groups.setdefault(call.site, []).append(call)
    return [SiteFigures(site, figures(groups[site])) for site in sorted(groups)]


def per_day(
    calls: Iterable[CallRecord], *, now: float, days: int, zone: ZoneInfo
) -> list[DayFigures]:
    """Every day of the window ending today, oldest first, with its calls' figures."""
    today = _local_day(now, zone)
    window = [today - timedelta(days=n) for n in range(days - 1, -1, -1)]
    groups: dict[date, list[CallRecord]] = {day: [] for day in window}
    for call in _counted(calls):
        day = _local_day(call.joined_at, zone)
        if day in groups:
            groups[day].append(call)
    return [DayFigures(day, figures(groups[day])) for day in window]


def figures(calls: Sequence[CallRecord]) -> CallFigures:
    """Counts and mean quality of ``calls`` (already without the rejoined ones)."""
    quality = [c.kiosk_quality for c in calls if c.kiosk_quality is not None]
    loss = _mean(q.packet_loss_ratio for q in quality)
    return CallFigures(
        calls=len(calls),
        answered=sum(c.answered_at is not None for c in calls),
        completed=sum(c.outcome == "completed" for c in calls),
        failed=sum(c.outcome is not None and c.outcome not in NOT_FAILED for c in calls),
        rtt_ms=_rounded(_mean(q.rtt_ms for q in quality), 1),
        packet_loss_percent=_rounded(None if loss is None else loss * 100, 2),
        fps=_rounded(_mean(q.fps for q in quality), 1),
    )


def _counted(calls: Iterable[CallRecord]) -> list[CallRecord]:
    return [c for c in calls if c.outcome != NOT_A_CALL]


def _local_day(at: float, zone: ZoneInfo) -> date:
    return datetime.fromtimestamp(at, zone).date()


def _mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return fmean(present) if present else None


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
