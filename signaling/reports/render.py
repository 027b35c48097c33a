"""A report as JSON or CSV: the same figures, the shapes documented in docs/reports.md (pure)."""

from __future__ import annotations

import csv
import io

from signaling.reports.report import PeriodReport, Report, Row

JsonObject = dict[str, object]
ALL = "(all)"  # the dimension label of a total row in CSV


def report_json(report: Report, *, timezone: str) -> JsonObject:
    return {
        "from": report.current.period.first.isoformat(),
        "to": report.current.period.last.isoformat(),
        "by": list(report.query.by),
        "timezone": timezone,
        "min_cell": report.min_cell,
        "suppressed": f"<{report.min_cell}",
        "columns": list(report.columns),
        "current": _period_json(report, report.current),
        "previous": _period_json(report, report.previous),
    }


def _period_json(report: Report, period: PeriodReport) -> JsonObject:
    return {
        "from": period.period.first.isoformat(),
        "to": period.period.last.isoformat(),
        "rows": [_row_json(report, row) for row in period.rows],
        "total": _row_json(report, period.total),
    }


def _row_json(report: Report, row: Row) -> JsonObject:
    labels: JsonObject = dict(zip(report.query.by, row.key, strict=False))
    return {**labels, **{name: row.values.get(name) for name in report.columns}}


def csv_header(report: Report) -> list[str]:
    return ["period", "from", "to", *report.query.by, *report.columns]


def report_csv(report: Report) -> str:
    """One line per row and one for the total, first the period asked for, then the previous
    one; an empty field is a figure with nothing to show (no answered call has no wait)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(csv_header(report))
    for name, period in (("current", report.current), ("previous", report.previous)):
        first, last = period.period.first.isoformat(), period.period.last.isoformat()
        for row in (*period.rows, period.total):
            labels = row.key or tuple(ALL for _ in report.query.by)
            figures = [
                "" if row.values.get(c) is None else row.values.get(c) for c in report.columns
            ]
            writer.writerow([name, first, last, *labels, *figures])
    return out.getvalue()
