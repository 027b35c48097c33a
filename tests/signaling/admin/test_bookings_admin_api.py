"""The admin web's bookable times over HTTP (signaling/admin/bookings.py) against a real server and
real SQLite: a day's slots each with the booking that tells its story (a cancelled booking gives
way to the next one, a missed one turns no-show), the code only in the answer that made it (not in
the day's list, not in the audit log), a taken slot refused, and a manager who may look but not
change."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from signaling.embedded import EmbeddedServer
from signaling.today import service_timezone
from tests.conftest import make_settings
from tests.signaling.admin.answers_helpers import call, signed_in

ADMIN = ("it-desk", "admin password 123")
MANAGER = ("chief", "manager password 123")
API = "/admin/api/bookings"


class Clock:
    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset

    def move_to(self, when: float) -> None:
        self.offset = when - time.time()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def server(tmp_path: Path, clock: Clock) -> Iterator[EmbeddedServer]:
    with EmbeddedServer(make_settings(tmp_path), clock=clock) as started:
        zone = service_timezone(started.settings)
        day = datetime.now(zone).date() + timedelta(days=1)
        clock.move_to(datetime(day.year, day.month, day.day, 12, 0, tzinfo=zone).timestamp())
        started.add_adviser(*ADMIN, {}, is_admin=True)
        started.add_adviser(*MANAGER, {})
        started.with_store(lambda s: s.answers.grant_role(MANAGER[0], "manager"))
        yield started


def series(day: str) -> dict[str, Any]:
    return {"language": "ar", "date": day, "start": "13:00", "end": "14:00", "slot_minutes": 30}


async def test_the_day_tells_each_slots_story_and_the_code_is_shown_once(
    server: EmbeddedServer, clock: Clock
) -> None:
    admin = await signed_in(server, ADMIN)
    manager = await signed_in(server, MANAGER)
    try:
        status, day = await call(admin, "GET", API + "/day")
        assert status == 200 and day["slots"] == []
        assert {"code": "ar", "endonym": "العربية", "swedish": "Arabiska"} in day["languages"]

        status, published = await call(admin, "POST", API + "/slots", series(day["day"]))
        assert status == 201 and len(published["slots"]) == 2
        first, second = (s["slot_id"] for s in published["slots"])
        status, _ = await call(manager, "POST", API + "/book", {"slot_id": first})
        assert status == 403  # a manager looks, never changes

        status, booked = await call(admin, "POST", API + "/book", {"slot_id": first})
        assert status == 201 and len(booked["code"]) == 9
        status, _ = await call(admin, "POST", f"{API}/bookings/{booked['booking_id']}/cancel")
        assert status == 200
        status, again = await call(admin, "POST", API + "/book", {"slot_id": first})
        assert status == 201
        status, missed = await call(admin, "POST", API + "/book", {"slot_id": second})
        status, taken = await call(admin, "POST", API + "/book", {"slot_id": second})
        assert status == 409, taken
        status, kept = await call(admin, "POST", f"{API}/slots/{second}/withdraw")
        assert status == 409, kept  # booked: cancel first

        clock.move_to(published["slots"][1]["starts_at"] + 3600)  # both windows closed
        await admin.close()
        await manager.close()
        admin = await signed_in(server, ADMIN)  # admin-web sessions last an hour
        manager = await signed_in(server, MANAGER)
        status, day = await call(manager, "GET", API + f"/day?day={day['day']}")
        assert status == 200
        states = {s["slot_id"]: s["booking"]["booking_id"] for s in day["slots"]}
        assert states == {first: again["booking_id"], second: missed["booking_id"]}
        assert [s["booking"]["state"] for s in day["slots"]] == ["no_show", "no_show"]

        status, audit = await call(admin, "GET", "/admin/api/audit?limit=50")
        actions = [e["action"] for e in audit]
        assert actions.count("book_slot") == 3 and "cancel_booking" in actions
        assert "publish_slots" in actions
        shown = str(audit) + str(day)
        for code in (booked["code"], again["code"], missed["code"]):
            assert code not in shown and code.replace("-", "") not in shown
    finally:
        await admin.close()
        await manager.close()


async def test_refusals_are_the_admin_webs_json(server: EmbeddedServer) -> None:
    admin = await signed_in(server, ADMIN)
    try:
        status, body = await call(admin, "GET", API + "/day?day=tomorrow")
        assert (status, body["code"]) == (400, "bad_message")
        status, body = await call(admin, "POST", API + "/slots", {"language": "ar"})
        assert (status, body["code"]) == (400, "bad_message") and "date" in body["message"]
        past = series("2020-01-07")
        status, body = await call(admin, "POST", API + "/slots", past)
        assert (status, body["code"]) == (400, "bad_message")
        status, body = await call(admin, "POST", API + "/slots/s_nothing/withdraw")
        assert (status, body["code"]) == (404, "not_found")
    finally:
        await admin.close()
