"""``kiosklink serve`` stops cleanly on SIGTERM (issue #10): within 2 s, every WebSocket closed with
1001 (going away), the waiting line persisted in order and the call in progress closed in its
record. A real process, a temp config and database, real sockets."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path
from typing import TypeVar

import aiohttp

from signaling import messages as m
from signaling.errors import CLOSE_GOING_AWAY
from signaling.store import Store
from tests.kiosklink.test_cli import KIOSKLINK, free_port
from tests.signaling.wire import WireClient

PASSWORD = "correct horse battery"
M = TypeVar("M", bound=m.Message)


async def until(client: WireClient, kind: type[M]) -> M:
    """Read until a ``kind`` message (queue figures and position updates may come first)."""
    while not isinstance(msg := await client.recv(timeout=10), kind):
        pass
    return msg


def spawn_serve(config: Path, cwd: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSKLINK_")}
    return subprocess.Popen(
        [KIOSKLINK, "serve", "--config", str(config)],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


async def start_serving(tmp_path: Path) -> tuple[subprocess.Popen[bytes], int, list[str], Path]:
    db = tmp_path / "kiosklink.sqlite3"
    store = await Store.open(db)
    tokens = [(await store.add_kiosk(f"K{i}", f"Site {i}"))[1] for i in range(4)]
    await store.add_adviser("amal", "Amal", PASSWORD, {"ar": "native"})
    await store.close()
    port = free_port()
    config = tmp_path / "kiosklink.toml"
    config.write_text(f'[server]\nhost = "127.0.0.1"\nport = {port}\n\n[database]\npath = "{db}"\n')
    proc = spawn_serve(config, tmp_path)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.close()
            return proc, port, tokens, db
        except OSError:
            await asyncio.sleep(0.1)
    proc.kill()
    raise AssertionError("kiosklink serve did not start")


async def test_sigterm_closes_every_socket_with_1001_and_loses_nothing(tmp_path: Path) -> None:
    proc, port, tokens, db = await start_serving(tmp_path)
    base = f"ws://127.0.0.1:{port}"
    try:
        async with (
            aiohttp.ClientSession() as http,
            http.post(
                f"http://127.0.0.1:{port}/api/login",
                json={"username": "amal", "password": PASSWORD},
            ) as resp,
        ):
            session = str((await resp.json())["token"])
        kiosks = [await WireClient.open(f"{base}/ws/kiosk", "kiosk") for _ in tokens]
        for kiosk, token in zip(kiosks, tokens, strict=True):
            await kiosk.send(m.Hello(protocol=1, token=token))
            await until(kiosk, m.KioskWelcome)
        adviser = await WireClient.open(f"{base}/ws/adviser", "adviser")
        await adviser.send(m.Hello(protocol=1, token=session))
        await until(adviser, m.AdviserWelcome)
        await adviser.send(m.SetStatus(status="available"))

        in_call, first, second, _idle = kiosks
        await in_call.send(m.Join(language="ar"))
        offer = await until(adviser, m.Offer)
        await adviser.send(m.Accept(call_id=offer.call_id))
        await until(in_call, m.CallStarted)
        await first.send(m.Join(language="so"))  # nobody speaks Somali today: they wait
        assert (await until(first, m.Queued)).position == 1
        await second.send(m.Join(language="so"))
        assert (await until(second, m.Queued)).position == 2
        silent = await WireClient.open(f"{base}/ws/kiosk", "kiosk")  # never says hello

        began = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        clients = [*kiosks, adviser, silent]
        codes = await asyncio.gather(*(c.expect_closed(timeout=5) for c in clients))
        returncode = await asyncio.to_thread(proc.wait, 10)
        took = time.monotonic() - began
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    print(f"\nSIGTERM to exit: {took:.2f} s, close codes {codes}")
    assert returncode == 0
    assert took < 2.0, took
    assert codes == [CLOSE_GOING_AWAY] * len(clients), codes

    with sqlite3.connect(db) as conn:
        waiting = conn.execute("SELECT language FROM waiting ORDER BY joined_at").fetchall()
        call = conn.execute(
            "SELECT answered_at, ended_at, outcome FROM calls WHERE id = ?", (offer.call_id,)
        ).fetchone()
        open_answered = conn.execute(
            "SELECT count(*) FROM calls WHERE answered_at IS NOT NULL AND ended_at IS NULL"
        ).fetchone()[0]
    assert waiting == [("so",), ("so",)]  # both kept their places, in order, for resuming
    answered_at, ended_at, outcome = call
    assert answered_at is not None and ended_at is not None and outcome, call
    print(f"call in progress at SIGTERM: outcome {outcome!r}")
    assert open_answered == 0
