"""A page sent as an interpreter joins: where the time goes (issue 16, the soak's ~10 s pages).

The demo's three headless parties and a real server in this process (``kiosklink demo
--interpreter``'s set-up, 320x240 at 15 fps): once kiosk and adviser see each other the adviser
invites the interpreter, and the kiosk sends a 2 MB page ``--delay`` seconds after the server's
``interpreter joined`` reaches it. Meanwhile a sampler records, every 20 ms, the kiosk's main
(kiosk-adviser) SCTP association as aiortc holds it (congestion window, slow-start threshold,
RTO, smoothed round trip, bytes in flight, queues) and how late the event loop woke (a probe
sleeping 10 ms); every T3 expiry and every round-trip sample fed to the RTO is logged with the
RTO it left. The same is run with ``--page-only`` (no invitation) as the baseline.

    .venv/bin/python -m bench.documents_interpreter_join [--calls 3] [--delay 0.8] [--page-only]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import multiprocessing
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosklink.demo import DEMO_PASSWORD, demo_settings
from kiosklink.headless import (
    HeadlessParty,
    headless_adviser,
    headless_interpreter,
    headless_kiosk,
)
from rtc.documents import DocumentDelivered, DocumentOffered
from rtc.media import MediaConfig
from rtc.media.still import synthetic_still
from signaling import messages as m
from signaling.embedded import EmbeddedServer

SAMPLE_S = 0.02


@dataclass
class Trace:
    """What happened on the kiosk's main association while one page travelled."""

    started: float
    t3: list[tuple[float, float]] = field(default_factory=list)  # (at, rto)
    rtt: list[tuple[float, float, float]] = field(default_factory=list)  # (at, sample, rto after)
    samples: list[tuple[float, ...]] = field(default_factory=list)
    lags: list[tuple[float, float]] = field(default_factory=list)  # (at, how late)

    def at(self) -> float:
        return time.monotonic() - self.started


def instrument(sctp: Any, trace: Trace) -> None:
    """Log this association's T3 expiries and RTO updates into ``trace`` (bench only)."""
    t3_expired, update_rto = sctp._t3_expired, sctp._update_rto

    def traced_t3() -> None:
        trace.t3.append((trace.at(), sctp._rto))
        t3_expired()

    def traced_rto(sample: float) -> None:
        update_rto(sample)
        trace.rtt.append((trace.at(), sample, sctp._rto))

    sctp._t3_expired, sctp._update_rto = traced_t3, traced_rto


async def sample(sctp: Any, channel: Any, trace: Trace, done: asyncio.Event) -> None:
    while not done.is_set():
        before = time.monotonic()
        await asyncio.sleep(SAMPLE_S)
        late = time.monotonic() - before - SAMPLE_S
        trace.lags.append((trace.at(), late))
        trace.samples.append(
            (
                trace.at(),
                sctp._cwnd,
                sctp._ssthresh,
                sctp._rto,
                sctp._srtt or 0.0,
                sctp._flight_size,
                len(sctp._sent_queue),
                len(sctp._outbound_queue),
                channel.bufferedAmount,
            )
        )


def media(name: str, size: str) -> MediaConfig:
    width, height, fps = (int(x) for x in size.split("x"))
    return MediaConfig(width=width, height=height, fps=fps, synthetic_label=f"PATTERN: {name}")


def far_party(
    role: str, http: str, ws: str, size: str, invite: bool, stop: Any, stall: float
) -> None:
    """The adviser or the interpreter in a process of its own, as on its own machine."""
    asyncio.run(_far_party(role, http, ws, size, invite, stop, stall))


async def _far_party(
    role: str, http: str, ws: str, size: str, invite: bool, stop: Any, stall: float
) -> None:
    make = headless_adviser if role == "adviser" else headless_interpreter
    name = "amal" if role == "adviser" else "tesfay"
    party = await make(http, ws, name, DEMO_PASSWORD, media=media(role, size))
    worst = asyncio.create_task(_worst_lateness())
    try:
        await asyncio.sleep(1.0)
        await party.go_available()
        if role == "adviser":
            await party.wait_until(lambda: party.frames_from("kiosk") > 15, 60)
            await asyncio.sleep(2.0)  # a call that has settled, as the soak's
            if invite:
                await party.invite_interpreter("ti")
            if stall:
                # The adviser's loop blocked once while the page travels (a measured stall's size).
                await party.wait_until(lambda: _page_offered(party), 60)
                await asyncio.sleep(0.3)
                time.sleep(stall)  # noqa: ASYNC251 (the point: a blocked loop)
        await asyncio.to_thread(stop.wait)
    finally:
        worst.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            late, _ = await worst
            print(f"  {role}: loop woke at worst {late * 1000:.0f} ms late", flush=True)
        await party.close()


async def _worst_lateness() -> tuple[float, float]:
    """The most a 10 ms sleep overslept in this process, and when (monotonic); until cancelled."""
    worst = (0.0, 0.0)
    try:
        while True:
            before = time.monotonic()
            await asyncio.sleep(0.01)
            late = time.monotonic() - before - 0.01
            worst = max(worst, (late, before))
    except asyncio.CancelledError:
        return worst


async def one_call(
    server: EmbeddedServer,
    token: str,
    seed: int,
    delay: float,
    invite: bool,
    size: str,
    stall: float,
    floor: bool,
) -> tuple[float, Trace]:
    stop = multiprocessing.Event()
    children = [
        multiprocessing.Process(
            target=far_party,
            args=(role, server.http_url, server.adviser_url, size, invite, stop, stall),
        )
        for role in ("adviser", "interpreter")
    ]
    for child in children:
        child.start()
    kiosk = await headless_kiosk(server.kiosk_url, token, media=media("kiosk", size))
    try:
        await asyncio.sleep(3.0)  # both far parties signed in and available
        await kiosk.join("ar", topic="letter")
        await kiosk.wait_until(lambda: kiosk.frames_from("adviser") > 15, 30)
        if invite:
            await kiosk.wait_until(lambda: _joined(kiosk), 30)
        else:
            await asyncio.sleep(2.0)
        await asyncio.sleep(delay)
        session = kiosk.session
        assert session is not None
        channel = session.documents.channel
        sctp = channel.transport
        if not floor:  # aiortc's own threshold after a timeout: its class's timer again
            vars(sctp).pop("_t3_expired", None)
        trace = Trace(started=time.monotonic())
        instrument(sctp, trace)
        done = asyncio.Event()
        sampler = asyncio.create_task(sample(sctp, channel, trace, done))
        doc_id = kiosk.send_document(synthetic_still(seed=seed))
        try:
            await kiosk.wait_until(lambda: _delivered(kiosk, doc_id), 60)
            took = trace.at()
        except TimeoutError:
            took = float("inf")  # not delivered in 60 s: the trace says where it stood
        done.set()
        await sampler
        await kiosk.hang_up()
        await asyncio.sleep(1.0)
        return took, trace
    finally:
        await kiosk.close()
        stop.set()
        for child in children:
            child.join(10)


def _joined(party: HeadlessParty) -> bool:
    return any(isinstance(e, m.Interpreter) and e.state == "joined" for e in party.events)


def _page_offered(party: HeadlessParty) -> bool:
    return bool(party.documents_of(DocumentOffered))


def _delivered(party: HeadlessParty, doc_id: int) -> bool:
    return any(e.doc_id == doc_id for e in party.documents_of(DocumentDelivered))


def report(took: float, trace: Trace, verbose: bool) -> None:
    lags = [late for _, late in trace.lags]
    worst = max(trace.lags, key=lambda x: x[1]) if trace.lags else (0.0, 0.0)
    rtos = [s[3] for s in trace.samples]
    print(
        f"page {took:.2f} s; T3 expiries {len(trace.t3)} at "
        f"{[f'{a:.2f}s rto {r:.2f}' for a, r in trace.t3]}; "
        f"RTO max {max(rtos, default=0):.2f} s; loop late median "
        f"{statistics.median(lags) * 1000 if lags else 0:.0f} ms, worst "
        f"{worst[1] * 1000:.0f} ms at {worst[0]:.2f} s",
        flush=True,
    )
    big = [(a, s, r) for a, s, r in trace.rtt if s > 0.2]
    print(f"  round-trip samples > 0.2 s: {[f'{a:.2f}s {s:.2f}->rto {r:.2f}' for a, s, r in big]}")
    if verbose:
        for row in trace.samples[:: max(1, len(trace.samples) // 60)]:
            at, cwnd, ssthresh, rto, srtt, flight, sent, out, buf = row
            print(
                f"  t={at:.2f} cwnd={cwnd} ssthresh={ssthresh} rto={rto:.2f} srtt={srtt:.3f} "
                f"flight={flight} sent={sent} out={out} buf={buf}"
            )


async def main(
    calls: int, delay: float, invite: bool, verbose: bool, size: str, stall: float, floor: bool
) -> None:
    with tempfile.TemporaryDirectory(prefix="kiosklink-bench-") as workdir:
        server = EmbeddedServer(demo_settings(Path(workdir))).start()
        try:
            token = server.add_kiosk("Bench kiosk", "Bench library")
            server.add_adviser("amal", DEMO_PASSWORD, {"ar": "native"}, display_name="Amal")
            server.add_interpreter("tesfay", DEMO_PASSWORD, {"ti": "native"}, display_name="T")
            for call in range(calls):
                took, trace = await one_call(server, token, call, delay, invite, size, stall, floor)
                report(took, trace, verbose)
        finally:
            server.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=3)
    parser.add_argument("--delay", type=float, default=0.8)
    parser.add_argument("--page-only", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--far-stall", type=float, default=0.0, help="block the adviser S s")
    parser.add_argument("--no-floor", action="store_true", help="aiortc's threshold after T3")
    parser.add_argument("--size", default="640x480x30", help="WxHxFPS each party sends")
    args = parser.parse_args()
    asyncio.run(
        main(
            args.calls,
            args.delay,
            not args.page_only,
            args.verbose,
            args.size,
            args.far_stall,
            not args.no_floor,
        )
    )
