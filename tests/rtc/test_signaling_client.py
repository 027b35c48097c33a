"""The shared signaling client against the real server: connect, reconnect, resume, refuse."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable

from rtc.signaling_client import (
    AuthFailed,
    Backoff,
    ClientEvent,
    Connected,
    Disconnected,
    LoginFailed,
    NotConnected,
    SignalingClient,
    login,
)
from signaling import messages as m
from signaling.embedded import EmbeddedServer

FAST = Backoff(initial_s=0.05, max_s=0.2)


async def next_of(client: SignalingClient, kind: type, timeout: float = 10.0) -> ClientEvent:
    async with asyncio.timeout(timeout):
        while True:
            event = await client.next_event()
            if isinstance(event, kind):
                return event


def test_backoff_grows_exponentially_with_jitter_and_a_cap() -> None:
    backoff = Backoff(initial_s=0.5, max_s=30.0, factor=2.0, jitter_ratio=0.5)
    rng = random.Random(4)
    for attempt in range(12):
        delay = backoff.delay(attempt, rng)
        base = min(30.0, 0.5 * 2**attempt)
        assert base * 0.5 <= delay <= base
    delays = {round(backoff.delay(3, rng), 6) for _ in range(20)}
    assert len(delays) > 10, "jitter: kiosks of one site must not reconnect in lockstep"


async def test_kiosk_reconnects_after_a_restart_and_resumes_its_place(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = server_factory()
    token = server.add_kiosk("K1", "Husby")
    client = SignalingClient(server.kiosk_url, role="kiosk", token=token, backoff=FAST)
    await client.start()
    try:
        await next_of(client, Connected)
        await client.send(m.Join(language="so"))
        queued = await next_of(client, m.Queued)
        assert isinstance(queued, m.Queued) and client.resume_token == queued.resume_token

        port = server.port
        server.stop()
        lost = await next_of(client, Disconnected)
        assert isinstance(lost, Disconnected) and 0 < lost.retry_in_s <= FAST.max_s
        try:
            await client.send(m.Ping())
            raise AssertionError("sending while down must raise")
        except NotConnected:
            pass

        # Same database, same port: the kiosk finds the server again by itself.
        again = EmbeddedServer(server.settings, port=port).start()
        try:
            connected = await next_of(client, Connected, timeout=20)
            assert isinstance(connected, Connected)
            assert isinstance(connected.welcome, m.KioskWelcome) and connected.welcome.resumed
            assert isinstance(await next_of(client, m.Queued), m.Queued)
        finally:
            await client.close()
            again.stop()
    finally:
        await client.close()


async def test_wrong_token_fails_once_and_stops(running_server: EmbeddedServer) -> None:
    client = SignalingClient(running_server.kiosk_url, role="kiosk", token="nope", backoff=FAST)
    await client.start()
    failed = await next_of(client, AuthFailed)
    assert isinstance(failed, AuthFailed) and "token" in failed.reason
    await asyncio.sleep(0.5)
    assert client._events.empty(), "no retry loop after a refusal"
    await client.close()


async def test_adviser_login_and_connect(running_server: EmbeddedServer) -> None:
    running_server.add_adviser("amal", "correct horse battery", {"ar": "native"})
    try:
        await login(running_server.http_url, "amal", "wrong")
        raise AssertionError("wrong password accepted")
    except LoginFailed as exc:
        assert "wrong username or password" in str(exc)
    session = await login(running_server.http_url, "amal", "correct horse battery")
    client = SignalingClient(running_server.adviser_url, role="adviser", token=session.token)
    await client.start()
    connected = await next_of(client, Connected)
    assert isinstance(connected, Connected) and isinstance(connected.welcome, m.AdviserWelcome)
    assert connected.welcome.languages == {"ar": "native"}
    await client.close()
