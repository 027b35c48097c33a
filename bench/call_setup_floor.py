"""The floor under Kiosklink's call setup: two bare aiortc peers in one process, no server.

Times from ``createOffer()`` to the answerer's first decoded video frame, ``n`` times, and prints
p50 / p95, then the glass-to-glass latency of one running call from the frames' stamps
(:mod:`rtc.framecode`). The lead's full call-setup bench imports :func:`measure_floor` and prints it
beside the full path, so the cost of our own layers shows as the difference.

    .venv/bin/python -m bench.call_setup_floor [n]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time

import av
from aiortc import RTCConfiguration, RTCPeerConnection
from aiortc.mediastreams import MediaStreamTrack

from rtc.call import rtc_configuration
from rtc.framecode import age_ms, read_stamp
from rtc.media.synthetic import SyntheticVideoTrack, wall_ms

MAX_RUNS = 50
FIRST_FRAME_TIMEOUT_S = 20.0


async def _pair() -> tuple[RTCPeerConnection, RTCPeerConnection, SyntheticVideoTrack]:
    config: RTCConfiguration = rtc_configuration([])  # explicit, empty: no STUN stall
    offerer, answerer = RTCPeerConnection(config), RTCPeerConnection(config)
    track = SyntheticVideoTrack(label="BENCH")
    offerer.addTrack(track)
    return offerer, answerer, track


async def _connect(offerer: RTCPeerConnection, answerer: RTCPeerConnection) -> MediaStreamTrack:
    received: asyncio.Future[MediaStreamTrack] = asyncio.get_running_loop().create_future()

    def on_track(track: MediaStreamTrack) -> None:
        if not received.done():
            received.set_result(track)

    answerer.on("track", on_track)
    await offerer.setLocalDescription(await offerer.createOffer())
    await answerer.setRemoteDescription(offerer.localDescription)
    await answerer.setLocalDescription(await answerer.createAnswer())
    await offerer.setRemoteDescription(answerer.localDescription)
    return await received


async def _one_setup() -> float:
    offerer, answerer, track = await _pair()
    try:
        start = time.perf_counter()
        remote = await _connect(offerer, answerer)
        await asyncio.wait_for(remote.recv(), FIRST_FRAME_TIMEOUT_S)
        return time.perf_counter() - start
    finally:
        await offerer.close()
        await answerer.close()
        track.stop()


async def measure_floor_async(n: int) -> list[float]:
    """Seconds from offer to first decoded frame, for ``n`` (at most 50) fresh peer pairs."""
    return [await _one_setup() for _ in range(max(1, min(n, MAX_RUNS)))]


def measure_floor(n: int) -> list[float]:
    """As :func:`measure_floor_async`, on a fresh event loop (call it from sync code only)."""
    return asyncio.run(measure_floor_async(n))


async def measure_glass_to_glass(duration_s: float = 3.0) -> list[int]:
    """Milliseconds from the sender's capture to the receiver's decoded frame, for one call."""
    offerer, answerer, track = await _pair()
    ages: list[int] = []
    try:
        remote = await _connect(offerer, answerer)
        deadline = time.monotonic() + duration_s
        while time.monotonic() < deadline:
            frame = await asyncio.wait_for(remote.recv(), FIRST_FRAME_TIMEOUT_S)
            stamp = read_stamp(frame) if isinstance(frame, av.VideoFrame) else None
            if stamp is not None and stamp.time_ms is not None:
                ages.append(age_ms(stamp.time_ms, wall_ms()))
    finally:
        await offerer.close()
        await answerer.close()
        track.stop()
    return ages


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main(argv: list[str]) -> None:
    n = int(argv[1]) if len(argv) > 1 else 10
    setups = measure_floor(n)
    print(
        f"bare aiortc offer -> first decoded frame, n={len(setups)}: "
        f"p50 {_percentile(setups, 50) * 1000:.0f} ms, p95 {_percentile(setups, 95) * 1000:.0f} ms"
    )
    ages = asyncio.run(measure_glass_to_glass())
    if ages:
        p95 = _percentile([float(a) for a in ages], 95)
        print(
            f"glass-to-glass 640x480@30 (capture -> decoded), {len(ages)} frames: "
            f"p50 {statistics.median(ages):.0f} ms, p95 {p95:.0f} ms"
        )
    else:
        print("glass-to-glass: no stamped frame was readable")


if __name__ == "__main__":
    main(sys.argv)
