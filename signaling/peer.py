"""One authenticated WebSocket connection, as the switchboard sees it: an outbox and an identity.

Sending never blocks the switchboard: messages go into a bounded outbox drained by a writer task.
A client too slow to drain its outbox (``max_outbox`` messages behind) is disconnected rather than
allowed to grow the server's memory or stall everyone else's routing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from aiohttp import web

from signaling import messages as m
from signaling.errors import CLOSE_NORMAL, CLOSE_POLICY

log = logging.getLogger(__name__)


class Peer:
    def __init__(self, ws: web.WebSocketResponse, *, label: str, max_outbox: int = 512) -> None:
        self.ws = ws
        self.label = label
        self._outbox: asyncio.Queue[str | None] = asyncio.Queue(max_outbox)
        self._writer = asyncio.create_task(self._drain(), name=f"writer-{label}")
        self.closed = False
        self._closer: asyncio.Task[bool] | None = None

    def post(self, message: m.Message) -> None:
        if self.closed:
            return
        try:
            self._outbox.put_nowait(m.serialize(message))
        except asyncio.QueueFull:
            log.warning("%s: outbox full, disconnecting a client that does not read", self.label)
            self.closed = True
            self._closer = asyncio.create_task(
                self.ws.close(code=CLOSE_POLICY, message=b"too slow")
            )

    async def _drain(self) -> None:
        while True:
            text = await self._outbox.get()
            if text is None:
                return
            try:
                await self.ws.send_str(text)
            except (ConnectionResetError, RuntimeError):
                # The peer vanished; the reader side will notice and clean up.
                self.closed = True
                return

    async def close(self, code: int = CLOSE_NORMAL, reason: str = "") -> None:
        """Flush what is queued, then close the socket."""
        if not self.closed:
            self.closed = True
            with contextlib.suppress(asyncio.QueueFull):
                self._outbox.put_nowait(None)
            with contextlib.suppress(asyncio.TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(asyncio.shield(self._writer), 2.0)
        self._writer.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await self._writer
        await self.ws.close(code=code, message=reason.encode()[:120])
