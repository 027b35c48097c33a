"""Does the server give memory back after rounds of connections that never say hello? (issue #10)

The server runs in a child process (the production app from :func:`signaling.server.create_app`,
``hello_timeout_s`` 1 s so a round is quick); this process opens ``ROUNDS`` rounds of ``PER_ROUND``
WebSockets to ``/ws/kiosk`` that send nothing, waits until the server has closed every one (the
hello timeout), lets the heartbeat interval pass and asks the server for its figures:

- RSS (VmRSS), which Python's allocator may keep after objects are freed (arenas, malloc),
- live objects after a full ``gc.collect()``, and live WebSocketResponse and socket objects,
  which are what a leak would show.

    .venv/bin/python -m bench.silent_connections [rounds] [per_round]   # default 10 x 2000

Loopback only; bounded: at most 20 rounds of 5,000 connections, 200 connecting at a time.
"""

from __future__ import annotations

import asyncio
import gc
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp

ROUNDS = 10
PER_ROUND = 2000
CONCURRENCY = 200
HELLO_TIMEOUT_S = 1.0
SETTLE_S = 2.0


# --- the server side (child process) -------------------------------------------------------------


def _figures() -> dict[str, Any]:
    gc.collect()
    objects = gc.get_objects()
    names = [type(o).__name__ for o in objects]
    rss_kb = next(
        int(line.split()[1])
        for line in Path("/proc/self/status").read_text().splitlines()
        if line.startswith("VmRSS:")
    )
    return {
        "rss_mb": rss_kb / 1024,
        "objects": len(objects),
        "websockets": names.count("WebSocketResponse"),
        "sockets": names.count("socket"),
    }


async def _serve(db: str) -> None:
    from aiohttp import web

    from signaling.config import Settings
    from signaling.server import create_app

    settings = Settings.model_validate(
        {"server": {"hello_timeout_s": HELLO_TIMEOUT_S}, "database": {"path": db}}
    )
    runner = web.AppRunner(create_app(settings), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    server = site._server
    assert server is not None and hasattr(server, "sockets")
    print(json.dumps({"port": server.sockets[0].getsockname()[1]}), flush=True)
    loop = asyncio.get_running_loop()
    while (await loop.run_in_executor(None, sys.stdin.readline)).strip() == "figures":
        print(json.dumps(_figures()), flush=True)
    await runner.cleanup()


# --- the load side (this process) ----------------------------------------------------------------


async def _silent_round(url: str, count: int) -> int:
    """Open ``count`` connections that say nothing; return how many the server closed."""
    closed = 0
    gate = asyncio.Semaphore(CONCURRENCY)
    async with aiohttp.ClientSession() as http:

        async def one() -> None:
            nonlocal closed
            async with gate:
                ws = await http.ws_connect(url, heartbeat=None)
            async for _ in ws:  # nothing comes but the server's close
                pass
            closed += ws.close_code is not None
            await ws.close()

        await asyncio.gather(*(one() for _ in range(count)))
    return closed


def _ask(server: subprocess.Popen[str]) -> dict[str, Any]:
    assert server.stdin is not None and server.stdout is not None
    server.stdin.write("figures\n")
    server.stdin.flush()
    figures: dict[str, Any] = json.loads(server.stdout.readline())
    return figures


def main(argv: list[str]) -> int:
    if argv[:1] == ["--serve"]:
        asyncio.run(_serve(argv[1]))
        return 0
    rounds = min(int(argv[0]) if argv else ROUNDS, 20)
    per_round = min(int(argv[1]) if len(argv) > 1 else PER_ROUND, 5000)
    with tempfile.TemporaryDirectory() as tmp:
        server = subprocess.Popen(
            [sys.executable, "-m", "bench.silent_connections", "--serve", f"{tmp}/db.sqlite3"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert server.stdout is not None
            port = json.loads(server.stdout.readline())["port"]
            url = f"ws://127.0.0.1:{port}/ws/kiosk"
            start = _ask(server)
            print(
                f"idle server: RSS {start['rss_mb']:.1f} MB, {start['objects']:,} objects\n"
                f"{'round':>5} {'closed':>7} {'s':>5} {'RSS MB':>7} {'/ first':>7} "
                f"{'objects':>9} {'/ first':>7} {'ws':>4} {'sockets':>7}"
            )
            first: dict[str, Any] | None = None
            for n in range(1, rounds + 1):
                began = time.monotonic()
                closed = asyncio.run(_silent_round(url, per_round))
                took = time.monotonic() - began
                time.sleep(SETTLE_S)
                now = _ask(server)
                first = first or now
                print(
                    f"{n:>5} {closed:>7} {took:>5.1f} {now['rss_mb']:>7.1f} "
                    f"{now['rss_mb'] / first['rss_mb']:>7.3f} {now['objects']:>9,} "
                    f"{now['objects'] / first['objects']:>7.3f} {now['websockets']:>4} "
                    f"{now['sockets']:>7}",
                    flush=True,
                )
        finally:
            assert server.stdin is not None
            server.stdin.close()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
