"""Call setup through the whole of Kiosklink, beside the bare-aiortc floor measured in the same run.

For each of ``n`` calls: a headless kiosk asks for an adviser; an adviser who accepts every offer
at once takes it; we time from the kiosk's ``join`` to the first decoded remote frame on each side.
The floor is two bare aiortc peer connections in one process exchanging offer and answer directly
(:mod:`bench.call_setup_floor`). The ratio shows what the server, the queue and our call session
add. Glass-to-glass latency is read from the frame counters stamped into the picture.

    .venv/bin/python -m bench.call_setup [n]          # default 10 calls, at most 50
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.call_setup_floor import measure_floor_async
from kiosklink.demo import demo_settings
from kiosklink.headless import HeadlessParty, headless_adviser, headless_kiosk
from rtc.signaling_client import Connected
from signaling import messages as m
from signaling.embedded import EmbeddedServer

MAX_CALLS = 50
PASSWORD = "bench-password-1234"


def _connected(party: HeadlessParty) -> bool:
    return any(isinstance(e, Connected) for e in party.events)


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def _calls(server: EmbeddedServer, n: int) -> tuple[list[float], list[float], list[float]]:
    server.add_adviser("bench", PASSWORD, {"ar": "native"})
    adviser = await headless_adviser(server.http_url, server.adviser_url, "bench", PASSWORD)
    kiosk = await headless_kiosk(server.kiosk_url, server.add_kiosk("Bench", "Bench site"))
    kiosk_side, adviser_side, latency = [], [], []
    try:
        await adviser.wait_until(lambda: _connected(adviser), 10)
        await kiosk.wait_until(lambda: _connected(kiosk), 10)
        await adviser.go_available()
        for i in range(n):
            await asyncio.sleep(0.1)
            asked = time.monotonic()
            await kiosk.join("ar")
            for party in (kiosk, adviser):
                await party.wait_until(
                    lambda p=party, i=i: len(p.calls) > i and p.calls[i].first_frame_at is not None,  # type: ignore[misc]
                    30,
                )
            kiosk_side.append(kiosk.calls[i].first_frame_at - asked)  # type: ignore[operator]
            adviser_side.append(adviser.calls[i].first_frame_at - asked)  # type: ignore[operator]
            await asyncio.sleep(0.5)
            if kiosk.session is not None:
                figures = kiosk.session.video_meter.figures(time.monotonic())
                if figures.latency_ms is not None:
                    latency.append(figures.latency_ms)
            await kiosk.hang_up()
            await kiosk.wait_until(lambda: kiosk.session is None, 10)
            await adviser.wait_until(lambda: adviser.session is None, 10)
            await adviser.client.send(m.Ready())  # out of wrap-up, ready for the next
    finally:
        await kiosk.close()
        await adviser.close()
    return kiosk_side, adviser_side, latency


async def run(n: int) -> None:
    n = max(1, min(n, MAX_CALLS))
    floor = await measure_floor_async(n)
    with tempfile.TemporaryDirectory() as workdir:
        server = EmbeddedServer(demo_settings(Path(workdir))).start()
        try:
            kiosk_side, adviser_side, latency = await _calls(server, n)
        finally:
            server.stop()
    print(f"call setup over {n} calls (ms)            p50      p95")
    rows = (
        ("floor: bare aiortc pair, one process", floor),
        ("kiosk: join -> first adviser frame", kiosk_side),
        ("adviser: join -> first kiosk frame", adviser_side),
    )
    for label, values in rows:
        print(f"  {label:<37}{_pct(values, 50) * 1000:7.1f}  {_pct(values, 95) * 1000:7.1f}")
    ratio = statistics.median(kiosk_side) / statistics.median(floor)
    print(f"  ratio kiosk p50 / floor p50           {ratio:7.2f}")
    if latency:
        print(
            f"  glass-to-glass from frame counters    {statistics.median(latency):7.1f} ms median"
        )


if __name__ == "__main__":
    asyncio.run(run(int(sys.argv[1]) if len(sys.argv) > 1 else 10))
