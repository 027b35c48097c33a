"""Shared by the admin tests: a server with fast health reports, an admin, polling without sleeps
that assert on timing (every wait is bounded and only fails when the thing never happens)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import aiohttp

from signaling.embedded import EmbeddedServer

T = TypeVar("T")
ADMIN = ("it-admin", "correct horse battery")
ADVISER = ("adviser1", "another long password")


def start_fleet_server(server_factory: Callable[..., EmbeddedServer]) -> EmbeddedServer:
    server = server_factory(
        server={"kiosk_health_interval_s": 0.5, "kiosk_heartbeat_interval_s": 1.0},
        service={"languages": ["sv", "ar"]},
    )
    server.add_adviser(*ADMIN, {"sv": "native"}, display_name="IT Desk", is_admin=True)
    server.add_adviser(*ADVISER, {"sv": "native", "ar": "fluent"}, display_name="Sara Adviser")
    return server


async def eventually(
    probe: Callable[[], Awaitable[T]], ok: Callable[[T], bool], *, timeout_s: float = 20.0
) -> T:
    """Probe until ``ok``; fails with the last value seen if it never gets there."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    value = await probe()
    while not ok(value):
        if loop.time() > deadline:
            raise AssertionError(f"condition never met; last value: {value!r}")
        await asyncio.sleep(0.1)
        value = await probe()
    return value


async def admin_session(server: EmbeddedServer) -> aiohttp.ClientSession:
    """An HTTP session signed in as the admin, by cookie, as the browser would be."""
    # unsafe=True: aiohttp's jar otherwise ignores cookies set by an IP address like 127.0.0.1.
    http = aiohttp.ClientSession(server.http_url, cookie_jar=aiohttp.CookieJar(unsafe=True))
    async with http.post(
        "/admin/api/login", json={"username": ADMIN[0], "password": ADMIN[1]}
    ) as resp:
        assert resp.status == 200, await resp.text()
    return http


async def get_json(http: aiohttp.ClientSession, path: str) -> Any:
    async with http.get(path) as resp:
        assert resp.status == 200, await resp.text()
        return await resp.json()


async def kiosk_row(http: aiohttp.ClientSession, kiosk_id: str) -> dict[str, Any]:
    fleet = await get_json(http, "/admin/api/fleet")
    row: dict[str, Any] = next(k for k in fleet["kiosks"] if k["id"] == kiosk_id)
    return row
