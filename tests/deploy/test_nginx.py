"""deploy/nginx/kiosklink.conf in a real nginx, in front of a real server: TLS, WebSocket upgrade,
HSTS, the HTTP-to-HTTPS redirect and the Secure flag on the admin cookie."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import aiohttp
import pytest

from rtc.signaling_client import Connected, SignalingClient
from signaling import messages as m
from signaling.embedded import EmbeddedServer
from tests.deploy.certs import self_signed
from tests.deploy.coturn import free_port
from tests.deploy.nginx import NGINX, Nginx

pytestmark = pytest.mark.skipif(
    not os.access(NGINX, os.X_OK),
    reason=f"nginx is not installed ({NGINX}); apt-get install nginx-light",
)


@pytest.fixture
def proxied(
    tmp_path: Path, server_factory: Callable[..., EmbeddedServer]
) -> Iterator[tuple[Nginx, EmbeddedServer]]:
    server = server_factory()
    nginx = Nginx(tmp_path, self_signed(tmp_path), upstream_port=server.port)
    nginx.start(http_port=free_port(), https_port=free_port())
    try:
        yield nginx, server
    finally:
        nginx.stop()


def test_the_config_passes_nginx_t(tmp_path: Path) -> None:
    nginx = Nginx(tmp_path, self_signed(tmp_path), upstream_port=8750)
    checked = nginx.check(nginx.write(http_port=free_port(), https_port=free_port()))
    assert checked.returncode == 0, checked.stderr
    assert "syntax is ok" in checked.stderr


async def test_a_kiosk_connects_through_nginx(proxied: tuple[Nginx, EmbeddedServer]) -> None:
    nginx, server = proxied
    client = SignalingClient(
        f"wss://127.0.0.1:{nginx.https_port}/ws/kiosk",
        role="kiosk",
        token=server.add_kiosk("K1", "Stadsbiblioteket"),
        ssl_context=nginx.cert.client_context(),
    )
    await client.start()
    try:
        event = await client.next_event(timeout=20)
        assert isinstance(event, Connected), event
        assert (
            isinstance(event.welcome, m.KioskWelcome) and event.welcome.site == "Stadsbiblioteket"
        )
    finally:
        await client.close()


async def test_https_with_hsts_and_http_redirects(proxied: tuple[Nginx, EmbeddedServer]) -> None:
    nginx, _ = proxied
    async with aiohttp.ClientSession() as http:
        url = f"https://127.0.0.1:{nginx.https_port}/healthz"
        async with http.get(url, ssl=nginx.cert.client_context()) as resp:
            assert resp.status == 200
            assert await resp.json() == {"status": "ok"}
            hsts = resp.headers["Strict-Transport-Security"]
            assert int(hsts.split("max-age=")[1].split(";")[0]) >= 365 * 24 * 3600
        plain = f"http://127.0.0.1:{nginx.http_port}/admin/?x=1"
        async with http.get(plain, allow_redirects=False) as resp:
            assert resp.status == 301
            assert resp.headers["Location"] == "https://127.0.0.1/admin/?x=1"


async def test_the_admin_cookie_is_secure_behind_nginx(
    proxied: tuple[Nginx, EmbeddedServer],
) -> None:
    nginx, server = proxied
    server.add_adviser("it", "a long test password", {"sv": "native"}, is_admin=True)
    async with (
        aiohttp.ClientSession() as http,
        http.post(
            f"https://127.0.0.1:{nginx.https_port}/admin/api/login",
            json={"username": "it", "password": "a long test password"},
            ssl=nginx.cert.client_context(),
        ) as resp,
    ):
        assert resp.status == 200, await resp.text()
        cookie = resp.headers["Set-Cookie"]
    assert cookie.startswith("kiosklink_admin=")
    flags = {part.strip().lower() for part in cookie.split(";")[1:]}
    assert {"secure", "httponly"} <= flags
