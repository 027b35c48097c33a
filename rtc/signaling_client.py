"""The signaling client both apps use: connect, authenticate, stay connected, resume.

Built on the ``websockets`` library (asyncio API). The client owns one background task that
connects, sends ``hello``, reads server messages into an event queue and, when the connection is
lost, waits an exponential backoff with jitter and connects again (docs/protocol.md §Reconnecting).
A kiosk that was waiting in line resumes its place with the resume token from the last ``queued``.

Events, in order, from :meth:`SignalingClient.next_event` / :meth:`SignalingClient.events`:
``Connected(welcome)``, then parsed server messages, ``Disconnected`` when the link drops (followed
by another ``Connected`` after reconnecting), or ``AuthFailed`` after which the client stops: a
wrong token does not get better by retrying.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
import ssl
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

import aiohttp
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from signaling import messages as m
from signaling.errors import (
    CLOSE_UNAUTHORIZED,
    AuthError,
    ClientError,
    ErrorCode,
    RemoteProtocolError,
)

log = logging.getLogger(__name__)

Role = Literal["kiosk", "adviser"]
Welcome: TypeAlias = m.KioskWelcome | m.AdviserWelcome


@dataclass(frozen=True)
class Connected:
    welcome: Welcome


@dataclass(frozen=True)
class Disconnected:
    reason: str
    retry_in_s: float


@dataclass(frozen=True)
class AuthFailed:
    reason: str


ClientEvent: TypeAlias = Connected | Disconnected | AuthFailed | m.ServerToKiosk | m.ServerToAdviser


class NotConnected(ClientError, ConnectionError):
    """The link is down (or the server did not welcome us); the caller decides whether to wait
    or give up. Still a ConnectionError, so the reconnect loop treats it as any lost link."""


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with full jitter (so a site's kiosks do not reconnect in lockstep)."""

    initial_s: float = 0.5
    max_s: float = 30.0
    factor: float = 2.0
    jitter_ratio: float = 0.5

    def delay(self, attempt: int, rng: random.Random) -> float:
        base = min(self.max_s, self.initial_s * self.factor ** max(0, attempt))
        return base * (1 - self.jitter_ratio * rng.random())


class AuthRefused(AuthError):
    """The server refused our hello (unknown token, expired session, unsupported version)."""


class SignalingClient:
    def __init__(
        self,
        url: str,
        *,
        role: Role,
        token: str,
        app_version: str = "0.1.0",
        backoff: Backoff = Backoff(),
        rng: random.Random | None = None,
        open_timeout_s: float = 10.0,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.url = url
        self.role = role
        self.token = token
        self.app_version = app_version
        self.resume_token: str | None = None
        self.welcome: Welcome | None = None
        self._backoff = backoff
        self._rng = rng or random.Random()
        self._open_timeout_s = open_timeout_s
        # None: the system's trusted CAs for wss://; a context trusts a private CA or pins a cert.
        self._ssl = ssl_context
        self._events: asyncio.Queue[ClientEvent] = asyncio.Queue()
        self._ws: ClientConnection | None = None
        self._task: asyncio.Task[None] | None = None
        self._ping_task: asyncio.Task[None] | None = None
        self._closing = False

    @property
    def connected(self) -> bool:
        return self._ws is not None and self.welcome is not None

    async def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name=f"signaling-{self.role}")

    async def close(self) -> None:
        self._closing = True
        for task in (self._ping_task, self._task):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
        self._task = self._ping_task = None
        if self._ws is not None:
            await self._ws.close()
            self._ws = None

    async def send(self, message: m.Message) -> None:
        if self._ws is None or self.welcome is None:
            raise NotConnected("not connected to the signaling server")
        try:
            await self._ws.send(m.serialize(message))
        except ConnectionClosed as exc:
            raise NotConnected(str(exc)) from None

    async def next_event(self, timeout: float | None = None) -> ClientEvent:
        return await asyncio.wait_for(self._events.get(), timeout)

    async def events(self) -> AsyncIterator[ClientEvent]:
        while True:
            yield await self._events.get()

    def forget_place(self) -> None:
        """Drop the resume token: the resident left, the next one must not inherit their place."""
        self.resume_token = None

    # --- the connection loop -------------------------------------------------------------------

    async def _run(self) -> None:
        attempt = 0
        while not self._closing:
            reason = "connection lost"
            try:
                # ssl only when given: websockets refuses ssl=None for wss:// and any ssl for ws://.
                tls: dict[str, Any] = {} if self._ssl is None else {"ssl": self._ssl}
                async with connect(
                    self.url, open_timeout=self._open_timeout_s, max_size=1 << 20, **tls
                ) as ws:
                    self._ws = ws
                    await self._handshake(ws)
                    attempt = 0
                    await self._read(ws)
            except AuthRefused as exc:
                self._events.put_nowait(AuthFailed(str(exc)))
                return
            except (OSError, InvalidHandshake, TimeoutError, ConnectionClosed) as exc:
                reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            except InvalidURI as exc:
                self._events.put_nowait(AuthFailed(f"bad server URL: {exc}"))
                return
            finally:
                self._drop_link()
            if self._closing:
                return
            delay = self._backoff.delay(attempt, self._rng)
            attempt += 1
            self._events.put_nowait(Disconnected(reason, delay))
            await asyncio.sleep(delay)

    def _drop_link(self) -> None:
        self._ws = None
        self.welcome = None
        if self._ping_task is not None:
            self._ping_task.cancel()
            self._ping_task = None

    async def _handshake(self, ws: ClientConnection) -> None:
        hello = m.Hello(
            protocol=m.PROTOCOL_VERSION,
            token=self.token,
            resume_token=self.resume_token if self.role == "kiosk" else None,
            app_version=self.app_version,
        )
        await ws.send(m.serialize(hello))
        try:
            first = self._parse(await ws.recv())
        except ConnectionClosed as exc:
            if exc.rcvd is not None and exc.rcvd.code == CLOSE_UNAUTHORIZED:
                raise AuthRefused(exc.rcvd.reason or "unauthorized") from None
            raise
        if isinstance(first, m.Error):
            if first.code in (ErrorCode.UNAUTHORIZED, ErrorCode.UNSUPPORTED_VERSION):
                raise AuthRefused(first.message)
            raise NotConnected(first.message)
        if not isinstance(first, m.KioskWelcome | m.AdviserWelcome):
            raise NotConnected(f"expected welcome, got {first.type}")
        self.welcome = first
        if isinstance(first, m.KioskWelcome) and not first.resumed:
            self.resume_token = None
        self._ping_task = asyncio.create_task(self._ping(ws, first.heartbeat_interval_s))
        self._events.put_nowait(Connected(first))

    async def _read(self, ws: ClientConnection) -> None:
        async for raw in ws:
            try:
                event = self._parse(raw)
            except RemoteProtocolError as exc:
                # The server sent something we do not understand (a newer server?): log, go on.
                log.warning("ignoring unparseable server message: %s", exc)
                continue
            self._note(event)
            self._events.put_nowait(event)

    def _parse(self, raw: str | bytes) -> m.ServerToKiosk | m.ServerToAdviser:
        if self.role == "kiosk":
            return m.parse_to_kiosk(raw)
        return m.parse_to_adviser(raw)

    def _note(self, event: m.ServerToKiosk | m.ServerToAdviser) -> None:
        if isinstance(event, m.Queued):
            self.resume_token = event.resume_token
        elif isinstance(event, m.CallStarted | m.Closed):
            self.resume_token = None

    async def _ping(self, ws: ClientConnection, interval_s: float) -> None:
        seq = 0
        while True:
            await asyncio.sleep(interval_s)
            seq += 1
            with contextlib.suppress(ConnectionClosed):
                await ws.send(m.serialize(m.Ping(seq=seq)))


@dataclass(frozen=True)
class LoginResult:
    token: str
    adviser_id: str
    display_name: str
    expires_at: float


class LoginFailed(ClientError):
    """POST /api/login refused the adviser (wrong password, locked out, server error)."""


async def login(http_base_url: str, username: str, password: str) -> LoginResult:
    """Sign an adviser in over HTTPS (POST /api/login) and return the short-lived session token."""
    url = http_base_url.rstrip("/") + "/api/login"
    timeout = aiohttp.ClientTimeout(total=15)
    async with (
        aiohttp.ClientSession(timeout=timeout) as http,
        http.post(url, json={"username": username, "password": password}) as resp,
    ):
        body = await resp.text()
        if resp.status != 200:
            raise LoginFailed(_error_text(body) or f"sign-in failed (HTTP {resp.status})")
        data = json.loads(body)
        return LoginResult(
            token=str(data["token"]),
            adviser_id=str(data["adviser_id"]),
            display_name=str(data["display_name"]),
            expires_at=float(data["expires_at"]),
        )


def _error_text(body: str) -> str:
    try:
        data = json.loads(body)
    except ValueError:
        return ""
    return str(data.get("message", "")) if isinstance(data, dict) else ""
