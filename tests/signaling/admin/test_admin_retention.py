"""signaling.admin.retention: health reports and wrap-up notes older than their retention go, on a
real SQLite file, with the clock injected."""

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


async def add_call(store: Store, call_id: str, *, ended_days_ago: float | None, note: str) -> None:
    ended_at = NOW - (ended_days_ago or 0) * DAY_S
    await store.open_call(
        call_id, kiosk_id="k", site="Library", language="ar", topic=None, joined_at=ended_at - 60
    )
    if ended_days_ago is not None:
        await store.close_call(call_id, at=ended_at, outcome="completed")
    await store.set_wrap_up(call_id, category="resolved", note=note)


async def test_notes_past_their_retention_go_and_outcomes_stay(tmp_path: Path) -> None:
    store, _ = await open_store(tmp_path)
    try:
        await add_call(store, "old", ended_days_ago=31, note="explained the decision letter")
        await add_call(store, "edge", ended_days_ago=29.9, note="helped with the form")
        await add_call(store, "new", ended_days_ago=1, note="call back in 2 weeks")
        await add_call(store, "never_ended", ended_days_ago=None, note="line dropped")
        settings = DatabaseSettings(health_retention_days=365, note_retention_days=30)
        assert await prune_once(store, settings, NOW) == 1
        old, edge, new = [await store.call(cid) for cid in ("old", "edge", "new")]
        assert old is not None and old.wrap_up_note is None
        assert old.wrap_up_category == "resolved" and old.outcome == "completed"
        assert edge is not None and edge.wrap_up_note == "helped with the form"
        assert new is not None and new.wrap_up_note == "call back in 2 weeks"
        # Thirty days later by the injected clock, the rest go too; a second pass finds nothing.
        assert await prune_once(store, settings, NOW + 31 * DAY_S) == 3
        assert await prune_once(store, settings, NOW + 31 * DAY_S) == 0
    finally:
        await store.close()


async def test_an_empty_note_is_stored_as_none(tmp_path: Path) -> None:
    store, _ = await open_store(tmp_path)
    try:
        await add_call(store, "c1", ended_days_ago=1, note="")
        record = await store.call("c1")
        assert record is not None and record.wrap_up_note is None
        assert record.wrap_up_category == "resolved"
    finally:
        await store.close()


async def test_a_deleted_note_is_gone_from_the_database_file(tmp_path: Path) -> None:
    # Deleted means gone from the file too, not only from queries: a backup copy taken after the
    # purge must not hold the note (the store turns secure_delete on whatever SQLite's default).
    store, _ = await open_store(tmp_path)
    note = "explained the decision letter about the housing allowance"
    try:
        await add_call(store, "old", ended_days_ago=40, note=note)
    finally:
        await store.close()  # a checkpoint: the note is in the main file now
    assert files_holding(tmp_path, note) == ["db.sqlite3"]
    store = await Store.open(
        tmp_path / "db.sqlite3", hasher=PasswordHasher(time_cost=1, memory_cost=8)
    )
    try:
        await prune_once(store, DatabaseSettings(note_retention_days=30), NOW)
    finally:
        await store.close()
    assert (tmp_path / "db.sqlite3").exists()
    assert files_holding(tmp_path, note) == []


def files_holding(folder: Path, text: str) -> list[str]:
    """The database's files (main, WAL, journal) whose bytes hold ``text``."""
    files = sorted(p for p in folder.iterdir() if p.name.startswith("db.sqlite3"))
    return [p.name for p in files if text.encode() in p.read_bytes()]
