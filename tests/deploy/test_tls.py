"""``kiosklink serve`` terminating TLS itself (server.tls_cert / server.tls_key), as an operator
runs it: a settings file, the real command, a kiosk registered with ``kiosklink admin``, and the
shared signaling client connecting over ``wss://`` with a private CA."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest

from rtc.signaling_client import Backoff, Connected, Disconnected, SignalingClient
from signaling import messages as m
from tests.deploy.certs import Cert, self_signed
from tests.deploy.coturn import free_port

KIOSKLINK = str(Path(sys.executable).with_name("kiosklink"))


@dataclass(frozen=True)
class TlsServer:
    port: int
    cert: Cert
    config: Path

    @property
    def base(self) -> str:
        return f"https://127.0.0.1:{self.port}"


def _clean_env() -> dict[str, str]:
    # The developer's own KIOSKLINK_* variables must not leak into the server under test.
    return {k: v for k, v in os.environ.items() if not k.startswith("KIOSKLINK_")}


def kiosklink(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [KIOSKLINK, *args], cwd=cwd, env=_clean_env(), capture_output=True, text=True, timeout=60
    )


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[TlsServer]:
    cert = self_signed(tmp_path)
    port = free_port()
    config = tmp_path / "kiosklink.toml"
    config.write_text(
        "[server]\n"
        'host = "127.0.0.1"\n'
        f"port = {port}\n"
        f'tls_cert = "{cert.cert}"\n'
        f'tls_key = "{cert.key}"\n'
        "[database]\n"
        f'path = "{tmp_path / "kiosklink.sqlite3"}"\n'
    )
    proc = subprocess.Popen(
        [KIOSKLINK, "serve", "--config", str(config)],
        cwd=tmp_path,
        env=_clean_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_listening(proc, port)
        yield TlsServer(port, cert, config)
    finally:
        proc.terminate()
        proc.wait(10)


def _wait_listening(proc: subprocess.Popen[bytes], port: int, timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"kiosklink serve exited with {proc.returncode}"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"kiosklink serve did not listen on {port} within {timeout_s} s")


async def test_health_over_https(tls_server: TlsServer) -> None:
    context = tls_server.cert.client_context()
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{tls_server.base}/healthz", ssl=context) as resp:
            assert resp.status == 200
            assert await resp.json() == {"status": "ok"}
        # Plain HTTP on the TLS port gets no answer a client could mistake for the service.
        with pytest.raises(aiohttp.ClientError):
            async with http.get(f"http://127.0.0.1:{tls_server.port}/healthz") as resp:
                await resp.read()


async def test_kiosk_connects_over_wss(tls_server: TlsServer, tmp_path: Path) -> None:
    added = await asyncio.to_thread(
        kiosklink,
        ["admin", "--config", str(tls_server.config), "add-kiosk", "--name", "K1", "--site", "Hus"],
        tmp_path,
    )
    assert added.returncode == 0, added.stderr
    token = added.stdout.strip().splitlines()[-1]

    client = SignalingClient(
        f"wss://127.0.0.1:{tls_server.port}/ws/kiosk",
        role="kiosk",
        token=token,
        ssl_context=tls_server.cert.client_context(),
    )
    await client.start()
    try:
        event = await client.next_event(timeout=20)
        assert isinstance(event, Connected), event
        assert isinstance(event.welcome, m.KioskWelcome) and event.welcome.site == "Hus"
    finally:
        await client.close()


async def test_a_kiosk_that_does_not_trust_the_certificate_never_connects(
    tls_server: TlsServer,
) -> None:
    # No ssl_context: the system's CAs, which never signed this certificate. The token is never
    # sent, because TLS fails before the WebSocket opens.
    client = SignalingClient(
        f"wss://127.0.0.1:{tls_server.port}/ws/kiosk",
        role="kiosk",
        token="never-sent",
        backoff=Backoff(initial_s=10.0),
    )
    await client.start()
    try:
        event = await client.next_event(timeout=20)
        assert isinstance(event, Disconnected), event
        assert "CERTIFICATE_VERIFY_FAILED" in event.reason
    finally:
        await client.close()
