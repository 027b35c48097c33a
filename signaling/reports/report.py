"""A whole report: the period's rows and total, the previous period's, suppressed (pure).

The adapter (signaling/admin/reports.py, the CLI) reads the facts of both periods and the common
answers' counts from the store and calls :func:`build_report`; :mod:`signaling.reports.render`
turns the result into JSON or CSV. The columns are fixed by :func:`columns` and documented in
docs/reports.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from signaling.reports.facts import FactTable
from signaling.reports.figures import Group, RawFigures, district_of, grouped, total
from signaling.reports.query import Period, ReportQuery
from signaling.reports.suppression import RATING_COUNTS, Cells, Value, suppress

# Groupings the common answers' counts can follow: they are kept per day, site and language.
ANSWER_DIMENSIONS = frozenset({"site", "district", "language"})
BASE_COUNTS = ("visits", "answered", "abandoned", "talked", "transfers", "ratings")


@dataclass(frozen=True)
class AnswerViews:
    """How often residents opened a common question, per site and language, over a period."""

    site: str
    language: str
    count: int


@dataclass(frozen=True)
class Row:
    key: tuple[str, ...]  # one label per dimension; the total's is empty
    values: Mapping[str, Value]


@dataclass(frozen=True)
class PeriodReport:
    period: Period
    rows: tuple[Row, ...]
    total: Row


@dataclass(frozen=True)
class Report:
    query: ReportQuery
    min_cell: int
    columns: tuple[str, ...]
    current: PeriodReport
    previous: PeriodReport


@dataclass(frozen=True)
class PeriodData:
    """What the adapter read for one period."""

    facts: FactTable
    answer_views: Sequence[AnswerViews]


def columns(outcomes: Sequence[str]) -> tuple[str, ...]:
    """The figure columns, in order; ``outcomes`` are the wrap-up categories to list."""
    return (
        "visits",
        "answered",
        "abandoned",
        "abandoned_wait_p50_s",
        "wait_p50_s",
        "wait_p90_s",
        "talked",
        "talk_p50_s",
        "talk_mean_s",
        "transfers",
        "ratings",
        *RATING_COUNTS,
        "rating_mean",
        "quality_calls",
        "poor_quality_share",
        *(f"outcome_{o}" for o in outcomes),
        "answers_viewed",
    )


def count_columns(outcomes: Sequence[str]) -> tuple[str, ...]:
    """The columns that are counts (suppressed themselves; the others follow their base)."""
    return (
        *BASE_COUNTS,
        *RATING_COUNTS,
        "quality_calls",
        *(f"outcome_{o}" for o in outcomes),
        "answers_viewed",
    )


def build_report(
    query: ReportQuery,
    current: PeriodData,
    previous: PeriodData,
    *,
    districts: Mapping[str, Sequence[str]],
    outcomes: Sequence[str],
    min_cell: int,
) -> Report:
    """The report for ``query``; ``outcomes`` are the configured wrap-up categories (any other
    category found in the calls is listed after them)."""
    found = sorted(set(current.facts.words["category"]) | set(previous.facts.words["category"]))
    listed = (*outcomes, *(o for o in found if o not in outcomes and o != "(none)"))

    def one(period: Period, data: PeriodData) -> PeriodReport:
        return _period_report(
            query, period, data, districts=districts, outcomes=listed, min_cell=min_cell
        )

    return Report(
        query=query,
        min_cell=min_cell,
        columns=columns(listed),
        current=one(query.period, current),
        previous=one(query.period.previous(), previous),
    )


def _period_report(
    query: ReportQuery,
    period: Period,
    data: PeriodData,
    *,
    districts: Mapping[str, Sequence[str]],
    outcomes: Sequence[str],
    min_cell: int,
) -> PeriodReport:
    groups = grouped(data.facts, query.by, districts)
    # Views only where the period had visits in that site and language: elsewhere they would
    # have no row, and the total minus the rows would give them back, however few.
    visited = _visited(data.facts)
    kept = [v for v in data.answer_views if (v.site, v.language) in visited]
    views = _answer_views(kept, query, districts)
    raw = [_values(g.figures, outcomes, _views_of(views, g.key)) for g in groups]
    raw.append(_values(total(data.facts), outcomes, _views_of(views, None)))
    keys = [g.key for g in groups]
    sites = {s: district_of(s, districts) for s in data.facts.words["site"]}
    shown = suppress(
        Cells(keys, raw),
        by=query.by,
        counts=count_columns(outcomes),
        district_of=sites,
        min_cell=min_cell,
    )
    rows = tuple(Row(key, values) for key, values in zip(keys, shown, strict=False))
    return PeriodReport(period, rows, Row((), shown[-1]))


def _values(figures: RawFigures, outcomes: Sequence[str], views: int | None) -> dict[str, Value]:
    f = figures
    share = round(f.poor_quality_calls / f.quality_calls, 3) if f.quality_calls else None
    return {
        "visits": f.visits,
        "answered": f.answered,
        "abandoned": f.abandoned,
        "abandoned_wait_p50_s": f.abandoned_wait_p50_s,
        "wait_p50_s": f.wait_p50_s,
        "wait_p90_s": f.wait_p90_s,
        "talked": f.talked,
        "talk_p50_s": f.talk_p50_s,
        "talk_mean_s": f.talk_mean_s,
        "transfers": f.transfers,
        "ratings": sum(f.ratings),
        **{name: n for name, n in zip(RATING_COUNTS, f.ratings, strict=True)},
        "rating_mean": f.rating_mean,
        "quality_calls": f.quality_calls,
        "poor_quality_share": share,
        **{f"outcome_{o}": f.outcomes.get(o, 0) for o in outcomes},
        "answers_viewed": views,
    }


def _answer_views(
    views: Sequence[AnswerViews], query: ReportQuery, districts: Mapping[str, Sequence[str]]
) -> dict[tuple[str, ...], int] | None:
    """Views per group key (and () for the total); None when the grouping cannot follow them."""
    if not set(query.by) <= ANSWER_DIMENSIONS:
        return None
    found: dict[tuple[str, ...], int] = {(): 0}
    for v in views:
        labels = {
            "site": v.site,
            "district": district_of(v.site, districts),
            "language": v.language,
        }
        key = tuple(labels[d] for d in query.by)
        if key:  # with no grouping the only key is the total's, ()
            found[key] = found.get(key, 0) + v.count
        found[()] += v.count
    return found


def _visited(facts: FactTable) -> set[tuple[str, str]]:
    """The (site, language) pairs that had at least one visit."""
    sites, languages = facts.words["site"], facts.words["language"]
    width = max(len(languages), 1)
    pairs = np.unique(facts.columns["site"].astype(np.int64) * width + facts.columns["language"])
    return {(sites[p // width], languages[p % width]) for p in pairs.tolist()}


def _views_of(views: dict[tuple[str, ...], int] | None, key: tuple[str, ...] | None) -> int | None:
    if views is None:
        return None
    return views.get(() if key is None else key, 0)


__all__ = ["AnswerViews", "Group", "PeriodData", "PeriodReport", "Report", "Row", "build_report"]
