"""``GET /admin/api/answers/stats``: what residents did with the common questions, for reports.

``?from=YYYY-MM-DD&to=YYYY-MM-DD`` (local days, both included; default the last 30 days up to
today, at most 366 days), optionally ``&site=NAME``. The answer sums the day-by-day counts of
``store.answer_stats``::

    {"from": "2026-11-01", "to": "2026-11-30", "site": null,
     "questions": [{"question": "housing-queue", "language": "ar",
                    "viewed": 12, "helped": 5, "not_helped": 1, "to_adviser": 2}],
     "no_result": [{"language": "ar", "count": 3}]}

sorted by question and language. Counts only: nothing here (or in the table) names a kiosk, a
visit or a search word (docs/answers.md §Signaling). Behind the admin session, like all of
``/admin/api/`` (signaling/admin/routes.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from aiohttp import web

from signaling import server as srv
from signaling.errors import ErrorCode
from signaling.store_answer_stats import AnswerEventCount
from signaling.today import service_timezone

PATH = "/admin/api/answers/stats"
QUESTION_EVENTS = ("viewed", "helped", "not_helped", "to_adviser")
DEFAULT_DAYS = 30
MAX_DAYS = 366
_ISO_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def setup_answer_stats(app: web.Application) -> None:
    app.router.add_get(PATH, answer_stats)


async def answer_stats(request: web.Request) -> web.Response:
    today = local_day(request.app[srv.CLOCK](), service_timezone(request.app[srv.SETTINGS]))
    try:
        first, last = period(request.query, today=today)
    except ValueError as exc:  # str() says what is wrong with the days
        return srv.json_error(400, ErrorCode.BAD_MESSAGE, str(exc))
    site = request.query.get("site") or None
    await request.app[srv.SWITCHBOARD].flush()  # the events counted so far are in the store
    counts = await request.app[srv.STORE].answer_stats.between(first, last)
    return web.json_response(stats_json(counts, first, last, site=site))


def period(query: Mapping[str, str], *, today: date) -> tuple[date, date]:
    """The first and last day asked for (both included); raises ValueError saying why not."""
    last = _day(query, "to") or today
    first = _day(query, "from") or last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        raise ValueError(f"from ({first}) is after to ({last})")
    if (last - first).days + 1 > MAX_DAYS:
        raise ValueError(f"ask for at most {MAX_DAYS} days at a time")
    return first, last


def _day(query: Mapping[str, str], name: str) -> date | None:
    text = query.get(name)
    if text is None:
        return None
    if _ISO_DAY.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:  # 2026-02-30
            pass
    raise ValueError(f"{name} must be a day as YYYY-MM-DD, not {text[:20]!r}")


def stats_json(
    counts: Iterable[AnswerEventCount], first: date, last: date, *, site: str | None = None
) -> dict[str, Any]:
    """The counts summed over days (and sites, unless ``site`` picks one), as documented above."""
    per_question: dict[tuple[str, str], dict[str, int]] = {}
    no_result: dict[str, int] = {}
    for c in counts:
        if site is not None and c.site != site:
            continue
        if c.question is None:
            no_result[c.language] = no_result.get(c.language, 0) + c.count
            continue
        row = per_question.setdefault((c.question, c.language), dict.fromkeys(QUESTION_EVENTS, 0))
        row[c.event] += c.count
    return {
        "from": first.isoformat(),
        "to": last.isoformat(),
        "site": site,
        "questions": [
            {"question": q, "language": lang, **row}
            for (q, lang), row in sorted(per_question.items())
        ],
        "no_result": [{"language": lang, "count": n} for lang, n in sorted(no_result.items())],
    }


def local_day(now: float, zone: ZoneInfo) -> date:
    return datetime.fromtimestamp(now, zone).date()
