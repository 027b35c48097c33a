"""The booking desk (signaling/booking_desk.py) on a real SQLite file and the real exchange:
a kiosk that goes away while the store answers a check-in keeps its code good."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

from signaling import exchange as x
from signaling import messages as m
from signaling.booking.slots import Series
from signaling.booking_desk import BookingDesk
from signaling.errors import OutOfRole
from signaling.links import ConnId, KioskLink
from signaling.store import Store
from signaling.store_records import KioskRecord
from tests.conftest import make_settings

DAY = date(2030, 1, 8)


@dataclass
class Desk:
    desk: BookingDesk
    exchange: x.Exchange
    store: Store


@pytest.fixture
async def desk(tmp_path: Path) -> AsyncIterator[Desk]:
    settings = make_settings(tmp_path)
    store = await Store.open(settings.database.path)
    counter = iter(range(1, 1000))
    exchange = x.Exchange(settings, new_ids=lambda: (f"c{next(counter)}", "token"))
    yield Desk(BookingDesk(settings, store), exchange, store)
    await store.close()


def connect(d: Desk, conn: int, now: float) -> KioskLink:
    kiosk = KioskRecord("k1", "K1", "Library", 0.0, False, None, None)
    d.exchange.kiosk_connected(ConnId(conn), kiosk, m.Hello(protocol=1, token="t"), now)
    return d.exchange.kiosks["k1"]


async def test_a_kiosk_gone_mid_check_in_leaves_the_booking_good(desk: Desk) -> None:
    start = datetime(2030, 1, 8, 10, 0, tzinfo=desk.desk.zone).timestamp()
    series = Series("ar", None, None, DAY, "10:00", "10:30", 30)
    (slot,) = await desk.desk.publish(series, by="test", now=start - 86400)
    booking, code = await desk.desk.book(slot.id, source="staff", kiosk_id=None, now=start - 86400)
    link = connect(desk, 1, start)
    checking = asyncio.create_task(desk.desk.check_in(desk.exchange, link, code, start))
    await asyncio.sleep(0)  # the desk now waits for the store
    desk.exchange.kiosk_disconnected(link, start)
    with pytest.raises(OutOfRole):
        await checking
    kept = await desk.store.bookings.booking(booking.id)
    assert kept is not None and (kept.state, kept.checked_in_at) == ("booked", None)

    again = connect(desk, 2, start + 5)
    actions = await desk.desk.check_in(desk.exchange, again, code, start + 5)
    sent = [a.message for a in actions if isinstance(a, x.Post) and a.conn == ConnId(2)]
    assert [type(s).__name__ for s in sent][:2] == ["CheckedIn", "Queued"]


async def test_a_kiosk_gone_mid_check_in_leaves_the_ticket_good(desk: Desk) -> None:
    now = 2_000_000_000.0
    code, hashed = await desk.desk.new_code()
    ticket = await desk.store.bookings.add_ticket(
        code_hash=hashed,
        language="ar",
        topic=None,
        fallbacks=(),
        joined_at=now - 60,
        valid_until=now + 3600,
        kiosk_id="k0",
        now=now - 30,
    )
    link = connect(desk, 1, now)
    checking = asyncio.create_task(desk.desk.check_in(desk.exchange, link, code, now))
    await asyncio.sleep(0)
    desk.exchange.kiosk_disconnected(link, now)
    with pytest.raises(OutOfRole):
        await checking
    kept = await desk.store.bookings.ticket_by_code(hashed)
    assert kept is not None and kept.id == ticket.id and kept.used_at is None


async def test_a_kiosk_gone_before_its_booking_is_answered_frees_the_slot(desk: Desk) -> None:
    start = datetime(2030, 1, 8, 10, 0, tzinfo=desk.desk.zone).timestamp()
    series = Series("ar", None, None, DAY, "10:00", "10:30", 30)
    (slot,) = await desk.desk.publish(series, by="test", now=start - 86400)
    link = connect(desk, 1, start - 7200)
    booking = asyncio.create_task(desk.desk.kiosk_book(desk.exchange, link, slot.id, start - 7200))
    await asyncio.sleep(0)
    desk.exchange.kiosk_disconnected(link, start - 7200)
    assert await booking == []  # nobody to show the code to
    (view,) = await desk.store.bookings.slots(since=start - 1, until=start + 1)
    assert view.free

    again = connect(desk, 2, start - 7100)
    actions = await desk.desk.kiosk_book(desk.exchange, again, slot.id, start - 7100)
    assert [type(a.message).__name__ for a in actions if isinstance(a, x.Post)] == ["Booked"]
