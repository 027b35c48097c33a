"""Small-cell suppression: no figure lets a reader single out a few visits (pure).

Rules (docs/reports.md §Privacy):

1. *Primary*: a count from 1 to ``min_cell - 1`` is shown as ``"<min_cell"`` (0 is shown: it
   names nobody).
2. *Complementary*: a published total minus the other shown members of a sum would give a
   suppressed count back. So in every *family* (members that add up to a total shown in this
   report or in another report over the same period), when exactly one member is suppressed the
   smallest shown member is suppressed too, and this repeats until no family has exactly one.
   The families: all the rows (their sum is the total); for each dimension of the grouping, the
   rows that differ only in it (their sum is a row of the report grouped without it); with
   ``site`` in the grouping, the sites of one district (their sum is a row of the report by
   district); and inside each row, the five rating counts (their sum is ``ratings``).
3. *Derived*: a percentile, mean or share is shown only when the count it is based on is shown
   (``wait_p50_s`` on ``answered``, ``rating_mean`` on ``ratings``, ...), so an average of three
   ratings is never shown, nor one whose count was suppressed by rule 2.

The previous period is a report of its own and suppressed on its own.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from signaling.reports.query import Dimension

Value = int | float | str | None  # a str is a suppressed figure, "<5"
RATING_COUNTS = ("rating_1", "rating_2", "rating_3", "rating_4", "rating_5")
DERIVED_FROM = {
    "abandoned_wait_p50_s": "abandoned",
    "wait_p50_s": "answered",
    "wait_p90_s": "answered",
    "talk_p50_s": "talked",
    "talk_mean_s": "talked",
    "rating_mean": "ratings",
    "poor_quality_share": "quality_calls",
}


@dataclass(frozen=True)
class Cells:
    """The rows of one period's report and its total (the last cell), figure by figure."""

    keys: Sequence[tuple[str, ...]]  # one per row; the total has none
    values: list[dict[str, Value]]  # rows, then the total


def suppress(
    cells: Cells,
    *,
    by: Sequence[Dimension],
    counts: Sequence[str],
    district_of: Mapping[str, str],
    min_cell: int,
) -> list[dict[str, Value]]:
    """The cells' values with rules 1-3 applied (new dicts; ``cells`` is not changed)."""
    values = [dict(v) for v in cells.values]
    hidden = {
        (i, name)
        for i, row in enumerate(values)
        for name in counts
        if isinstance(row.get(name), int) and 0 < int(row[name] or 0) < min_cell
    }
    families = _families(cells.keys, by, district_of)
    _complete(hidden, values, families, counts)
    marker = f"<{min_cell}"
    for i, row in enumerate(values):
        for name in row:
            base = DERIVED_FROM.get(name)
            if (i, name) in hidden or (base is not None and (i, base) in hidden):
                row[name] = marker
    return values


def _families(
    keys: Sequence[tuple[str, ...]], by: Sequence[Dimension], district_of: Mapping[str, str]
) -> list[list[int]]:
    """Lists of row indexes whose counts add up to a total published somewhere."""
    families: dict[tuple[object, ...], list[int]] = {("all",): list(range(len(keys)))}
    for row, key in enumerate(keys):
        for d in range(len(by)):
            families.setdefault(("without", d, key[:d] + key[d + 1 :]), []).append(row)
        if "site" in by:
            s = by.index("site")
            district = district_of.get(key[s], "")
            families.setdefault(("district", district, key[:s] + key[s + 1 :]), []).append(row)
    return [rows for rows in families.values() if len(rows) > 1]


def _complete(
    hidden: set[tuple[int, str]],
    values: list[dict[str, Value]],
    families: list[list[int]],
    counts: Sequence[str],
) -> None:
    """Rule 2: add complementary cells to ``hidden`` until no family has exactly one hidden.

    A work list of the families with exactly one hidden member; hiding a member updates the
    families it belongs to. Every step hides a member or drops a family from the list, and a
    family re-enters the list only when one of its members is hidden, so the loop ends within
    (members x families per member) steps: linear in the report's size."""
    members = [[(row, name) for row in family] for family in families for name in counts]
    members += [[(row, name) for name in RATING_COUNTS] for row in range(len(values))]
    belongs: dict[tuple[int, str], list[int]] = {}
    for f, family in enumerate(members):
        for member in family:
            belongs.setdefault(member, []).append(f)
    hidden_in = [sum(m in hidden for m in family) for family in members]
    pending = deque(f for f, n in enumerate(hidden_in) if n == 1)
    while pending:
        f = pending.popleft()
        shown = [m for m in members[f] if m not in hidden]
        if hidden_in[f] != 1 or not shown:
            continue
        pick = min(shown, key=lambda m: (_number(values[m[0]][m[1]]), m))
        hidden.add(pick)
        for g in belongs[pick]:
            hidden_in[g] += 1
            if hidden_in[g] == 1:
                pending.append(g)


def _number(value: Value) -> float:
    return float(value) if isinstance(value, int | float) else 0.0
