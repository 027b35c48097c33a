"""The floor under a document's delivery: a bare aiortc data channel, no media, no protocol.

Two aiortc peers in one process send ``runs`` times 2 MB on one ordered channel in 16 KiB
messages, keeping at most 128 KiB buffered (what :mod:`rtc.document_channel` does), and print
each run's time and the SCTP congestion window after it. This channel keeps aiortc's own slow
start (no :func:`rtc.document_channel.cap_slow_start`), so its first run overshoots the receiving
socket and sends a third of its packets again; later runs on the same association, after that
loss, show the channel's steady rate (docs/performance.md). bench/documents_bench.py measures
real calls, with and without the cap.

    .venv/bin/python -m bench.document_channel_floor [runs]
"""

from __future__ import annotations

import asyncio
import sys
import time
from typing import Any

from aiortc import RTCConfiguration, RTCPeerConnection

from rtc.document_wire import CHUNK_SIZE, HIGH_WATER, LOW_WATER

TOTAL = 2_000_000


async def _connected() -> tuple[RTCPeerConnection, RTCPeerConnection, Any, list[int]]:
    a, b = (RTCPeerConnection(RTCConfiguration(iceServers=[])) for _ in range(2))
    channel = a.createDataChannel("doc", ordered=True)
    received = [0]
    b.on(
        "datachannel",
        lambda c: c.on("message", lambda d: received.__setitem__(0, received[0] + len(d))),
    )
    await a.setLocalDescription(await a.createOffer())
    await b.setRemoteDescription(a.localDescription)
    await b.setLocalDescription(await b.createAnswer())
    await a.setRemoteDescription(b.localDescription)
    opened = asyncio.Event()
    channel.on("open", opened.set)
    await opened.wait()
    channel.bufferedAmountLowThreshold = LOW_WATER
    return a, b, channel, received


async def main(runs: int) -> None:
    a, b, channel, received = await _connected()
    for run in range(1, runs + 1):
        received[0], sent, started = 0, [0], time.monotonic()

        def pump(sent: list[int] = sent) -> None:
            while sent[0] < TOTAL and channel.bufferedAmount < HIGH_WATER:
                size = min(CHUNK_SIZE, TOTAL - sent[0])
                channel.send(bytes(size))
                sent[0] += size

        channel.remove_all_listeners("bufferedamountlow")
        channel.on("bufferedamountlow", pump)
        pump()
        while received[0] < TOTAL:  # noqa: ASYNC110 - a bench polls, the test suite does not
            await asyncio.sleep(0.001)
        took = time.monotonic() - started
        cwnd = a.sctp._cwnd if a.sctp is not None else "?"
        print(f"run {run}: 2 MB in {took:.2f} s, SCTP cwnd after it {cwnd} bytes")
    await a.close()
    await b.close()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 3))
