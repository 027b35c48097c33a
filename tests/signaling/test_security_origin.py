"""The Origin check and the CORS policy against a real server (signaling.origin).

Native clients send no Origin and pass; browsers' requests carry one and must come from the
server itself or an allowed origin, on plain routes, the admin event stream and WebSockets alike.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import aiohttp
import pytest

from signaling import messages as m
from signaling.embedded import EmbeddedServer
from tests.signaling.admin.fleet_helpers import ADMIN, admin_session, start_fleet_server

PORTAL = "https://portal.example.se"
EVIL = "https://evil.example"


@pytest.fixture
def server(server_factory: Callable[..., EmbeddedServer]) -> EmbeddedServer:
    def with_portal(**sections: dict[str, Any]) -> EmbeddedServer:
        sections["server"] = {**sections.get("server", {}), "allowed_origins": [PORTAL]}
        return server_factory(**sections)

    return start_fleet_server(with_portal)


@pytest.fixture
async def admin(server: EmbeddedServer) -> AsyncIterator[aiohttp.ClientSession]:
    http = await admin_session(server)
    yield http
    await http.close()


async def refused(resp: aiohttp.ClientResponse, code: str = "forbidden_origin") -> bool:
    body = await resp.json()
    return resp.status == 403 and body["code"] == code and body["message"] != ""


async def test_cookie_posts_from_a_foreign_origin_are_refused(
    server: EmbeddedServer, admin: aiohttp.ClientSession
) -> None:
    ack = "/admin/api/faults/f_unknown/ack"
    async with admin.post(ack, json={}, headers={"Origin": EVIL}) as resp:
        assert await refused(resp)
        assert EVIL in (await resp.json())["message"]
    async with admin.post(ack, json={}, headers={"Origin": server.http_url}) as resp:
        assert resp.status == 404, "our own page reaches the handler"
    async with admin.post(ack, json={}, headers={"Origin": "null"}) as resp:
        assert await refused(resp)
    async with admin.post(ack, json={}) as resp:
        assert resp.status == 404, "no Origin, no Referer: not a cross-site browser request"


async def test_without_origin_a_cookie_request_is_judged_by_its_referer(
    server: EmbeddedServer, admin: aiohttp.ClientSession
) -> None:
    command = "/admin/api/kiosks/k_none/commands"
    body = {"action": "restart"}
    async with admin.post(command, json=body, headers={"Referer": f"{EVIL}/x"}) as resp:
        assert await refused(resp)
    own = {"Referer": f"{server.http_url}/admin/"}
    async with admin.post(command, json=body, headers=own) as resp:
        assert resp.status == 404


async def test_the_admin_event_stream_refuses_foreign_origins(
    server: EmbeddedServer, admin: aiohttp.ClientSession
) -> None:
    async with admin.get("/admin/api/events", headers={"Origin": EVIL}) as resp:
        assert await refused(resp)
    async with admin.get("/admin/api/events", headers={"Origin": server.http_url}) as resp:
        assert resp.status == 200
        assert resp.headers["Content-Type"].startswith("text/event-stream")
        first = await resp.content.readuntil(b"\n\n")
        assert first.startswith(b"event: fleet\n")


async def test_websockets_refuse_foreign_origins_and_accept_native_and_allowed(
    server: EmbeddedServer,
) -> None:
    token = server.add_kiosk("K1", "Library")
    async with aiohttp.ClientSession() as http:
        with pytest.raises(aiohttp.WSServerHandshakeError) as caught:
            await http.ws_connect(server.kiosk_url, origin=EVIL)
        assert caught.value.status == 403
        with pytest.raises(aiohttp.WSServerHandshakeError) as caught:
            await http.ws_connect(server.adviser_url, origin="null")
        assert caught.value.status == 403
        for origin in (None, PORTAL, server.http_url):  # the native app, an allowed page, ours
            async with http.ws_connect(server.kiosk_url, origin=origin) as ws:
                await ws.send_str(m.serialize(m.Hello(protocol=1, token=token)))
                reply = await ws.receive_json(timeout=10)
                assert reply["type"] == "welcome", (origin, reply)


async def test_cors_preflight_for_the_api_from_allowed_origins(server: EmbeddedServer) -> None:
    def preflight(origin: str, method: str = "POST") -> dict[str, str]:
        return {
            "Origin": origin,
            "Access-Control-Request-Method": method,
            "Access-Control-Request-Headers": "content-type",
        }

    async with aiohttp.ClientSession(server.http_url) as http:
        async with http.options("/api/login", headers=preflight(PORTAL)) as resp:
            assert resp.status == 204
            assert resp.headers["Access-Control-Allow-Origin"] == PORTAL
            assert "POST" in resp.headers["Access-Control-Allow-Methods"]
            assert "Content-Type" in resp.headers["Access-Control-Allow-Headers"]
            assert "Access-Control-Allow-Credentials" not in resp.headers
            assert resp.headers["Vary"] == "Origin"
        async with http.options("/api/adviser/today", headers=preflight(PORTAL, "GET")) as resp:
            assert resp.status == 204
        async with http.options("/api/login", headers=preflight(EVIL)) as resp:
            assert await refused(resp, "cors_refused")
        async with http.options("/api/login", headers=preflight(PORTAL, "DELETE")) as resp:
            assert await refused(resp, "cors_refused")
        async with http.options("/admin/api/login", headers=preflight(PORTAL)) as resp:
            assert await refused(resp, "cors_refused"), "the admin API is same-origin only"


async def test_api_answers_carry_cors_headers_for_allowed_origins_only(
    server: EmbeddedServer,
) -> None:
    body = {"username": ADMIN[0], "password": ADMIN[1]}
    async with aiohttp.ClientSession(server.http_url) as http:
        async with http.post("/api/login", json=body, headers={"Origin": PORTAL}) as resp:
            assert resp.status == 200
            assert resp.headers["Access-Control-Allow-Origin"] == PORTAL
            assert "Retry-After" in resp.headers["Access-Control-Expose-Headers"]
        async with http.post("/api/login", json=body, headers={"Origin": EVIL}) as resp:
            assert await refused(resp)
        async with http.post("/api/login", json=body) as resp:
            assert resp.status == 200, "the console sends no Origin"
            assert "Access-Control-Allow-Origin" not in resp.headers


async def test_behind_a_proxy_the_public_url_or_forwarded_scheme_is_our_origin(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    public = "https://kiosk.example.se"
    server = server_factory(server={"public_url": public})
    proxied = server_factory(server={"trusted_proxies": ["127.0.0.1"]})
    async with aiohttp.ClientSession() as http:
        url = f"{server.http_url}/api/logout"
        async with http.post(url, headers={"Origin": public}) as resp:
            assert resp.status == 200
        host = f"127.0.0.1:{proxied.port}"
        tls = {"Origin": f"https://{host}", "X-Forwarded-Proto": "https"}
        async with http.post(f"{proxied.http_url}/api/logout", headers=tls) as resp:
            assert resp.status == 200, "nginx said the page came over TLS"
        async with http.post(f"{server.http_url}/api/logout", headers=tls) as resp:
            assert resp.status == 403, "an untrusted peer's X-Forwarded-Proto is not believed"
