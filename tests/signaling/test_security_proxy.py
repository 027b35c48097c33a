"""Behind the nginx of deploy/nginx/ (a real nginx on loopback): the metrics token passes through,
and the dashboard's own pages pass the Origin check while foreign pages are refused."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import aiohttp
import pytest

from signaling.embedded import EmbeddedServer
from tests.deploy.certs import self_signed
from tests.deploy.coturn import free_port
from tests.deploy.nginx import NGINX, Nginx

pytestmark = pytest.mark.skipif(
    not os.access(NGINX, os.X_OK),
    reason=f"nginx is not installed ({NGINX}); apt-get install nginx-light",
)
TOKEN = "behind-nginx-metrics-token-0123456789"
ADMIN = ("it", "a long test password")


@pytest.fixture
def proxied(
    tmp_path: Path, server_factory: Callable[..., EmbeddedServer]
) -> Iterator[tuple[Nginx, EmbeddedServer]]:
    https_port = free_port()
    server = server_factory(
        # As deploy/README.md says to run it behind nginx on the same machine.
        server={
            "trusted_proxies": ["127.0.0.1", "::1"],
            "public_url": f"https://127.0.0.1:{https_port}",
        },
        metrics={"token": TOKEN, "allow_from": []},
    )
    server.add_adviser(*ADMIN, {"sv": "native"}, is_admin=True)
    nginx = Nginx(tmp_path, self_signed(tmp_path), upstream_port=server.port)
    nginx.start(http_port=free_port(), https_port=https_port)
    try:
        yield nginx, server
    finally:
        nginx.stop()


async def test_prometheus_scrapes_through_nginx_with_the_token(
    proxied: tuple[Nginx, EmbeddedServer],
) -> None:
    nginx, _ = proxied
    url = f"https://127.0.0.1:{nginx.https_port}/metrics"
    ssl = nginx.cert.client_context()
    async with aiohttp.ClientSession() as http:
        async with http.get(url, ssl=ssl) as resp:
            assert resp.status == 401
        async with http.get(url, ssl=ssl, headers={"Authorization": f"Bearer {TOKEN}"}) as resp:
            assert resp.status == 200
            assert "kiosklink_build_info" in await resp.text()


async def test_the_dashboards_own_origin_passes_and_a_foreign_one_is_refused(
    proxied: tuple[Nginx, EmbeddedServer],
) -> None:
    nginx, _ = proxied
    base = f"https://127.0.0.1:{nginx.https_port}"
    ssl = nginx.cert.client_context()
    jar = aiohttp.CookieJar(unsafe=True)
    async with aiohttp.ClientSession(cookie_jar=jar) as http:
        login = {"username": ADMIN[0], "password": ADMIN[1]}
        own = {"Origin": base}
        async with http.post(f"{base}/admin/api/login", json=login, headers=own, ssl=ssl) as r:
            assert r.status == 200, await r.text()
        ack = f"{base}/admin/api/faults/f_none/ack"
        async with http.post(ack, json={}, headers=own, ssl=ssl) as resp:
            assert resp.status == 404, await resp.text()  # reached the handler
        evil = {"Origin": "https://evil.example"}
        async with http.post(ack, json={}, headers=evil, ssl=ssl) as resp:
            assert resp.status == 403
            assert (await resp.json())["code"] == "forbidden_origin"
