"""An adviser's day in figures (pure): what the console's "Today" panel shows.

"Today" starts at local midnight in the service's time zone (that of the default opening hours,
else Europe/Stockholm), not at UTC midnight: an adviser in Sweden starting at 08:00 must not see
yesterday evening's calls, nor lose the first hour's.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from signaling.config import Settings
from signaling.store_records import CallRecord

DEFAULT_TIMEZONE = "Europe/Stockholm"


def service_timezone(settings: Settings) -> ZoneInfo:
    default = settings.service.hours.get("default") or {}
    return ZoneInfo(str(default.get("timezone", DEFAULT_TIMEZONE)))


def local_midnight(now: float, zone: ZoneInfo) -> float:
    local = datetime.fromtimestamp(now, zone)
    return local.replace(hour=0, minute=0, second=0, microsecond=0).timestamp()


def summarize_day(calls: Sequence[CallRecord]) -> dict[str, float | int | None]:
    handled = [
        c.ended_at - c.answered_at
        for c in calls
        if c.answered_at is not None and c.ended_at is not None
    ]
    ratings = [c.rating for c in calls if c.rating is not None]
    return {
        "calls_taken": len(calls),
        "average_handle_s": round(sum(handled) / len(handled), 1) if handled else None,
        "ratings_count": len(ratings),
        "ratings_average": round(sum(ratings) / len(ratings), 2) if ratings else None,
    }
