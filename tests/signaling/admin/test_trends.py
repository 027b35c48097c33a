"""signaling.admin.trends over call records written to and read back from a real SQLite store;
the language names the dashboard shows."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from argon2 import PasswordHasher
from hypothesis import given
from hypothesis import strategies as st

from signaling.admin import trends
from signaling.admin.language_names import language_name
from signaling.messages import Quality
from signaling.store import Store
from signaling.store_records import CallRecord

FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
STOCKHOLM = ZoneInfo("Europe/Stockholm")
# Thursday 2026-11-26 14:00 in Stockholm (UTC+1 in November).
NOW = datetime(2026, 11, 26, 14, 0, tzinfo=STOCKHOLM).timestamp()
HOUR = 3600.0


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(tmp_path / "kiosklink.sqlite3", hasher=FAST)
    yield opened
    await opened.close()


async def call(
    store: Store,
    call_id: str,
    *,
    site: str,
    at: float,
    outcome: str | None,
    answered: bool = True,
    quality: Quality | None = None,
) -> None:
    await store.open_call(
        call_id, kiosk_id="k1", site=site, language="ar", topic=None, joined_at=at
    )
    if answered:
        await store.answer_call(call_id, adviser_id="a1", at=at + 30)
    if quality is not None:
        await store.add_quality(call_id, side="kiosk", quality=quality, at=at + 60)
    if outcome is not None:
        await store.close_call(call_id, at=at + 600, outcome=outcome)


async def test_quality_and_failures_per_site_from_the_store(store: Store) -> None:
    since = trends.window_start(NOW, 7, STOCKHOLM)
    good = Quality(rtt_ms=40, packet_loss_ratio=0.001, fps=30)
    poor = Quality(rtt_ms=200, packet_loss_ratio=0.05, fps=12)
    await call(store, "c1", site="Library", at=NOW - 2 * HOUR, outcome="completed", quality=good)
    await call(store, "c2", site="Library", at=NOW - 3 * HOUR, outcome="adviser_lost", quality=poor)
    await call(store, "c3", site="Library", at=NOW - 4 * HOUR, outcome="rejoined")  # not a call
    await call(store, "c4", site="Town hall", at=NOW - HOUR, outcome="abandoned", answered=False)
    await call(store, "c5", site="Town hall", at=NOW - 0.5 * HOUR, outcome=None)  # still open
    await call(store, "old", site="Library", at=since - HOUR, outcome="kiosk_lost")  # before

    sites = trends.per_site(await store.list_calls(since=since))

    library, town_hall = sites
    assert library.site == "Library"
    assert library.figures == trends.CallFigures(
        calls=2,
        answered=2,
        completed=1,
        failed=1,
        rtt_ms=120.0,
        packet_loss_percent=2.55,  # (0.1 % + 5 %) / 2, in per cent
        fps=21.0,
    )
    assert town_hall.site == "Town hall"
    assert (town_hall.figures.calls, town_hall.figures.answered) == (2, 1)
    assert (town_hall.figures.failed, town_hall.figures.rtt_ms) == (0, None)  # none reported


async def test_calls_per_day_list_every_local_day_of_the_window(store: Store) -> None:
    # 00:30 on Wednesday in Stockholm is still Tuesday in UTC: it counts for Wednesday.
    wednesday_early = datetime(2026, 11, 25, 0, 30, tzinfo=STOCKHOLM).timestamp()
    await call(store, "w1", site="Library", at=wednesday_early, outcome="completed")
    await call(store, "w2", site="Library", at=wednesday_early + HOUR, outcome="adviser_lost")
    await call(store, "t1", site="Town hall", at=NOW - HOUR, outcome="completed")
    since = trends.window_start(NOW, 7, STOCKHOLM)
    assert since == datetime(2026, 11, 20, tzinfo=STOCKHOLM).timestamp()

    days = trends.per_day(await store.list_calls(since=since), now=NOW, days=7, zone=STOCKHOLM)

    assert [d.day for d in days] == [date(2026, 11, n) for n in range(20, 27)]
    by_day = {d.day.day: (d.figures.calls, d.figures.failed) for d in days}
    assert by_day == {
        20: (0, 0),
        21: (0, 0),
        22: (0, 0),
        23: (0, 0),
        24: (0, 0),
        25: (2, 1),
        26: (1, 0),
    }


def test_a_window_of_thirty_days_starts_at_local_midnight() -> None:
    start = datetime.fromtimestamp(trends.window_start(NOW, 30, STOCKHOLM), STOCKHOLM)
    assert (start.date(), start.hour, start.minute) == (date(2026, 10, 28), 0, 0)


@pytest.mark.parametrize(
    ("code", "endonym", "swedish"),
    [
        ("ar", "العربية", "Arabiska"),
        ("sv", "Svenska", "Svenska"),
        ("ti", "ትግርኛ", "Tigrinja"),
        ("uk", "Українська", "Ukrainska"),
        ("se", "Davvisámegiella", "Nordsamiska"),
        ("prs", "دری", "Dari"),  # not in CLDR: the override
        ("kmr", "Kurmancî", "Kurmanji (nordkurdiska)"),
    ],
)
def test_language_names_are_the_endonym_and_the_swedish_name(
    code: str, endonym: str, swedish: str
) -> None:
    name = language_name(code)
    assert (name.endonym, name.swedish) == (endonym, swedish)


def test_an_unknown_language_keeps_its_code_and_one_name_shows_once() -> None:
    assert language_name("xq").endonym == "xq"
    assert language_name("xq").label == "xq"
    assert language_name("sv").label == "Svenska"
    assert language_name("ar").label == "Arabiska · العربية"


def record(call_id: str, site: str, at: float, outcome: str | None) -> CallRecord:
    return CallRecord(
        id=call_id,
        kiosk_id="k1",
        site=site,
        language="ar",
        topic=None,
        joined_at=at,
        answered_at=None,
        adviser_id=None,
        ended_at=None,
        outcome=outcome,
        wrap_up_category=None,
        wrap_up_note=None,
        rating=None,
        kiosk_quality=None,
        adviser_quality=None,
    )


outcomes = st.sampled_from(
    [None, "completed", "abandoned", "cancelled", "rejoined", "adviser_lost"]
)


@given(
    st.lists(
        st.tuples(st.sampled_from(["Library", "Town hall"]), st.floats(0, 7 * 86400), outcomes),
        max_size=40,
    )
)
def test_per_site_and_per_day_count_the_same_calls(
    rows: list[tuple[str, float, str | None]],
) -> None:
    """Whatever the calls: the days of the window and the sites add up to the same calls, failures
    never exceed calls, and a rejoin is never a call."""
    since = trends.window_start(NOW, 7, STOCKHOLM)
    calls = [
        record(f"c{n}", site, NOW - offset, outcome)
        for n, (site, offset, outcome) in enumerate(rows)
        if NOW - offset >= since
    ]
    sites = trends.per_site(calls)
    days = trends.per_day(calls, now=NOW, days=7, zone=STOCKHOLM)
    counted = sum(outcome != "rejoined" for _, offset, outcome in rows if NOW - offset >= since)
    assert sum(s.figures.calls for s in sites) == sum(d.figures.calls for d in days) == counted
    assert sum(s.figures.failed for s in sites) == sum(d.figures.failed for d in days)
    assert all(d.figures.failed <= d.figures.calls for d in days)
    assert len(days) == 7
