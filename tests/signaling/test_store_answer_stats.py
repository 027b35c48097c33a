"""``store.answer_stats`` on a real SQLite file and a real PostgreSQL database: counts per day,
site, language, question and event, read back by period, surviving a restart, and holding
nothing but codes and counts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest

from signaling.store import Store
from signaling.store_answer_stats import AnswerEventCount
from tests.signaling.test_store import FAST, reopen, sql


@pytest.fixture
def db_path(database: str | Path) -> Path:
    assert isinstance(database, Path)  # tests/conftest.py gives a db_path test SQLite only
    return database


@pytest.fixture
async def store(database: str | Path) -> AsyncIterator[Store]:
    opened = await Store.open(database, hasher=FAST)
    yield opened
    await opened.close()


async def test_counts_add_up_per_key_and_read_back_within_the_period(
    store: Store, db_path: Path
) -> None:
    stats = store.answer_stats
    for _ in range(3):
        await stats.count(
            day="2026-11-30", site="Rinkeby", language="ar", question="moving", event="viewed"
        )
    await stats.count(
        day="2026-11-30", site="Rinkeby", language="ar", question="moving", event="helped"
    )
    await stats.count(
        day="2026-11-30", site="Kista", language="ar", question="moving", event="viewed"
    )
    await stats.count(
        day="2026-11-30", site="Kista", language="so", question=None, event="no_result"
    )
    await stats.count(
        day="2026-12-01", site="Rinkeby", language="ar", question="moving", event="viewed"
    )
    rows = await stats.between(date(2026, 11, 30), date(2026, 11, 30))
    assert rows == [
        AnswerEventCount("2026-11-30", "Kista", "ar", "moving", "viewed", 1),
        AnswerEventCount("2026-11-30", "Kista", "so", None, "no_result", 1),
        AnswerEventCount("2026-11-30", "Rinkeby", "ar", "moving", "helped", 1),
        AnswerEventCount("2026-11-30", "Rinkeby", "ar", "moving", "viewed", 3),
    ]
    both_days = await stats.between(date(2026, 11, 29), date(2026, 12, 1))
    assert [r.day for r in both_days].count("2026-12-01") == 1
    assert await stats.between(date(2026, 12, 2), date(2026, 12, 31)) == []
    # One row per key, holding a count: nothing that could tell one resident's visit.
    columns = [c[1] for c in sql(db_path, "PRAGMA table_info(answer_event_counts)")]
    assert columns == ["day", "site", "language", "question", "event", "count"]
    assert sql(db_path, "SELECT count(*) FROM answer_event_counts") == [(5,)]


async def test_counts_survive_a_restart(store: Store, database: str | Path) -> None:
    await store.answer_stats.count(
        day="2026-11-30", site="Rinkeby", language="ar", question="moving", event="to_adviser"
    )
    store = await reopen(store, database)
    try:
        await store.answer_stats.count(
            day="2026-11-30", site="Rinkeby", language="ar", question="moving", event="to_adviser"
        )
        (row,) = await store.answer_stats.between(date(2026, 11, 30), date(2026, 11, 30))
        assert row.count == 2
    finally:
        await store.close()
