"""Closed connections leave nothing behind (issue #10): bench/silent_connections.py measures it
over rounds of thousands; this is the quick regression check."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable

from aiohttp import web

from signaling.embedded import EmbeddedServer
from signaling.errors import CLOSE_HELLO_TIMEOUT
from tests.signaling.wire import WireClient, eventually


def live_websockets() -> int:
    gc.collect()
    return sum(isinstance(o, web.WebSocketResponse) for o in gc.get_objects())


async def test_silent_connections_are_freed_when_closed(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = server_factory(server={"hello_timeout_s": 0.3})
    before = live_websockets()
    clients = [await WireClient.open(server.kiosk_url, "kiosk") for _ in range(30)]
    codes = await asyncio.gather(*(c.expect_closed(timeout=5) for c in clients))
    assert codes == [CLOSE_HELLO_TIMEOUT] * 30
    # aiohttp re-armed the 30 s heartbeat timer of each closed connection, which kept all 30 alive.
    # (Polled: the server finishes its side of each close handshake a moment later.)
    await eventually(lambda: live_websockets() <= before, timeout=5.0)
