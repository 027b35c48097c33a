"""Password guessing is slowed per account and per address: pure rules, then the real endpoint."""

from __future__ import annotations

import aiohttp

from signaling.embedded import EmbeddedServer
from signaling.throttle import LoginThrottle, login_keys


def test_lockout_after_repeated_failures_then_it_expires() -> None:
    throttle = LoginThrottle(max_failures=3, window_s=60, lockout_s=100)
    keys = login_keys("Amal", "192.0.2.7")
    for t in (0.0, 1.0):
        throttle.failed(keys, t)
        assert throttle.retry_after(keys, t) is None
    throttle.failed(keys, 2.0)
    assert throttle.retry_after(keys, 2.0) == 100
    assert throttle.retry_after(login_keys("omar", "192.0.2.7"), 50.0) == 52  # same address
    assert throttle.retry_after(login_keys("amal", "198.51.100.1"), 50.0) == 52  # same account
    assert throttle.retry_after(keys, 102.0) is None


def test_failures_outside_the_window_do_not_add_up() -> None:
    throttle = LoginThrottle(max_failures=3, window_s=60, lockout_s=100)
    keys = login_keys("amal", None)
    for t in (0.0, 50.0, 120.0, 170.0):  # never three within a minute
        throttle.failed(keys, t)
    assert throttle.retry_after(keys, 170.0) is None


def test_success_clears_the_account_not_the_address() -> None:
    throttle = LoginThrottle(max_failures=2, window_s=60, lockout_s=100)
    guesser = login_keys("omar", "192.0.2.7")
    throttle.failed(guesser, 0.0)
    throttle.succeeded(login_keys("amal", "192.0.2.7")[0])
    throttle.failed(login_keys("omar", "192.0.2.7"), 1.0)
    assert throttle.retry_after(login_keys("amal", "192.0.2.7"), 2.0) is not None


def test_memory_is_bounded() -> None:
    throttle = LoginThrottle(max_keys=100)
    for i in range(1_000):
        throttle.failed(login_keys(f"user{i}", None), float(i))
    assert len(throttle._failures) <= 100


async def test_sign_in_endpoint_refuses_with_429_after_five_failures(
    running_server: EmbeddedServer,
) -> None:
    running_server.add_adviser("amal", "correct horse battery", {"ar": "native"})
    url = f"{running_server.http_url}/api/login"
    async with aiohttp.ClientSession() as http:
        statuses = []
        for _ in range(6):  # bounded
            async with http.post(url, json={"username": "amal", "password": "guess"}) as resp:
                statuses.append(resp.status)
        assert statuses == [401] * 5 + [429]
        good = {"username": "amal", "password": "correct horse battery"}
        async with http.post(url, json=good) as resp:
            assert resp.status == 429, "locked: even the right password waits"
            assert int(resp.headers["Retry-After"]) > 0
            assert (await resp.json())["code"] == "rate_limited"
