"""GET /metrics scraped from a real server and parsed with prometheus_client's own parser."""

from __future__ import annotations

import re
from collections.abc import Callable

import aiohttp
from prometheus_client.parser import text_string_to_metric_families

from kiosklink.headless_kiosk_agent import HeadlessKioskAgent
from rtc.signaling_client import Connected, SignalingClient, login
from signaling import messages as m
from signaling.embedded import EmbeddedServer
from tests.signaling.admin.fleet_helpers import ADVISER, eventually, start_fleet_server

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]
ALLOWED_LABELS = {"kiosk", "site", "language"}


async def scrape(server: EmbeddedServer) -> tuple[str, Samples]:
    async with (
        aiohttp.ClientSession() as http,
        http.get(server.http_url + "/metrics") as resp,
    ):
        assert resp.status == 200
        assert resp.headers["Content-Type"].startswith("text/plain")
        text = await resp.text()
    samples: Samples = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            samples[(s.name, frozenset(s.labels.items()))] = s.value
    return text, samples


def value(samples: Samples, name: str, **labels: str) -> float | None:
    return samples.get((name, frozenset(labels.items())))


async def next_of(client: SignalingClient, kind: type[object]) -> object:
    for _ in range(50):  # bounded: the server sends a handful of messages at most
        event = await client.next_event(timeout=10)
        if isinstance(event, kind):
            return event
    raise AssertionError(f"no {kind.__name__}")


async def test_metrics_follow_what_was_driven(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = start_fleet_server(server_factory)
    token = server.add_kiosk("Entrance", "Library Nord")
    kid = await _kiosk_id(server, token)
    agent = HeadlessKioskAgent(server.kiosk_url, token, app_version="3.2.1")
    agent.devices["camera"] = m.DeviceHealth(present=False, working=False)
    agent.disk_free_bytes = 5 * 1024**3
    await agent.start()
    await agent.connected.wait()
    session = await login(server.http_url, *ADVISER)
    adviser = SignalingClient(server.adviser_url, role="adviser", token=session.token)
    await adviser.start()
    try:
        assert isinstance(await next_of(adviser, Connected), Connected)
        await adviser.send(m.SetStatus(status="available"))
        _, samples = await eventually(
            lambda: scrape(server),
            lambda t: (
                value(t[1], "kiosklink_kiosk_camera_working", kiosk=kid, site="Library Nord") == 0
            ),
        )
        k = {"kiosk": kid, "site": "Library Nord"}
        assert value(samples, "kiosklink_kiosk_up", **k) == 1
        assert value(samples, "kiosklink_kiosk_microphone_working", **k) == 1
        assert value(samples, "kiosklink_kiosk_disk_free_bytes", **k) == 5 * 1024**3
        assert value(samples, "kiosklink_kiosk_info", version="3.2.1", **k) == 1
        assert value(samples, "kiosklink_kiosk_faults_unacknowledged", **k) == 1
        heartbeat = value(samples, "kiosklink_kiosk_last_heartbeat_timestamp_seconds", **k)
        assert heartbeat is not None and heartbeat > 1.7e9
        assert value(samples, "kiosklink_kiosks_online", site="Library Nord") == 1
        assert value(samples, "kiosklink_advisers_available", language="ar") == 1
        assert value(samples, "kiosklink_advisers_signed_in", language="sv") == 1

        # A resident asks for Swedish; the adviser takes the call; the kiosk reports quality.
        assert agent.client is not None
        await agent.client.send(m.Join(language="sv"))
        offer = await next_of(adviser, m.Offer)
        assert isinstance(offer, m.Offer)
        _, samples = await scrape(server)
        assert value(samples, "kiosklink_queue_waiting_callers", language="sv") == 1
        assert value(samples, "kiosklink_calls_total", site="Library Nord", language="sv") == 1
        await adviser.send(m.Accept(call_id=offer.call_id))
        await next_of(adviser, m.CallStarted)
        quality = m.Quality(rtt_ms=80, packet_loss_ratio=0.02, fps=24)
        await agent.client.send(m.QualityReport(call_id=offer.call_id, quality=quality))
        s = {"site": "Library Nord"}
        _, samples = await eventually(
            lambda: scrape(server),
            lambda t: value(t[1], "kiosklink_call_rtt_seconds_count", **s) == 1,
        )
        assert value(samples, "kiosklink_call_rtt_seconds_sum", **s) == 0.08
        assert value(samples, "kiosklink_call_rtt_seconds_bucket", le="0.1", **s) == 1
        assert value(samples, "kiosklink_call_rtt_seconds_bucket", le="0.05", **s) == 0
        assert value(samples, "kiosklink_call_packet_loss_ratio_sum", **s) == 0.02
        assert value(samples, "kiosklink_call_frame_rate_hertz_count", **s) == 1
        assert value(samples, "kiosklink_advisers_busy", language="sv") == 1
        assert value(samples, "kiosklink_queue_waiting_callers", language="sv") == 0
        await adviser.send(m.Hangup(call_id=offer.call_id))
        _, samples = await eventually(
            lambda: scrape(server),
            lambda t: (
                value(t[1], "kiosklink_calls_completed_total", site="Library Nord", language="sv")
                == 1
            ),
        )
        await agent.stop()
        _, samples = await eventually(
            lambda: scrape(server), lambda t: value(t[1], "kiosklink_kiosk_up", **k) == 0
        )
        assert value(samples, "kiosklink_kiosks_offline", site="Library Nord") == 1
    finally:
        await adviser.close()
        await agent.stop()


async def test_every_label_is_kiosk_site_or_language(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = start_fleet_server(server_factory)
    token = server.add_kiosk("Entrance", "Library")
    agent = HeadlessKioskAgent(server.kiosk_url, token)
    await agent.start()
    await agent.connected.wait()
    try:
        text, _ = await eventually(
            lambda: scrape(server), lambda t: "kiosklink_kiosk_cpu_ratio{" in t[0]
        )
    finally:
        await agent.stop()
    names = set()
    for family in text_string_to_metric_families(text):
        if not family.name.startswith("kiosklink_"):
            continue  # the client library's own process/platform collectors are not registered
        names.add(family.name)
        assert family.name.startswith("kiosklink_")
        assert re.fullmatch(r"[a-z_]+", family.name)
        assert family.name.endswith("_total") is False  # the parser strips _total off counters
        for s in family.samples:
            allowed = set(ALLOWED_LABELS)
            if family.name.endswith("_info"):
                allowed.add("version")
            if family.type == "histogram":
                allowed.add("le")
            assert set(s.labels) <= allowed, (s.name, s.labels)
            if family.type == "counter" and s.name.endswith("_created") is False:
                assert s.name.endswith("_total"), s.name
            if family.type != "counter":
                assert not s.name.endswith("_total"), s.name
    assert "kiosklink_kiosk_last_heartbeat_timestamp_seconds" in names
    assert "kiosklink_build_info" in names


async def _kiosk_id(server: EmbeddedServer, token: str) -> str:
    record = server.with_store(lambda s: s.kiosk_by_token(token))
    assert record is not None
    return record.id


def test_a_place_taken_over_by_a_rejoin_is_not_a_second_call() -> None:
    from signaling.admin.metrics import call_families
    from signaling.store_records import OutcomeCount

    counts = [
        OutcomeCount("Nord", "ar", "rejoined", 1),  # the held place the kiosk's new join took
        OutcomeCount("Nord", "ar", "completed", 1),
    ]
    samples = {
        (f.name, s.name): s.value for f in call_families(counts) for s in f.samples if s.labels
    }
    assert samples[("kiosklink_calls", "kiosklink_calls_total")] == 1
    assert samples[("kiosklink_calls_failed", "kiosklink_calls_failed_total")] == 0
