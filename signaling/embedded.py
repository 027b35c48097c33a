"""A real signaling server on 127.0.0.1 in a background thread: for the demo and for tests.

It is the production app (:func:`signaling.server.create_app`) on a free port, run by aiohttp's
``AppRunner`` on a loop of its own, so a Qt test or the demo can block its own thread without
stalling the server. Admin chores (adding kiosks and advisers) go through the same
:class:`~signaling.store.Store` the server uses, on the server's loop.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import TypeVar

from aiohttp import web

from signaling.config import Settings
from signaling.roles import INTERPRETER
from signaling.server import STORE, create_app
from signaling.store import Level, Store

T = TypeVar("T")


class EmbeddedServer:
    def __init__(
        self,
        settings: Settings,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.settings = settings
        self.clock = clock  # tests move it forward to a booked time (docs/booking.md)
        self.host = host
        self.port = port
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="kiosklink-server", daemon=True
        )
        self._runner: web.AppRunner | None = None
        self.app: web.Application | None = None

    @property
    def http_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def kiosk_url(self) -> str:
        return f"ws://{self.host}:{self.port}/ws/kiosk"

    @property
    def adviser_url(self) -> str:
        return f"ws://{self.host}:{self.port}/ws/adviser"

    def start(self) -> EmbeddedServer:
        self._thread.start()
        self.run(self._start())
        return self

    async def _start(self) -> None:
        self.app = create_app(self.settings, clock=self.clock)
        self._runner = web.AppRunner(self.app, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        if self.port == 0:
            server = site._server
            assert isinstance(server, asyncio.base_events.Server)
            self.port = server.sockets[0].getsockname()[1]

    def stop(self) -> None:
        if self._runner is not None:
            self.run(self._runner.cleanup())
            self._runner = None
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
        if not self._loop.is_closed() and not self._loop.is_running():
            self._loop.close()

    def run(self, coro: Awaitable[T], timeout_s: float = 30.0) -> T:
        """Run a coroutine on the server's loop and wait for its result from this thread."""

        async def wrapper() -> T:
            return await coro

        return asyncio.run_coroutine_threadsafe(wrapper(), self._loop).result(timeout_s)

    def with_store(self, fn: Callable[[Store], Awaitable[T]]) -> T:
        assert self.app is not None, "server not started"
        store = self.app[STORE]
        return self.run(fn(store))

    def add_kiosk(self, name: str = "Kiosk 1", site: str = "Library") -> str:
        """Register a kiosk and return its token, as ``kiosklink admin add-kiosk`` does."""
        _, token = self.with_store(lambda s: s.add_kiosk(name, site))
        return token

    def add_adviser(
        self,
        username: str,
        password: str,
        languages: Mapping[str, Level],
        *,
        display_name: str | None = None,
        is_admin: bool = False,
    ) -> str:
        record = self.with_store(
            lambda s: s.add_adviser(
                username, display_name or username.title(), password, languages, is_admin=is_admin
            )
        )
        return record.id

    def add_interpreter(
        self,
        username: str,
        password: str,
        languages: Mapping[str, Level],
        *,
        display_name: str | None = None,
    ) -> str:
        """An interpreter account (docs/protocol.md §Interpreter): an adviser account with the
        ``interpreter`` role, as ``kiosklink admin adviser-role USER add interpreter`` gives;
        ``languages`` are the languages it interprets. Returns the account's id."""
        adviser_id = self.add_adviser(username, password, languages, display_name=display_name)
        self.with_store(lambda s: s.answers.grant_role(username, INTERPRETER))
        return adviser_id

    def __enter__(self) -> EmbeddedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
