"""How many kiosks one server process holds on one core, and how fast it routes under that load.

The Kiosklink server runs as ``kiosklink serve`` in a subprocess pinned to CPU 0 (``taskset``);
this process, the load, runs on the other core. For each step of connected kiosks (each says
hello, then pings every 10 s, staggered) we measure the ping round trip (p50/p99), the server's
resident memory, and the p99 time from a caller's ``join`` to the adviser's ``offer`` while that
load runs. The ceiling is a bare aiohttp WebSocket echo server, pinned the same way and loaded the
same way, measured in the same run: the ratio shows what Kiosklink's protocol, auth and routing
cost over plain WebSockets. A step "holds" when every kiosk connected and the ping p99 stays under
250 ms.

    .venv/bin/python -m bench.server_load [max_kiosks]     # default 2000, at most 5000

Bounded: at most 5000 connections, 60 join/offer cycles per step, ~15 s of heartbeats per step.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from signaling import messages as m
from signaling.store import Store

MAX_KIOSKS = 5000
HEARTBEAT_S = 10.0
PHASE_S = 12.0
JOIN_CYCLES = 60
HOLDS_P99_S = 0.25
PASSWORD = "bench-password-1234"

ECHO_SERVER = """
import sys
from aiohttp import web
async def ws(request):
    w = web.WebSocketResponse()
    await w.prepare(request)
    async for msg in w:
        await w.send_str(msg.data)
    return w
app = web.Application()
app.add_routes([web.get("/ws/kiosk", ws)])
web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None, access_log=None)
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def _wait_port(port: int, timeout_s: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.close()
            return
        except OSError:
            await asyncio.sleep(0.1)
    raise TimeoutError(f"nothing listens on {port}")


async def _prepare_db(path: Path, kiosks: int) -> list[str]:
    store = await Store.open(path)
    try:
        tokens = [(await store.add_kiosk(f"K{i}", f"Site {i % 40}"))[1] for i in range(kiosks + 1)]
        await store.add_adviser("bench", "Bench Adviser", PASSWORD, {"ar": "native"})
    finally:
        await store.close()
    return tokens


class Load:
    """Connected kiosks pinging every 10 s; collects ping round-trip times."""

    def __init__(self, http: aiohttp.ClientSession, url: str, *, kiosklink: bool) -> None:
        self.http, self.url, self.kiosklink = http, url, kiosklink
        self.sockets: list[aiohttp.ClientWebSocketResponse] = []
        self.rtts: list[float] = []
        self.failed = 0
        self._tasks: list[asyncio.Task[None]] = []

    async def connect(self, tokens: list[str]) -> None:
        sem = asyncio.Semaphore(100)

        async def one(token: str) -> None:
            async with sem:
                try:
                    ws = await self.http.ws_connect(
                        self.url, timeout=aiohttp.ClientWSTimeout(ws_close=5)
                    )
                    if self.kiosklink:
                        await ws.send_str(m.serialize(m.Hello(protocol=1, token=token)))
                        await asyncio.wait_for(ws.receive(), 20)  # welcome
                    self.sockets.append(ws)
                except (aiohttp.ClientError, TimeoutError, OSError):
                    self.failed += 1

        await asyncio.gather(*(one(t) for t in tokens))

    def start_heartbeats(self) -> None:
        n = max(1, len(self.sockets))
        for i, ws in enumerate(self.sockets):
            self._tasks.append(asyncio.create_task(self._beat(ws, HEARTBEAT_S * i / n)))

    async def _beat(self, ws: aiohttp.ClientWebSocketResponse, offset: float) -> None:
        await asyncio.sleep(offset)
        seq = 0
        while True:
            seq += 1
            sent = time.perf_counter()
            await ws.send_str(m.serialize(m.Ping(seq=seq)))
            while True:
                msg = await ws.receive()
                if msg.type != aiohttp.WSMsgType.TEXT:
                    return
                if '"pong"' in msg.data or '"ping"' in msg.data:
                    break
            self.rtts.append(time.perf_counter() - sent)
            await asyncio.sleep(max(0.0, HEARTBEAT_S - (time.perf_counter() - sent)))

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await asyncio.gather(*(ws.close() for ws in self.sockets), return_exceptions=True)


async def _join_to_offer(http: aiohttp.ClientSession, base: str, token: str) -> list[float]:
    """p99 join -> offer: one kiosk joins, the adviser gets the offer, the kiosk cancels."""
    async with http.post(
        f"{base}/api/login", json={"username": "bench", "password": PASSWORD}
    ) as r:
        session = (await r.json())["token"]
    adviser = await http.ws_connect(base.replace("http", "ws") + "/ws/adviser")
    kiosk = await http.ws_connect(base.replace("http", "ws") + "/ws/kiosk")
    await adviser.send_str(m.serialize(m.Hello(protocol=1, token=session)))
    await kiosk.send_str(m.serialize(m.Hello(protocol=1, token=token)))
    await adviser.send_str(m.serialize(m.SetStatus(status="available")))
    await asyncio.sleep(0.5)
    times = []
    for _ in range(JOIN_CYCLES):
        start = time.perf_counter()
        await kiosk.send_str(m.serialize(m.Join(language="ar")))
        while True:
            msg = json.loads((await asyncio.wait_for(adviser.receive(), 10)).data)
            if msg["type"] == "offer":
                break
        times.append(time.perf_counter() - start)
        await kiosk.send_str(m.serialize(m.Cancel()))
        await asyncio.sleep(0.05)
    await adviser.close()
    await kiosk.close()
    return times


async def _step(base: str, ws_url: str, tokens: list[str], *, kiosklink: bool) -> dict[str, float]:
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as http:
        load = Load(http, ws_url, kiosklink=kiosklink)
        await load.connect(tokens[1:])
        load.start_heartbeats()
        joins: list[float] = []
        if kiosklink:
            joins = await _join_to_offer(http, base, tokens[0])
        await asyncio.sleep(max(0.0, PHASE_S - sum(joins)))
        result = {
            "connected": float(len(load.sockets)),
            "failed": float(load.failed),
            "ping_p50_ms": _pct(load.rtts, 50) * 1000,
            "ping_p99_ms": _pct(load.rtts, 99) * 1000,
            "join_offer_p50_ms": _pct(joins, 50) * 1000,
            "join_offer_p99_ms": _pct(joins, 99) * 1000,
        }
        await load.close()
    return result


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


def _spawn(cmd: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        ["taskset", "-c", "0", *cmd], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


async def run(max_kiosks: int) -> None:
    max_kiosks = max(10, min(max_kiosks, MAX_KIOSKS))
    steps = [n for n in (250, 500, 1000, 2000, 3000, 5000) if n <= max_kiosks] or [max_kiosks]
    os.sched_setaffinity(0, {1})  # the load on the other core
    with tempfile.TemporaryDirectory() as workdir:
        db = Path(workdir) / "bench.sqlite3"
        tokens = await _prepare_db(db, max(steps))
        print(
            f"{'kiosks':>7} | {'kiosklink ping p50/p99 ms':>26} {'RSS MB':>7} "
            f"{'join->offer p50/p99 ms':>23} | {'echo ping p50/p99 ms':>21} {'RSS MB':>7} | "
            f"{'p99 ratio':>9}"
        )
        for n in steps:
            kl, kl_rss = await _measure_kiosklink(db, tokens[: n + 1])
            echo, echo_rss = await _measure_echo(tokens[: n + 1])
            holds = kl["failed"] == 0 and kl["ping_p99_ms"] < HOLDS_P99_S * 1000
            ratio = kl["ping_p99_ms"] / echo["ping_p99_ms"] if echo["ping_p99_ms"] else float("nan")
            print(
                f"{n:>7} | {kl['ping_p50_ms']:>12.1f} / {kl['ping_p99_ms']:>10.1f} {kl_rss:>7.0f} "
                f"{kl['join_offer_p50_ms']:>10.1f} / {kl['join_offer_p99_ms']:>10.1f} | "
                f"{echo['ping_p50_ms']:>9.1f} / {echo['ping_p99_ms']:>9.1f} {echo_rss:>7.0f} | "
                f"{ratio:>9.2f}  {'holds' if holds else 'DOES NOT HOLD'}"
                + (f" ({int(kl['failed'])} failed)" if kl["failed"] else ""),
                flush=True,
            )


async def _measure_kiosklink(db: Path, tokens: list[str]) -> tuple[dict[str, float], float]:
    port = _free_port()
    env = dict(
        os.environ, KIOSKLINK_DATABASE_PATH=str(db), KIOSKLINK_SERVER_RATE_LIMIT_BURST="1000"
    )
    exe = str(Path(sys.executable).with_name("kiosklink"))
    proc = _spawn([exe, "serve", "--port", str(port)], env)
    try:
        await _wait_port(port)
        base = f"http://127.0.0.1:{port}"
        result = await _step(base, f"ws://127.0.0.1:{port}/ws/kiosk", tokens, kiosklink=True)
        return result, _rss_mb(proc.pid)
    finally:
        _stop(proc)


async def _measure_echo(tokens: list[str]) -> tuple[dict[str, float], float]:
    port = _free_port()
    proc = _spawn([sys.executable, "-c", ECHO_SERVER, str(port)], dict(os.environ))
    try:
        await _wait_port(port)
        result = await _step("", f"ws://127.0.0.1:{port}/ws/kiosk", tokens, kiosklink=False)
        return result, _rss_mb(proc.pid)
    finally:
        _stop(proc)


if __name__ == "__main__":
    asyncio.run(run(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))
