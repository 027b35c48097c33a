"""How long a 2 MB still takes on a call's ``doc`` channel, first page and later pages.

Each call is two real :class:`rtc.call.CallSession` parties (the kiosk offers and sends, the
adviser answers and receives) with the demo's 640x480 test-pattern video and tone both ways,
joined by an in-memory signaling link. A call shows ``--pages`` pages of ``synthetic_still()``
(2560x1920 JPEG, about 2 MB); a page's time runs from ``send_document`` to the adviser's ``ack``
reaching the kiosk, which is what the kiosk's progress bar waits for. The matrix:

* path: loopback (host candidates) or through a coturn on 127.0.0.1 (both parties relay-only,
  TURN over UDP; skipped when turnserver is not installed);
* processes: both parties in this process (as in the tests and ``kiosklink demo``), or the
  adviser in a child process (as in reality, where two machines each run one side);
* slow start: aiortc's own (threshold at the peer's advertised 1 MiB) or capped at
  :data:`rtc.document_channel.SLOW_START_CAP` (what the call does; ``--cap-kib`` tries another).

The baseline, measured in the same run: the same bytes in the same 16 KiB messages over a plain
aiohttp WebSocket on loopback, acknowledged by the receiver. Also printed: UDP datagrams the
kernel dropped for a full receive buffer during the pages (``RcvbufErrors`` from
/proc/net/snmp; machine-wide, so other work on the machine can add to it), and the SCTP packets
the kiosk sent again (a counting probe on aiortc's send).

    .venv/bin/python -m bench.documents_bench [--calls 3] [--pages 3]
    .venv/bin/python -m bench.documents_bench --relay-only --relay-max-bps 0   # coturn uncapped
    .venv/bin/python -m bench.documents_bench --only "loopback, 2 processes, capped" --cap-kib 128
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import re
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web
from aiohttp.test_utils import TestClient, TestServer

from rtc.call import CallEvents, CallSession, Outgoing
from rtc.document_channel import SLOW_START_CAP
from rtc.document_wire import CHUNK_SIZE
from rtc.documents import DocumentDelivered, Event
from rtc.media import LocalMedia, MediaConfig, open_local_media
from rtc.media.still import Still, synthetic_still
from signaling.messages import IceServer, NegotiationFailed

PAGE_TIMEOUT_S = 60.0
FRAMES = 15  # decoded video frames each way before the first page: the call is up


@dataclass(frozen=True)
class Setup:
    relay: bool
    two_processes: bool
    cap: int | None  # the slow-start cap in bytes; None: aiortc's own

    def __str__(self) -> str:
        path = "coturn UDP" if self.relay else "loopback"
        where = "2 processes" if self.two_processes else "1 process"
        start = "aiortc default" if self.cap is None else f"capped {self.cap // 1024} KiB"
        return f"{path}, {where}, {start}"


@dataclass
class Result:
    first: list[float] = field(default_factory=list)
    later: list[float] = field(default_factory=list)
    drops: list[int] = field(default_factory=list)
    resent: list[int] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # calls that did not deliver every page


class ResentPackets:
    """Counts the SCTP DATA packets aiortc sends again in this process (the kiosk's side):
    a probe around RTCSctpTransport._send_chunk, which measures and changes nothing."""

    count = 0

    @classmethod
    def install(cls) -> None:
        from aiortc import rtcsctptransport as sctp

        send = sctp.RTCSctpTransport._send_chunk

        async def counting(self: Any, chunk: Any) -> None:
            if isinstance(chunk, sctp.DataChunk) and chunk._sent_count > 1:
                cls.count += 1
            await send(self, chunk)

        sctp.RTCSctpTransport._send_chunk = counting  # type: ignore[method-assign]


def udp_receive_buffer_drops() -> int:
    """Datagrams the kernel dropped because a socket's receive buffer was full (all sockets)."""
    lines = [line.split() for line in Path("/proc/net/snmp").read_text().splitlines()]
    names, values = (line for line in lines if line[0] == "Udp:")
    return int(values[names.index("RcvbufErrors")])


# --- one party --------------------------------------------------------------------------------


async def _party(
    role: str, ice: list[IceServer], relay: bool, cap: int | None, send: Callable[[Outgoing], Any]
) -> tuple[CallSession, LocalMedia, list[Event]]:
    local = await open_local_media(MediaConfig())
    events: list[Event] = []

    async def to_peer(message: Outgoing) -> None:
        if not isinstance(message, NegotiationFailed):  # for the server, not the peer
            send(message)

    session = CallSession(
        call_id="bench",
        role="offerer" if role == "kiosk" else "answerer",
        ice_servers=ice,
        local=local,
        send=to_peer,
        events=CallEvents(on_document=events.append),
        relay_only=relay,
    )
    session.documents.slow_start_cap = cap
    return session, local, events


async def _until(predicate: Callable[[], bool], what: str, timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


def _adviser_process(conn: Connection, ice: list[IceServer], relay: bool, cap: int | None) -> None:
    """The child: the adviser's CallSession, its signaling over ``conn`` (pickled messages)."""

    async def run() -> None:
        session, local, _ = await _party("adviser", ice, relay, cap, conn.send)
        loop, inbox = asyncio.get_running_loop(), asyncio.Queue[Any]()
        loop.add_reader(conn.fileno(), lambda: inbox.put_nowait(conn.recv()))
        while (message := await inbox.get()) is not None:
            await session.handle(message)
        loop.remove_reader(conn.fileno())
        await session.close()
        await local.close()

    asyncio.run(run())


# --- one call ---------------------------------------------------------------------------------


async def _call(setup: Setup, ice: list[IceServer], stills: list[Still], result: Result) -> None:
    loop = asyncio.get_running_loop()
    kiosk_inbox: asyncio.Queue[Any] = asyncio.Queue()
    child: Any = None
    if setup.two_processes:
        conn, child_conn = multiprocessing.get_context("spawn").Pipe()
        child = multiprocessing.get_context("spawn").Process(
            target=_adviser_process, args=(child_conn, ice, setup.relay, setup.cap)
        )
        child.start()
        loop.add_reader(conn.fileno(), lambda: kiosk_inbox.put_nowait(conn.recv()))
        kiosk, kiosk_media, sent = await _party("kiosk", ice, setup.relay, setup.cap, conn.send)
        adviser = None
    else:
        adviser_inbox: asyncio.Queue[Any] = asyncio.Queue()
        kiosk, kiosk_media, sent = await _party(
            "kiosk", ice, setup.relay, setup.cap, adviser_inbox.put_nowait
        )
        adviser, adviser_media, _ = await _party(
            "adviser", ice, setup.relay, setup.cap, kiosk_inbox.put_nowait
        )
    pumps = [asyncio.create_task(_pump(kiosk_inbox, kiosk))]
    if adviser is not None:
        pumps.append(asyncio.create_task(_pump(adviser_inbox, adviser)))
    try:
        await kiosk.start()
        await _until(lambda: kiosk.remote_video_frames >= FRAMES, "video")
        await _until(lambda: kiosk.documents.open, "the doc channel")
        for number, still in enumerate(stills, start=1):
            drops, resent = udp_receive_buffer_drops(), ResentPackets.count
            started = time.monotonic()
            kiosk.send_document(still.data, mime=still.mime, width=still.width, height=still.height)
            await _until(_delivered(sent, number), f"page {number}", PAGE_TIMEOUT_S)
            took = time.monotonic() - started
            (result.first if number == 1 else result.later).append(took)
            result.drops.append(udp_receive_buffer_drops() - drops)
            result.resent.append(ResentPackets.count - resent)
    finally:
        for task in pumps:
            task.cancel()
        await asyncio.gather(*pumps, return_exceptions=True)
        await kiosk.close()
        await kiosk_media.close()
        if adviser is not None:
            await adviser.close()
            await adviser_media.close()
        if child is not None:
            loop.remove_reader(conn.fileno())
            conn.send(None)
            await loop.run_in_executor(None, child.join, 10)


def _delivered(events: list[Event], pages: int) -> Callable[[], bool]:
    return lambda: len([e for e in events if isinstance(e, DocumentDelivered)]) >= pages


async def _pump(inbox: asyncio.Queue[Any], session: CallSession) -> None:
    while True:
        await session.handle(await inbox.get())


# --- the baseline -----------------------------------------------------------------------------


async def websocket_baseline(data: bytes) -> float:
    """``data`` in CHUNK_SIZE binary messages over an aiohttp WebSocket on loopback, until the
    receiver says it has every byte."""

    async def receive(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=CHUNK_SIZE * 2)
        await ws.prepare(request)
        got = 0
        async for message in ws:
            if message.type == WSMsgType.BINARY:
                got += len(message.data)
                if got >= len(data):
                    await ws.send_str("ack")
        return ws

    app = web.Application()
    app.router.add_get("/", receive)
    async with TestClient(TestServer(app, host="127.0.0.1")) as client:
        ws = await client.ws_connect("/")
        started = time.monotonic()
        for offset in range(0, len(data), CHUNK_SIZE):
            await ws.send_bytes(data[offset : offset + CHUNK_SIZE])
        reply = await ws.receive()
        took = time.monotonic() - started
        assert reply.data == "ack"
        await ws.close()
    return took


# --- the matrix -------------------------------------------------------------------------------


async def _with_coturn(workdir: Path, max_bps: int | None) -> Any:
    """coturn with deploy/coturn/turnserver.conf made to hold on loopback (tests/deploy); with
    ``max_bps``, that file's per-session bandwidth cap replaced (0: none)."""
    from tests.deploy import coturn as turn

    if max_bps is not None:
        production = turn.DEPLOY_CONF.read_text()
        replaced = re.sub(r"^max-bps=.*$", f"max-bps={max_bps}", production, flags=re.MULTILINE)
        turn.DEPLOY_CONF = workdir / "turnserver-production.conf"
        turn.DEPLOY_CONF.write_text(replaced)
    return turn.Coturn(workdir, secret="bench-secret").start()


def _relay_servers(coturn: Any) -> list[IceServer]:
    from pydantic import SecretStr

    from signaling.config import IceSettings
    from signaling.ice import ice_servers

    settings = IceSettings(turn_urls=(coturn.url("udp"),), turn_secret=SecretStr("bench-secret"))
    return ice_servers(settings, now=time.time())


def _line(label: str, values: list[float], baseline: float) -> str:
    if not values:
        return f"  {label:>6}: -"
    median = statistics.median(values)
    shown = ", ".join(f"{v:.2f}" for v in values)
    return (
        f"  {label:>6}: median {median:.2f} s (x{median / baseline:.1f} the WebSocket)  [{shown}]"
    )


async def main(
    calls: int, pages: int, relay_only: bool, max_bps: int | None, cap: int, only: str
) -> None:
    ResentPackets.install()
    stills = [synthetic_still(seed=seed) for seed in range(pages)]
    baseline = statistics.median(
        [await websocket_baseline(stills[n % pages].data) for n in range(calls)]
    )
    print(f"{len(stills[0].data)} bytes, {pages} pages a call, {calls} calls a setup")
    print(f"baseline, aiohttp WebSocket on loopback: median {baseline:.3f} s")
    relay_ok = shutil.which("turnserver") is not None
    with tempfile.TemporaryDirectory() as workdir:
        coturn = await _with_coturn(Path(workdir), max_bps) if relay_ok else None
        paths = (True,) if relay_only else (False, True) if relay_ok else (False,)
        try:
            if coturn is not None:
                print(f"coturn max-bps: {max_bps if max_bps is not None else 'as in production'}")
            for relay in paths:
                for two_processes in (False, True):
                    for slow_start in (None, cap):
                        setup, result = Setup(relay, two_processes, slow_start), Result()
                        if only not in str(setup):
                            continue
                        load = os.getloadavg()[0]
                        for _ in range(calls):
                            ice = _relay_servers(coturn) if relay else []
                            try:
                                await _call(setup, ice, stills, result)
                            except TimeoutError as exc:
                                result.failed.append(str(exc))
                        print(f"{setup} (load average {load:.1f} -> {os.getloadavg()[0]:.1f})")
                        print(_line("first", result.first, baseline))
                        print(_line("later", result.later, baseline))
                        print(f"  socket drops per page: {result.drops}")
                        print(f"  packets sent again per page: {result.resent}", flush=True)
                        if result.failed:
                            print(f"  FAILED: {result.failed}", flush=True)
        finally:
            if coturn is not None:
                coturn.stop()
    if not relay_ok:
        print("coturn not installed (turnserver): no relay figures")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=3)
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--relay-only", action="store_true", help="skip the loopback setups")
    parser.add_argument(
        "--relay-max-bps", type=int, help="replace coturn's per-session cap (bytes/s, 0: none)"
    )
    parser.add_argument("--cap-kib", type=int, default=SLOW_START_CAP // 1024)
    parser.add_argument("--only", default="", help="run the setups whose name holds this text")
    args = parser.parse_args()
    asyncio.run(
        main(
            args.calls,
            args.pages,
            args.relay_only,
            args.relay_max_bps,
            args.cap_kib * 1024,
            args.only,
        )
    )
