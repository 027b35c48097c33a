"""What a report is asked for: a period of local days and a grouping (pure).

A period is ``first`` to ``last``, both days included, in the service's time zone; the
comparison period is the same number of days just before it. A grouping is up to three of
:data:`DIMENSIONS` in the order asked; ``site`` and ``district`` never together (a district is a
set of sites, so the pair would only repeat the site). Anything else is a
:class:`BadReportQuery` whose message says what to send instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, get_args

from signaling.errors import ErrorCode, RemoteProtocolError

Dimension = Literal["site", "district", "language", "topic", "hour", "weekday"]
DIMENSIONS: tuple[Dimension, ...] = get_args(Dimension)
Format = Literal["json", "csv"]
FORMATS: tuple[Format, ...] = get_args(Format)
MAX_DAYS = 731  # two years: a year and its comparison year
MAX_DIMENSIONS = 3
# Calls exist only in this range; outside it day arithmetic could leave the calendar (year 1).
EARLIEST, LATEST = date(2000, 1, 1), date(2999, 12, 31)
_ISO_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


class BadReportQuery(RemoteProtocolError):
    """A report's period or grouping cannot be read or makes no report; ``str()`` says why."""

    code = ErrorCode.BAD_MESSAGE


@dataclass(frozen=True)
class Period:
    first: date
    last: date  # included

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def previous(self) -> Period:
        """The period of equal length that ends the day before this one starts."""
        last = self.first - timedelta(days=1)
        return Period(last - timedelta(days=self.days - 1), last)


@dataclass(frozen=True)
class ReportQuery:
    period: Period
    by: tuple[Dimension, ...]


def parse_day(text: str, name: str) -> date:
    """A ``YYYY-MM-DD`` day; ``name`` is the parameter, for the error message."""
    if not _ISO_DAY.match(text):
        raise BadReportQuery(f"{name} is a day written YYYY-MM-DD, not {text[:20]!r}")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadReportQuery(f"{name}: {text} is not a day of the calendar") from None


def parse_period(first_text: str, last_text: str) -> Period:
    period = Period(parse_day(first_text, "from"), parse_day(last_text, "to"))
    if period.last < period.first:
        raise BadReportQuery(f"from ({period.first}) is after to ({period.last})")
    if period.first < EARLIEST or period.last > LATEST:
        raise BadReportQuery(f"from and to lie between {EARLIEST} and {LATEST}")
    if period.days > MAX_DAYS:
        raise BadReportQuery(f"a report covers at most {MAX_DAYS} days, not {period.days}")
    return period


def parse_grouping(text: str) -> tuple[Dimension, ...]:
    """``site,language`` -> ("site", "language"); an empty text is no grouping (totals only)."""
    words = [w.strip() for w in text.split(",") if w.strip()]
    by: list[Dimension] = []
    for word in words:
        dimension = next((d for d in DIMENSIONS if d == word), None)
        if dimension is None:
            raise BadReportQuery(f"by: {word[:20]!r} is not one of {', '.join(DIMENSIONS)}")
        if dimension in by:
            raise BadReportQuery(f"by: {dimension} is named twice")
        by.append(dimension)
    if len(by) > MAX_DIMENSIONS:
        raise BadReportQuery(f"by: at most {MAX_DIMENSIONS} groupings at once")
    if "site" in by and "district" in by:
        raise BadReportQuery("by: site and district together repeat the site; choose one")
    return tuple(by)


def parse_format(text: str) -> Format:
    found = next((f for f in FORMATS if f == text), None)
    if found is None:
        raise BadReportQuery(f"format is {' or '.join(FORMATS)}, not {text[:20]!r}")
    return found


def parse_query(first_text: str, last_text: str, by_text: str) -> ReportQuery:
    return ReportQuery(parse_period(first_text, last_text), parse_grouping(by_text))
