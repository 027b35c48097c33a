"""One call as the reports see it, and a day's calls packed into a compact block (pure).

A :class:`CallFact` keeps only what a report counts: codes (site, language, topic, wrap-up
category), the local hour and weekday the resident joined, whole seconds of waiting and talking,
the rating, the number of transfers and whether the call's quality was poor. No call id, no
adviser, no kiosk, no note: nothing that points at a person.

Why blocks: a year holds about 500,000 calls, and reading that many rows from SQLite into Python
takes seconds, longer than a report may (docs/performance.md). A settled day's facts are packed
once into a block of 32-bit integers (:func:`pack`); a report reads a year's 365 blocks and groups
them with numpy (:func:`merge`, :mod:`signaling.reports.figures`) in a fraction of a second.

Rules:

* A place taken over by the same kiosk's new join (outcome ``rejoined``) is the same resident:
  no fact, as in :mod:`signaling.admin.trends` and ``/metrics``.
* Times are whole seconds, rounded down; hours and weekdays are local to the service's zone.
* *Abandoned*: the resident left the queue (outcome ``abandoned``); it waited until it ended.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

import numpy as np
from numpy.typing import NDArray

NOT_A_CALL = "rejoined"
ABANDONED = "abandoned"
NONE_LABEL = "(none)"  # a call without a topic, or without a wrap-up category
QualityMark = Literal["unknown", "good", "poor"]
QUALITY_MARKS: tuple[QualityMark, ...] = ("unknown", "good", "poor")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# The block's columns, in order; -1 stands for "none" in the optional ones.
COLUMNS = (
    "site",
    "language",
    "topic",
    "category",
    "hour",
    "weekday",
    "wait_s",
    "talk_s",
    "abandoned",
    "abandoned_after_s",
    "rating",
    "transfers",
    "quality",
)
TEXT_COLUMNS = ("site", "language", "topic", "category")
LAYOUT = 2  # raise when the packing changes: stored blocks of another layout are rebuilt
_HEADER = struct.Struct("<I")
Column = NDArray[np.int32]


@dataclass(frozen=True)
class CallFact:
    site: str
    language: str
    topic: str  # NONE_LABEL when none was picked
    category: str  # the wrap-up category, NONE_LABEL without one
    hour: int  # 0-23, local
    weekday: int  # 0 = Monday, local
    wait_s: int | None  # joined -> answered, answered calls only
    talk_s: int | None  # answered -> ended, answered calls that ended
    abandoned: bool
    abandoned_after_s: int | None  # joined -> ended, abandoned calls only
    rating: int | None
    transfers: int
    quality: QualityMark


def call_fact(
    *,
    site: str,
    language: str,
    topic: str | None,
    category: str | None,
    outcome: str | None,
    joined_at: float,
    answered_at: float | None,
    ended_at: float | None,
    rating: int | None,
    transfers: int,
    quality: QualityMark,
    zone: ZoneInfo,
) -> CallFact | None:
    """The fact of one call record, or None for a record that is no call (``rejoined``)."""
    if outcome == NOT_A_CALL:
        return None
    local = datetime.fromtimestamp(joined_at, zone)
    abandoned = outcome == ABANDONED
    return CallFact(
        site=site,
        language=language,
        topic=topic or NONE_LABEL,
        category=category or NONE_LABEL,
        hour=local.hour,
        weekday=local.weekday(),
        wait_s=_seconds(joined_at, answered_at),
        talk_s=_seconds(answered_at, ended_at),
        abandoned=abandoned,
        abandoned_after_s=_seconds(joined_at, ended_at) if abandoned else None,
        rating=rating,
        transfers=transfers,
        quality=quality,
    )


def _seconds(start: float | None, end: float | None) -> int | None:
    if start is None or end is None:
        return None
    return max(0, int(end - start))


def pack(facts: Sequence[CallFact]) -> bytes:
    """A block: a JSON header (the layout and each text column's words), then the int32 values
    column by column (so a column of many blocks is joined without a transposing copy)."""
    words: dict[str, list[str]] = {
        name: sorted({getattr(f, name) for f in facts}) for name in TEXT_COLUMNS
    }
    index = {name: {w: i for i, w in enumerate(ws)} for name, ws in words.items()}
    rows = np.array([_row(f, index) for f in facts], dtype="<i4").reshape(-1, len(COLUMNS))
    header = json.dumps({"layout": LAYOUT, "rows": len(facts), "words": words}).encode()
    return _HEADER.pack(len(header)) + header + np.ascontiguousarray(rows.T).tobytes()


def _row(fact: CallFact, index: dict[str, dict[str, int]]) -> list[int]:
    return [
        index["site"][fact.site],
        index["language"][fact.language],
        index["topic"][fact.topic],
        index["category"][fact.category],
        fact.hour,
        fact.weekday,
        _or_none(fact.wait_s),
        _or_none(fact.talk_s),
        int(fact.abandoned),
        _or_none(fact.abandoned_after_s),
        _or_none(fact.rating),
        fact.transfers,
        QUALITY_MARKS.index(fact.quality),
    ]


def _or_none(value: int | None) -> int:
    return -1 if value is None else value


def layout_of(block: bytes) -> int:
    """The layout a block was packed with (a stored block of an old layout is rebuilt)."""
    (size,) = _HEADER.unpack_from(block)
    return int(json.loads(block[_HEADER.size : _HEADER.size + size])["layout"])


@dataclass(frozen=True)
class FactTable:
    """Many blocks as one: a numpy column per name of COLUMNS; text columns hold indexes into
    ``words[name]``, which is sorted, so index order is alphabetical order."""

    columns: dict[str, Column]
    words: dict[str, tuple[str, ...]]

    @property
    def rows(self) -> int:
        return len(self.columns["site"])


def merge(blocks: Sequence[bytes]) -> FactTable:
    """Unpack ``blocks`` into one table; each block's words are mapped to the common words.

    Vectorised: the blocks' rows are joined as they are, then each text column is mapped through
    one array holding every block's local-to-common codes, each block's part at its offset."""
    headers: list[dict[str, list[str]]] = []
    bodies = []
    for block in blocks:
        (size,) = _HEADER.unpack_from(block)
        header = json.loads(block[_HEADER.size : _HEADER.size + size])
        if header["layout"] != LAYOUT:
            raise ValueError(f"a block of layout {header['layout']}, not {LAYOUT}")
        headers.append({name: [str(w) for w in header["words"][name]] for name in TEXT_COLUMNS})
        bodies.append(np.frombuffer(block, dtype="<i4", offset=_HEADER.size + size))
    words = {name: tuple(sorted({w for h in headers for w in h[name]})) for name in TEXT_COLUMNS}
    width = len(COLUMNS)
    by_block = [body.reshape(width, -1) for body in bodies]
    columns = {
        name: np.concatenate([b[i] for b in by_block]) if bodies else np.zeros(0, np.int32)
        for i, name in enumerate(COLUMNS)
    }
    rows_per_block = np.array([len(b) // width for b in bodies], dtype=np.int64)
    for name in TEXT_COLUMNS:
        columns[name] = _to_common(columns[name], headers, name, words[name], rows_per_block)
    return FactTable(columns, words)


def _to_common(
    local: Column,
    headers: Sequence[dict[str, list[str]]],
    name: str,
    common: Sequence[str],
    rows_per_block: NDArray[np.int64],
) -> Column:
    position = {w: i for i, w in enumerate(common)}
    parts = [[position[w] for w in h[name]] for h in headers]
    offsets = np.cumsum([0, *(len(p) for p in parts)])[:-1].astype(np.int64)
    mapping = np.array([code for p in parts for code in p], dtype=np.int32)
    if not len(mapping):
        return local
    common_codes: Column = mapping[np.repeat(offsets, rows_per_block) + local]
    return common_codes
