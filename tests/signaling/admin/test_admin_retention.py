"""signaling.admin.retention: health older than the retention period goes, on a real SQLite file."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

from argon2 import PasswordHasher

from signaling.admin.retention import DAY_S, cutoff, prune_once, run
from signaling.config import DatabaseSettings
from signaling.messages import DeviceHealth, HealthReport
from signaling.store import Store

NOW = 1_800_000_000.0
OK = DeviceHealth(present=True, working=True)
REPORT = HealthReport(
    app_version="1.0.0",
    uptime_s=1,
    camera=OK,
    microphone=OK,
    speaker=OK,
    cpu_ratio=0.1,
    memory_ratio=0.1,
    disk_free_bytes=10**10,
)


async def open_store(tmp_path: Path) -> tuple[Store, str]:
    store = await Store.open(
        tmp_path / "db.sqlite3", hasher=PasswordHasher(time_cost=1, memory_cost=8)
    )
    kiosk, _ = await store.add_kiosk("Entrance", "Library", now=NOW)
    for age_days in (40, 31, 29, 1):
        await store.add_health(kiosk.id, at=NOW - age_days * DAY_S, report=REPORT)
    return store, kiosk.id


def test_cutoff_is_retention_days_before_now() -> None:
    assert cutoff(NOW, 30) == NOW - 30 * 24 * 3600


async def test_prune_keeps_only_the_retention_period(tmp_path: Path) -> None:
    store, kiosk_id = await open_store(tmp_path)
    try:
        removed = await prune_once(store, DatabaseSettings(health_retention_days=30), NOW)
        assert removed == 2
        left = await store.health_history(kiosk_id, since=0)
        assert [round((NOW - h.at) / DAY_S) for h in left] == [29, 1]
    finally:
        await store.close()


async def test_the_background_task_prunes_at_start(tmp_path: Path) -> None:
    store, kiosk_id = await open_store(tmp_path)
    task = asyncio.create_task(
        run(store, DatabaseSettings(health_retention_days=7), clock=lambda: NOW, every_s=3600)
    )
    try:
        for _ in range(200):  # bounded wait for the first pass
            if len(await store.health_history(kiosk_id, since=0)) == 1:
                break
            await asyncio.sleep(0.02)
        assert len(await store.health_history(kiosk_id, since=0)) == 1
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await store.close()
