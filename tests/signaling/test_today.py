"""The adviser's "Today" figures: pure rules, and the endpoint over a real server."""

from __future__ import annotations

import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo

import aiohttp

from signaling import messages as m
from signaling.embedded import EmbeddedServer
from signaling.store_records import CallRecord
from signaling.today import local_midnight, summarize_day
from tests.signaling.wire import adviser, kiosk, login

STOCKHOLM = ZoneInfo("Europe/Stockholm")


FIGURES = m.Quality(rtt_ms=40.0, fps=25.0)


def record(
    answered: float | None,
    ended: float | None,
    rating: int | None,
    *,
    outcome: str = "completed",
    quality: m.Quality | None = FIGURES,
) -> CallRecord:
    return CallRecord(
        id="c", kiosk_id="k", site="s", language="ar", topic=None, joined_at=0.0,
        answered_at=answered, adviser_id="a", ended_at=ended, outcome=outcome,
        wrap_up_category=None, wrap_up_note=None, rating=rating, kiosk_quality=None,
        adviser_quality=quality,
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
        "calls_failed": 0,
        "average_handle_s": 90.0,
        "ratings_count": 2,
        "ratings_average": 4.0,
    }
    assert summarize_day([])["average_handle_s"] is None


def test_calls_that_never_connected_are_not_handle_time() -> None:
    talked = record(10.0, 130.0, None)
    crashed = record(200.0, 201.0, None, outcome="adviser_lost", quality=None)
    set_up_failed = record(300.0, 310.0, None, outcome="failed")  # figures, then given up
    summary = summarize_day([talked, crashed, set_up_failed])
    assert summary["calls_taken"] == 1 and summary["calls_failed"] == 2
    assert summary["average_handle_s"] == 120.0


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
    await k.send(m.QualityReport(call_id=offer.call_id, quality=FIGURES))  # the media flowed
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


async def test_a_call_cut_before_the_media_flowed_is_not_handle_time(
    running_server: EmbeddedServer,
) -> None:
    """Over a real server and SQLite store: the first kiosk's app dies right after the call is
    set up (no media, no figures); the next call is talked in. Today shows one call taken, one
    failed, and the talked call's handle time only."""
    server = running_server
    server.add_adviser("amal", "correct horse battery", {"ar": "native"})
    a = await adviser(server, "amal")
    a.ignore(m.AdviserStatus)
    crashing = await kiosk(server, server.add_kiosk())
    await crashing.send(m.Join(language="ar"))
    first = await a.expect(m.Offer)
    await a.send(m.Accept(call_id=first.call_id))
    await crashing.expect_skipping(m.CallStarted, (m.Queued,))
    await a.expect(m.CallStarted)
    await crashing.ws.close()  # the kiosk app crashed
    await a.expect(m.CallEnded, timeout=10)
    await a.send(m.Ready())

    k = await kiosk(server, server.add_kiosk())
    await k.send(m.Join(language="ar"))
    second = await a.expect(m.Offer)
    await a.send(m.Accept(call_id=second.call_id))
    await a.expect(m.CallStarted)
    await a.send(m.QualityReport(call_id=second.call_id, quality=FIGURES))
    await asyncio.sleep(0.3)  # some talk time
    await a.send(m.Hangup(call_id=second.call_id))
    await a.expect(m.CallEnded)
    await a.expect_quiet()

    token = await login(server, "amal", "correct horse battery")
    async with aiohttp.ClientSession() as http:
        headers = {"Authorization": f"Bearer {token}"}
        async with http.get(f"{server.http_url}/api/adviser/today", headers=headers) as resp:
            today = await resp.json()
    assert today["calls_taken"] == 1 and today["calls_failed"] == 1
    assert today["average_handle_s"] >= 0.3
    await a.close()
    await k.close()
