"""Reports on a year of data: 500,000 call records in a real SQLite file, each grouping timed.

    .venv/bin/python -m bench.reports_bench [--calls 500000] [--db PATH] [--repeat 3]

Generates (seeded) a year of realistic call records straight into the tables the server uses:
40 sites in 8 districts, 13 languages (Swedish and Arabic most asked for, Tigrinya and Northern
Sami least), topics, opening hours Monday to Friday 09-16 and Saturday 10-14 with a late-morning
peak, waits of about two minutes, talks of about seven, 12 % abandoned, 2 % failed, 40 % rated,
3 % transferred, quality tallies for 90 % of answered calls. The quality samples themselves are not
generated: no report reads them (signaling/store_reports.py keeps a tally per call).

Then it times, through the same code as ``GET /admin/api/reports`` (signaling.report_reader,
without HTTP), the first report of the year (it packs every settled day once: *cold*), and every
grouping afterwards (*warm*), over the year and over one month, best of ``--repeat``. The
baseline, measured in the same run through the same store connection: a bare
``SELECT count(*) FROM calls``, and reading the needed columns of every call record (what a report
without the packed days would have to do). Ratios are against the count.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import text

from signaling.config import Settings
from signaling.report_reader import read_report
from signaling.reports import parse_query, report_json
from signaling.store import Store

YEAR = date(2025, 1, 1)
ZONE = ZoneInfo("Europe/Stockholm")
LANGUAGES = {  # relative demand
    "sv": 20, "ar": 18, "so": 10, "fa": 8, "ti": 2, "uk": 8, "fi": 3, "en": 10,
    "am": 3, "prs": 5, "ckb": 4, "kmr": 3, "se": 1,
}  # fmt: skip
TOPICS = ["letter", "application", "housing", "work", "health", "other", None]
OUTCOMES = ["resolved", "referred", "follow_up", "no_show", "other"]
HOURS = {9: 6, 10: 10, 11: 12, 12: 8, 13: 9, 14: 8, 15: 6}  # Monday to Friday, relative demand
SATURDAY_HOURS = {10: 4, 11: 5, 12: 5, 13: 3}
GROUPINGS = ["", "site", "district", "language", "topic", "hour", "weekday", "weekday,hour"]
GROUPINGS += ["site,language", "district,language,topic"]


def sites() -> dict[str, list[str]]:
    return {f"District {d}": [f"Site {d}-{s}" for s in range(5)] for d in range(8)}


def settings(path: Path) -> Settings:
    return Settings.model_validate(
        {"database": {"path": str(path)}, "reports": {"districts": sites()}}
    )


def _open_moments(rng: random.Random, calls: int) -> Iterator[float]:
    """``calls`` join times over the year's opening hours, shaped by HOURS, sorted."""
    slots: list[tuple[date, int]] = []
    weights: list[int] = []
    for n in range(365):
        day = YEAR + timedelta(days=n)
        hours = HOURS if day.weekday() < 5 else SATURDAY_HOURS if day.weekday() == 5 else {}
        for hour, weight in hours.items():
            slots.append((day, hour))
            weights.append(weight)
    for day, hour in sorted(rng.choices(slots, weights, k=calls)):
        start = datetime(day.year, day.month, day.day, hour, tzinfo=ZONE).timestamp()
        yield start + rng.random() * 3600


def generate(path: Path, calls: int, seed: int = 15) -> None:
    """Write ``calls`` records (and their quality tallies and transfers) into ``path``."""
    asyncio.run(_create_schema(path))
    rng = random.Random(seed)
    all_sites = [s for group in sites().values() for s in group]
    site_weights = [rng.randint(1, 10) for _ in all_sites]
    languages, weights = list(LANGUAGES), list(LANGUAGES.values())
    rows, tallies, transfers = [], [], []
    for n, joined in enumerate(_open_moments(rng, calls)):
        call_id = f"c_{n:012x}"
        site = rng.choices(all_sites, site_weights)[0]
        fate = rng.random()
        answered = ended = category = rating = adviser = None
        if fate < 0.12:
            outcome, ended = "abandoned", joined + rng.expovariate(1 / 150)
        else:
            answered = joined + rng.expovariate(1 / 120)
            ended = answered + rng.expovariate(1 / 420)
            adviser = f"a_{rng.randrange(60):012x}"
            outcome = "failed" if fate < 0.14 else "completed"
            category = rng.choice(OUTCOMES) if outcome == "completed" else None
            rating = rng.choice([3, 4, 4, 5, 5, 5, 2, 1]) if rng.random() < 0.4 else None
            if rng.random() < 0.9:
                samples = int((ended - answered) / 5) + 1
                tallies.append((call_id, samples, samples if rng.random() < 0.05 else 0))
            if rng.random() < 0.03:
                transfers.append((call_id, answered + 30, rng.choice(["language", "adviser"])))
        language = rng.choices(languages, weights)[0]
        topic = rng.choice(TOPICS)
        rows.append(
            (call_id, f"k_{hash(site) % 10**8:08d}", site, language, topic, joined, answered,
             adviser, ended, outcome, category, None, rating)
        )  # fmt: skip
    with sqlite3.connect(path) as db:
        db.executemany("INSERT INTO calls VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        db.executemany("INSERT INTO call_quality_tally VALUES (?,?,?)", tallies)
        db.executemany("INSERT INTO call_transfers (call_id, at, kind) VALUES (?,?,?)", transfers)


async def _create_schema(path: Path) -> None:
    store = await Store.open(path)
    await store.close()


async def best_of(repeat: int, action: Callable[[], Awaitable[Any]]) -> tuple[float, float]:
    """The best (wall-clock, CPU) seconds of ``repeat`` runs. CPU is the whole process's
    (aiosqlite's thread included), which other work on a shared machine disturbs less."""
    times = []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        await action()
        times.append((time.perf_counter() - wall, time.process_time() - cpu))
    return min(times)


async def measure(path: Path, repeat: int) -> None:
    config = settings(path)
    store = await Store.open(path)
    engine = store._engine  # the bench's baselines go through the store's own connection
    now = time.time()

    async def count() -> None:
        async with engine.connect() as conn:
            await conn.execute(text("SELECT count(*) FROM calls"))

    async def read_columns() -> None:
        columns = "site, language, topic, wrap_up_category, outcome, joined_at, answered_at,"
        columns += " ended_at, rating"
        async with engine.connect() as conn:
            (await conn.execute(text(f"SELECT {columns} FROM calls"))).all()

    def report(first: date, last: date, by: str) -> Callable[[], Awaitable[Any]]:
        query = parse_query(first.isoformat(), last.isoformat(), by)

        async def run() -> None:
            report_json(await read_report(store, config, query, now=now), timezone=ZONE.key)

        return run

    year_end = YEAR + timedelta(days=364)
    base, _ = await best_of(repeat, count)
    print(f"{'':40} {'wall ms':>9} {'cpu ms':>9} {'x base':>8}")
    for name, action in (
        ("baseline: SELECT count(*) FROM calls", count),
        ("read the needed columns of every call", read_columns),
        ("first report of the year (cold: packs)", report(YEAR, year_end, "site")),
    ):
        wall, cpu = await best_of(1, action)
        print(f"{name:40} {wall * 1000:9.1f} {cpu * 1000:9.1f} {wall / base:8.0f}")
    print()
    print(f"{'grouping (warm)':28} {'year ms':>9} {'cpu ms':>9} {'x base':>8} {'month ms':>9}")
    month = (date(2025, 3, 1), date(2025, 3, 31))
    slowest = (0.0, 0.0)
    for by in GROUPINGS:
        year = await best_of(repeat, report(YEAR, year_end, by))
        month_wall, _ = await best_of(repeat, report(*month, by))
        slowest = max(slowest, year)
        print(f"{by or '(total)':28} {year[0] * 1000:9.1f} {year[1] * 1000:9.1f}"
              f" {year[0] / base:8.0f} {month_wall * 1000:9.1f}")  # fmt: skip
    print()
    print(
        f"slowest warm year report: {slowest[0] * 1000:.1f} ms wall, {slowest[1] * 1000:.1f} ms cpu"
    )
    await store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=500_000)
    parser.add_argument("--db", type=Path, help="keep the database here (default: a temp dir)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        path = args.db or Path(scratch) / "reports-bench.sqlite3"
        if path.exists():
            path.unlink()
        start = time.perf_counter()
        generate(path, args.calls)
        size = path.stat().st_size / 1e6
        took = time.perf_counter() - start
        print(f"{args.calls:,} call records written in {took:.1f} s ({size:.0f} MB)")
        asyncio.run(measure(path, args.repeat))


if __name__ == "__main__":
    main()
