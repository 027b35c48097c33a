"""A report's figures per group, computed over a :class:`FactTable` with numpy (pure).

Definitions (docs/reports.md §Figures):

* *visits*: residents who asked for a call at a kiosk (joins); *answered*: an adviser took it;
  *abandoned*: the resident left the queue before; *talked*: answered calls that have ended.
* *wait*: joined -> answered; *talk*: answered -> ended; *abandoned wait*: joined -> left.
  Percentiles are nearest-rank: the p-th percentile of n sorted values is the value at rank
  ceil(p * n / 100), so it is always a value that occurred (whole seconds).
* *ratings* 1-5 and their mean; *quality calls*: calls with any quality figures, and how many
  of them were poor (:mod:`signaling.reports.quality`); *transfers* made during the calls;
  *outcomes*: the wrap-up categories advisers chose.

Groups are keyed by the labels of the grouping's dimensions, in the order asked, sorted by
dimension value (hours and weekdays in clock and calendar order, text alphabetically).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from signaling.reports.facts import NONE_LABEL, WEEKDAYS, FactTable
from signaling.reports.query import Dimension

Ints = NDArray[np.int64]


@dataclass(frozen=True)
class RawFigures:
    """One group's figures before small-cell suppression."""

    visits: int
    answered: int
    abandoned: int
    abandoned_wait_p50_s: int | None
    wait_p50_s: int | None
    wait_p90_s: int | None
    talked: int
    talk_p50_s: int | None
    talk_mean_s: float | None
    transfers: int
    ratings: tuple[int, int, int, int, int]  # how many gave 1, 2, 3, 4, 5
    rating_mean: float | None
    quality_calls: int
    poor_quality_calls: int
    outcomes: Mapping[str, int]  # wrap-up category -> calls; only categories that occurred


@dataclass(frozen=True)
class Group:
    key: tuple[str, ...]  # one label per dimension of the grouping
    figures: RawFigures


def district_of(site: str, districts: Mapping[str, Sequence[str]]) -> str:
    """The district a site is in (``[reports] districts``), or "(none)"."""
    return next((name for name, sites in districts.items() if site in sites), NONE_LABEL)


def grouped(
    table: FactTable, by: Sequence[Dimension], districts: Mapping[str, Sequence[str]]
) -> list[Group]:
    """The figures of every group that has at least one visit, in key order."""
    dimensions = [_dimension(table, d, districts) for d in by]
    codes = [code for code, _ in dimensions]
    labels = [words for _, words in dimensions]
    key = _combined(codes, [len(words) for words in labels], table.rows)
    unique, inverse = np.unique(key, return_inverse=True)
    figures = _figures(table, inverse.astype(np.int64), len(unique))
    return [
        Group(_labels(int(k), labels), f) for k, f in zip(unique.tolist(), figures, strict=True)
    ]


def total(table: FactTable) -> RawFigures:
    """The figures of all the table's calls together."""
    inverse = np.zeros(table.rows, dtype=np.int64)
    return _figures(table, inverse, 1)[0]


def _dimension(
    table: FactTable, dimension: Dimension, districts: Mapping[str, Sequence[str]]
) -> tuple[Ints, tuple[str, ...]]:
    """The dimension's code per row, and the label of each code (in sort order)."""
    c = table.columns
    match dimension:
        case "site" | "language" | "topic":
            return c[dimension].astype(np.int64), table.words[dimension]
        case "district":
            names = sorted({district_of(s, districts) for s in table.words["site"]})
            site_to = np.array(
                [names.index(district_of(s, districts)) for s in table.words["site"]],
                dtype=np.int64,
            )
            codes = site_to[c["site"]] if len(site_to) else c["site"].astype(np.int64)
            return codes, tuple(names)
        case "hour":
            return c["hour"].astype(np.int64), tuple(f"{h:02d}" for h in range(24))
        case "weekday":
            return c["weekday"].astype(np.int64), WEEKDAYS


def _combined(codes: Sequence[Ints], sizes: Sequence[int], rows: int) -> Ints:
    """One integer per row that sorts like the tuple of its codes (first dimension first)."""
    key = np.zeros(rows, dtype=np.int64)
    for column, size in zip(codes, sizes, strict=True):
        key = key * max(size, 1) + column
    return key


def _labels(key: int, labels: Sequence[tuple[str, ...]]) -> tuple[str, ...]:
    found: list[str] = []
    for words in reversed(labels):
        key, code = divmod(key, max(len(words), 1))
        found.append(words[code])
    return tuple(reversed(found))


def _figures(table: FactTable, group: Ints, groups: int) -> list[RawFigures]:
    """Every figure for groups 0 .. groups-1, each computed once over all rows."""
    c = table.columns
    answered, talked = c["wait_s"] >= 0, c["talk_s"] >= 0
    abandoned, rated = c["abandoned"] == 1, c["rating"] >= 1

    def count(rows: NDArray[np.bool_]) -> list[int]:
        return _sums(group[rows], groups, None)

    def p(column: str, rows: NDArray[np.bool_], *percents: int) -> list[list[int | None]]:
        return _percentiles(c[column], rows, group, groups, percents)

    n_talked, n_rated = count(talked), count(rated)
    talk_sum = _sums(group[talked], groups, c["talk_s"][talked])
    rating_sum = _sums(group[rated], groups, c["rating"][rated])
    ratings = _crosstab(group[rated], c["rating"][rated] - 1, groups, 5)
    categories = table.words["category"]
    outcomes = _crosstab(group, c["category"], groups, len(categories))
    visits, n_answered, n_abandoned = _sums(group, groups, None), count(answered), count(abandoned)
    (left_p50,) = p("abandoned_after_s", abandoned, 50)
    wait_p50, wait_p90 = p("wait_s", answered, 50, 90)
    (talk_p50,) = p("talk_s", talked, 50)
    transfers = _sums(group, groups, c["transfers"])
    with_quality, poor = count(c["quality"] > 0), count(c["quality"] == 2)
    return [
        RawFigures(
            visits=visits[g],
            answered=n_answered[g],
            abandoned=n_abandoned[g],
            abandoned_wait_p50_s=left_p50[g],
            wait_p50_s=wait_p50[g],
            wait_p90_s=wait_p90[g],
            talked=n_talked[g],
            talk_p50_s=talk_p50[g],
            talk_mean_s=_mean(talk_sum[g], n_talked[g], 1),
            transfers=transfers[g],
            ratings=(ratings[g][0], ratings[g][1], ratings[g][2], ratings[g][3], ratings[g][4]),
            rating_mean=_mean(rating_sum[g], n_rated[g], 2),
            quality_calls=with_quality[g],
            poor_quality_calls=poor[g],
            outcomes={
                word: n
                for word, n in zip(categories, outcomes[g], strict=True)
                if n and word != NONE_LABEL
            },
        )
        for g in range(groups)
    ]


def _sums(group: Ints, groups: int, weights: NDArray[np.int32] | None) -> list[int]:
    """Per group, the number of rows (no weights) or the sum of ``weights``."""
    found = np.bincount(group, weights=weights, minlength=groups)
    return [int(v) for v in found.tolist()]


def _crosstab(group: Ints, value: NDArray[np.int32], groups: int, values: int) -> list[list[int]]:
    """Per group, how many rows hold each value 0 .. values-1."""
    cells = np.bincount(group * values + value, minlength=groups * values)
    return [[int(v) for v in row] for row in cells.reshape(groups, values).tolist()]


def _percentiles(
    column: NDArray[np.int32],
    rows: NDArray[np.bool_],
    group: Ints,
    groups: int,
    percents: Sequence[int],
) -> list[list[int | None]]:
    """Nearest-rank percentiles of ``column`` over the selected rows, per group (None: no rows).

    One sort of a combined key (group, then value) serves every percentile asked for."""
    values, owners = column[rows].astype(np.int64), group[rows]
    span = int(values.max()) + 1 if len(values) else 1
    ordered = np.sort(owners * span + values) % span
    counts = np.bincount(owners, minlength=groups)
    starts = np.cumsum(counts) - counts
    found = []
    for percent in percents:
        ranks = (percent * counts + 99) // 100 - 1  # ceil(p * n / 100), 0-based
        at = np.clip(starts + ranks, 0, max(len(ordered) - 1, 0))
        picked = ordered[at].tolist() if len(ordered) else [0] * groups
        found.append([int(v) if n else None for v, n in zip(picked, counts.tolist(), strict=True)])
    return found


def _mean(total: int, count: int, digits: int) -> float | None:
    return round(total / count, digits) if count else None
