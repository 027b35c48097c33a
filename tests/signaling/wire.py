"""A protocol-level test client: raw JSON over a real WebSocket, typed messages back.

Deliberately not :mod:`rtc.signaling_client`: these tests check the server's wire behaviour, so
they must be able to send what a well-behaved client never would.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any, TypeVar

import aiohttp
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from signaling import messages as m
from signaling.embedded import EmbeddedServer

M = TypeVar("M", bound=m.Message)


class WireClient:
    def __init__(self, ws: ClientConnection, role: str) -> None:
        self.ws = ws
        self.role = role
        self.seen: list[m.Message] = []

    @classmethod
    async def open(cls, url: str, role: str) -> WireClient:
        return cls(await connect(url, max_size=1 << 21), role)

    async def send_raw(self, data: str | dict[str, Any]) -> None:
        await self.ws.send(data if isinstance(data, str) else json.dumps(data))

    async def send(self, message: m.Message) -> None:
        await self.ws.send(m.serialize(message))

    async def recv(self, timeout: float = 5.0) -> m.Message:
        raw = await asyncio.wait_for(self.ws.recv(), timeout)
        msg: m.Message = m.parse_to_kiosk(raw) if self.role == "kiosk" else m.parse_to_adviser(raw)
        self.seen.append(msg)
        return msg

    async def expect(self, kind: type[M], timeout: float = 5.0, **fields: Any) -> M:
        """Read until a ``kind`` message matching ``fields`` arrives; the rest stay in seen."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            msg = await self.recv(max(0.01, deadline - loop.time()))
            if isinstance(msg, kind) and all(getattr(msg, k) == v for k, v in fields.items()):
                return msg

    async def expect_closed(self, timeout: float = 5.0) -> int | None:
        try:
            while True:
                await asyncio.wait_for(self.ws.recv(), timeout)
        except ConnectionClosed as exc:
            return exc.rcvd.code if exc.rcvd else None

    async def close(self) -> None:
        await self.ws.close()


async def kiosk(server: EmbeddedServer, token: str, resume_token: str | None = None) -> WireClient:
    client = await WireClient.open(server.kiosk_url, "kiosk")
    await client.send(m.Hello(protocol=1, token=token, resume_token=resume_token))
    await client.expect(m.KioskWelcome)
    return client


async def adviser(
    server: EmbeddedServer,
    username: str,
    password: str = "correct horse battery",
    *,
    available: bool = True,
) -> WireClient:
    token = await login(server, username, password)
    client = await WireClient.open(server.adviser_url, "adviser")
    await client.send(m.Hello(protocol=1, token=token))
    await client.expect(m.AdviserWelcome)
    if available:
        await client.send(m.SetStatus(status="available"))
        await client.expect(m.AdviserStatus, status="available")
    return client


async def login(server: EmbeddedServer, username: str, password: str) -> str:
    async with (
        aiohttp.ClientSession() as http,
        http.post(
            f"{server.http_url}/api/login", json={"username": username, "password": password}
        ) as resp,
    ):
        assert resp.status == 200, await resp.text()
        return str((await resp.json())["token"])
