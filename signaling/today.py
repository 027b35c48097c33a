"""An adviser's day in figures (pure): what the console's "Today" panel shows.

"Today" starts at local midnight in the service's time zone (that of the default opening hours,
else Europe/Stockholm), not at UTC midnight: an adviser in Sweden starting at 08:00 must not see
yesterday evening's calls, nor lose the first hour's.

Only calls that connected count as taken and in the handle time. A call connected when its media
flowed: some side reported call quality figures (they exist only from a live media path,
docs/protocol.md §Quality), and its set-up was not given up (outcome ``failed``, §Negotiation
failure). An answered call whose console crashed before the media flowed was never talked in;
counting it as a call of 0:00 would drag the adviser's average down for a fault not theirs. Such
calls are counted apart, as ``calls_failed``.
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


# Outcomes of calls that were answered but never connected.
NOT_CONNECTED = frozenset({"failed"})


def connected_call(call: CallRecord) -> bool:
    """Whether the call's media flowed (see the module's rule)."""
    reported = call.kiosk_quality is not None or call.adviser_quality is not None
    return reported and call.outcome not in NOT_CONNECTED


def summarize_day(calls: Sequence[CallRecord]) -> dict[str, float | int | None]:
    """Today's figures from the adviser's answered calls (see the module's rule on failed ones)."""
    connected = [c for c in calls if connected_call(c)]
    handled = [
        c.ended_at - c.answered_at
        for c in connected
        if c.answered_at is not None and c.ended_at is not None
    ]
    ratings = [c.rating for c in calls if c.rating is not None]
    return {
        "calls_taken": len(connected),
        "calls_failed": len(calls) - len(connected),
        "average_handle_s": round(sum(handled) / len(handled), 1) if handled else None,
        "ratings_count": len(ratings),
        "ratings_average": round(sum(ratings) / len(ratings), 2) if ratings else None,
    }
