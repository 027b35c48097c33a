"""Reports for service managers: where the kiosks help, and how satisfied residents are (pure).

No I/O, no clock: the adapters (``/admin/api/reports`` in signaling/admin/reports.py and
``kiosklink admin report``) read the call facts of a period from the store
(signaling/store_reports.py) and pass them in. docs/reports.md has the figures' definitions, the
privacy rules and the JSON and CSV shapes.

| module | owns |
|---|---|
| ``query`` | the period and the grouping asked for, ``BadReportQuery`` |
| ``facts`` | one call as a report sees it; a day's calls packed into a block |
| ``quality`` | when a call's quality was poor |
| ``figures`` | the figures per group (numpy) |
| ``suppression`` | small cells and their complements |
| ``report`` | both periods' rows and totals, suppressed |
| ``render`` | JSON and CSV |

No figure names a person: the facts hold no call id, kiosk, adviser or note, and there is no
per-adviser grouping. Teams of advisers do not exist in the configuration yet, so there is no
grouping by team.
"""

from signaling.reports.facts import CallFact, FactTable, call_fact, merge, pack
from signaling.reports.query import (
    DIMENSIONS,
    FORMATS,
    BadReportQuery,
    Dimension,
    Format,
    Period,
    ReportQuery,
    parse_format,
    parse_query,
)
from signaling.reports.render import csv_header, report_csv, report_json
from signaling.reports.report import AnswerViews, PeriodData, Report, build_report

__all__ = [
    "DIMENSIONS",
    "FORMATS",
    "AnswerViews",
    "BadReportQuery",
    "CallFact",
    "Dimension",
    "FactTable",
    "Format",
    "Period",
    "PeriodData",
    "Report",
    "ReportQuery",
    "build_report",
    "call_fact",
    "csv_header",
    "merge",
    "pack",
    "parse_format",
    "parse_query",
    "report_csv",
    "report_json",
]
