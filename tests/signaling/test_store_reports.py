"""store.reports on a real SQLite file and a real PostgreSQL database: settled days are kept and
packed again when their calls change, days not yet settled are never kept, quality is tallied as
samples arrive."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from signaling.messages import Quality
from signaling.reports import merge
from signaling.store import Store
from signaling.store_reports import SETTLE_S

ZONE = ZoneInfo("Europe/Stockholm")
DAY = date(2026, 3, 10)
NOON = datetime(2026, 3, 10, 12, tzinfo=ZONE).timestamp()
DAY_ENDS = datetime(2026, 3, 11, tzinfo=ZONE).timestamp()


@pytest.fixture
async def store(database: str | Path) -> AsyncIterator[Store]:
    store = await Store.open(database)
    yield store
    await store.close()


async def visit(store: Store, call_id: str, joined_at: float, *, wait: float = 10.0) -> None:
    await store.open_call(
        call_id, kiosk_id="k_1", site="Library", language="sv", topic=None, joined_at=joined_at
    )
    await store.answer_call(call_id, adviser_id="a_1", at=joined_at + wait)
    await store.close_call(call_id, at=joined_at + wait + 60, outcome="completed")


async def kept_days(store: Store) -> list[str]:
    async with store._engine.connect() as conn:  # what the report_days table holds
        rows = await conn.execute(text("SELECT day FROM report_days ORDER BY day"))
        return [row[0] for row in rows]


async def waits(store: Store, *, now: float) -> list[int]:
    table = merge(await store.reports.blocks(DAY, DAY, zone=ZONE, now=now))
    return sorted(table.columns["wait_s"].tolist())


async def test_a_settled_day_is_kept_and_packed_again_when_a_call_is_added(store: Store) -> None:
    await visit(store, "c1", NOON, wait=10)
    settled = DAY_ENDS + SETTLE_S
    assert await waits(store, now=settled) == [10]
    assert await kept_days(store) == ["2026-03-10"]
    assert await waits(store, now=settled) == [10]  # from the kept block
    await visit(store, "c2", NOON + 60, wait=20)  # written late (an import, a restore)
    assert await waits(store, now=settled + 1) == [10, 20]


async def test_a_day_not_yet_settled_is_never_kept(store: Store) -> None:
    await visit(store, "c1", NOON)
    assert await waits(store, now=DAY_ENDS + SETTLE_S - 1) == [10]
    assert await kept_days(store) == []
    await visit(store, "c2", NOON + 60, wait=30)
    assert await waits(store, now=DAY_ENDS + SETTLE_S - 1) == [10, 30]


async def test_quality_is_tallied_per_call(store: Store) -> None:
    await visit(store, "c1", NOON)
    await visit(store, "c2", NOON + 60)
    poor, good = Quality(rtt_ms=700), Quality(rtt_ms=50)
    for n, sample in enumerate([poor, good, good, good, good, good]):  # 1 in 6: under a fifth
        await store.add_quality("c1", side="kiosk", quality=sample, at=NOON + 20 + n)
    for n, sample in enumerate([poor, good, good, good, good]):  # 1 in 5: poor
        await store.add_quality("c2", side="adviser", quality=sample, at=NOON + 80 + n)
    table = merge(await store.reports.blocks(DAY, DAY, zone=ZONE, now=NOON + 3600))
    # Quality marks: 0 unknown, 1 good, 2 poor (signaling.reports.facts.QUALITY_MARKS).
    assert sorted(table.columns["quality"].tolist()) == [1, 2]


async def test_the_days_of_a_period_follow_local_midnight(store: Store) -> None:
    # 23:30 local on 9 March is 22:30 UTC: it belongs to 9 March, not to the 10th.
    await visit(store, "late", datetime(2026, 3, 9, 23, 30, tzinfo=ZONE).timestamp())
    await visit(store, "early", datetime(2026, 3, 10, 0, 30, tzinfo=ZONE).timestamp(), wait=5)
    blocks = await store.reports.blocks(DAY - timedelta(days=1), DAY, zone=ZONE, now=NOON)
    assert [merge([b]).rows for b in blocks] == [1, 1]
    assert await waits(store, now=NOON) == [5]
