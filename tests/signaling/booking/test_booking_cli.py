"""``kiosklink admin booking``: in-process through run_admin, on a real SQLite file."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from signaling.booking import codes
from signaling.booking_desk import BookingDesk
from signaling.config import Settings, load_settings
from signaling.store import Store
from signaling.store_bookings import BookingRecord
from tests.signaling.test_admin_cli import PASSWORD, admin, with_store

DAY = (date.today() + timedelta(days=30)).isoformat()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(env={"KIOSKLINK_DATABASE_PATH": str(tmp_path / "kiosklink.sqlite3")})


def add_amal(settings: Settings) -> None:
    argv = ["add-adviser", "--username", "amal", "--name", "Amal", "--language", "ar=native"]
    assert admin(settings, *argv, "--password-stdin", stdin=PASSWORD + "\n").code == 0


def add_slots(settings: Settings, *extra: str) -> list[str]:
    argv = ["booking", "add-slot", "--language", "ar", "--topic", "housing", "--date", DAY]
    result = admin(settings, *argv, "--start", "13:00", "--end", "14:00", *extra)
    assert result.code == 0, result.err
    return [line.split()[0] for line in result.out.splitlines()[1:]]


def test_publish_book_list_and_cancel(settings: Settings) -> None:
    add_amal(settings)
    slots = add_slots(settings, "--adviser", "amal")
    assert len(slots) == 2
    listed = json.loads(admin(settings, "booking", "slots", "--day", DAY, "--json").out)
    assert [(s["slot_id"], s["free"]) for s in listed] == [(slots[0], True), (slots[1], True)]

    booked = admin(settings, "booking", "book", slots[0])
    assert booked.code == 0, booked.err
    code = booked.out.strip().splitlines()[-1]
    assert codes.normalize(code) is not None and f"kiosklink:{code.replace('-', '')}" in booked.out

    async def find(store: Store) -> BookingRecord | None:
        desk = BookingDesk(settings, store)
        return await store.bookings.booking_by_code(await desk.hash_of(code.replace("-", "")))

    booking = with_store(settings, find)
    assert booking is not None and booking.slot.id == slots[0] and booking.source == "staff"
    day = json.loads(admin(settings, "booking", "list", "--day", DAY, "--json").out)
    assert [(b["booking_id"], b["state"]) for b in day] == [(booking.id, "booked")]
    assert code not in admin(settings, "booking", "list", "--day", DAY).out  # shown once

    again = admin(settings, "booking", "book", slots[0])
    assert again.code == 1 and "taken" in again.err
    cancelled = admin(settings, "booking", "cancel", "--code", code.lower())
    assert cancelled.code == 0, cancelled.err
    day = json.loads(admin(settings, "booking", "list", "--day", DAY, "--json").out)
    assert [b["state"] for b in day] == ["cancelled"]
    assert admin(settings, "booking", "cancel", booking.id).code == 1  # not booked any more
    assert "booking_cancel" in admin(settings, "audit").out


def test_overlap_and_impossible_series_fail_with_a_message(settings: Settings) -> None:
    add_amal(settings)
    add_slots(settings, "--adviser", "amal")
    argv = ["booking", "add-slot", "--language", "ar", "--date", DAY, "--adviser", "amal"]
    clash = admin(settings, *argv, "--start", "13:30", "--end", "15:00")
    assert clash.code == 1 and "already has a slot" in clash.err
    backwards = admin(settings, *argv, "--start", "15:00", "--end", "14:00")
    assert backwards.code == 1 and "error:" in backwards.err
    unknown = admin(
        settings, *argv[:-2], "--adviser", "nobody", "--start", "09:00", "--end", "10:00"
    )
    assert unknown.code == 1 and "nobody" in unknown.err
    add_slots(settings)  # the same time without an adviser: capacity, not a clash
