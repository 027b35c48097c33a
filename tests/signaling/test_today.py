"""The adviser's "Today" figures: pure rules, and the endpoint over a real server."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import aiohttp

from signaling import messages as m
from signaling.embedded import EmbeddedServer
from signaling.store_records import CallRecord
from signaling.today import local_midnight, summarize_day
from tests.signaling.wire import adviser, kiosk, login

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def record(answered: float | None, ended: float | None, rating: int | None) -> CallRecord:
    return CallRecord(
        id="c", kiosk_id="k", site="s", language="ar", topic=None, joined_at=0.0,
        answered_at=answered, adviser_id="a", ended_at=ended, outcome="completed",
        wrap_up_category=None, wrap_up_note=None, rating=rating, kiosk_quality=None,
        adviser_quality=None,
    )  # fmt: skip


def test_midnight_is_local_even_on_the_day_clocks_go_back() -> None:
    noon = datetime(2026, 10, 25, 12, 0, tzinfo=STOCKHOLM).timestamp()  # 25 hours long
    midnight = local_midnight(noon, STOCKHOLM)
    assert datetime.fromtimestamp(midnight, STOCKHOLM) == datetime(2026, 10, 25, tzinfo=STOCKHOLM)
    assert noon - midnight == 13 * 3600  # 00:00 CEST to 12:00 CET


def test_summary_counts_handle_time_and_ratings() -> None:
    calls = [record(10.0, 70.0, 5), record(100.0, 220.0, None), record(300.0, None, 3)]
    assert summarize_day(calls) == {
        "calls_taken": 3,
        "average_handle_s": 90.0,
        "ratings_count": 2,
        "ratings_average": 4.0,
    }
    assert summarize_day([])["average_handle_s"] is None


async def test_today_endpoint_after_a_rated_call(running_server: EmbeddedServer) -> None:
    server = running_server
    server.add_adviser("amal", "correct horse battery", {"ar": "native"})
    a = await adviser(server, "amal")
    k = await kiosk(server, server.add_kiosk())
    await k.send(m.Join(language="ar"))
    await k.expect(m.Queued, position=1)
    offer = await a.expect(m.Offer)
    await a.send(m.Accept(call_id=offer.call_id))
    await k.expect(m.CallStarted)
    await k.send(m.Hangup(call_id=offer.call_id))
    await k.expect(m.CallEnded)
    await k.send(m.Rating(call_id=offer.call_id, score=4))
    await k.send(m.Ping(seq=9))
    await k.expect(m.Pong)  # the rating before it has been handled

    token = await login(server, "amal", "correct horse battery")
    url = f"{server.http_url}/api/adviser/today"
    async with aiohttp.ClientSession() as http:
        async with http.get(url) as resp:
            assert resp.status == 401
        async with http.get(url, headers={"Authorization": f"Bearer {token}"}) as resp:
            assert resp.status == 200
            today = await resp.json()
    assert today["calls_taken"] == 1 and today["ratings_count"] == 1
    assert today["ratings_average"] == 4.0 and today["average_handle_s"] >= 0
    await a.close()
    await k.close()
