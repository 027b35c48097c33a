"""Queue waits and ratings in /metrics (issue #15): two rated Arabic calls over a real server,
read with prometheus_client's parser, then scraped and queried by a real Prometheus."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import subprocess
from pathlib import Path

import aiohttp
import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families

from signaling import messages as m
from signaling.embedded import EmbeddedServer
from tests.deploy.coturn import free_port
from tests.signaling.wire import adviser, kiosk

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


async def rated_call(server: EmbeddedServer, token: str, name: str, score: int) -> None:
    """One Arabic call: joined, answered by ``name``, hung up, rated ``score``."""
    a = await adviser(server, name)
    k = await kiosk(server, token)
    await k.send(m.Join(language="ar"))
    await k.expect(m.Queued, position=1)
    offer = await a.expect(m.Offer)
    await a.send(m.Accept(call_id=offer.call_id))
    await k.expect(m.CallStarted)
    await k.send(m.Hangup(call_id=offer.call_id))
    await k.expect(m.CallEnded)
    await k.send(m.Rating(call_id=offer.call_id, score=score))
    await k.send(m.Ping(seq=1))
    await k.expect(m.Pong)  # the rating before it has been handled
    await a.close()
    await k.close()


async def scrape(server: EmbeddedServer) -> Samples:
    async with (
        aiohttp.ClientSession() as http,
        http.get(server.http_url + "/metrics") as resp,
    ):
        text = await resp.text()
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


@pytest.fixture
def served(running_server: EmbeddedServer) -> EmbeddedServer:
    # Two advisers: the first is in wrap-up after her call.
    running_server.add_adviser("amal", "correct horse battery", {"ar": "native"})
    running_server.add_adviser("omar", "correct horse battery", {"ar": "native"})
    token = running_server.add_kiosk("Entrance", "Library Nord")
    running_server.run(rated_call(running_server, token, "amal", 4))
    running_server.run(rated_call(running_server, token, "omar", 2))
    return running_server


async def test_two_rated_calls_in_the_histograms(served: EmbeddedServer) -> None:
    samples = await scrape(served)
    ar = frozenset({("language", "ar")})

    def rating(suffix: str, **labels: str) -> float | None:
        return samples.get((f"kiosklink_call_rating_{suffix}", ar | frozenset(labels.items())))

    assert (rating("count"), rating("sum")) == (2, 6)
    # Scores 4 and 2: one at or below 2, one at or below 3, both at or below 4.
    assert [rating("bucket", le=le) for le in ("1.0", "2.0", "3.0", "4.0", "5.0")] == [
        0,
        1,
        1,
        2,
        2,
    ]
    waited = samples.get(("kiosklink_queue_wait_seconds_count", ar))
    assert waited == 2
    assert samples[("kiosklink_queue_wait_seconds_bucket", ar | {("le", "+Inf")})] == 2


@pytest.mark.skipif(
    shutil.which("prometheus") is None, reason="prometheus not installed (Debian: prometheus)"
)
async def test_a_real_prometheus_computes_the_mean_rating(
    served: EmbeddedServer, tmp_path: Path
) -> None:
    config = {
        "global": {"scrape_interval": "1s"},
        "scrape_configs": [
            {
                "job_name": "kiosklink",
                "static_configs": [{"targets": [f"127.0.0.1:{served.port}"]}],
            }
        ],
    }
    (tmp_path / "prometheus.yml").write_text(yaml.safe_dump(config))
    port = free_port()
    process = await asyncio.create_subprocess_exec(
        "prometheus",
        f"--config.file={tmp_path / 'prometheus.yml'}",
        f"--storage.tsdb.path={tmp_path / 'data'}",
        f"--web.listen-address=127.0.0.1:{port}",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # The dashboard's mean rating (deploy/prometheus/grafana-dashboard.json), over raw counters.
    query = (
        "sum by (language) (kiosklink_call_rating_sum)"
        " / sum by (language) (kiosklink_call_rating_count)"
    )
    try:
        result = await first_result(f"http://127.0.0.1:{port}/api/v1/query", query)
    finally:
        process.terminate()
        await asyncio.wait_for(process.wait(), 10)
    assert result["metric"] == {"language": "ar"}
    value = result["value"]
    assert isinstance(value, list) and float(value[1]) == 3.0


async def first_result(url: str, query: str) -> dict[str, object]:
    """The query's first result once Prometheus has scraped; bounded to 30 s."""
    async with aiohttp.ClientSession() as http:
        for _ in range(150):
            with contextlib.suppress(aiohttp.ClientError):
                async with http.get(url, params={"query": query}) as resp:
                    results = (await resp.json())["data"]["result"]
                    if results:
                        first: dict[str, object] = results[0]
                        return first
            await asyncio.sleep(0.2)
    raise AssertionError(f"Prometheus never answered {query!r}")
