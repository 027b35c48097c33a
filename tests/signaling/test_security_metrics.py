"""Who may read /metrics, against a real server: a bearer token, or an allowed address."""

from __future__ import annotations

from collections.abc import Callable

import aiohttp
import pytest

from signaling.config import load_settings
from signaling.embedded import EmbeddedServer
from signaling.errors import ConfigError

TOKEN = "0123456789abcdef0123456789abcdef"


async def scrape(server: EmbeddedServer, headers: dict[str, str] | None = None) -> int:
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"{server.http_url}/metrics", headers=headers or {}) as resp,
    ):
        body = await resp.text()
        if resp.status == 200:
            assert "kiosklink_build_info" in body
        else:
            assert resp.headers["WWW-Authenticate"].startswith("Bearer")
            assert "kiosk" not in body.replace("kiosklink", "")  # nothing about the fleet
        return resp.status


async def test_loopback_may_scrape_without_a_token_by_default(
    running_server: EmbeddedServer,
) -> None:
    assert await scrape(running_server) == 200


async def test_a_request_forwarded_by_an_untrusted_proxy_needs_the_token(
    running_server: EmbeddedServer,
) -> None:
    # nginx on the same machine forwards the world's requests from 127.0.0.1: unless it is a
    # trusted proxy we cannot know who asked, so loopback's free pass does not apply.
    assert await scrape(running_server, {"X-Forwarded-For": "127.0.0.1"}) == 401


async def test_with_an_empty_allow_list_only_the_token_opens_it(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = server_factory(metrics={"token": TOKEN, "allow_from": []})
    assert await scrape(server) == 401
    assert await scrape(server, {"Authorization": "Bearer wrong-token-wrong-token"}) == 401
    assert await scrape(server, {"Authorization": f"Basic {TOKEN}"}) == 401
    assert await scrape(server, {"Authorization": f"Bearer {TOKEN}"}) == 200


async def test_no_token_configured_means_no_token_is_right(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = server_factory(metrics={"allow_from": []})
    assert await scrape(server, {"Authorization": "Bearer "}) == 401
    assert await scrape(server, {"Authorization": "Bearer None"}) == 401


async def test_behind_a_trusted_proxy_the_clients_address_is_checked(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = server_factory(
        server={"trusted_proxies": ["127.0.0.1"]},
        metrics={"token": TOKEN, "allow_from": ["192.0.2.0/24"]},
    )
    assert await scrape(server, {"X-Forwarded-For": "192.0.2.5"}) == 200, "the Prometheus host"
    assert await scrape(server, {"X-Forwarded-For": "203.0.113.5"}) == 401
    assert await scrape(server, {"X-Forwarded-For": "192.0.2.5, 203.0.113.5"}) == 401
    assert await scrape(server) == 401, "the proxy itself is not on the list"
    headers = {"X-Forwarded-For": "203.0.113.5", "Authorization": f"Bearer {TOKEN}"}
    assert await scrape(server, headers) == 200


def test_the_token_comes_from_the_environment_and_must_be_real() -> None:
    settings = load_settings(env={"KIOSKLINK_METRICS_TOKEN": TOKEN})
    assert settings.metrics.token is not None
    assert settings.metrics.token.get_secret_value() == TOKEN
    assert TOKEN not in repr(settings)
    for bad in ("short", "REPLACE_WITH_OUTPUT_OF_openssl_rand_hex_32"):
        with pytest.raises(ConfigError, match=r"^metrics\.token: "):
            load_settings(env={"KIOSKLINK_METRICS_TOKEN": bad})
    with pytest.raises(ConfigError, match=r"^metrics\.allow_from: "):
        load_settings(env={"KIOSKLINK_METRICS_ALLOW_FROM": "127.0.0.1,not-an-address"})
