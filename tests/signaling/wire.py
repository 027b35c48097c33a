"""A protocol-level test client: raw JSON over a real WebSocket, typed messages back.

Deliberately not :mod:`rtc.signaling_client`: these tests check the server's wire behaviour, so
they must be able to send what a well-behaved client never would.
"""

from __future__ import annotations

import asyncio
import inspect
import json
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar, overload

import aiohttp
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from signaling import messages as m
from signaling.embedded import EmbeddedServer

M = TypeVar("M", bound=m.Message)
T = TypeVar("T")


@overload
async def eventually(
    check: Callable[[], Awaitable[T]], *, timeout: float = ..., interval: float = ...
) -> T: ...


@overload
async def eventually(
    check: Callable[[], T], *, timeout: float = ..., interval: float = ...
) -> T: ...


async def eventually(
    check: Callable[[], Any], *, timeout: float = 5.0, interval: float = 0.02
) -> Any:
    """Poll ``check`` (sync or async) until it returns something truthy, and return that.

    The one polling helper of the tests: waits on a condition instead of a fixed sleep, and
    fails (AssertionError) after ``timeout`` seconds with the last value seen.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = check()
        if inspect.isawaitable(value):
            value = await value
        if value:
            return value
        if loop.time() >= deadline:
            raise AssertionError(f"still {value!r} after {timeout} s")
        await asyncio.sleep(interval)


class WireClient:
    """Reads strictly: :meth:`expect` fails on any message but the one expected, so an extra or
    duplicated message fails the test. Kinds a test does not care about are skipped only when
    it says so, with :meth:`ignore` (for the rest of the connection) or :meth:`expect_skipping`."""

    def __init__(self, ws: ClientConnection, role: str) -> None:
        self.ws = ws
        self.role = role
        self.seen: list[m.Message] = []
        self.ignored: tuple[type[m.Message], ...] = ()
        self._seq = 1000

    @classmethod
    async def open(cls, url: str, role: str) -> WireClient:
        return cls(await connect(url, max_size=1 << 21), role)

    def ignore(self, *kinds: type[m.Message]) -> WireClient:
        """From now on read past messages of these kinds (they still go into ``seen``)."""
        self.ignored = (*self.ignored, *kinds)
        return self

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
        """The next message (past ignored kinds) must be a ``kind`` matching ``fields``."""
        return await self.expect_skipping(kind, (), timeout, **fields)

    async def expect_skipping(
        self, kind: type[M], skip: tuple[type[m.Message], ...], timeout: float = 5.0, **fields: Any
    ) -> M:
        """Like :meth:`expect`, reading past messages of the ``skip`` kinds too."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            msg = await self.recv(max(0.01, deadline - loop.time()))
            if isinstance(msg, kind) and all(getattr(msg, k) == v for k, v in fields.items()):
                return msg
            if not isinstance(msg, (*self.ignored, *skip)):
                wanted = f"{kind.__name__}({fields})"
                raise AssertionError(f"{self.role}: expected {wanted}, got {msg!r}")

    async def expect_quiet(
        self, timeout: float = 5.0, skip: tuple[type[m.Message], ...] = ()
    ) -> None:
        """Nothing more is pending: a ping's pong is the next message (past ignored kinds and
        ``skip``)."""
        self._seq += 1
        await self.send(m.Ping(seq=self._seq))
        await self.expect_skipping(m.Pong, skip, timeout, seq=self._seq)

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
    ignore: tuple[type[m.Message], ...] = (m.QueueOverview,),
) -> WireClient:
    """A signed-in adviser past its welcome and first queue overview (then available unless
    told not). Queue overviews, broadcast on every change in counts, are read past unless the
    test asks for them with ``ignore=()``."""
    token = await login(server, username, password)
    client = await WireClient.open(server.adviser_url, "adviser")
    await client.send(m.Hello(protocol=1, token=token))
    await client.expect(m.AdviserWelcome)
    await client.expect(m.QueueOverview)
    client.ignore(*ignore)
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
