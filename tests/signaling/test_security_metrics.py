"""Who may read /metrics, against a real server: a bearer token, or an allowed address."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import aiohttp
import pytest
import yaml

from signaling.config import load_settings
from signaling.embedded import EmbeddedServer
from signaling.errors import ConfigError
from tests.deploy.coturn import free_port

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


DEPLOY = Path(__file__).resolve().parents[2] / "deploy" / "prometheus"


@pytest.mark.skipif(
    shutil.which("prometheus") is None, reason="prometheus not installed (Debian: prometheus)"
)
async def test_the_deploy_scrape_config_reaches_metrics_with_the_token(
    server_factory: Callable[..., EmbeddedServer], tmp_path: Path
) -> None:
    server = server_factory(metrics={"token": TOKEN, "allow_from": []})
    token_file = tmp_path / "kiosklink_metrics_token"
    token_file.write_text(TOKEN + "\n")
    config = yaml.safe_load((DEPLOY / "prometheus.yml").read_text())
    job = config["scrape_configs"][0]
    assert job["authorization"]["credentials_file"] == "/etc/prometheus/kiosklink_metrics_token"
    job["authorization"]["credentials_file"] = str(token_file)
    job["scheme"] = "http"
    job["scrape_interval"] = "1s"
    job["static_configs"] = [{"targets": [f"127.0.0.1:{server.port}"]}]
    without = {k: v for k, v in job.items() if k != "authorization"} | {"job_name": "no_token"}
    config["scrape_configs"].append(without)
    config["rule_files"] = [str(DEPLOY / "alerts.yml")]
    (tmp_path / "prometheus.yml").write_text(yaml.safe_dump(config))
    port = free_port()
    process = await asyncio.create_subprocess_exec(
        "prometheus",
        f"--config.file={tmp_path / 'prometheus.yml'}",
        f"--storage.tsdb.path={tmp_path / 'data'}",
        f"--web.listen-address=127.0.0.1:{port}",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        health = await targets_settled(f"http://127.0.0.1:{port}/api/v1/targets")
    finally:
        process.terminate()
        await asyncio.wait_for(process.wait(), 10)
    assert health["kiosklink"] == ("up", "")
    assert health["no_token"][0] == "down" and "401" in health["no_token"][1]


async def targets_settled(url: str) -> dict[str, tuple[str, str]]:
    """Each job's (health, last error) once every target has been scraped; bounded to 30 s."""
    health: dict[str, tuple[str, str]] = {}
    async with aiohttp.ClientSession() as http:
        for _ in range(150):
            with contextlib.suppress(aiohttp.ClientError):
                async with http.get(url) as resp:
                    targets = (await resp.json())["data"]["activeTargets"]
                    health = {t["scrapePool"]: (t["health"], t["lastError"]) for t in targets}
                    if len(health) == 2 and "unknown" not in {h for h, _ in health.values()}:
                        return health
            await asyncio.sleep(0.2)
    raise AssertionError(f"Prometheus never scraped both targets: {health}")
