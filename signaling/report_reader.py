"""Reading a report: the store's facts for both periods, then the pure core (signaling.reports).

The one adapter between the store and :func:`signaling.reports.build_report`, shared by
``GET /admin/api/reports`` (signaling/admin/reports.py) and ``kiosklink admin report``
(signaling/admin_cli.py), so both give the same figures. docs/reports.md has the rules.
"""

from __future__ import annotations

import asyncio
from zoneinfo import ZoneInfo

from signaling.config import Settings
from signaling.reports import (
    AnswerViews,
    Period,
    PeriodData,
    Report,
    ReportQuery,
    build_report,
    merge,
)
from signaling.store import Store
from signaling.today import service_timezone

AUDIT_ACTION = "report"


def audit_target(query: ReportQuery) -> str:
    """What the audit log keeps of a report: its period and grouping, never a figure."""
    by = ",".join(query.by) or "total"
    return f"{query.period.first}..{query.period.last} by {by}"


async def read_report(
    store: Store, settings: Settings, query: ReportQuery, *, now: float
) -> Report:
    """Read both periods' facts and the common answers' views, and build the report.

    The figures of a year take a few hundred milliseconds of CPU (docs/performance.md): they are
    worked out in a worker thread, so the server's event loop keeps serving calls meanwhile."""
    zone = service_timezone(settings)
    current = await _period_data(store, query.period, zone, now)
    previous = await _period_data(store, query.period.previous(), zone, now)
    return await asyncio.to_thread(
        build_report,
        query,
        current,
        previous,
        districts=settings.reports.districts,
        outcomes=settings.service.outcomes,
        min_cell=settings.reports.min_cell,
    )


async def _period_data(store: Store, period: Period, zone: ZoneInfo, now: float) -> PeriodData:
    blocks = await store.reports.blocks(period.first, period.last, zone=zone, now=now)
    facts = await asyncio.to_thread(merge, blocks)
    counts = await store.answer_stats.between(period.first, period.last)
    views: dict[tuple[str, str], int] = {}
    for c in counts:
        if c.event == "viewed":
            views[(c.site, c.language)] = views.get((c.site, c.language), 0) + c.count
    return PeriodData(
        facts, [AnswerViews(site, lang, n) for (site, lang), n in sorted(views.items())]
    )
