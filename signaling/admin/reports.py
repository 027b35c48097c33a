"""``GET /admin/api/reports``: reports for service managers, as JSON or CSV (docs/reports.md).

``?from=YYYY-MM-DD&to=YYYY-MM-DD&by=site,language&format=json|csv`` — local days in the service's
time zone, both included; ``by`` is up to three of site, district, language, topic, hour, weekday
(none: the totals only); ``format`` defaults to json. Managers and admins may use it
(signaling/roles.py). Every request that gets a report is written to the audit log with who, the
period and the grouping, never a figure. A query that makes no report is answered 400 with what to
send instead.

The pages: ``/admin/reports`` (choose a period and groupings: charts, each with its table) and
``/admin/reports/month?month=YYYY-MM`` (a month's report for print), both plain HTML/JS in
``static/`` that read this API (docs/reports.md §The report pages).

``GET /admin/api/reports/interpreting?from=&to=``: interpreter minutes per language, with how
many interpreters were asked for and joined (issue #16); nobody's name, small cells hidden.

The figures come from :mod:`signaling.reports` (pure), read by
:func:`signaling.report_reader.read_report`, which ``kiosklink admin report`` shares.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from datetime import datetime, time, timedelta
from pathlib import Path

from aiohttp import web

from signaling import server as srv
from signaling.errors import ErrorCode
from signaling.report_reader import AUDIT_ACTION, audit_target, read_report
from signaling.reports import BadReportQuery, parse_format, parse_query, report_csv, report_json
from signaling.reports.query import parse_period
from signaling.roles import REPORT_READERS
from signaling.store_interpreting import InterpretingFigures
from signaling.today import service_timezone

PATH = "/admin/api/reports"
INTERPRETING_PATH = "/admin/api/reports/interpreting"
PAGE = "/admin/reports"
MONTH_PAGE = "/admin/reports/month"
STATIC = Path(__file__).parent / "static"
# Settled days are packed once (signaling.store_reports). Packing a year's 500,000 calls takes
# about 10 s of CPU, in 27 ms steps: done in the background a minute after start (not at once:
# the server's start stays quick) and every 6 hours after, so a manager's first report does not
# wait for it. Two years back: a year's report and the year it is compared with.
WARM_AFTER_S = 60.0
WARM_EVERY_S = 6 * 3600.0
WARM_DAYS = 2 * 366

log = logging.getLogger(__name__)
# One report is worked out at a time: a year's costs a few hundred milliseconds of CPU, and a
# burst of requests must not take the cores from the calls. The others wait their turn.
_ONE_AT_A_TIME = web.AppKey("report_lock", asyncio.Lock)


def setup_reports(app: web.Application) -> None:
    from signaling.admin.routes import allow  # late: routes imports this module

    app.router.add_get(PATH, reports)
    app.router.add_get(INTERPRETING_PATH, interpreting)
    app.router.add_get(PAGE, report_page)
    app.router.add_get(MONTH_PAGE, month_page)
    for path in (PATH, INTERPRETING_PATH, PAGE, MONTH_PAGE):
        allow(app, path, REPORT_READERS)
    app.cleanup_ctx.append(_keep_days_packed)


async def _keep_days_packed(app: web.Application) -> AsyncIterator[None]:
    app[_ONE_AT_A_TIME] = asyncio.Lock()
    task = asyncio.create_task(_pack_settled_days(app), name="report-days")
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _pack_settled_days(app: web.Application) -> None:
    """Pack the last two years' settled days now and then (runs until cancelled)."""
    await asyncio.sleep(WARM_AFTER_S)
    while True:
        try:
            now = app[srv.CLOCK]()
            zone = service_timezone(app[srv.SETTINGS])
            last = datetime.fromtimestamp(now, zone).date() - timedelta(days=1)
            first = last - timedelta(days=WARM_DAYS - 1)
            await app[srv.STORE].reports.blocks(first, last, zone=zone, now=now)
        except Exception:  # a database hiccup: reports pack what they need themselves
            log.exception("packing days for reports failed")
        await asyncio.sleep(WARM_EVERY_S)


async def report_page(request: web.Request) -> web.FileResponse:
    return _page("reports.html")


async def month_page(request: web.Request) -> web.FileResponse:
    return _page("report_month.html")  # the month comes in the address; the page reads it


def _page(name: str) -> web.FileResponse:
    response = web.FileResponse(STATIC / name)
    response.headers["Cache-Control"] = "no-store"
    # As the dashboard's: no inline script or style, nothing from elsewhere, never in a frame.
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'"
    )
    return response


async def reports(request: web.Request) -> web.StreamResponse:
    from signaling.admin.routes import actor  # late: routes imports this module

    q = request.query
    try:
        query = parse_query(q.get("from", ""), q.get("to", ""), q.get("by", ""))
        output = parse_format(q.get("format", "json"))
    except BadReportQuery as exc:
        return web.json_response(
            {"code": ErrorCode.BAD_MESSAGE.value, "message": str(exc)}, status=400
        )
    app = request.app
    await app[srv.SWITCHBOARD].flush()  # calls decided so far are in the store
    now = app[srv.CLOCK]()
    async with app[_ONE_AT_A_TIME]:
        report = await read_report(app[srv.STORE], app[srv.SETTINGS], query, now=now)
    await app[srv.STORE].audit(actor(request), AUDIT_ACTION, audit_target(query), now, output)
    settings = app[srv.SETTINGS]
    if output == "csv":
        name = f"kiosklink-report-{query.period.first}-{query.period.last}.csv"
        return web.Response(
            text=report_csv(report),
            content_type="text/csv",
            charset="utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
    return web.json_response(report_json(report, timezone=service_timezone(settings).key))


async def interpreting(request: web.Request) -> web.Response:
    """Interpreter minutes per language over ``?from=&to=`` (local days, both included), with
    how many were asked for and joined (docs/protocol.md §Interpreter): nobody's name."""
    from signaling.admin.routes import actor  # late: routes imports this module

    try:
        period = parse_period(request.query.get("from", ""), request.query.get("to", ""))
    except BadReportQuery as exc:
        return web.json_response(
            {"code": ErrorCode.BAD_MESSAGE.value, "message": str(exc)}, status=400
        )
    app = request.app
    await app[srv.SWITCHBOARD].flush()  # interpretations ended so far are in the store
    zone = service_timezone(app[srv.SETTINGS])
    since = datetime.combine(period.first, time.min, zone).timestamp()
    until = datetime.combine(period.last + timedelta(days=1), time.min, zone).timestamp()
    figures = await app[srv.STORE].interpreting.by_language(since=since, until=until)
    target = f"interpreting {period.first}..{period.last}"
    await app[srv.STORE].audit(actor(request), AUDIT_ACTION, target, app[srv.CLOCK](), "json")
    min_cell = app[srv.SETTINGS].reports.min_cell
    return web.json_response(
        {
            "from": period.first.isoformat(),
            "to": period.last.isoformat(),
            "timezone": zone.key,
            "min_cell": min_cell,
            "languages": [_interpreting_row(f, min_cell) for f in figures],
        }
    )


def _interpreting_row(figures: InterpretingFigures, min_cell: int) -> dict[str, object]:
    """Small cells as in the reports (docs/reports.md §Privacy): a count from 1 to
    ``min_cell - 1`` is ``"<min_cell"``, and the minutes follow the joined count, since with
    few interpreters for a language they would be one person's working time."""
    hidden = f"<{min_cell}"

    def count(n: int) -> int | str:
        return hidden if 0 < n < min_cell else n

    return {
        "language": figures.language,
        "asked": count(figures.asked),
        "joined": count(figures.joined),
        "minutes": hidden if 0 < figures.joined < min_cell else round(figures.minutes, 1),
    }
