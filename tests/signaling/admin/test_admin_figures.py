"""The dashboard's API against a real server: the degraded state, language names, fleet trends."""

from __future__ import annotations

import time
from collections.abc import Callable

import aiohttp

from kiosklink.headless_kiosk_agent import HeadlessKioskAgent
from signaling.embedded import EmbeddedServer
from signaling.messages import DeviceHealth, Quality
from signaling.store import Store
from tests.signaling.admin.fleet_helpers import (
    admin_session,
    eventually,
    get_json,
    kiosk_row,
    start_fleet_server,
)
from tests.signaling.admin.test_admin_metrics import scrape, value


def kiosk_id_of(server: EmbeddedServer, token: str) -> str:
    record = server.with_store(lambda s: s.kiosk_by_token(token))
    assert record is not None
    return record.id


async def test_a_kiosk_without_a_camera_is_degraded_and_back_online_when_it_returns(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = start_fleet_server(server_factory)
    token = server.add_kiosk("Entrance", "Library Nord")
    kid = kiosk_id_of(server, token)
    agent = HeadlessKioskAgent(server.kiosk_url, token)
    agent.devices["camera"] = DeviceHealth(present=False, working=False, detail="unplugged")
    http = await admin_session(server)
    async with http:
        try:
            await agent.start()
            row = await eventually(lambda: kiosk_row(http, kid), lambda r: r["state"] != "offline")
            assert row["state"] == "degraded" and row["connection"] == "online"
            assert row["lacking"] == ["camera"]
            only = await get_json(http, "/admin/api/fleet?state=degraded")
            assert [k["id"] for k in only["kiosks"]] == [kid]
            _, samples = await scrape(server)
            assert value(samples, "kiosklink_kiosks_degraded", site="Library Nord") == 1
            assert value(samples, "kiosklink_kiosks_online", site="Library Nord") == 1

            agent.devices["camera"] = DeviceHealth(present=True, working=True)
            row = await eventually(lambda: kiosk_row(http, kid), lambda r: r["state"] == "online")
            assert row["lacking"] == []
        finally:
            await agent.stop()
        row = await eventually(lambda: kiosk_row(http, kid), lambda r: r["state"] == "offline")


async def test_queues_name_their_language_and_trends_come_from_call_records(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = start_fleet_server(server_factory)
    token = server.add_kiosk("Entrance", "Library Nord")
    kid = kiosk_id_of(server, token)
    now = time.time()

    async def two_calls(store: Store) -> None:
        for n, outcome in enumerate(("completed", "adviser_lost")):
            call_id = f"t{n}"
            await store.open_call(
                call_id, kiosk_id=kid, site="Library Nord", language="ar", topic=None,
                joined_at=now - 600 * (n + 1),
            )  # fmt: skip
            quality = Quality(rtt_ms=50 + 100 * n, packet_loss_ratio=0.01 * n, fps=30)
            await store.add_quality(call_id, side="kiosk", quality=quality, at=now - 500)
            await store.close_call(call_id, at=now - 100, outcome=outcome)

    server.with_store(two_calls)
    http = await admin_session(server)
    async with http:
        fleet = await get_json(http, "/admin/api/fleet")
        arabic = next(q for q in fleet["queues"] if q["language"] == "ar")
        assert (arabic["endonym"], arabic["swedish_name"]) == ("العربية", "Arabiska")

        week = await get_json(http, "/admin/api/trends?days=7")
        assert len(week["per_day"]) == 7 and week["timezone"] == "Europe/Stockholm"
        [site] = week["sites"]
        assert (site["site"], site["calls"], site["failed"]) == ("Library Nord", 2, 1)
        assert (site["rtt_ms"], site["packet_loss_percent"]) == (100.0, 0.5)
        assert sum(d["calls"] for d in week["per_day"]) == 2
        month = await get_json(http, "/admin/api/trends?days=30")
        assert len(month["per_day"]) == 30
        for bad in ("5", "abc", ""):
            async with http.get(f"/admin/api/trends?days={bad}") as resp:
                assert resp.status == 400
                assert "7 or 30" in (await resp.json())["message"]
    async with (
        aiohttp.ClientSession() as anonymous,
        anonymous.get(server.http_url + "/admin/api/trends") as resp,
    ):
        assert resp.status == 401
