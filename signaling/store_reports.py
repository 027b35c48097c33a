"""What reports read and what only they need written: ``store.reports``.

* :meth:`ReportData.record_transfer` — a transfer made during a call (the exchange decides,
  the switchboard's writer calls this; table ``call_transfers``).
* :func:`tally_quality` — called by ``Store.add_quality`` in the same transaction: each call's
  count of quality samples and of poor ones (``call_quality_tally``), so a report never reads the
  samples (one every 5 seconds from each side of every call: far too many for a year).
* :meth:`ReportData.blocks` — a period's call facts as packed blocks, one per local day
  (signaling.reports.facts). A day is *settled* :data:`SETTLE_S` after it ends (its calls, ratings
  and wrap-ups are in by then); a settled day is packed once and kept in ``report_days``, so a
  year's report reads 365 small blocks instead of 500,000 rows (docs/performance.md). A kept day
  is packed again if its number of call records changed (records written late, or imported) or
  the block layout did. A day not yet settled is packed afresh for every report.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from signaling.reports.facts import LAYOUT, call_fact, pack
from signaling.reports.quality import call_quality
from signaling.store_tables import CallQualityTallyRow, CallRow, CallTransferRow, ReportDayRow
from signaling.store_upsert import upsert

SETTLE_S = 6 * 3600.0
TRANSFER_KINDS = ("language", "adviser")
_UNION_PARTS = 400


class ReportData:
    """Through the store's sessions, in short transactions (one per day packed)."""

    def __init__(self, session: async_sessionmaker[AsyncSession]) -> None:
        self._session = session

    async def record_transfer(self, call_id: str, *, at: float, kind: str) -> None:
        if kind not in TRANSFER_KINDS:
            raise ValueError(f"a transfer is to a {' or '.join(TRANSFER_KINDS)}, not {kind!r}")
        async with self._session.begin() as db:
            db.add(CallTransferRow(call_id=call_id, at=at, kind=kind))

    async def blocks(self, first: date, last: date, *, zone: ZoneInfo, now: float) -> list[bytes]:
        """The packed facts of every local day from ``first`` to ``last`` (both included)."""
        days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        async with self._session() as db:
            counts = await _calls_per_day(db, days, zone)
            kept = await _kept(db, first, last, zone)
        found: list[bytes] = []
        for day in days:
            row = kept.get(day.isoformat())
            if row is not None and row.layout == LAYOUT and row.calls == counts[day]:
                found.append(row.block)
            else:
                found.append(await self._pack(day, zone, calls=counts[day], now=now))
        return found

    async def _pack(self, day: date, zone: ZoneInfo, *, calls: int, now: float) -> bytes:
        """Pack one day; keep it when settled. One short transaction per day, so the server's
        writes wait for one day's packing at most, never for a year's."""
        async with self._session.begin() as db:
            rows = await _day_rows(db, day, zone)
            # ~27 ms of CPU for a day of 1,400 calls: in a worker thread, off the event loop.
            block = await asyncio.to_thread(_packed, rows, zone)
            if _bounds(day, zone)[1] + SETTLE_S <= now:
                await _keep(db, day, zone, calls=calls, block=block, now=now)
        return block


async def tally_quality(db: AsyncSession, call_id: str, *, poor: bool) -> None:
    """One more sample for ``call_id`` (poor or not), inside the caller's transaction."""
    t = CallQualityTallyRow
    await upsert(
        db,
        t,
        {"call_id": call_id, "samples": 1, "poor_samples": int(poor)},
        key=["call_id"],
        update={"samples": t.samples + 1, "poor_samples": t.poor_samples + int(poor)},
    )


def _bounds(day: date, zone: ZoneInfo) -> tuple[float, float]:
    """UNIX times of the day's local midnight and the next one (23 or 25 hours apart at DST)."""
    start = datetime.combine(day, datetime.min.time(), zone)
    end = datetime.combine(day + timedelta(days=1), datetime.min.time(), zone)
    return start.timestamp(), end.timestamp()


async def _calls_per_day(db: AsyncSession, days: Sequence[date], zone: ZoneInfo) -> dict[date, int]:
    """How many call records joined on each day, each count read from the ``joined_at`` index
    alone. One plain statement of UNION ALL parts per 400 days (SQLite allows 500 parts): built
    as text with bound values, since composing hundreds of expressions costs more than the
    counting."""
    found: dict[date, int] = {}
    for start in range(0, len(days), _UNION_PARTS):
        chunk = days[start : start + _UNION_PARTS]
        parts = [
            f"SELECT {n}, count(*) FROM calls WHERE joined_at >= :lo{n} AND joined_at < :hi{n}"
            for n in range(len(chunk))
        ]
        bounds: dict[str, float] = {}
        for n, day in enumerate(chunk):
            bounds[f"lo{n}"], bounds[f"hi{n}"] = _bounds(day, zone)
        for n, count in (await db.execute(text(" UNION ALL ".join(parts)), bounds)).all():
            found[chunk[int(n)]] = int(count)
    return found


@dataclass(frozen=True)
class _Kept:
    layout: int
    calls: int
    block: bytes


async def _kept(db: AsyncSession, first: date, last: date, zone: ZoneInfo) -> dict[str, _Kept]:
    t = ReportDayRow
    query = select(t.day, t.layout, t.calls, t.block).where(
        t.timezone == zone.key, t.day >= first.isoformat(), t.day <= last.isoformat()
    )
    rows = (await db.execute(query)).all()
    return {day: _Kept(layout, calls, block) for day, layout, calls, block in rows}


_DayRow = tuple[
    str, str, str | None, str | None, str | None, float, float | None, float | None,
    int | None, int | None, int | None, int,
]  # fmt: skip


async def _day_rows(db: AsyncSession, day: date, zone: ZoneInfo) -> list[_DayRow]:
    """The columns a report needs of every call record that joined on ``day``."""
    lo, hi = _bounds(day, zone)
    c, q = CallRow, CallQualityTallyRow
    transfers = select(func.count()).where(CallTransferRow.call_id == c.id).scalar_subquery()
    query = (
        select(
            c.site, c.language, c.topic, c.wrap_up_category, c.outcome, c.joined_at,
            c.answered_at, c.ended_at, c.rating, q.samples, q.poor_samples, transfers,
        )
        .outerjoin(q, q.call_id == c.id)
        .where(c.joined_at >= lo, c.joined_at < hi)
    )  # fmt: skip
    return [tuple(row) for row in (await db.execute(query)).all()]


def _packed(rows: list[_DayRow], zone: ZoneInfo) -> bytes:
    facts = []
    for row in rows:
        fact = call_fact(
            site=row[0],
            language=row[1],
            topic=row[2],
            category=row[3],
            outcome=row[4],
            joined_at=row[5],
            answered_at=row[6],
            ended_at=row[7],
            rating=row[8],
            transfers=int(row[11]),
            quality=call_quality(row[9] or 0, row[10] or 0),
            zone=zone,
        )
        if fact is not None:
            facts.append(fact)
    return pack(facts)


async def _keep(
    db: AsyncSession, day: date, zone: ZoneInfo, *, calls: int, block: bytes, now: float
) -> None:
    fields = {"layout": LAYOUT, "calls": calls, "built_at": now, "block": block}
    values = {"day": day.isoformat(), "timezone": zone.key, **fields}
    await upsert(db, ReportDayRow, values, key=["day", "timezone"], update=fields)
