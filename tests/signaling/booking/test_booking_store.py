"""Slots, bookings and tickets in a real SQLite file and a real PostgreSQL database
(signaling/store_bookings.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from signaling.store import Conflict, NotFound, Store

FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
T = 1_800_000_000.0


@pytest.fixture
def db_path(database: str | Path) -> Path:
    assert isinstance(database, Path)  # tests/conftest.py gives a db_path test SQLite only
    return database


@pytest.fixture
async def store(database: str | Path) -> AsyncIterator[Store]:
    opened = await Store.open(database, hasher=FAST)
    yield opened
    await opened.close()


async def publish(store: Store, *times: float, adviser: str | None = "a_1") -> list[str]:
    slots = await store.bookings.add_slots(
        language="ar",
        topic="housing",
        adviser_id=adviser,
        times=[(t, 1800) for t in times],
        by="test",
        now=T - 86400,
    )
    return [s.id for s in slots]


async def test_overlapping_slots_of_one_adviser_are_refused_whole(store: Store) -> None:
    await publish(store, T, T + 1800)
    with pytest.raises(Conflict):
        await publish(store, T + 3600, T + 900)
    assert len(await store.bookings.slots(since=T - 1, until=T + 86400)) == 2  # nothing written
    await publish(store, T + 900, adviser="a_2")
    await publish(store, T + 900, adviser=None)


async def test_one_live_booking_per_slot_decided_by_the_database(store: Store) -> None:
    (slot,) = await publish(store, T)
    first = await store.bookings.book(
        slot, code_hash="h1", source="kiosk", kiosk_id="k_1", now=T - 3600
    )
    assert first.state == "booked" and first.slot.id == slot
    with pytest.raises(Conflict):
        await store.bookings.book(slot, code_hash="h2", source="staff", kiosk_id=None, now=T)
    with pytest.raises(NotFound):
        await store.bookings.book("s_none", code_hash="h3", source="staff", kiosk_id=None, now=T)
    views = await store.bookings.slots(since=T - 1, until=T + 1)
    assert [v.free for v in views] == [False]
    await store.bookings.cancel(first.id, now=T - 60)
    again = await store.bookings.book(slot, code_hash="h2", source="staff", kiosk_id=None, now=T)
    assert again.state == "booked"
    assert (await store.bookings.booking_by_code("h1")).state == "cancelled"  # type: ignore[union-attr]


async def test_a_code_checks_in_once(store: Store) -> None:
    (slot,) = await publish(store, T)
    booking = await store.bookings.book(slot, code_hash="h", source="kiosk", kiosk_id="k", now=T)
    assert await store.bookings.check_in(booking.id, kiosk_id="k_2", now=T)
    assert not await store.bookings.check_in(booking.id, kiosk_id="k_3", now=T)
    found = await store.bookings.booking_by_code("h")
    assert found is not None and found.state == "checked_in" and found.checked_in_at == T
    with pytest.raises(Conflict):
        await store.bookings.cancel(booking.id, now=T)


async def test_no_shows_are_recorded_when_the_window_has_closed(store: Store) -> None:
    early, later = await publish(store, T, T + 7200)
    one = await store.bookings.book(early, code_hash="a", source="kiosk", kiosk_id="k", now=T)
    two = await store.bookings.book(later, code_hash="b", source="kiosk", kiosk_id="k", now=T)
    assert await store.bookings.record_no_shows(closed_before=T + 1, now=T + 601) == 1
    assert await store.bookings.record_no_shows(closed_before=T + 1, now=T + 602) == 0
    states = {b.id: b.state for b in await store.bookings.bookings(since=T, until=T + 86400)}
    assert states == {one.id: "no_show", two.id: "booked"}
    with pytest.raises(Conflict):
        await store.bookings.withdraw_slot(early)


async def test_tickets_are_used_once(store: Store) -> None:
    ticket = await store.bookings.add_ticket(
        code_hash="t",
        language="so",
        topic=None,
        fallbacks=["sv"],
        joined_at=T - 300,
        valid_until=T + 3600,
        kiosk_id="k_1",
        now=T,
    )
    assert await store.bookings.ticket_by_code("t") == ticket
    assert ticket.fallbacks == ("sv",) and ticket.joined_at == T - 300
    assert await store.bookings.use_ticket(ticket.id, kiosk_id="k_2", now=T + 60)
    assert not await store.bookings.use_ticket(ticket.id, kiosk_id="k_3", now=T + 61)
    assert await store.bookings.code_in_use("t") and not await store.bookings.code_in_use("x")


async def test_the_secret_is_made_once_and_kept(store: Store) -> None:
    secret = await store.bookings.secret()
    assert len(secret) == 32 and await store.bookings.secret() == secret


async def test_nothing_personal_is_in_the_booking_tables(store: Store, db_path: Path) -> None:
    (slot,) = await publish(store, T)
    await store.bookings.book(slot, code_hash="hash", source="kiosk", kiosk_id="k", now=T)
    with sqlite3.connect(db_path) as db:
        columns = {
            row[1]
            for table in ("bookings", "booking_tickets", "booking_slots")
            for row in db.execute(f"PRAGMA table_info({table})")
        }
    assert not columns & {"name", "phone", "email", "personal_number", "code"}
